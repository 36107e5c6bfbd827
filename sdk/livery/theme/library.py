"""The theme library: built-in theme files, installed theme packages, and loading by name.

Built-ins are the ``themes/*.toml`` files shipped with Livery. A package adds themes by
declaring entry points in the ``livery.themes`` group whose objects are a ``Theme``, a callable
returning one, or the path of a theme file.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass
from functools import cache
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path
from typing import Any

from livery._resources import data_dir
from livery.errors import ThemeError, UnknownThemeError
from livery.theme import gradio_json, tomlfile
from livery.theme.model import Theme

ENTRY_POINT_GROUP = "livery.themes"


@dataclass(frozen=True)
class LibraryEntry:
    """A theme the library can load: its name, where it comes from, and how to load it."""

    name: str
    origin: str  # "built-in" or the distribution that provides it
    path: Path | None = None
    entry_point: EntryPoint | None = None

    def load(self) -> Theme:
        if self.path is not None:
            return tomlfile.read(self.path)
        assert self.entry_point is not None
        return _from_entry_point(self.entry_point)


def builtin_dir() -> Path:
    """The folder of the built-in theme files."""
    return data_dir("themes")


def entries() -> dict[str, LibraryEntry]:
    """Every theme in the library by name: built-ins first, then installed packages."""
    found = {
        path.stem: LibraryEntry(path.stem, "built-in", path=path)
        for path in sorted(builtin_dir().glob("*.toml"))
    }
    for point in entry_points(group=ENTRY_POINT_GROUP):
        name = point.name.lower()
        if name not in found:
            origin = point.dist.name if point.dist is not None else "installed package"
            found[name] = LibraryEntry(name, origin, entry_point=point)
    return found


def load(name_or_path: str | os.PathLike[str]) -> Theme:
    """Load a theme by library name, or from a ``.toml`` theme file or Gradio ``.json`` file."""
    text = os.fspath(name_or_path)
    if isinstance(name_or_path, os.PathLike) or _looks_like_path(text):
        path = Path(text)
        if path.suffix.lower() == ".json":
            return gradio_json.load(path)
        return tomlfile.read(path)
    return _by_name(text.strip().lower())


def builtin_fields(name: str) -> dict[str, Any]:
    """The model fields of a built-in theme (cached: the files do not change while running)."""
    theme = _builtin_theme(name)
    fields = dict(theme)
    fields["overrides"] = dict(theme.overrides)
    return fields


@cache
def _builtin_theme(name: str) -> Theme:
    return tomlfile.read(builtin_dir() / f"{name}.toml")


def _looks_like_path(text: str) -> bool:
    return text.lower().endswith((".toml", ".json")) or "/" in text or os.sep in text


def _by_name(name: str) -> Theme:
    library = entries()
    entry = library.get(name)
    if entry is None:
        close = difflib.get_close_matches(name, library, n=3)
        hint = f"did you mean {', '.join(close)}?" if close else f"one of {', '.join(library)}"
        raise UnknownThemeError(f"no theme named {name!r} in the library; {hint}")
    return entry.load()


def _from_entry_point(point: EntryPoint) -> Theme:
    source = f"entry point {point.name} ({point.value})"
    try:
        obj = point.load()
        if callable(obj) and not isinstance(obj, Theme):
            obj = obj()
    except ThemeError as error:
        raise error.with_source(source) from None
    except Exception as error:  # a broken package must not take the library down
        raise ThemeError(
            f"could not load: {type(error).__name__}: {error}", source=source
        ) from None
    if isinstance(obj, (str, os.PathLike)):
        return tomlfile.read(obj)
    if isinstance(obj, Theme):
        return obj
    raise ThemeError(f"gave a {type(obj).__name__}, not a Theme or a theme file", source=source)
