"""Map a position in the built bundle back to the source file, through its source map (v3).

A ``render`` that throws shows up in the browser at ``index.js:1:2345`` of a minified bundle,
which tells the user nothing. The build writes ``templates/index.js.map`` next to the bundle;
``SourceMap.original(line, column)`` turns the browser's position (both counted from 1, as
stack traces print them) into ``frontend/index.js:12:11``.

Only what that needs is here: the Base64 VLQ decoding of ``mappings`` and a lookup of the
segment at or before a column (as browsers' devtools resolve a position). Sources are paths
relative to the map's folder (esbuild writes no ``sourceRoot``, but one is honoured).
"""

from __future__ import annotations

import bisect
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

_BASE64 = {char: index for index, char in enumerate(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
)}  # fmt: skip
_CONTINUE = 0b100000
_STACK_POSITION = r":(\d+):(\d+)"


def decode_vlq(text: str) -> list[int]:
    """The signed integers of one Base64 VLQ segment (``"AAgBC"`` → ``[0, 0, 16, 1]``).

    ``ValueError`` for a character outside Base64 or a number cut short.
    """
    values: list[int] = []
    value = shift = 0
    for char in text:
        digit = _BASE64.get(char)
        if digit is None:
            raise ValueError(f"{char!r} is not a Base64 VLQ digit")
        value += (digit & (_CONTINUE - 1)) << shift
        if digit & _CONTINUE:
            shift += 5
            continue
        values.append(-(value >> 1) if value & 1 else value >> 1)
        value = shift = 0
    if shift:
        raise ValueError(f"{text!r} ends in the middle of a number")
    return values


@dataclass(frozen=True)
class Position:
    """A place in a source file; ``line`` and ``column`` count from 1."""

    source: Path
    line: int
    column: int


@dataclass(frozen=True)
class SourceMap:
    """The decoded mappings of one generated file: per line, sorted segments
    ``(column, source, line, column)``, all counted from 0."""

    sources: tuple[Path, ...]
    lines: tuple[tuple[tuple[int, int, int, int], ...], ...]

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> SourceMap:
        """Read ``path`` (``OSError``, or ``ValueError`` for a map that is not version 3)."""
        path = Path(path)
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("version") != 3:
            raise ValueError(f"{path}: not a version 3 source map")
        base = path.parent / str(data.get("sourceRoot") or "")
        sources = tuple(base / str(source) for source in data.get("sources", ()))
        return cls(sources, _parse_mappings(str(data.get("mappings", ""))))

    def original(self, line: int, column: int) -> Position | None:
        """Where generated ``line``:``column`` (from 1) came from, or ``None`` if unmapped."""
        if not 1 <= line <= len(self.lines):
            return None
        segments = self.lines[line - 1]
        index = bisect.bisect_right(segments, (column - 1, float("inf"))) - 1
        if index < 0:
            return None
        _, source, source_line, source_column = segments[index]
        return Position(self.sources[source].resolve(), source_line + 1, source_column + 1)


def _parse_mappings(mappings: str) -> tuple[tuple[tuple[int, int, int, int], ...], ...]:
    lines = []
    source = source_line = source_column = 0  # these carry across lines; the column does not
    for text in mappings.split(";"):
        column = 0
        segments = []
        for field in filter(None, text.split(",")):
            values = decode_vlq(field)
            column += values[0]
            if len(values) < 4:  # a generated column that maps to no source
                continue
            source += values[1]
            source_line += values[2]
            source_column += values[3]
            segments.append((column, source, source_line, source_column))
        lines.append(tuple(sorted(segments)))
    return tuple(lines)


def locate(source_map: Path, line: int, column: int, root: Path) -> str | None:
    """``frontend/index.js:12:11``: generated ``line``:``column`` (from 1) mapped, the file
    shown relative to ``root`` (the project). ``None`` when the map is missing, unreadable or
    does not cover that position."""
    return locate_all(source_map, [(line, column)], root)


def locate_in_stack(stack: str, bundle: str, source_map: Path, root: Path) -> str | None:
    """The first frame of ``stack`` that lies in the bundle, mapped as ``locate`` does.

    ``bundle`` is a regular expression for the bundle's URL as the stack prints it. Where a
    page imported several modules from ``blob:`` URLs (the bundle and ``model.js``), pass one
    that matches any of them: a frame on a line the bundle does not have (a minified bundle
    has one or two) maps to nothing and is passed over, so an error raised in ``model.js`` is
    shown at the component's line that called it. ``None`` when no frame maps.
    """
    frames = re.finditer(bundle + _STACK_POSITION, stack)
    positions = [(int(frame.groups()[-2]), int(frame.groups()[-1])) for frame in frames]
    return locate_all(source_map, positions, root)


def locate_all(source_map: Path, positions: list[tuple[int, int]], root: Path) -> str | None:
    """The first of ``positions`` (line, column from 1) that maps, as ``locate`` shows it."""
    try:
        loaded = SourceMap.load(source_map)
        found = (loaded.original(line, column) for line, column in positions)
        position = next((each for each in found if each is not None), None)
    except (OSError, ValueError, IndexError):
        return None
    if position is None:
        return None
    try:
        shown = position.source.relative_to(root.resolve()).as_posix()
    except ValueError:
        shown = str(position.source)
    return f"{shown}:{position.line}:{position.column}"
