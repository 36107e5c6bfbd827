"""The hue family of a theme, for the gallery's filter: which named hue its primary looks like.

A named chromatic hue is its own family. A hue grown from a seed (or written out shade by
shade) joins the named hue nearest to it by OKLCH hue angle. Anything with little chroma —
the grey palettes, black-and-white themes — is ``neutral``, whatever its nominal hue angle.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from coloraide import Color as ColourValue

from livery.theme import NAMED, Color

NEUTRAL: Final = "neutral"
_HEX = re.compile(r"#[0-9a-fA-F]{6}")
LOW_CHROMA: Final = 0.045
"""Below this OKLCH chroma (at shade 500) a hue reads as grey."""


def oklch(text: str) -> tuple[float, float, float] | None:
    """OKLCH lightness, chroma and hue of a CSS colour (``None`` if it is not one)."""
    try:
        colour = ColourValue(text).convert("oklch").normalize()
    except (ValueError, TypeError, AttributeError):
        return None
    hue = colour["hue"]
    return colour["lightness"], colour["chroma"], 0.0 if hue != hue else hue


@lru_cache(maxsize=1)
def _chromatic_angles() -> dict[str, float]:
    """The hue angle of every named hue that is not a grey, measured at shade 500."""
    angles = {}
    for name, hue in NAMED.items():
        measured = oklch(hue.c500)
        if measured is not None and measured[1] >= LOW_CHROMA:
            angles[name] = measured[2]
    return angles


def families() -> list[str]:
    """Every family name, in the palette order people know, ``neutral`` last."""
    return [*_chromatic_angles(), NEUTRAL]


def family(hue: Color) -> str:
    """The family of a hue: its own name, the nearest named hue, or ``neutral``."""
    measured = oklch(hue.seed or hue.c500)
    if measured is None or measured[1] < LOW_CHROMA:
        return NEUTRAL
    angles = _chromatic_angles()
    if hue.name in angles and NAMED[hue.name] == hue:
        return hue.name
    angle = measured[2]
    return min(angles, key=lambda name: _distance(angles[name], angle))


def _distance(a: float, b: float) -> float:
    turn = abs(a - b) % 360
    return min(turn, 360 - turn)


@lru_cache(maxsize=8192)
def hex_colour(text: str) -> str:
    """A CSS colour as ``#rrggbb`` (or ``#rrggbbaa``), or the text itself if it is not one."""
    if _HEX.fullmatch(text):
        return text.lower()
    try:
        colour = ColourValue(text).convert("srgb")
    except (ValueError, TypeError, AttributeError):
        return text
    return colour.fit().to_string(hex=True)
