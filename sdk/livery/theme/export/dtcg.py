"""W3C design tokens: the theme in the DTCG format 2025.10, light and dark as a Resolver document.

One JSON file, a 2025.10 **resolver document** (Resolver module) whose token sources are inline,
so tools that implement the Resolver (Terrazzo, Dispersa, …) read light and dark mode from it
directly::

    {
      "name": "Livery theme Soft",
      "version": "2025.10",
      "sets": {"livery": {"sources": [ <tokens: every variable, light mode> ]}},
      "modifiers": {"mode": {"default": "light",
                             "contexts": {"light": [], "dark": [ <tokens that differ in dark> ]}}},
      "resolutionOrder": [{"$ref": "#/sets/livery"}, {"$ref": "#/modifiers/mode"}]
    }

``sets.livery.sources[0]`` on its own is a plain DTCG token document (the light theme) for
tools that read token files only.

**Names.** A token's group is its catalogue group (``palette``, ``size``, ``font``, ``body``,
``block``, ``button``, …) and its name is the CSS variable's name without ``--``:
``--body-text-color`` is ``{"body": {"body-text-color": …}}`` and is referenced as
``{body.body-text-color}``. Names use only ``a-z``, ``0-9`` and ``-``.

**Types.** Every token has an explicit ``$type``; a variable is a token when its light and
dark values are both expressible in the same DTCG type:

==========  ==============================================================================
kind        DTCG
==========  ==============================================================================
colour      ``color``: ``{"colorSpace": "srgb", "components": [r, g, b], "alpha": a,
            "hex": "#rrggbb"}`` (converted with coloraide); a colour outside sRGB keeps its
            gamut as ``"oklch"`` components, with the gamut-mapped sRGB ``hex`` as fallback
fill        ``color`` for a colour; ``gradient`` for a linear/radial/conic gradient of colour
            stops with percentage (or no) positions: the stops become ``{color, position}``
            with CSS's position fix-up, and the full CSS (direction, shape) is kept in the
            token's ``$extensions["org.livery"].css``
length      ``dimension`` ``{"value": n, "unit": "px"|"rem"}`` for one px/rem length or ``0``
shadow      ``shadow``: an object, or an array for several layers (``inset`` when set);
            ``none`` becomes one transparent shadow of zero size (it draws nothing) with
            ``"css": "none"`` in its extensions
weight      ``fontWeight``: a number 1–1000, or ``"normal"``/``"bold"``
font        ``fontFamily``: the stack as an array of names, quotes removed
transition  ``transition`` ``{duration, delay, timingFunction}`` for one transition of
            ``ease``-style or ``cubic-bezier()`` timing; a named property other than
            ``all`` is kept in the extensions' ``css``
==========  ==============================================================================

DTCG 2025.10 has no type for the rest (``calc()``, paddings of several lengths, ``none`` as
a length or colour, ``data:`` images, transforms, ``color-mix()``, …), and an untyped token
is invalid, so those variables are not tokens: their CSS values are kept, per mode, in the
source's root ``$extensions["org.livery"].cssOnly`` (``{"block-padding": "16px calc(…)"}``).
Both sources carry the complete table for their mode, so the resolved result is right
whichever way a tool merges extension data.

**References.** A value that is exactly one reference (``*neutral_800``) stays an alias,
``"{palette.neutral-800}"``, when its target is a token of the same type; anything else is
written as its literal value (references followed). The dark context holds a token only when
its dark value (alias or literal) differs from the light one, so aliases pick up their
target's dark value through the resolver, as ``var()`` does in CSS.
"""

from __future__ import annotations

import json
import json.encoder
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import tinycss2
from coloraide import Color
from tinycss2 import ast

from livery.theme.catalogue import BY_NAME, VARIABLES
from livery.theme.values import Kind

if TYPE_CHECKING:
    from livery.theme.model import Theme

VERSION = "2025.10"
EXTENSION = "org.livery"
SET = "livery"
MODIFIER = "mode"

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
    """A DTCG value for one CSS value: its ``$type``, ``$value`` and, when lossy, the CSS."""

    type: str
    value: Any
    css: str | None = None

    def json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"$type": self.type, "$value": self.value}
        if self.css is not None:
            data["$extensions"] = {EXTENSION: {"css": self.css}}
        return data


