"""Paths the command line writes to, checked before any work, and OS errors as one line.

``-o out/`` for a file, or ``-o notes.txt/x.css`` under a file, would otherwise fail deep in
an atomic write with ``IsADirectoryError`` naming a temporary file; the user should read which
of *their* paths is wrong, and why, in one line.
"""

from __future__ import annotations

import os
from pathlib import Path

from livery.errors import OutputPathError


def check_output_file(path: Path, option: str = "-o") -> None:
    """Refuse (``OutputPathError``) a path that cannot become a file: a folder, or one whose
    parent is a file."""
    if path.is_dir():
        raise OutputPathError(f"{option} {path}: is a folder; name the file to write")
    _check_parents(path, option)


def check_output_folder(path: Path, option: str = "-o") -> None:
    """Refuse (``OutputPathError``) a path that cannot become a folder: a file, or one whose
    parent is a file."""
    if path.exists() and not path.is_dir():
        raise OutputPathError(f"{option} {path}: is a file; name a folder to write into")
    _check_parents(path, option)


def _check_parents(path: Path, option: str) -> None:
    for parent in path.parents:
        if parent.is_dir():
            return
        if parent.exists():
            raise OutputPathError(f"{option} {path}: {parent} is a file, not a folder")


def describe_os_error(error: OSError) -> str:
    """``/proc/x: No such file or directory``: the path the system names, and its reason."""
    reason = error.strerror or str(error) or type(error).__name__
    names = [os.fsdecode(name) for name in (error.filename, error.filename2) if name is not None]
    return f"{' → '.join(names)}: {reason}" if names else reason
