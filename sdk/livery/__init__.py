"""Livery: themes and custom components for Gradio-style machine-learning web apps.

import livery
theme = livery.themes.Soft(primary_hue="rose").set(button_primary_text_color="white")
css = theme.css()
"""

from livery import themes
from livery.colour.palette import palette
from livery.errors import (
    InvalidValueError,
    LiveryError,
    ThemeError,
    ThemeFileError,
    ThemeReferenceError,
    UnknownThemeError,
    UnknownVariableError,
)
from livery.theme.model import Theme

__version__ = "0.1.0"

__all__ = [
    "InvalidValueError",
    "LiveryError",
    "Theme",
    "ThemeError",
    "ThemeFileError",
    "ThemeReferenceError",
    "UnknownThemeError",
    "UnknownVariableError",
    "__version__",
    "palette",
    "themes",
]