def export(theme: Theme) -> str:
    """The theme as a DTCG 2025.10 resolver document (JSON text)."""
    parts: list[str] = []
    _encode(_document(theme), 0, parts)
    parts.append("\n")
    return "".join(parts)


def token_name(name: str) -> str:
    """``body_text_color`` → ``body-text-color`` (the CSS variable without ``--``)."""
    return name.replace("_", "-")


@lru_cache(maxsize=1024)
def token_path(name: str) -> str:
    """The alias of a variable's token: ``{body.body-text-color}``."""
    return "{" + BY_NAME[name].group + "." + token_name(name) + "}"


def document(theme: Theme) -> dict[str, Any]:
    """The resolver document as JSON data."""
    return _thaw(_document(theme))


class _Entry(dict):  # type: ignore[type-arg]
    """A token's JSON data, shared between documents (never changed once made).

    ``key`` names what it was made from — ``("token", kind, css)`` or ``("alias", type,
    variable)`` — so that ``export`` writes its text once per indentation level and reuses
    it for every theme with the same value.
    """

    __slots__ = ("key",)
    key: tuple[str, Any, str]


@lru_cache(maxsize=16384)
def _token_entry(kind: Kind, css: str) -> _Entry | None:
    token = _convert(kind, css)
    if token is None:
        return None
    entry = _Entry(token.json())
    entry.key = ("token", kind, css)
    return entry


@lru_cache(maxsize=4096)
def _alias_entry(kind: str, target: str) -> _Entry:
    entry = _Entry({"$type": kind, "$value": token_path(target)})
    entry.key = ("alias", kind, target)
    return entry


def _document(theme: Theme) -> dict[str, Any]:
    """``document``, with token data shared with other documents (read it, do not change it).

    Converting CSS values is the slow part and most values recur from theme to theme (sizes,
    fonts, shadows, named palettes), so every conversion is cached by kind and CSS text.
    """
    resolved = theme.resolved()
    literal = resolved.literal
    converted: dict[tuple[str, bool], _Entry | None] = {}
    types: dict[str, str | None] = {}
    for v in VARIABLES:
        light = converted[v.name, False] = _token_entry(v.kind, literal(v.name, False))
        dark = converted[v.name, True] = _token_entry(v.kind, literal(v.name, True))
        same = light is not None and dark is not None and light["$type"] == dark["$type"]
        types[v.name] = light["$type"] if same and light is not None else None

    def entry(name: str, dark: bool) -> _Entry:
        value = resolved.value(name, dark)
        parts = value.parts
        if len(parts) == 3 and parts[0] == parts[2] == "":
            target = parts[1]
            kind = types[name]
            if types.get(target) == kind:
                assert kind is not None
                return _alias_entry(kind, target)
        token = converted[name, dark]
        assert token is not None
        return token

    light_tokens: dict[str, dict[str, Any]] = {}
    dark_tokens: dict[str, dict[str, Any]] = {}
    css_only: tuple[dict[str, str], dict[str, str]] = ({}, {})
    for v in VARIABLES:
        if types[v.name] is None:
            css_only[0][token_name(v.name)] = literal(v.name)
            css_only[1][token_name(v.name)] = literal(v.name, True)
            continue
        light_entry = light_tokens[v.name] = entry(v.name, False)
        dark_entry = entry(v.name, True)
        if dark_entry is not light_entry and dark_entry != light_entry:
            dark_tokens[v.name] = dark_entry

    base = _source(light_tokens, css_only[0])
    base = {
        "$description": f"Livery theme {theme.name}: every variable in light mode.",
        **base,
    }
    dark_source = _source(dark_tokens, css_only[1])
    return {
        "name": f"Livery theme {theme.name}",
        "version": VERSION,
        "description": (
            theme.description
            or f"The Livery theme {theme.name} as design tokens, light and dark mode."
        ),
        "sets": {
            SET: {
                "description": "Every theme variable in light mode (variables DTCG cannot type "
                f"are CSS text in $extensions.{EXTENSION}.cssOnly).",
                "sources": [base],
            }
        },
        "modifiers": {
            MODIFIER: {
                "description": "Light or dark mode; dark replaces the tokens that differ.",
                "contexts": {"light": [], "dark": [dark_source] if dark_source else []},
                "default": "light",
            }
        },
        "resolutionOrder": [{"$ref": f"#/sets/{SET}"}, {"$ref": f"#/modifiers/{MODIFIER}"}],
    }


