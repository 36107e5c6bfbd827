"""Option types shared by several commands: fixed choices taken from the engine's own lists."""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum

from livery.css import COMPILERS
from livery.theme import DARK_SWITCHES


def choices(name: str, values: Iterable[str]) -> type[Enum]:
    """A ``str`` enum of ``values`` (member name = value), which typer shows as the choices
    of an option; built from the engine's tuple so that a new choice needs no CLI change."""
    return Enum(name, {value: value for value in values}, type=str)  # type: ignore[return-value]


DarkOption = choices("DarkOption", DARK_SWITCHES)
"""How dark mode is switched on: a .dark class, a data-theme attribute, the media query, all."""

SassCompiler = choices("SassCompiler", COMPILERS)
"""Which Sass compiles custom stylesheets: libsass (the default) or Dart Sass."""
