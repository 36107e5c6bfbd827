"""Write files and folders so that a failure never leaves a half-written or lost one behind,
with the permissions ``open()`` and ``mkdir`` would give them.

``tempfile`` makes private files and folders (0600, 0700): renamed into place, a stylesheet
would be unreadable to the web server meant to serve it. Here the kernel applies the umask as
for any new file (0644 under the usual 022), and a file that already exists keeps its mode,
as ``open(path, "w")`` keeps it.
"""

from __future__ import annotations

import os
import secrets
import shutil
import stat
from pathlib import Path

_ATTEMPTS = 100


def write_atomic(path: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` to ``path`` through a temporary file in the same folder, then rename.

    Either the whole new file is there afterwards, or the previous one is untouched.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _new_file(target)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def new_folder(parent: Path, prefix: str) -> Path:
    """A new empty folder ``parent/<prefix><random>``, with the mode ``mkdir`` gives."""
    for _ in range(_ATTEMPTS):
        folder = parent / f"{prefix}{secrets.token_hex(4)}"
        try:
            folder.mkdir(0o777)
        except FileExistsError:
            continue
        return folder
    raise FileExistsError(f"no free name for a folder {prefix}… in {parent}")


def swap_folder(new: Path, target: Path, retired: str | None = None) -> None:
    """Put the folder ``new`` where ``target`` is with renames; the old ``target`` stays in
    place until the new one is in, and is then removed (meanwhile it sits in a folder named
    ``retired`` + random, ``.<target>.old.`` by default)."""
    if not target.exists():
        os.replace(new, target)
        return
    retired_folder = new_folder(target.parent, retired or f".{target.name}.old.")
    os.replace(target, retired_folder / "previous")
    try:
        os.replace(new, target)
    except BaseException:
        os.replace(retired_folder / "previous", target)
        raise
    finally:
        shutil.rmtree(retired_folder, ignore_errors=True)


def _new_file(target: Path) -> tuple[int, Path]:
    """An open, new temporary file next to ``target``: the existing file's mode, or what the
    umask leaves of 0666."""
    try:
        kept: int | None = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        kept = None
    for _ in range(_ATTEMPTS):
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666)
        except FileExistsError:
            continue
        if kept is not None:
            os.chmod(tmp, kept)
        return fd, tmp
    raise FileExistsError(f"no free name for a temporary file next to {target}")
