"""The export formats: from a theme to the text of one file, by format name.

``FORMATS`` maps a format name to an ``Exporter``: the function ``(theme) -> str`` and the file
suffix its output usually gets. Every exporter is deterministic (same theme, same text).

========  =================  ===========================================================
format    suffix             what it is
========  =================  ===========================================================
css       ``.css``           ``theme.css()``: the stylesheet of custom properties
scss      ``.scss``          SCSS variables, a ``$livery-theme`` map, the dark values and a
                             ``dark`` mixin (``livery.theme.export.scss``)
dtcg      ``.resolver.json`` W3C design tokens, DTCG format 2025.10: printed, one Resolver
                             document; written (``write_files``), light and dark token files
                             plus a resolver that refers to them (``livery.theme.export.dtcg``)
tailwind  ``.css``           Tailwind CSS v4 ``@theme`` blocks that point at Livery's
                             variables, beside Tailwind's scales (``namespaced``) or
                             replacing them (``replace``; ``livery.theme.export.tailwind``)
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
    files: Callable[[Theme, str], dict[str, str]] | None = None
    """``(theme, stem) -> {file name: text}`` when the written export is several files."""

    def __call__(self, theme: Theme) -> str:
        return self.render(theme)


def _css(theme: Theme) -> str:
    return theme.css()


def _scss(theme: Theme) -> str:
    return scss.export(theme.resolved(), name=theme.name, description=theme.description)


def _dtcg(theme: Theme) -> str:
    return dtcg.export(theme.resolved(), name=theme.name, description=theme.description)


def _dtcg_files(theme: Theme, stem: str) -> dict[str, str]:
    return dtcg.files(theme.resolved(), name=theme.name, stem=stem, description=theme.description)


TAILWIND_MODES = tailwind.MODES
"""The Tailwind export's modes: ``namespaced`` (the default) and ``replace``."""


def tailwind_export(theme: Theme, mode: str = tailwind.NAMESPACED) -> str:
    """The Tailwind export in ``mode`` (``tailwind.MODES``); the format's default is namespaced,
    which leaves Tailwind's own ``text-sm``, ``rounded-md``, ``neutral-*`` as they are."""
    return tailwind.export(
        theme.resolved(), name=theme.name, description=theme.description, mode=mode
    )


def _gradio(theme: Theme) -> str:
    return json.dumps(theme.to_gradio(), indent=1, ensure_ascii=False) + "\n"


def _toml(theme: Theme) -> str:
    return theme.to_toml()


FORMATS: dict[str, Exporter] = {
    exporter.name: exporter
    for exporter in (
        Exporter("css", ".css", _css, "the stylesheet of CSS custom properties"),
        Exporter("scss", ".scss", _scss, "SCSS variables, maps and a dark mixin"),
        Exporter("dtcg", ".resolver.json", _dtcg, "W3C design tokens (DTCG 2025.10)", _dtcg_files),
        Exporter("tailwind", ".css", tailwind_export, "Tailwind CSS v4 @theme blocks"),
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


def write_files(theme: Theme, format: str, path: str | os.PathLike[str]) -> list[Path]:
    """Write ``theme`` in ``format`` to ``path``, as the files the format is made of.

    A format of one file is written to ``path``. A format of several (``dtcg``) writes its
    main file (the resolver) to ``path``, or to ``NAME.resolver.json`` in ``path`` if that is
    a folder, and the others next to it, named after it without its suffix
    (``out/soft.resolver.json`` → ``out/soft.tokens.json``, ``out/soft.dark.tokens.json``).
    Every text is made before anything is written, and each file is written atomically, the
    main one last: a failure leaves the earlier export's main file as it was.
    """
    exporter = FORMATS.get(format)
    if exporter is None or exporter.files is None:
        return [write_export(export(theme, format), path)]
    main = Path(path)
    if main.is_dir():
        main = main / f"{_slug(theme.name)}{exporter.suffix}"
    stem = main.name.removesuffix(exporter.suffix)
    stem = main.stem if stem == main.name else stem
    texts = exporter.files(theme, stem)
    main_text = texts.pop(f"{stem}{exporter.suffix}")
    written = [write_export(text, main.parent / name) for name, text in texts.items()]
    return [*written, write_export(main_text, main)]


def _slug(name: str) -> str:
    """A file stem from a theme's name: ``Soft Rose`` → ``soft-rose``."""
    return "-".join("".join(c if c.isalnum() else " " for c in name.lower()).split()) or "theme"
