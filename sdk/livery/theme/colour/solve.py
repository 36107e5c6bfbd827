"""Find the nearest colour that meets contrast bounds, moving only OKLCH lightness.

Shared by the repair and by the accessible defaults of seed themes. A WCAG ratio bounds the
relative luminance directly, so the search is a bisection on lightness at constant hue and
chroma (reduced where sRGB cannot hold it); in-gamut colours are converted with OKLab's
published matrices instead of coloraide's general (exact, slower) machinery.
"""

from __future__ import annotations

import itertools
import math

from livery.errors import NotAColourError
from livery.theme.colour.contrast import Colour, colours_in, flatten
from livery.theme.colour.pairs import PAIRS, required
from livery.theme.resolve import Resolved

MARGIN = 0.001
"""Aim just above the minimum ratio, so float noise never puts a repaired pair back under."""

Constraint = tuple[float, float]
"""(the relative luminance of a colour on the other side of a pair, the ratio needed)."""


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


def constraints(
    resolved: Resolved, variable: str, dark: bool, level: str, *, lenient_placeholders: bool = False
) -> list[Constraint]:
    """What ``variable`` must contrast with, for every pair it is part of (in one mode)."""
    found = []
    for pair in PAIRS:
        needed = required(level, pair.role, lenient_placeholders=lenient_placeholders)
        if needed is None:
            continue
        if pair.foreground == variable:
            layers = (pair.background, *pair.beneath)
            others = _flat(resolved, layers, dark)
            found += [(_luminance(other), needed + MARGIN) for other in others]
        elif pair.background == variable:
            beneath = _flat(resolved, pair.beneath, dark) if pair.beneath else []
            text = colours_in(resolved.literal(pair.foreground, dark))
            others = [
                t if t.alpha() >= 1 or not beneath else Colour.layer([t, beneath[0]]) for t in text
            ]
            found += [(_luminance(other), needed + MARGIN) for other in others]
    return found


def _flat(resolved: Resolved, names: tuple[str, ...], dark: bool) -> list[Colour]:
    try:
        return flatten(tuple(colours_in(resolved.literal(name, dark)) for name in names))
    except NotAColourError:
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

    def at(level: float) -> Colour | None:
        """The hex colour at ``level`` inside the bound, rounded so as to keep the hue."""
        exact = Colour("oklch", [level, _gamut_chroma(level, chroma, hue), hue]).convert("srgb")
        exact.clip()
        channels = [round(c * 255, 6) for c in exact[:-1]]
        options = {
            tuple(min(255, max(0, step(c))) for step, c in zip(steps, channels))
            for steps in itertools.product((math.floor, math.ceil), repeat=3)
        }
        fitting = [
            colour
            for colour in (Colour("srgb", [c / 255 for c in rgb]) for rgb in sorted(options))
            if inside(_luminance(colour))
        ]
        if not fitting:
            return None
        best = min(fitting, key=lambda colour: exact.delta_e(colour, method="ok"))
        return Colour(best.to_string(hex=True))

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
    # No rounding of the exact colour may fit the bound: step on until one does.
    for _ in range(40):
        found = at(far)
        if found is not None or far in (0.0, 1.0):
            return found
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
