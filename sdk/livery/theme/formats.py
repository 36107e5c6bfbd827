"""The export formats: from a theme to the text of one file, by format name.

``FORMATS`` maps a format name to an ``Exporter``: the function ``(theme) -> str`` and the file
suffix its output usually gets. Every exporter is deterministic (same theme, same text).

========  =================  ===========================================================
format    suffix             what it is
========  =================  ===========================================================
css       ``.css``           ``theme.css()``: the stylesheet of custom properties
scss      ``.scss``          SCSS variables, a ``$livery-theme`` map, the dark values and a
                             ``dark`` mixin (``livery.theme.export.scss``)
dtcg      ``.resolver.json`` W3C design tokens, DTCG format 2025.10, light and dark as a
                             Resolver document (``livery.theme.export.dtcg``)
tailwind  ``.css``           a Tailwind CSS v4 ``@theme`` block that points at Livery's
                             variables (``livery.theme.export.tailwind``)
gradio    ``.json``          Gradio's theme JSON (``gr.Theme.from_dict`` loads it)
toml      ``.toml``          a Livery theme file (``Theme.load`` reads it)
========  =================  ===========================================================
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from livery._files import write_atomic
from livery.errors import InvalidOptionError, ThemeFileError
from livery.theme.export import dtcg, scss, tailwind
from livery.theme.model import Theme


@dataclass(frozen=True)
class Exporter:
    """One export format: its name, the usual file suffix and the function that writes it."""

    name: str
    suffix: str
    render: Callable[[Theme], str]
    summary: str

    def __call__(self, theme: Theme) -> str:
        return self.render(theme)


def _css(theme: Theme) -> str:
    return theme.css()


def _scss(theme: Theme) -> str:
    return scss.export(theme.resolved(), name=theme.name, description=theme.description)


def _dtcg(theme: Theme) -> str:
    return dtcg.export(theme.resolved(), name=theme.name, description=theme.description)


def _tailwind(theme: Theme) -> str:
    return tailwind.export(theme.resolved(), name=theme.name, description=theme.description)


def _gradio(theme: Theme) -> str:
    return json.dumps(theme.to_gradio(), indent=1, ensure_ascii=False) + "\n"


def _toml(theme: Theme) -> str:
    return theme.to_toml()


FORMATS: dict[str, Exporter] = {
    exporter.name: exporter
    for exporter in (
        Exporter("css", ".css", _css, "the stylesheet of CSS custom properties"),
        Exporter("scss", ".scss", _scss, "SCSS variables, maps and a dark mixin"),
        Exporter("dtcg", ".resolver.json", _dtcg, "W3C design tokens (DTCG 2025.10)"),
        Exporter("tailwind", ".css", _tailwind, "a Tailwind CSS v4 @theme block"),
        Exporter("gradio", ".json", _gradio, "Gradio theme JSON"),
        Exporter("toml", ".toml", _toml, "a Livery TOML theme file"),
    )
}
"""Every export format by name, in the order the command line lists them."""


def export(theme: Theme, format: str) -> str:
    """The text of ``theme`` in ``format`` (a key of ``FORMATS``)."""
    try:
        exporter = FORMATS[format]
    except KeyError:
        raise InvalidOptionError(
            f"unknown export format {format!r}; choose one of {', '.join(FORMATS)}"
        ) from None
    return exporter(theme)


def write_export(text: str, path: str | os.PathLike[str]) -> Path:
    """Write an export atomically.

    A failure is a ``ThemeFileError`` (one line for the command line) and leaves ``path`` as it
    was.
    """
    try:
        return write_atomic(path, text)
    except OSError as error:
        reason = error.strerror or str(error)
        for parent in Path(path).parents:
            if parent.exists():
                if not parent.is_dir():
                    reason = f"{parent} is a file, not a folder"
                break
        raise ThemeFileError(f"cannot write the export: {reason}", source=str(path)) from None
