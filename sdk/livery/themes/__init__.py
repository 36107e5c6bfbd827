"""Gradio-compatible theme classes: change ``gradio`` to ``livery`` in the imports, keep the code.

The package has ``gradio.themes``' layout, so a Gradio theme file's imports work once renamed:
``livery.themes.Soft`` or ``livery.themes.soft.Soft``, ``livery.themes.base.Base``,
``livery.themes.utils.colors`` (``fonts``, ``sizes``), and every name ``gr.themes`` offers. The
classes are in ``base`` and one module per built-in; ``utils`` holds the hues, fonts and sizes.
"""

from __future__ import annotations

from livery.themes.base import Base, ThemeClass
from livery.themes.citrus import Citrus
from livery.themes.cyberpunk import Cyberpunk
from livery.themes.default import Default
from livery.themes.ember import Ember
from livery.themes.glass import Glass
from livery.themes.mario import Mario
from livery.themes.monochrome import Monochrome
from livery.themes.neon import Neon
from livery.themes.ocean import Ocean
from livery.themes.origin import Origin
from livery.themes.soft import Soft
from livery.themes.utils import colors, sizes
from livery.themes.utils.colors import Color
from livery.themes.utils.fonts import Font, GoogleFont, LocalFont
from livery.themes.utils.sizes import Size

__all__ = [
    "Base",
    "Citrus",
    "Color",
    "Cyberpunk",
    "Default",
    "Ember",
    "Font",
    "Glass",
    "GoogleFont",
    "LocalFont",
    "Mario",
    "Monochrome",
    "Neon",
    "Ocean",
    "Origin",
    "Size",
    "Soft",
    "ThemeClass",
    "colors",
    "sizes",
]
