"""Write files and folders so that a failure never leaves a half-written or lost one behind,
with the permissions ``open()`` and ``mkdir`` would give them.

``tempfile`` makes private files and folders (0600, 0700): renamed into place, a stylesheet
would be unreadable to the web server meant to serve it. Here the kernel applies the umask as
for any new file (0644 under the usual 022), and a file that already exists keeps its mode,
as ``open(path, "w")`` keeps it.

Scratch names carry the writing process's id (``.<name>.<pid>-<random>.tmp``), so a later
write can tell the leftovers of a killed process (its id no longer runs) from the scratch of
one still at work, and remove them at once.
"""

from __future__ import annotations

import ctypes
import errno
import os
import re
import secrets
import shutil
import stat
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path

_ATTEMPTS = 100
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_PID = re.compile(r"(\d+)-[0-9a-f]{8}")


def write_atomic(path: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` to ``path`` through a temporary file in the same folder, then rename.

    Either the whole new file is there afterwards, or the previous one is untouched.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(target.parent, f".{target.name}.", ".tmp")
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
    """A new empty folder ``parent/<prefix><pid>-<random>``, with the mode ``mkdir`` gives;
    the folders of killed processes with that prefix are removed first."""
    remove_leftovers(parent, prefix)
    for _ in range(_ATTEMPTS):
        folder = parent / f"{prefix}{_scratch_tag()}"
        try:
            folder.mkdir(0o777)
        except FileExistsError:
            continue
        return folder
    raise FileExistsError(f"no free name for a folder {prefix}… in {parent}")


def swap_folder(new: Path, target: Path, retired: str | None = None) -> None:
    """Put the folder ``new`` where ``target`` is, in one atomic step where the system can.

    On Linux the two folders trade places in one ``renameat2(RENAME_EXCHANGE)``: whenever the
    process is killed, ``target`` is a complete folder, old or new, and the old one is then
    removed from where ``new`` was. Elsewhere (or on a file system without the call) the old
    ``target`` moves aside into a folder named ``retired`` + id (``.<target>.old.`` by default)
    and the new one takes its place: two renames.
    """
    if not target.exists():
        os.replace(new, target)
        return
    if _exchange(new, target):
        shutil.rmtree(new, ignore_errors=True)
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


def remove_leftovers(folder: Path, prefix: str, suffix: str = "") -> None:
    """Remove the scratch files and folders named ``<prefix><pid>-<random><suffix>`` in
    ``folder`` whose process no longer runs (left by a kill)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if not (name.startswith(prefix) and name.endswith(suffix)):
            continue
        found = _PID.fullmatch(name[len(prefix) : len(name) - len(suffix)])
        if found is None or _running(int(found[1])):
            continue
        if entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, ignore_errors=True)
        else:
            Path(entry.path).unlink(missing_ok=True)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # another user's process, or no such id on this system: leave it
    return True


def _scratch_tag() -> str:
    return f"{os.getpid()}-{secrets.token_hex(4)}"


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically (Linux ``renameat2``); ``False`` where it cannot be done."""
    call = _renameat2()
    if call is None:
        return False
    if call(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.EXDEV):
        return False
    raise OSError(code, os.strerror(code), str(second))


@cache
def _renameat2() -> Callable[..., int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        call = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    call.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    call.restype = ctypes.c_int
    return call  # type: ignore[no-any-return]


def _new_file(target: Path) -> tuple[int, Path]:
    """An open, new temporary file next to ``target``: the existing file's mode, or what the
    umask leaves of 0666."""
    try:
        kept: int | None = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        kept = None
    for _ in range(_ATTEMPTS):
        tmp = target.with_name(f".{target.name}.{_scratch_tag()}.tmp")
        try:
            fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666)
        except FileExistsError:
            continue
        if kept is not None:
            os.chmod(tmp, kept)
        return fd, tmp
    raise FileExistsError(f"no free name for a temporary file next to {target}")
