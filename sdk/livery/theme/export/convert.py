"""CSS values → typed design-token values: the one conversion step every token format shares.

A literal CSS value (references already followed) of a catalogue ``Kind`` becomes a ``Token``:
a DTCG 2025.10 ``$type`` and ``$value`` — colour objects, dimensions, font families and
weights, shadows, gradient stops, transitions with their cubic-bézier timing — or ``None``
when no such type holds it (``calc()``, several lengths, ``none`` as a colour, …). Formats
(``dtcg``, ``tailwind``) only lay the results out, as Style Dictionary splits transforms from
formats.

Conversions are cached by kind and CSS text, since most values recur from theme to theme;
``shared`` and ``shared_colour`` hand out the cached objects (read them, never change them),
``convert`` and ``colour`` fresh copies.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import tinycss2
from coloraide import Color
from tinycss2 import ast

from livery.theme.values import Kind

_UNITS = frozenset({"px", "rem"})
_TIME_UNITS = frozenset({"ms", "s"})
_GRADIENTS = frozenset({"linear-gradient", "radial-gradient", "conic-gradient"})
_WEIGHT_WORDS = frozenset({"normal", "bold"})
_TIMING = {
    "ease": [0.25, 0.1, 0.25, 1],
    "linear": [0, 0, 1, 1],
    "ease-in": [0.42, 0, 1, 1],
    "ease-out": [0, 0, 0.58, 1],
    "ease-in-out": [0.42, 0, 0.58, 1],
}


@dataclass(frozen=True)
class Token:
    """A typed value for one CSS value: its ``type``, ``value`` and, when lossy, the CSS.

    ``css`` is set when the typed value does not say everything the CSS does (a gradient's
    direction, a transition's property, ``none`` as a shadow).
    """

    type: str
    value: Any
    css: str | None = None


def convert(kind: Kind, css: str) -> Token | None:
    """The typed form of a literal CSS value of ``kind``, or ``None`` when no type holds it."""
    token = shared(kind, css)
    return None if token is None else Token(token.type, thaw(token.value), token.css)


@lru_cache(maxsize=16384)
def shared(kind: Kind, css: str) -> Token | None:
    """``convert``, cached: the token's value is shared (read it, do not change it)."""
    items = _items(css)
    if kind is Kind.COLOUR:
        value = colour(css)
        return Token("color", value) if value else None
    if kind is Kind.FILL:
        value = colour(css)
        if value:
            return Token("color", value)
        stops = gradient(items)
        return Token("gradient", stops, css) if stops else None
    if kind is Kind.LENGTH:
        value = dimension(items[0]) if len(items) == 1 else None
        return Token("dimension", value) if value else None
    if kind is Kind.SHADOW:
        return shadow(css)
    if kind is Kind.WEIGHT:
        value = font_weight(items)
        return Token("fontWeight", value) if value is not None else None
    if kind is Kind.FONT:
        names = font_family(css)
        return Token("fontFamily", names) if names else None
    if kind is Kind.TRANSITION:
        return transition(css)
    return None


def colour(css: str) -> dict[str, Any] | None:
    """A CSS colour as a DTCG 2025.10 colour object, or ``None`` if it is not a colour."""
    value = shared_colour(css)
    return None if value is None else thaw(value)


def is_colour(css: str) -> bool:
    """Whether ``css`` is one CSS colour (cached, as ``colour`` is)."""
    return shared_colour(css) is not None


_HEX6 = re.compile(r"#([0-9a-fA-F]{2})([0-9a-fA-F]{2})([0-9a-fA-F]{2})")


@lru_cache(maxsize=16384)
def shared_colour(css: str) -> dict[str, Any] | None:
    """``colour``, cached: the result is shared (read it, do not change it).

    ``#rrggbb``, most of every theme, is written directly: it is always in sRGB, its
    components are the bytes over 255 and its fallback is itself in lower case (the same
    figures coloraide gives, as checked for every byte value).
    """
    text = css.strip()
    hex_match = _HEX6.fullmatch(text)
    if hex_match:
        return {
            "colorSpace": "srgb",
            "components": [_number(int(byte, 16) / 255) for byte in hex_match.groups()],
            "alpha": 1,
            "hex": text.lower(),
        }
    try:
        parsed = Color(text)
    except (ValueError, TypeError):
        return None
    srgb = parsed.convert("srgb")
    fallback = srgb.clone().fit().to_string(hex=True, alpha=False)
    if srgb.in_gamut():
        space, components = "srgb", [_number(c) for c in srgb.coords(nans=False)]
    else:
        oklch = parsed.convert("oklch")
        space = "oklch"
        components = ["none" if math.isnan(c) else _number(c) for c in oklch.coords()]
    return {
        "colorSpace": space,
        "components": components,
        "alpha": _number(parsed.alpha(nans=False)),
        "hex": fallback,
    }


def dimension(token: ast.Node) -> dict[str, Any] | None:
    """A px/rem length (or ``0``) as ``{"value": n, "unit": u}``."""
    if isinstance(token, ast.DimensionToken) and token.lower_unit in _UNITS:
        return {"value": _number(token.value), "unit": token.lower_unit}
    if isinstance(token, ast.NumberToken) and token.value == 0:
        return {"value": 0, "unit": "px"}
    return None


def font_weight(items: list[ast.Node]) -> int | float | str | None:
    if len(items) != 1:
        return None
    token = items[0]
    if isinstance(token, ast.NumberToken) and 1 <= token.value <= 1000:
        return _number(token.value)
    if isinstance(token, ast.IdentToken) and token.value in _WEIGHT_WORDS:
        return token.value
    return None


def font_family(css: str) -> list[str] | None:
    """A font stack as a list of family names (quotes removed)."""
    names = []
    for item in _layers(css):
        if len(item) == 1 and isinstance(item[0], ast.StringToken):
            names.append(item[0].value)
        elif item and all(isinstance(t, ast.IdentToken) for t in item):
            names.append(" ".join(t.value for t in item))
        else:
            return None
        if not names[-1].strip():
            return None
    return names or None


def shadow(css: str) -> Token | None:
    """A ``box-shadow`` value as a DTCG shadow (one object, or an array of layers)."""
    layers = _layers(css)
    if len(layers) == 1 and _is_word(layers[0], "none"):
        zero = {"value": 0, "unit": "px"}
        transparent = colour("transparent")
        value = {"color": transparent, "offsetX": zero, "offsetY": zero}
        return Token("shadow", {**value, "blur": zero, "spread": zero}, "none")
    converted = [_shadow_layer(layer) for layer in layers]
    if not converted or any(layer is None for layer in converted):
        return None
    return Token("shadow", converted[0] if len(converted) == 1 else converted)


def _shadow_layer(items: list[ast.Node]) -> dict[str, Any] | None:
    inset = False
    lengths: list[dict[str, Any]] = []
    lengths_done = False
    colours: list[dict[str, Any]] = []
    for token in items:
        if isinstance(token, ast.IdentToken) and token.lower_value == "inset":
            if inset:
                return None
            inset = True
            lengths_done = lengths_done or bool(lengths)
            continue
        length = dimension(token)
        if length is not None:
            if lengths_done:
                return None
            lengths.append(length)
            continue
        lengths_done = lengths_done or bool(lengths)
        value = colour(tinycss2.serialize([token]))
        if value is None or colours:
            return None
        colours.append(value)
    if not 2 <= len(lengths) <= 4 or not colours:
        return None
    zero = {"value": 0, "unit": "px"}
    blur, spread = [*lengths[2:], zero, zero][:2]
    layer = {
        "color": colours[0],
        "offsetX": lengths[0],
        "offsetY": lengths[1],
        "blur": blur,
        "spread": spread,
    }
    if inset:
        layer["inset"] = True
    return layer


def gradient(items: list[ast.Node]) -> list[dict[str, Any]] | None:
    """The colour stops of a CSS gradient as DTCG gradient stops (positions 0–1)."""
    if len(items) != 1 or not isinstance(items[0], ast.FunctionBlock):
        return None
    function = items[0]
    if function.lower_name not in _GRADIENTS:
        return None
    arguments = _split(function.arguments)
    if arguments and (not arguments[0] or colour(tinycss2.serialize(arguments[0][:1])) is None):
        arguments = arguments[1:]  # the direction, shape or colour space: no colour first
    stops: list[tuple[dict[str, Any], float | None]] = []
    for argument in arguments:
        found = _stop(argument)
        if found is None:
            return None
        stops.extend(found)
    if not stops:
        return None
    positions = _fix_positions([position for _, position in stops])
    return [
        {"color": value, "position": _number(position)}
        for (value, _), position in zip(stops, positions)
    ]


def _stop(item: list[ast.Node]) -> list[tuple[dict[str, Any], float | None]] | None:
    if not item:
        return None
    value = colour(tinycss2.serialize([item[0]]))
    positions = item[1:]
    if value is None or len(positions) > 2:
        return None
    if not all(isinstance(p, ast.PercentageToken) for p in positions):
        return None
    if not positions:
        return [(value, None)]
    return [(value, p.value / 100) for p in positions]  # type: ignore[attr-defined]


def _fix_positions(positions: list[float | None]) -> list[float]:
    """CSS's colour-stop fix-up: ends default to 0 and 1, positions never go back, and stops
    without a position share the space between their neighbours evenly."""
    fixed = list(positions)
    if fixed[0] is None:
        fixed[0] = 0.0
    if fixed[-1] is None:
        fixed[-1] = 1.0 if len(fixed) > 1 else 0.0
    highest = 0.0
    for index, position in enumerate(fixed):
        if position is not None:
            highest = max(highest, position)
            fixed[index] = highest
    index = 0
    while index < len(fixed):
        if fixed[index] is None:
            start = index - 1
            end = index
            while fixed[end] is None:
                end += 1
            low, high = fixed[start], fixed[end]
            assert low is not None and high is not None
            for step in range(index, end):
                fixed[step] = low + (high - low) * (step - start) / (end - start)
            index = end
        index += 1
    return [min(1.0, max(0.0, p)) for p in fixed if p is not None]


def transition(css: str) -> Token | None:
    """One CSS transition as a DTCG transition (duration, delay, timing function)."""
    layers = _layers(css)
    if len(layers) != 1:
        return None
    times: list[dict[str, Any]] = []
    timing: list[float] | None = None
    prop: str | None = None
    for token in layers[0]:
        if isinstance(token, ast.DimensionToken) and token.lower_unit in _TIME_UNITS:
            times.append({"value": _number(token.value), "unit": token.lower_unit})
        elif isinstance(token, ast.IdentToken) and token.lower_value in _TIMING:
            if timing is not None:
                return None
            timing = _TIMING[token.lower_value]
        elif isinstance(token, ast.FunctionBlock) and token.lower_name == "cubic-bezier":
            if timing is not None:
                return None
            timing = _cubic_bezier(token)
            if timing is None:
                return None
        elif isinstance(token, ast.IdentToken) and prop is None:
            prop = token.lower_value
        else:
            return None
    if not 1 <= len(times) <= 2 or prop == "none":
        return None
    value = {
        "duration": times[0],
        "delay": times[1] if len(times) == 2 else {"value": 0, "unit": "ms"},
        "timingFunction": timing or _TIMING["ease"],
    }
    return Token("transition", value, None if prop in (None, "all") else css)


def _cubic_bezier(function: ast.FunctionBlock) -> list[float] | None:
    numbers = [
        t
        for t in function.arguments
        if not isinstance(t, ast.WhitespaceToken)
        and not (isinstance(t, ast.LiteralToken) and t.value == ",")
    ]
    if len(numbers) != 4 or not all(isinstance(t, ast.NumberToken) for t in numbers):
        return None
    values = [_number(t.value) for t in numbers]  # type: ignore[attr-defined]
    if not (0 <= values[0] <= 1 and 0 <= values[2] <= 1):
        return None
    return values


# --- parsing helpers ----------------------------------------------------------------------


def _items(css: str) -> list[ast.Node]:
    """The value's component values without whitespace."""
    return [
        t
        for t in tinycss2.parse_component_value_list(css)
        if not isinstance(t, (ast.WhitespaceToken, ast.Comment))
    ]


def _layers(css: str) -> list[list[ast.Node]]:
    """The value split at its top-level commas, each part without whitespace."""
    return _split(tinycss2.parse_component_value_list(css))


def _split(tokens: list[ast.Node]) -> list[list[ast.Node]]:
    parts: list[list[ast.Node]] = [[]]
    for token in tokens:
        if isinstance(token, ast.LiteralToken) and token.value == ",":
            parts.append([])
        elif not isinstance(token, (ast.WhitespaceToken, ast.Comment)):
            parts[-1].append(token)
    return [] if parts == [[]] else parts


def _is_word(items: list[ast.Node], word: str) -> bool:
    return len(items) == 1 and isinstance(items[0], ast.IdentToken) and items[0].lower_value == word


def _number(value: float) -> int | float:
    """A JSON number: integral values as integers, others rounded to 6 decimals."""
    rounded = round(float(value), 6)
    if rounded.is_integer():
        return int(rounded)
    return rounded


def thaw(value: Any) -> Any:
    """A fresh copy of JSON data (plain dicts and lists), for callers free to change it."""
    if isinstance(value, dict):
        return {key: thaw(item) for key, item in value.items()}
    if isinstance(value, list):
        return [thaw(item) for item in value]
    return value
