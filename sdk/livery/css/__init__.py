"""Custom CSS and SCSS on top of a theme: compiled with libsass, checked against the theme.

``compile_custom(theme, custom)`` is what ``Theme.css(custom=…)`` and ``livery css build``
use; ``check_css(theme, text)`` checks the ``var(--x)`` names of a stylesheet alone.
"""

from __future__ import annotations

from livery.css.build import CustomCss, build_custom, compile_custom
from livery.css.check import UnknownName, check_css
from livery.css.errors import (
    CssError,
    CssFileError,
    CssImportError,
    CssWarning,
    ScssError,
    UnknownCssVariableError,
    UnknownCssVariableWarning,
    UnsafeCssError,
)

__all__ = [
    "CssError",
    "CssFileError",
    "CssImportError",
    "CssWarning",
    "CustomCss",
    "ScssError",
    "UnknownCssVariableError",
    "UnknownCssVariableWarning",
    "UnknownName",
    "UnsafeCssError",
    "build_custom",
    "check_css",
    "compile_custom",
]
