"""Replace the built ``templates/`` folder all at once, or not at all.

A build writes everything into a new folder next to ``templates/`` and only then swaps it in
with two renames. If bundling or styles fail, the new folder is removed and the previous
assets are exactly as they were — a running dev server or an installed editable package
never sees half a build. ``templates/`` is build output: Livery owns all of it.

Scratch folders left by a killed build are removed by a later one once they are old enough
not to belong to a build still running next to it (a dev server's, say); the project
templates keep them out of wheels and git in the meantime.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from livery._files import new_folder, swap_folder

T = TypeVar("T")
_NEW = ".templates-new-"
_OLD = ".templates-old-"
STALE_AFTER_S = 600


def replace_folder(target: Path, fill: Callable[[Path], T]) -> T:
    """Call ``fill(folder)`` on an empty folder; on success it becomes ``target``.

    If ``fill`` raises, ``target`` is untouched and the exception propagates.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(target.parent)
    with _scratch(target.parent) as new:
        result = fill(new)
        swap_folder(new, target, retired=_OLD)
    return result


def remove_leftovers(folder: Path, older_than_s: float = STALE_AFTER_S) -> None:
    """Remove the scratch folders of builds that were killed mid-way."""
    now = time.time()
    for child in folder.iterdir():
        if not (child.is_dir() and child.name.startswith((_NEW, _OLD))):
            continue
        try:
            stale = now - child.stat().st_mtime > older_than_s
        except FileNotFoundError:  # its own build just finished with it
            continue
        if stale:
            shutil.rmtree(child, ignore_errors=True)


@contextmanager
def _scratch(parent: Path) -> Iterator[Path]:
    new = new_folder(parent, _NEW)
    try:
        yield new
    finally:
        if new.exists():
            shutil.rmtree(new, ignore_errors=True)
