"""Option types shared by several commands."""

from __future__ import annotations

from enum import Enum

from livery.theme.emit import DARK_SWITCHES

DarkSwitch = Enum("DarkSwitch", {name: name for name in DARK_SWITCHES}, type=str)  # type: ignore[misc]
"""How dark mode is switched on: a .dark class, a data-theme attribute, the media query, all."""
