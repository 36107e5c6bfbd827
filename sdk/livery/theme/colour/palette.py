"""Generate an 11-shade hue from one seed colour, in OKLCH.

The shades follow the lightness steps of the named (Tailwind) palettes, with chroma tapered
towards both ends the way those palettes do it, then mapped into sRGB by reducing chroma at
constant lightness and hue. The seed itself becomes the shade whose lightness it is nearest, so
the brand colour a person typed appears unchanged in the theme.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from coloraide import Color as ColourValue

from livery.errors import SeedError
from livery.theme.palettes import SHADES, Color

LIGHTNESS: Final = (0.977, 0.950, 0.906, 0.840, 0.761, 0.683, 0.598, 0.515, 0.446, 0.379, 0.282)
"""OKLCH lightness per shade: the named chromatic palettes' means, darker at 900 and 950 so
that dark-mode backgrounds have room."""

CHROMA_TAPER: Final = (0.094, 0.222, 0.416, 0.653, 0.855, 0.952, 0.934, 0.830, 0.696, 0.580, 0.492)
"""Chroma per shade relative to the palette's peak, measured on the named palettes."""


@dataclass(frozen=True)
class Placement:
    """Where the seed landed: its shade and its OKLCH coordinates."""

    shade: str
    lightness: float
    chroma: float
    hue: float


def parse_seed(text: str) -> ColourValue:
    """Read a CSS colour (any syntax coloraide knows: hex, rgb, hsl, oklch, named, …)."""
    try:
        colour = ColourValue(text.strip())
    except (ValueError, TypeError):
        raise SeedError(f"{text!r} is not a CSS colour") from None
    return colour


def place(seed: str) -> Placement:
    """The shade a seed becomes, and its OKLCH coordinates."""
    oklch = parse_seed(seed).convert("oklch").normalize()
    lightness, chroma, hue = oklch["lightness"], oklch["chroma"], oklch["hue"]
    index = min(range(len(SHADES)), key=lambda i: abs(LIGHTNESS[i] - lightness))
    return Placement(SHADES[index], lightness, chroma, 0.0 if hue != hue else hue)


@lru_cache(maxsize=512)
def palette(seed: str) -> Color:
    """The 11-shade hue grown from ``seed`` (deterministic; cached)."""
    placement = place(seed)
    seed_index = SHADES.index(placement.shade)
    peak = placement.chroma / CHROMA_TAPER[seed_index]
    shades = []
    for index, (lightness, taper) in enumerate(zip(LIGHTNESS, CHROMA_TAPER)):
        if index == seed_index:
            colour = parse_seed(seed)
        else:
            colour = ColourValue("oklch", [lightness, peak * taper, placement.hue])
        shades.append(colour.convert("srgb").fit(method="raytrace").to_string(hex=True))
    return Color(*shades, seed=seed.strip())
