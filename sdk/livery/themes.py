"""Gradio-compatible theme classes: change ``gr.themes`` to ``livery.themes``, keep the code.

``Base(primary_hue=…, secondary_hue=…, neutral_hue=…, text_size=…, spacing_size=…,
radius_size=…, font=…, font_mono=…)`` takes Gradio's arguments in Gradio's forms (names, objects,
shortcuts like ``radius_size="none"``), ``.set(**variables)`` Gradio's variable names. Each
built-in class starts from its theme file in the library, with the same values as Gradio's
class of the same name; arguments you pass replace the file's settings.
"""

from __future__ import annotations

from functools import cache
from typing import Any, ClassVar

from livery.theme import (
    SETTINGS,
    Color,
    Font,
    GoogleFont,
    LocalFont,
    Size,
    Theme,
    builtin_dir,
    sizes,
)
from livery.theme import palettes as colors

__all__ = [
    "Base",
    "Citrus",
    "Color",
    "Default",
    "Font",
    "Glass",
    "GoogleFont",
    "LocalFont",
    "Monochrome",
    "Ocean",
    "Origin",
    "Size",
    "Soft",
    "colors",
    "sizes",
]


class Base(Theme):
    """Gradio's Base theme; subclass it (as with ``gr.themes.Base``) to make your own."""

    theme_file: ClassVar[str] = "base"

    def __init__(
        self,
        *,
        primary_hue: Color | str | None = None,
        secondary_hue: Color | str | None = None,
        neutral_hue: Color | str | None = None,
        text_size: Size | str | None = None,
        spacing_size: Size | str | None = None,
        radius_size: Size | str | None = None,
        font: Any = None,
        font_mono: Any = None,
        **fields: Any,
    ) -> None:
        arguments = (primary_hue, secondary_hue, neutral_hue, text_size, spacing_size,
                     radius_size, font, font_mono)  # fmt: skip
        given = dict(zip(SETTINGS, arguments, strict=True))
        data = _builtin_fields(self.theme_file)
        data.update({key: value for key, value in given.items() if value is not None})
        data.update(fields)
        super().__init__(**data)


class Default(Base):
    """Gradio's Default theme: orange and blue, Source Sans Pro."""

    theme_file: ClassVar[str] = "default"


class Soft(Base):
    """Gradio's Soft theme: indigo, soft fills, Montserrat."""

    theme_file: ClassVar[str] = "soft"


class Glass(Base):
    """Gradio's Glass theme: slate gradients, small sizes."""

    theme_file: ClassVar[str] = "glass"


class Monochrome(Base):
    """Gradio's Monochrome theme: black and white, square corners, Lora."""

    theme_file: ClassVar[str] = "monochrome"


class Origin(Base):
    """Gradio's Origin theme: Gradio 4's look."""

    theme_file: ClassVar[str] = "origin"


class Citrus(Base):
    """Gradio's Citrus theme: amber, raised buttons, Ubuntu."""

    theme_file: ClassVar[str] = "citrus"


class Ocean(Base):
    """Gradio's Ocean theme: emerald to sky gradients, round corners."""

    theme_file: ClassVar[str] = "ocean"


@cache
def _builtin(name: str) -> Theme:
    return Theme.load(builtin_dir() / f"{name}.toml")


def _builtin_fields(name: str) -> dict[str, Any]:
    """The model fields of a built-in theme (its file is read once: built-ins do not change
    while Livery runs)."""
    theme = _builtin(name)
    fields = dict(theme)
    fields["overrides"] = dict(theme.overrides)
    return fields
