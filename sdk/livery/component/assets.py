"""Replace the built ``templates/`` folder all at once, or not at all.

A build writes everything into a new folder and only then swaps it in for ``templates/``
(``_files.swap_folder``: one atomic exchange on Linux). If bundling or styles fail, the new
folder is removed and the previous assets are exactly as they were — a running dev server or
an installed editable package never sees half a build, and a build killed at any moment
leaves a complete ``templates/``. ``templates/`` is build output: Livery owns all of it.

The new folder is made in the project's ``.livery/`` folder, not beside ``templates/``:
watchdog's inotify observer loses track of two watched folders that trade places (its thread
dies with a ``KeyError``), and ``.livery/`` is outside what ``livery component dev`` watches.

Scratch folders carry their build's process id; a later build removes those whose process no
longer runs (killed builds), never the scratch of a build still running next to it (a dev
server's, say). ``.gitignore`` and the sdist's file list keep ``.livery/`` out of git and
distributions, and the wheel excludes any ``.templates-*`` beside the package's files.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from livery._files import new_folder, remove_leftovers, swap_folder

T = TypeVar("T")
_NEW = ".templates-new-"
_OLD = ".templates-old-"


def replace_folder(target: Path, fill: Callable[[Path], T], scratch: Path) -> T:
    """Call ``fill(folder)`` on an empty folder made in ``scratch`` (same file system as
    ``target``); on success it becomes ``target``.

    If ``fill`` raises, ``target`` is untouched and the exception propagates.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch.mkdir(parents=True, exist_ok=True)
    for prefix in (_NEW, _OLD):
        remove_leftovers(target.parent, prefix)
    with _scratch(scratch) as new:
        result = fill(new)
        swap_folder(new, target, retired=_OLD)
    return result


@contextmanager
def _scratch(parent: Path) -> Iterator[Path]:
    new = new_folder(parent, _NEW)
    try:
        yield new
    finally:
        if new.exists():
            shutil.rmtree(new, ignore_errors=True)
