"""Accessible defaults, light and dark, for themes grown from seed colours.

Gradio's defaults were chosen for its named palettes (and several fail WCAG AA even there).
A theme grown from seeds keeps them where they pass the audit; where a pair fails, its moving
side steps to the nearest shade of the same palette that passes (``*primary_600`` →
``*primary_700``), so both modes stay made of the theme's own palettes. A side that is not a
palette shade moves along lightness instead. Light mode is settled first, then dark mode. The
result is a pair of default tables: a theme's own overrides still win.
"""

from __future__ import annotations

import re

from livery.errors import NotAColourError
from livery.theme.catalogue import BY_NAME
from livery.theme.colour.audit import measure
from livery.theme.colour.contrast import colours_in
from livery.theme.colour.pairs import PAIRS
from livery.theme.colour.solve import constraints, nearest, passes
from livery.theme.palettes import SHADES
from livery.theme.resolve import Resolved, resolve
from livery.theme.values import Value, parse

LEVEL = "AA"
_SHADE_REFERENCE = re.compile(r"\*(primary|secondary|neutral)_(\d+)")
_SINGLE_REFERENCE = re.compile(r"\*([a-z0-9_]+)")
_ROUNDS = 6


def derive_defaults(
    light: dict[str, Value], dark: dict[str, Value]
) -> tuple[dict[str, Value], dict[str, Value]]:
    """Light and dark defaults adjusted until every pair passes AA, as far as palettes allow."""
    light, dark = dict(light), dict(dark)
    for in_dark in (False, True):
        table = dark if in_dark else light
        for _ in range(_ROUNDS):
            resolved = resolve(light, dark, ())
            failures = [
                check
                for check in (measure(resolved, pair, in_dark, LEVEL) for pair in PAIRS)
                if not check.passes
            ]
            changed: set[str] = set()
            for check in failures:
                pair = check.pair
                sides = _sides(pair.foreground, pair.background, pair.move, in_dark)
                if any(depends_on(resolved, side, changed, in_dark) for side in sides):
                    continue  # measured against a value this round already changed
                for side in sides:
                    new = _step(resolved, side, in_dark)
                    if new is not None:
                        table[side] = parse(BY_NAME[side].kind, new)
                        changed.add(side)
                        break
            if not changed:
                break
    return light, dark


def _shade_behind(resolved: Resolved, variable: str, in_dark: bool) -> tuple[str, str] | None:
    """The palette shade a chain of plain references ends at (``*color_accent`` → primary 500)."""
    name = variable
    for _ in range(32):
        raw = resolved.value(name, in_dark).raw
        match = _SHADE_REFERENCE.fullmatch(raw)
        if match:
            return match[1], match[2]
        single = _SINGLE_REFERENCE.fullmatch(raw)
        if not single:
            return None
        name = single[1]
    return None


def depends_on(resolved: Resolved, variable: str, names: set[str], in_dark: bool) -> bool:
    """Whether ``variable`` is one of ``names`` or reaches one through its references."""
    if not names:
        return False
    seen: set[str] = set()
    todo = [variable]
    while todo:
        name = todo.pop()
        if name in names:
            return True
        if name not in seen:
            seen.add(name)
            todo.extend(resolved.value(name, in_dark).refs)
    return False


def _sides(foreground: str, background: str, move: str, in_dark: bool) -> list[str]:
    sides = [background, foreground] if move == "background" else [foreground, background]
    return [side for side in sides if BY_NAME[side].has_dark or not in_dark]


def _step(resolved: Resolved, variable: str, in_dark: bool) -> str | None:
    """The nearest passing palette shade for ``variable``, else a move along lightness."""
    needs = constraints(resolved, variable, in_dark, LEVEL)
    behind = _shade_behind(resolved, variable, in_dark)
    if behind:
        role, shade = behind
        start = SHADES.index(shade)
        for index in sorted(range(len(SHADES)), key=lambda i: (abs(i - start), i)):
            if index == start:
                continue
            name = f"{role}_{SHADES[index]}"
            if passes(colours_in(resolved.literal(name))[0], needs):
                return f"*{name}"
    try:
        colours = colours_in(resolved.literal(variable, in_dark))
    except NotAColourError:
        return None
    if len(colours) != 1:
        return None
    found = nearest(colours[0], needs)
    if found is None or passes(colours[0], needs):
        return None
    return found.to_string(hex=True)
