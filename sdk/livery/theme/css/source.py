"""What ``custom=`` names: a stylesheet file, or the text of one.

A ``Path``, or a one-line string ending in ``.css``, ``.scss`` or ``.sass``, is a file; any
other string is the stylesheet itself (plain CSS is valid SCSS). A file may import partials
from its own folder; text has no folder, so it can import only ``livery``.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from livery.errors import CssFileError

MAX_BYTES = 1_000_000
"""Stylesheets and partials over 1 MB are refused, as theme files are."""

SUFFIXES = (".css", ".scss", ".sass")
TEXT_NAME = "<custom>"
"""How messages name a stylesheet given as text."""


@dataclass(frozen=True)
class Source:
    """A stylesheet to compile."""

    name: str
    """How messages name it: the path as given, or ``<custom>``."""
    text: str
    folder: Path | None
    """The folder imports resolve in (resolved, absolute), or None for text."""
    indented: bool = False
    """Sass's indented syntax (a ``.sass`` file)."""


def is_path(custom: str | os.PathLike[str]) -> bool:
    """Whether ``custom=`` names a file rather than being the stylesheet's text."""
    if isinstance(custom, os.PathLike):
        return True
    text = custom.strip()
    return "\n" not in text and "{" not in text and text.lower().endswith(SUFFIXES)


def load(custom: str | os.PathLike[str]) -> Source:
    """The stylesheet ``custom`` names or is."""
    if not is_path(custom):
        text = str(custom)
        if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
            raise CssFileError("the stylesheet is over 1 MB", file=TEXT_NAME)
        return Source(TEXT_NAME, text, None)
    path = Path(os.fspath(custom).strip() if isinstance(custom, str) else custom)
    text = read(path, str(path))
    return Source(str(path), text, path.resolve().parent, path.suffix.lower() == ".sass")


def read(path: Path, name: str) -> str:
    """The text of a stylesheet or partial, or a ``CssFileError`` naming ``name``.

    Only a regular file is read, and at most one byte past the limit: a FIFO would block the
    open and ``/dev/zero`` would never end (its ``st_size`` is 0), so the file is opened
    without blocking and checked by ``fstat`` on the open descriptor before any read.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise CssFileError("no such file", file=name) from None
    except IsADirectoryError:
        raise CssFileError("is a folder, not a stylesheet", file=name) from None
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise CssFileError(f"cannot read: {reason}", file=name) from None
    with os.fdopen(descriptor, "rb") as handle:
        mode = os.fstat(handle.fileno()).st_mode
        if stat.S_ISDIR(mode):
            raise CssFileError("is a folder, not a stylesheet", file=name)
        if not stat.S_ISREG(mode):
            raise CssFileError("is not a regular file (a pipe or a device?)", file=name)
        try:
            data = handle.read(MAX_BYTES + 1)
        except OSError as error:
            raise CssFileError(f"cannot read: {error.strerror or error}", file=name) from None
    if len(data) > MAX_BYTES:
        raise CssFileError("the stylesheet is over 1 MB", file=name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise CssFileError("not UTF-8 text", file=name, line=line) from None
