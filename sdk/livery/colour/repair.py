"""Repair failing contrast with the smallest visible change.

For each failing pair the side its role names (usually the foreground; a button's fill rather
than its label) moves along OKLCH lightness, keeping chroma and hue, to the nearest lightness
at which every pair that side takes part in passes. Of the lighter and the darker solution the
one with the smaller colour difference (ΔE OK) wins. The change is written as an override of
that variable (its ``_dark`` twin in dark mode), so references elsewhere follow it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import NamedTuple

import tinycss2
from tinycss2 import ast

from livery.colour.audit import Check, audit, measure
from livery.colour.contrast import Colour, NotAColour, colours_in, flatten
from livery.colour.pairs import PAIRS, REQUIRED, Pair, Role
from livery.errors import ThemeError
from livery.theme.catalogue import BY_NAME
from livery.theme.model import Theme
from livery.theme.resolve import Resolved

_MARGIN = 0.02
"""Aim this far above the minimum ratio, so rounding never puts a repaired pair back under."""
_ROUNDS = 12

Constraint = tuple[float, float]
"""(the relative luminance of a colour on the other side of a pair, the ratio needed)."""


class ContrastRepairError(ThemeError):
    """A contrast target cannot be reached (for example 7:1 against a mid-grey)."""


@dataclass(frozen=True)
class Change:
    """One variable the repair changed, and what it did for the pair that needed it."""

    variable: str
    old: str
    new: str
    pair: str
    mode: str
    ratio_before: float
    ratio_after: float

    def to_dict(self) -> dict[str, object]:
        return {
            "variable": self.variable,
            "old": self.old,
            "new": self.new,
            "pair": self.pair,
            "mode": self.mode,
            "ratio_before": round(self.ratio_before, 2),
            "ratio_after": round(self.ratio_after, 2),
        }


class RepairResult(NamedTuple):
    """What ``Theme.repair_contrast`` gives: the repaired theme and the changes, in order."""

    theme: Theme
    changes: list[Change]


def repair(theme: Theme, level: str = "AA") -> tuple[Theme, list[Change]]:
    """A copy of ``theme`` in which every pair passes at ``level``, and the changes made."""
    fixed = theme.model_copy(deep=True)
    fixed._source = theme._source
    first: dict[str, tuple[Check, str]] = {}
    for _ in range(_ROUNDS):
        report = audit(fixed.resolved(), level)
        if report.passed:
            break
        moved: set[str] = set()
        for check in report.failures:
            sides = _moving_variables(check)
            if moved.intersection(sides):
                continue
            name, new = _solve_either(fixed.resolved(), check, sides, level)
            moved.add(name)
            first.setdefault(name, (check, fixed.value(name)))
            fixed.set(**{name: new})
    else:
        raise _unreachable(audit(fixed.resolved(), level).failures, level, theme._source)
    if not first:
        return fixed, []
    resolved = fixed.resolved()
    changes = []
    for name, (check, old) in first.items():
        after = measure(resolved, check.pair, check.mode == "dark", level)
        changes.append(
            Change(
                variable=name,
                old=old,
                new=fixed.value(name),
                pair=check.pair.label,
                mode=check.mode,
                ratio_before=check.ratio or 0.0,
                ratio_after=after.ratio or 0.0,
            )
        )
    return fixed, changes


def _moving_variables(check: Check) -> list[str]:
    """The variables (or dark twins) a repair of ``check`` may change, preferred first.

    The pair's role names the side to move; if that cannot reach the target, the other side
    is tried. In dark mode only variables with a dark twin can move on their own.
    """
    pair = check.pair
    sides = [pair.foreground, pair.background]
    if pair.move == "background" and colours_in(check.background):
        sides.reverse()
    if check.mode == "light":
        return sides
    return [f"{side}_dark" for side in sides if BY_NAME[side].has_dark]


def _solve_either(
    resolved: Resolved, check: Check, names: list[str], level: str
) -> tuple[str, str]:
    if not names:
        raise ContrastRepairError(
            f"{check.pair.foreground} and {check.pair.background} have no dark variants, so "
            f"{check.pair.label} cannot be repaired in dark mode alone"
        )
    for name in names:
        try:
            return name, _solve(resolved, check.pair, name, check.mode == "dark", level)
        except ContrastRepairError as error:
            problem = error
    raise problem


def _solve(resolved: Resolved, trigger: Pair, name: str, dark: bool, level: str) -> str:
    """The nearest colour (by lightness) for ``name`` that passes every pair it is part of."""
    variable = name.removesuffix("_dark") if dark else name
    needs = constraints(resolved, variable, dark, level)
    literal = resolved.literal(variable, dark)
    if len(colours_in(literal)) > 1:
        return _solve_gradient(literal, needs, trigger, name, dark)
    return _nearest(colours_in(literal)[0], needs, trigger, name, dark).to_string(hex=True)


def _solve_gradient(
    literal: str,
    needs: list[Constraint],
    trigger: Pair,
    name: str,
    dark: bool,
) -> str:
    """Move every colour stop of a gradient fill, keeping its shape."""
    tokens = tinycss2.parse_component_value_list(literal)
    for token in tokens:
        if isinstance(token, ast.FunctionBlock) and token.lower_name.endswith("gradient"):
            for index, argument in enumerate(token.arguments):
                text = tinycss2.serialize([argument])
                try:
                    stop = colours_in(text) if not isinstance(argument, ast.WhitespaceToken) else ()
                except NotAColour:
                    continue
                if len(stop) == 1:
                    new = _nearest(stop[0], needs, trigger, name, dark)
                    token.arguments[index] = ast.HashToken(0, 0, new.to_string(hex=True)[1:], False)
    return tinycss2.serialize(tokens)


def _nearest(
    colour: Colour,
    needs: list[Constraint],
    trigger: Pair,
    name: str,
    dark: bool,
) -> Colour:
    best = nearest(colour, needs)
    if best is None:
        needed = max(ratio for _, ratio in needs) - _MARGIN
        raise ContrastRepairError(
            f"no lightness of this colour reaches {needed:g}:1 for {trigger.label} "
            f"({'dark' if dark else 'light'} mode)",
            variable=name,
        )
    return best


def nearest(colour: Colour, needs: list[Constraint]) -> Colour | None:
    """The colour nearest ``colour`` along OKLCH lightness that meets every constraint.

    ``colour`` itself when it already does; ``None`` when no lightness does.
    """
    if passes(colour, needs):
        return colour
    start = colour.convert("oklch")
    best: Colour | None = None
    for direction in (1, -1):
        candidate = _walk(start, direction, needs)
        if candidate is not None and (
            best is None or start.delta_e(candidate, method="ok") < start.delta_e(best, method="ok")
        ):
            best = candidate
    return best


def passes(colour: Colour, needs: list[Constraint]) -> bool:
    """Whether ``colour`` meets every ratio the constraints ask for."""
    luminance = _luminance(colour)
    return all(_ratio(luminance, other) >= needed for other, needed in needs)


def constraints(resolved: Resolved, variable: str, dark: bool, level: str) -> list[Constraint]:
    """What ``variable`` must contrast with, for every pair it is part of (in one mode)."""
    found = []
    for pair in PAIRS:
        needed = REQUIRED[level].get(pair.role)
        if needed is None or pair.role is Role.DISABLED:
            continue
        if pair.foreground == variable:
            layers = (pair.background, *pair.beneath)
            others = _flat(resolved, layers, dark)
            found += [(_luminance(other), needed + _MARGIN) for other in others]
        elif pair.background == variable:
            beneath = _flat(resolved, pair.beneath, dark) if pair.beneath else []
            text = colours_in(resolved.literal(pair.foreground, dark))
            others = [
                t if t.alpha() >= 1 or not beneath else Colour.layer([t, beneath[0]]) for t in text
            ]
            found += [(_luminance(other), needed + _MARGIN) for other in others]
    return found


def _flat(resolved: Resolved, names: tuple[str, ...], dark: bool) -> list[Colour]:
    try:
        return flatten(tuple(colours_in(resolved.literal(name, dark)) for name in names))
    except NotAColour:
        return []


def _walk(start: Colour, direction: int, needs: list[Constraint]) -> Colour | None:
    """The colour nearest ``start`` towards white (+1) or black (-1) meeting every need.

    A ratio sets a bound on luminance directly (lighter than every other colour:
    ``Y ≥ r·(Y₀+0.05)−0.05``; darker: ``Y ≤ (Y₀+0.05)/r−0.05``); bisection on OKLCH lightness
    then finds the nearest colour of that hue and chroma (mapped into sRGB) within the bound.
    """
    others = needs
    if not others:
        return None
    if direction > 0:
        bound = max(needed * (y + 0.05) - 0.05 for y, needed in others)
        if bound > 1.0:
            return None
        inside = lambda y: y >= bound  # noqa: E731
    else:
        bound = min((y + 0.05) / needed - 0.05 for y, needed in others)
        if bound < 0.0:
            return None
        inside = lambda y: y <= bound  # noqa: E731
    lightness, chroma, hue = start["lightness"], start["chroma"], start["hue"]
    hue = 0.0 if hue != hue else hue

    def at(level: float) -> Colour:
        reduced = _gamut_chroma(level, chroma, hue)
        colour = Colour("oklch", [level, reduced, hue]).convert("srgb").clip()
        return Colour(colour.to_string(hex=True))

    def luminance_at(level: float) -> float:
        return _oklch_luminance(level, _gamut_chroma(level, chroma, hue), hue) or 0.0

    outside, far = lightness, (1.0 if direction > 0 else 0.0)
    if not inside(luminance_at(far)):
        return None
    for _ in range(14):
        middle = (outside + far) / 2
        if inside(luminance_at(middle)):
            far = middle
        else:
            outside = middle
    # Rounding to a hex colour can fall just short of the bound: step on until it holds.
    for _ in range(40):
        found = at(far)
        if inside(_luminance(found)) or far in (0.0, 1.0):
            return found if inside(_luminance(found)) else None
        far = min(1.0, far + 0.002) if direction > 0 else max(0.0, far - 0.002)
    return None


def _gamut_chroma(lightness: float, chroma: float, hue: float) -> float:
    """The largest chroma up to ``chroma`` that keeps (lightness, hue) inside sRGB."""
    if _oklch_luminance(lightness, chroma, hue) is not None:
        return chroma
    low, high = 0.0, chroma
    for _ in range(14):
        middle = (low + high) / 2
        if _oklch_luminance(lightness, middle, hue) is None:
            high = middle
        else:
            low = middle
    return low


def _oklch_luminance(lightness: float, chroma: float, hue: float) -> float | None:
    """Relative luminance of an OKLCH colour inside sRGB, computed directly (``None`` outside).

    The bisection above asks this dozens of times per colour; coloraide's general conversion
    is exact but slow, so in-gamut colours take this short path (OKLab's published matrices).
    """
    a = chroma * math.cos(math.radians(hue))
    b = chroma * math.sin(math.radians(hue))
    long = (lightness + 0.3963377774 * a + 0.2158037573 * b) ** 3
    medium = (lightness - 0.1055613458 * a - 0.0638541728 * b) ** 3
    short = (lightness - 0.0894841775 * a - 1.2914855480 * b) ** 3
    red = 4.0767416621 * long - 3.3077115913 * medium + 0.2309699292 * short
    green = -1.2684380046 * long + 2.6097574011 * medium - 0.3413193965 * short
    blue = -0.0041960863 * long - 0.7034186147 * medium + 1.7076147010 * short
    if min(red, green, blue) < -1e-6 or max(red, green, blue) > 1 + 1e-6:
        return None
    return 0.2126729 * red + 0.7151522 * green + 0.0721750 * blue


def _luminance(colour: Colour) -> float:
    return colour.luminance()


def _ratio(first: float, second: float) -> float:
    high, low = (first, second) if first > second else (second, first)
    return (high + 0.05) / (low + 0.05)


def _unreachable(failures: tuple[Check, ...], level: str, source: str | None) -> ThemeError:
    names = ", ".join(f"{c.pair.label} ({c.mode})" for c in failures[:4])
    return ContrastRepairError(
        f"could not make every pair pass {level}; still failing: {names}", source=source
    )