def _source(tokens: dict[str, dict[str, Any]], css_only: dict[str, str]) -> dict[str, Any]:
    source: dict[str, Any] = {}
    if css_only:
        source["$extensions"] = {EXTENSION: {"cssOnly": css_only}}
    for name, data in tokens.items():
        source.setdefault(BY_NAME[name].group, {})[token_name(name)] = data
    return source


# --- CSS values → DTCG values -----------------------------------------------------------


def convert(kind: Kind, css: str) -> Token | None:
    """The DTCG form of a literal CSS value of ``kind``, or ``None`` when DTCG has no type."""
    token = _convert(kind, css)
    return None if token is None else Token(token.type, _thaw(token.value), token.css)


@lru_cache(maxsize=16384)
def _convert(kind: Kind, css: str) -> Token | None:
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
    value = _colour(css)
    return None if value is None else _thaw(value)


_HEX6 = re.compile(r"#([0-9a-fA-F]{2})([0-9a-fA-F]{2})([0-9a-fA-F]{2})")


@lru_cache(maxsize=16384)
def _colour(css: str) -> dict[str, Any] | None:
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


# --- helpers ----------------------------------------------------------------------------


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


def _thaw(value: Any) -> Any:
    """A fresh copy of JSON data (plain dicts and lists), for callers free to change it."""
    if isinstance(value, dict):
        return {key: _thaw(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_thaw(item) for item in value]
    return value


# --- JSON text ----------------------------------------------------------------------------
#
# ``json.dumps(data, indent=2)`` runs json's pure-Python encoder (the C one has no indent),
# which made writing the text as slow as building the data. ``_encode`` writes exactly the
# same text, but each shared token entry's text is made once per indentation level (by
# ``json.dumps`` itself) and reused: json writes a nested value as its own text with every
# line after the first indented by the nesting level.

_INDENT = "  "


def _encode(value: Any, level: int, parts: list[str]) -> None:
    """Append ``value`` as ``json.dumps(value, indent=2, ensure_ascii=False)`` writes it at
    nesting ``level``."""
    if type(value) is _Entry:
        parts.append(_entry_text(value.key, level))
    elif isinstance(value, dict):
        if not value:
            parts.append("{}")
            return
        newline = "\n" + _INDENT * (level + 1)
        parts.append("{")
        separator = newline
        for key, item in value.items():
            parts.append(separator)
            parts.append(_string(key))
            parts.append(": ")
            _encode(item, level + 1, parts)
            separator = "," + newline
        parts.append("\n" + _INDENT * level + "}")
    elif isinstance(value, list):
        if not value:
            parts.append("[]")
            return
        newline = "\n" + _INDENT * (level + 1)
        parts.append("[")
        separator = newline
        for item in value:
            parts.append(separator)
            _encode(item, level + 1, parts)
            separator = "," + newline
        parts.append("\n" + _INDENT * level + "]")
    elif isinstance(value, str):
        parts.append(_string(value))
    else:
        parts.append(json.dumps(value, ensure_ascii=False))


_string = json.encoder.encode_basestring  # type: ignore[attr-defined]
"""What json writes for a string (and a key) with ``ensure_ascii=False``."""


@lru_cache(maxsize=16384)
def _entry_text(key: tuple[str, Any, str], level: int) -> str:
    what, kind, text = key
    entry = _alias_entry(kind, text) if what == "alias" else _token_entry(kind, text)
    dumped = json.dumps(dict(entry), indent=2, ensure_ascii=False)  # type: ignore[arg-type]
    return dumped.replace("\n", "\n" + _INDENT * level)
