"""Gradio's ``gradio.themes.utils.colors``: the ``Color`` class and the 22 named hues.

The hues are the engine's (``livery.theme.NAMED``), one name each so that editors and type
checkers see ``colors.emerald`` as a ``Color``.
"""

from __future__ import annotations

from livery.theme import NAMED, Color

slate = NAMED["slate"]
gray = NAMED["gray"]
zinc = NAMED["zinc"]
neutral = NAMED["neutral"]
stone = NAMED["stone"]
red = NAMED["red"]
orange = NAMED["orange"]
amber = NAMED["amber"]
yellow = NAMED["yellow"]
lime = NAMED["lime"]
green = NAMED["green"]
emerald = NAMED["emerald"]
teal = NAMED["teal"]
cyan = NAMED["cyan"]
sky = NAMED["sky"]
blue = NAMED["blue"]
indigo = NAMED["indigo"]
violet = NAMED["violet"]
purple = NAMED["purple"]
fuchsia = NAMED["fuchsia"]
pink = NAMED["pink"]
rose = NAMED["rose"]

__all__ = [
    "Color",
    "amber",
    "blue",
    "cyan",
    "emerald",
    "fuchsia",
    "gray",
    "green",
    "indigo",
    "lime",
    "neutral",
    "orange",
    "pink",
    "purple",
    "red",
    "rose",
    "sky",
    "slate",
    "stone",
    "teal",
    "violet",
    "yellow",
    "zinc",
]
