"""The theme engine's façade: everything outside ``livery.theme`` takes from here.

Data flows one way through the engine's modules::

    catalogue, values, palettes, sizes, fonts     what a variable is and what it may hold
      → resolve      a checked table of light and dark values (``Resolved``)
      → emit         the stylesheet;  colour: audit and repair;  export: other formats
      → css          custom CSS/SCSS checked against the table
      → model        ``Theme``: what a person chose, and the methods that run the above
      → (files)      tomlfile, gradio_json, library: themes from and to files

The names below load on first use, so that importing one small piece of the engine (the
pytest plugin, ``livery --help``) does not import the whole of it.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from livery.theme.catalogue import BY_NAME, VARIABLES, Variable
    from livery.theme.colour import (
        LEVELS,
        PAIRS,
        AuditReport,
        Change,
        Check,
        ContrastRepairError,
        Pair,
        SeedError,
        palette,
        place,
    )
    from livery.theme.dark import DARK_SWITCHES, DarkSwitch
    from livery.theme.fonts import Font, FontEntry, GoogleFont, LocalFont, font_stack_css
    from livery.theme.formats import (
        FORMATS,
        TAILWIND_MODES,
        Exporter,
        tailwind_export,
        write_export,
        write_files,
    )
    from livery.theme.gradio_set import Reset, Semantics
    from livery.theme.hub import ThemeAsset, get_matching_version, get_theme_assets
    from livery.theme.library import LibraryEntry, builtin_dir, entries
    from livery.theme.model import SETTINGS, RepairResult, Theme
    from livery.theme.palettes import NAMED, SHADES, Color
    from livery.theme.resolve import Resolved
    from livery.theme.sizes import PRESETS, STEPS, Size
    from livery.theme.values import Kind, css_name

_LAZY: dict[str, str] = {
    # the model
    "Theme": "model",
    "SETTINGS": "model",
    "RepairResult": "model",
    "Resolved": "resolve",
    "Reset": "gradio_set",
    "Semantics": "gradio_set",
    # Gradio's Hub helpers
    "ThemeAsset": "hub",
    "get_matching_version": "hub",
    "get_theme_assets": "hub",
    # the catalogue and its values
    "VARIABLES": "catalogue",
    "BY_NAME": "catalogue",
    "Variable": "catalogue",
    "Kind": "values",
    "css_name": "values",
    # dark mode
    "DarkSwitch": "dark",
    "DARK_SWITCHES": "dark",
    # hues, sizes, fonts
    "NAMED": "palettes",
    "SHADES": "palettes",
    "Color": "palettes",
    "PRESETS": "sizes",
    "STEPS": "sizes",
    "Size": "sizes",
    "Font": "fonts",
    "FontEntry": "fonts",
    "GoogleFont": "fonts",
    "LocalFont": "fonts",
    "font_stack_css": "fonts",
    # the library
    "LibraryEntry": "library",
    "builtin_dir": "library",
    "entries": "library",
    # exports
    "FORMATS": "formats",
    "Exporter": "formats",
    "write_export": "formats",
    "write_files": "formats",
    "tailwind_export": "formats",
    "TAILWIND_MODES": "formats",
    # colour
    "AuditReport": "colour",
    "Change": "colour",
    "Check": "colour",
    "ContrastRepairError": "colour",
    "LEVELS": "colour",
    "PAIRS": "colour",
    "Pair": "colour",
    "SeedError": "colour",
    "palette": "colour",
    "place": "colour",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'livery.theme' has no attribute {name!r}")
    value = getattr(import_module(f"livery.theme.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "BY_NAME",
    "DARK_SWITCHES",
    "FORMATS",
    "LEVELS",
    "NAMED",
    "PAIRS",
    "PRESETS",
    "SETTINGS",
    "SHADES",
    "STEPS",
    "TAILWIND_MODES",
    "VARIABLES",
    "AuditReport",
    "Change",
    "Check",
    "Color",
    "ContrastRepairError",
    "DarkSwitch",
    "Exporter",
    "Font",
    "FontEntry",
    "GoogleFont",
    "Kind",
    "LibraryEntry",
    "LocalFont",
    "Pair",
    "RepairResult",
    "Reset",
    "Resolved",
    "SeedError",
    "Semantics",
    "Size",
    "Theme",
    "ThemeAsset",
    "Variable",
    "builtin_dir",
    "css_name",
    "entries",
    "font_stack_css",
    "get_matching_version",
    "get_theme_assets",
    "palette",
    "place",
    "tailwind_export",
    "write_export",
    "write_files",
]
