"""Contrast between two theme colours: WCAG 2.x ratios and APCA lightness contrast.

Theme values are CSS: a fill may be a gradient (its every stop is measured, the worst counts),
``none``/``transparent`` (what lies underneath shows), or a colour with alpha (composited over
what lies underneath). coloraide does the colour science; APCA is added to it as a contrast
plugin because coloraide ships only WCAG 2.1 and L*.
"""

from __future__ import annotations

from functools import lru_cache

import tinycss2
from coloraide import Color as ColourValue
from coloraide.contrast import ColorContrast
from tinycss2 import ast

from livery.errors import NotAColourError

_COLOUR_FUNCTIONS = frozenset("rgb rgba hsl hsla hwb lab lch oklab oklch color color-mix".split())


class _APCA(ColorContrast):
    """APCA-W3 0.0.98G-4g lightness contrast (Lc), text on background.

    Informative only: WCAG 2.x is the normative measure. Positive Lc is dark text on a light
    background, negative the reverse.
    """

    NAME = "apca"

    def contrast(self, color1: ColourValue, color2: ColourValue, **kwargs: object) -> float:
        text = _apca_luminance(color1)
        background = _apca_luminance(color2)
        if abs(background - text) < 0.0005:
            return 0.0
        if background > text:
            sapc = (background**0.56 - text**0.57) * 1.14
            return 0.0 if sapc < 0.1 else (sapc - 0.027) * 100
        sapc = (background**0.65 - text**0.62) * 1.14
        return 0.0 if sapc > -0.1 else (sapc + 0.027) * 100


def _apca_luminance(colour: ColourValue) -> float:
    red, green, blue = (max(0.0, min(1.0, c)) for c in colour.convert("srgb")[:-1])
    y = 0.2126729 * red**2.4 + 0.7151522 * green**2.4 + 0.0721750 * blue**2.4
    return y + (0.022 - y) ** 1.414 if y < 0.022 else y


class Colour(ColourValue):
    """coloraide's colour with the APCA contrast method registered."""


Colour.register(_APCA())


@lru_cache(maxsize=4096)
def colours_in(value: str) -> tuple[Colour, ...]:
    """The colours a literal fill or colour value paints: one, or every gradient stop.

    An empty tuple means nothing is painted (``none``, ``transparent``). Raises ``NotAColourError``
    for values that paint something unmeasurable, such as a ``url()`` image.
    """
    tokens = tinycss2.parse_component_value_list(value)
    found: list[Colour] = []
    for token in tokens:
        if isinstance(token, ast.WhitespaceToken) or (
            isinstance(token, ast.LiteralToken) and token.value == ","
        ):
            continue
        if isinstance(token, ast.IdentToken) and token.lower_value in ("none", "transparent"):
            continue
        if isinstance(token, ast.FunctionBlock) and token.lower_name.endswith("gradient"):
            found.extend(_gradient_stops(token))
            continue
        found.append(_one_colour(tinycss2.serialize([token]), value))
    return tuple(found)


def _gradient_stops(gradient: ast.FunctionBlock) -> list[Colour]:
    stops = []
    for token in gradient.arguments:
        if isinstance(token, ast.HashToken) or (
            isinstance(token, ast.FunctionBlock) and token.lower_name in _COLOUR_FUNCTIONS
        ):
            stops.append(_one_colour(tinycss2.serialize([token]), gradient.name))
        elif isinstance(token, ast.IdentToken) and Colour.match(token.value) is not None:
            stops.append(_one_colour(token.value, gradient.name))
    return stops


def _one_colour(text: str, context: str) -> Colour:
    try:
        return Colour(text)
    except ValueError:
        raise NotAColourError(f"cannot measure {text!r} in {context!r}") from None


def flatten(layers: tuple[tuple[Colour, ...], ...]) -> list[Colour]:
    """The opaque colours seen through ``layers`` (topmost first, the last must be opaque).

    Each layer is a fill's colours; an empty layer lets the next one show; a colour with alpha
    is composited over every colour of the layer below.
    """
    for index, layer in enumerate(layers):
        if not layer:
            continue
        below = flatten(layers[index + 1 :]) if index + 1 < len(layers) else []
        seen: list[Colour] = []
        for colour in layer:
            if colour.alpha() >= 1 or not below:
                seen.append(colour)
            else:
                seen.extend(Colour.layer([colour, under], space="srgb") for under in below)
        return seen
    return [Colour("white")]


def wcag_ratio(foreground: Colour, background: Colour) -> float:
    """WCAG 2.x contrast ratio (1 … 21) of opaque colours."""
    return foreground.contrast(background, method="wcag21")


def apca(text: Colour, background: Colour) -> float:
    """APCA Lc of text on a background (informative)."""
    return text.contrast(background, method="apca")
