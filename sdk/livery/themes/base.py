"""``Base`` and ``ThemeClass``, where Gradio keeps them (``gradio.themes.base``).

``Base(primary_hue=…, secondary_hue=…, neutral_hue=…, text_size=…, spacing_size=…,
radius_size=…, font=…, font_mono=…)`` takes Gradio's arguments in Gradio's forms (names, objects,
shortcuts like ``radius_size="none"``), ``.set(**variables)`` Gradio's variable names. Each
built-in class names its theme file in the library (``theme_file``) and starts from it, with
the same values as Gradio's class of the same name, and Gradio's name (``Soft().name`` is
``"soft"``; the library's file calls it "Soft"); arguments you pass replace the file's settings.

``.set()`` behaves as Gradio's by default, background reset included, so switching the import
changes no pixel; ``semantics="livery"`` gives Livery's plainer ``.set()`` (only what you pass
changes; ``""`` and ``0`` are values). ``theme.gradio_resets`` lists what the reset changed,
and ``livery theme check`` reports it.

``ThemeClass`` is ``livery.Theme`` itself. Gradio's ``ThemeClass`` is the parent of every
theme, and code uses it that way (``isinstance(theme, ThemeClass)``, ``ThemeClass.load``); as
the same class, every Livery theme passes that check, including ones loaded from files or
built without ``Base`` — a subclass between the two would turn those away.
"""

from __future__ import annotations

from functools import cache
from typing import Any, ClassVar

from livery.errors import InvalidOptionError
from livery.theme import SETTINGS, Color, Semantics, Size, Theme, builtin_dir

ThemeClass = Theme
"""Gradio's name for the parent of every theme: Livery's ``Theme``."""

__all__ = ["Base", "ThemeClass"]


class Base(Theme):
    """Gradio's Base theme; subclass it (as with ``gr.themes.Base``) to make your own."""

    theme_file: ClassVar[str] = "base"
    _SEMANTICS: ClassVar[Semantics] = "gradio"

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
        semantics: Semantics = "gradio",
        **fields: Any,
    ) -> None:
        if semantics not in ("gradio", "livery"):
            raise InvalidOptionError(f"semantics must be 'gradio' or 'livery', not {semantics!r}")
        arguments = (primary_hue, secondary_hue, neutral_hue, text_size, spacing_size,
                     radius_size, font, font_mono)  # fmt: skip
        given = dict(zip(SETTINGS, arguments, strict=True))
        data = _builtin_fields(self.theme_file)
        data["name"] = self.theme_file  # Gradio's name: "soft"; a subclass keeps its parent's
        data.update({key: value for key, value in given.items() if value is not None})
        data.update(fields)
        super().__init__(**data)
        self._semantics = semantics


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
