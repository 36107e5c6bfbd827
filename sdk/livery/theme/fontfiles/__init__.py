"""Self-hosted font files for hosted fonts (``GoogleFont``, ``LocalFont``), from npm.

A theme's hosted fonts are Google families; the ``@fontsource/<slug>`` package of each holds
its woff2 files per weight and subset. ``font_set`` finds a family's files in the cache, or
fetches the package once (``registry``), checks it and keeps only the weights asked for
(``cache``); ``face_rules`` (``faces``) writes the ``@font-face`` rules for wherever the files
are served. When a font cannot be had (offline and not cached, a corrupted download) the
caller gets ``None`` and one ``FontUnavailableWarning`` warning per family: the page then uses
the rest of the font stack, as it would for any missing font.
"""

from __future__ import annotations

import os
import shutil
import threading
import warnings
from collections.abc import Iterable
from pathlib import Path

from livery.errors import FontUnavailableWarning
from livery.theme.fontfiles import registry
from livery.theme.fontfiles.cache import (
    FILE_NAME,
    Face,
    FontSet,
    cache_root,
    cached,
    find_file,
    store,
)
from livery.theme.fontfiles.faces import face_rules
from livery.theme.fonts import FontEntry, GoogleFont, LocalFont

__all__ = [
    "FILE_NAME",
    "Face",
    "FontSet",
    "cache_root",
    "copy_files",
    "face_rules",
    "find_file",
    "font_set",
    "font_sets",
    "hosted_fonts",
    "package_name",
    "stack_faces",
]

_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()
_failed: set[tuple[str, str, str]] = set()
"""(registry, cache, package) that could not be had in this process: neither asked for again
nor warned about again (a gallery asks for the same font for every card; a dead network would
stall each)."""


def package_name(family: str) -> str:
    """The npm package of a Google family: ``IBM Plex Mono`` → ``@fontsource/ibm-plex-mono``."""
    return "@fontsource/" + "-".join(family.lower().replace("_", " ").split())


def hosted_fonts(stack: Iterable[FontEntry]) -> dict[str, frozenset[int]]:
    """The hosted families of a stack (or of several stacks), each with every weight any
    entry asks for, in stack order."""
    found: dict[str, frozenset[int]] = {}
    for entry in stack:
        if isinstance(entry, (GoogleFont, LocalFont)):
            found[entry.name] = found.get(entry.name, frozenset()) | frozenset(entry.weights)
    return found


def font_set(family: str, weights: Iterable[int]) -> FontSet | None:
    """The files of ``family`` in ``weights`` (those the package has), from the cache or
    downloaded once; ``None``, with a one-line warning, if they cannot be had."""
    asked = frozenset(weights)
    package = package_name(family)
    with _lock(package):
        found = cached(package, family)
        if found is not None and asked <= found.weights | found.asked:
            return _only(found, asked)
        if _attempt(package) in _failed:
            return None if found is None else _only(found, asked)
        try:
            release = registry.latest(package)
            if found is not None and found.version == release.version:
                asked_now = asked | found.weights | found.asked
            else:
                asked_now = asked
            data = registry.download(release)
            stored = store(package, release.version, family, data, asked_now)
        except FontUnavailableWarning as error:
            _warn(package, error, fallback=found is not None)
            return None if found is None else _only(found, asked)
        except OSError as error:
            _warn(package, FontUnavailableWarning(f"{package}: cannot write the cache: {error}"))
            return None if found is None else _only(found, asked)
    return _only(stored, asked)


def font_sets(stack: Iterable[FontEntry]) -> list[FontSet]:
    """The font sets of every hosted family in ``stack`` that can be had."""
    sets = (font_set(family, weights) for family, weights in hosted_fonts(stack).items())
    return [found for found in sets if found is not None]


def stack_faces(stack: Iterable[FontEntry], prefix: str, *, minify: bool = False) -> str:
    """The ``@font-face`` rules of every hosted family in ``stack`` that can be had, their
    files at ``<prefix>/<file>`` (``""`` when there are none); a newline ends them unless
    ``minify``."""
    rules = face_rules(font_sets(stack), prefix, minify=minify)
    return rules if minify or not rules else rules + "\n"


def copy_files(sets: Iterable[FontSet], folder: Path) -> list[Path]:
    """Copy the woff2 files of ``sets`` into ``folder`` (created), each through a temporary
    file and a rename, so a file there is always whole; return the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for found in sets:
        for face in found.faces:
            target = folder / face.file
            partial = folder / f".{face.file}.{os.getpid()}.tmp"
            try:
                shutil.copyfile(found.folder / face.file, partial)
                os.replace(partial, target)
            finally:
                partial.unlink(missing_ok=True)
            written.append(target)
    return written


def _only(found: FontSet, weights: frozenset[int]) -> FontSet | None:
    faces = tuple(face for face in found.faces if face.weight in weights)
    if not faces:
        return None
    return FontSet(found.family, found.package, found.version, found.folder, faces, found.asked)


def _attempt(package: str) -> tuple[str, str, str]:
    return (registry.registry_url(), str(cache_root()), package)


def _lock(package: str) -> threading.Lock:
    with _locks_guard:
        return _locks.setdefault(package, threading.Lock())


def _warn(package: str, error: FontUnavailableWarning, *, fallback: bool = False) -> None:
    _failed.add(_attempt(package))
    tail = (
        "; using the weights already cached" if fallback else "; using the rest of the font stack"
    )
    warnings.warn(FontUnavailableWarning(f"{error}{tail}"), stacklevel=3)
