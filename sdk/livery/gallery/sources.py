"""Where the gallery's themes come from: the library (built-ins and installed packages) and
the ``--themes`` folders (``*.toml`` theme files and Gradio ``*.json`` files).

A ``Source`` knows how to load its theme and how to tell that it changed (a file's
modification time and size). Loading never raises for a bad theme: the caller gets a
``LiveryError`` to turn into an error card, and anything unexpected from a stranger's file or
package is reported the same way, so one theme can never take the gallery down.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from livery.errors import LiveryError, ThemeError
from livery.theme import LibraryEntry, Theme, entries

THEME_SUFFIXES = (".toml", ".json")
"""What a ``--themes`` folder may hold: theme files and Gradio theme JSON."""

GRADIO_CLASSES = {
    "base": "Base",
    "default": "Default",
    "soft": "Soft",
    "glass": "Glass",
    "monochrome": "Monochrome",
    "origin": "Origin",
    "citrus": "Citrus",
    "ocean": "Ocean",
    "ember": "Ember",
    "cyberpunk": "Cyberpunk",
    "neon": "Neon",
    "mario": "Mario",
}
"""Built-ins that ``livery.themes`` offers as Gradio-style classes (for the Python snippet)."""

Stamp = tuple[int, int] | None
"""A file's (mtime_ns, size), or ``None`` for themes that cannot change while running."""


@dataclass(frozen=True)
class Source:
    """One theme the gallery shows: a library entry or a file in a ``--themes`` folder."""

    key: str
    """Unique and stable while the source exists: ``lib:<name>`` or ``file:<absolute path>``."""
    label: str
    """What to call it when it cannot be loaded: the library name or the file name."""
    origin: str
    """Where it comes from, for people: ``built-in``, a package name, or the folder."""
    path: Path | None = None
    entry: LibraryEntry | None = None

    @property
    def library_name(self) -> str | None:
        """The name ``livery.Theme.load`` knows this theme by, for library themes."""
        return self.entry.name if self.entry is not None else None

    def stamp(self) -> Stamp:
        """What changes when the theme's file changes (``None`` when it has no file)."""
        path = self.path if self.path is not None else (self.entry and self.entry.path)
        if path is None:
            return None
        try:
            info = path.stat()
        except OSError:
            return (-1, -1)
        return (info.st_mtime_ns, info.st_size)

    def load(self) -> Theme:
        """The theme; every problem is a ``LiveryError`` with a one-line message."""
        try:
            if self.entry is not None:
                return Theme.load(self.entry)
            assert self.path is not None
            return Theme.load(self.path)
        except LiveryError:
            raise
        except RecursionError:
            raise ThemeError("the theme nests too deeply to read", source=self.label) from None
        except Exception as error:  # a stranger's file must never take the gallery down
            raise ThemeError(
                f"could not load: {type(error).__name__}: {error}", source=self.label
            ) from None


def library_sources() -> list[Source]:
    """The built-in themes, then the themes of installed ``livery.themes`` packages."""
    return [
        Source(key=f"lib:{name}", label=name, origin=entry.origin, entry=entry)
        for name, entry in entries().items()
    ]


def folder_sources(folder: Path) -> list[Source]:
    """The theme files directly inside ``folder`` (sorted; hidden and temporary files skipped)."""
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return []
    found = []
    for name in names:
        path = folder / name
        if not is_theme_file(path) or not path.is_file():
            continue
        absolute = path.resolve()
        found.append(Source(key=f"file:{absolute}", label=name, origin=f"{folder}", path=absolute))
    return found


def is_theme_file(path: str | os.PathLike[str]) -> bool:
    """Whether a path names a file the gallery reads (editors' temporary files are not)."""
    name = os.path.basename(os.fspath(path))
    return name.lower().endswith(THEME_SUFFIXES) and not name.startswith((".", "~", "#"))


def collect(folders: Sequence[Path] = (), *, include_library: bool = True) -> list[Source]:
    """Every source, in the order the gallery lists them: library first, then each folder."""
    sources = library_sources() if include_library else []
    for folder in folders:
        sources += folder_sources(folder)
    return _unique(sources)


def _unique(sources: Iterable[Source]) -> list[Source]:
    """Drop repeats (the same folder given twice, or a folder inside another one's list)."""
    seen: dict[str, Source] = {}
    for source in sources:
        seen.setdefault(source.key, source)
    return list(seen.values())
