"""The theme library: built-in theme files, installed theme packages, and finding by name.

Built-ins are the ``themes/*.toml`` files shipped with Livery. A package adds themes by
declaring entry points in the ``livery.themes`` group whose objects are a ``Theme``, a callable
returning one, or the path of a theme file. The library finds themes; ``Theme.load`` builds
them.
"""

from __future__ import annotations

import difflib
import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path

from livery._resources import data_dir
from livery.errors import ThemeError, UnknownThemeError

ENTRY_POINT_GROUP = "livery.themes"


@dataclass(frozen=True)
class LibraryEntry:
    """A theme the library can load: its name, where it comes from, and what holds it.

    ``Theme.load(entry)`` loads it: from ``path`` (a theme file) or from the object of
    ``entry_point`` (a ``Theme``, a callable returning one, or the path of a theme file).
    """

    name: str
    origin: str  # "built-in" or the distribution that provides it
    path: Path | None = None
    entry_point: EntryPoint | None = None

    def target(self) -> object:
        """What the entry holds: its file's path, or its entry point's object."""
        if self.path is not None:
            return self.path
        assert self.entry_point is not None
        source = self.source
        try:
            return self.entry_point.load()
        except ThemeError as error:
            raise error.with_source(source) from None
        except Exception as error:  # a broken package must not take the library down
            raise ThemeError(
                f"could not load: {type(error).__name__}: {error}", source=source
            ) from None

    @property
    def source(self) -> str:
        """How messages name the entry: its file, or its entry point."""
        if self.path is not None:
            return str(self.path)
        assert self.entry_point is not None
        return f"entry point {self.entry_point.name} ({self.entry_point.value})"


def builtin_dir() -> Path:
    """The folder of the built-in theme files."""
    return data_dir("themes")


def entries() -> dict[str, LibraryEntry]:
    """Every theme in the library by name: built-ins first, then installed packages.

    Scanning every distribution's entry points takes milliseconds, and servers ask on every
    request: the answer is kept until a folder it came from changes (installing or removing
    a package, or a theme file, changes its folder's modification time; so does a new
    ``sys.path``)."""
    return dict(_entries(_folders_stamp()))


def _folders_stamp() -> tuple[tuple[str, int], ...]:
    stamp = []
    for folder in (str(builtin_dir()), *sys.path):
        try:
            stamp.append((folder, os.stat(folder or ".").st_mtime_ns))
        except OSError:
            stamp.append((folder, -1))
    return tuple(stamp)


@lru_cache(maxsize=8)
def _entries(stamp: tuple[tuple[str, int], ...]) -> dict[str, LibraryEntry]:
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


def find(name: str) -> LibraryEntry:
    """The library's entry called ``name`` (any case), or an error suggesting close names."""
    library = entries()
    name = name.strip().lower()
    entry = library.get(name)
    if entry is None:
        close = difflib.get_close_matches(name, library, n=3)
        hint = f"did you mean {', '.join(close)}?" if close else f"one of {', '.join(library)}"
        raise UnknownThemeError(f"no theme named {name!r} in the library; {hint}")
    return entry


def looks_like_path(text: str | os.PathLike[str]) -> bool:
    """Whether ``Theme.load`` should read ``text`` as a file rather than a library name."""
    if isinstance(text, os.PathLike):
        return True
    return text.lower().endswith((".toml", ".json")) or "/" in text or os.sep in text
