"""Reading theme files from strangers with bounds: size, kind of file, nesting and key count.

A theme file may come from anyone, so reading one must cost little whatever it holds. The
file is opened without blocking (a FIFO would wait forever for a writer), checked to be a
regular file (``/dev/zero`` has no end), and read up to its limit plus one byte (its size on
disk is not trusted). Before a parser sees the text, a cheap scan bounds what makes parsers
slow or recursive: brackets open at once (``[[[[…`` 30,000 deep overflows the stack), parts
of one dotted key (``a.a.a…`` 20,000 parts take tomllib seconds and gigabytes) and keys.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from livery.errors import ThemeFileError

MAX_DEPTH = 32
"""Brackets and braces open at once; a theme file needs four."""
MAX_KEY_PARTS = 32
"""Parts of one dotted TOML key (``a.b.c`` has three); a theme file needs three."""
MAX_KEYS = 10_000
"""Keys in one file; Gradio's theme JSON has about 900."""
MAX_NUMBER_DIGITS = 100
"""Digits of one JSON number (Python refuses to read more than 4,300)."""


def read_text(path: Path, limit: int) -> str:
    """The UTF-8 text of the regular file ``path``, at most ``limit`` bytes; every problem is
    a one-line ``ThemeFileError`` naming the file."""
    source = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except ValueError:
        raise ThemeFileError("the path contains a NUL character", source=source) from None
    except OSError as error:
        raise ThemeFileError(f"cannot read the file: {error.strerror}", source=source) from None
    try:
        status = os.fstat(fd)
        mode = status.st_mode
        if stat.S_ISDIR(mode):
            raise ThemeFileError("is a folder, not a theme file", source=source)
        if not stat.S_ISREG(mode):
            raise ThemeFileError(
                "is not a regular file (a pipe, device or socket); a theme file is a file",
                source=source,
            )
        if status.st_size > limit:
            _too_large(f"{status.st_size / 1e6:.1f} MB", limit, source)
        data = _read_at_most(fd, limit + 1)  # st_size may lie (a file still growing)
    except OSError as error:
        raise ThemeFileError(f"cannot read the file: {error.strerror}", source=source) from None
    finally:
        os.close(fd)
    if len(data) > limit:
        _too_large(f"more than {limit / 1e6:g} MB", limit, source)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ThemeFileError("the file is not UTF-8 text", source=source) from None


def _too_large(size: str, limit: int, source: str) -> None:
    raise ThemeFileError(
        f"the file is {size}; a theme file may be at most {limit / 1e6:g} MB", source=source
    )


def _read_at_most(fd: int, size: int) -> bytes:
    chunks, left = [], size
    while left > 0:
        chunk = os.read(fd, min(left, 1 << 16))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


# Each string pattern matches whatever follows its opening quote, closed or not (an unclosed
# one runs to the end of its line or of the text), so the scan never backtracks and stays
# linear on any text, as a scan that protects a parser must.
_TOML_TOKEN = re.compile(
    r'"""(?:[^"\\]|\\[\s\S]?|"(?!""))*(?:"""|\Z)'
    r"|'''[\s\S]*?(?:'''|\Z)"
    r'|"(?:[^"\\\n]|\\[\s\S]?)*"?'
    r"|'[^'\n]*'?"
    r"|#[^\n]*|[\[\]{}.=,\n]"
    rf"|[0-9_]{{{MAX_NUMBER_DIGITS + 1},}}"
)
_JSON_TOKEN = re.compile(
    r'"(?:[^"\\]|\\[\s\S]?)*(?:"|\Z)|[\[\]{}:]' rf"|[-+0-9.eE]{{{MAX_NUMBER_DIGITS + 1},}}"
)


def check_toml(text: str, source: str) -> None:
    """Refuse TOML text nested deeper, with longer dotted keys, more keys or longer numbers
    than a theme file can need (one pass; strings and comments are skipped whole)."""
    depth = parts = keys = 0
    for token in _TOML_TOKEN.finditer(text):
        char = token[0][0]
        if char in "\"'#":
            continue
        if char in "0123456789_":
            raise ThemeFileError(
                f"has a number of more than {MAX_NUMBER_DIGITS} digits", source=source
            )
        if char in "[{":
            depth, parts = depth + 1, 0
            if depth > MAX_DEPTH:
                _too_deep(source)
        elif char in "]}":
            depth -= 1
        elif char == ".":
            parts += 1
            if parts >= MAX_KEY_PARTS:
                raise ThemeFileError(
                    f"has a dotted key of more than {MAX_KEY_PARTS} parts", source=source
                )
        else:
            parts = 0
            if char == "=":
                keys += 1
                if keys > MAX_KEYS:
                    _too_many_keys(source)


def check_json(text: str, source: str) -> None:
    """Refuse JSON text nested deeper, with more keys or longer numbers than a theme can
    need, before ``json`` recurses into it."""
    depth = keys = 0
    for token in _JSON_TOKEN.finditer(text):
        char = token[0][0]
        if char == '"':
            continue
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                _too_deep(source)
        elif char in "]}":
            depth -= 1
        elif char == ":":
            keys += 1
            if keys > MAX_KEYS:
                _too_many_keys(source)
        else:
            raise ThemeFileError(
                f"has a number of more than {MAX_NUMBER_DIGITS} digits", source=source
            )


def _too_deep(source: str) -> None:
    raise ThemeFileError(
        f"nests lists or tables more than {MAX_DEPTH} deep; a theme file needs four",
        source=source,
    )


def _too_many_keys(source: str) -> None:
    raise ThemeFileError(f"has more than {MAX_KEYS:,} keys", source=source)
