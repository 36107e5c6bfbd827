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
dark values are both expressible in the same DTCG type (the conversion is ``convert``'s; this
module only lays the tokens out):

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
from functools import lru_cache
from typing import Any

from livery.theme.catalogue import BY_NAME, VARIABLES
from livery.theme.export.convert import Token, shared, thaw
from livery.theme.resolve import Resolved
from livery.theme.values import Kind

VERSION = "2025.10"
EXTENSION = "org.livery"
SET = "livery"
MODIFIER = "mode"


def export(resolved: Resolved, *, name: str, description: str = "") -> str:
    """The theme ``name`` as a DTCG 2025.10 resolver document (JSON text)."""
    parts: list[str] = []
    _encode(_document(resolved, name, description), 0, parts)
    parts.append("\n")
    return "".join(parts)


def token_name(name: str) -> str:
    """``body_text_color`` → ``body-text-color`` (the CSS variable without ``--``)."""
    return name.replace("_", "-")


@lru_cache(maxsize=1024)
def token_path(name: str) -> str:
    """The alias of a variable's token: ``{body.body-text-color}``."""
    return "{" + BY_NAME[name].group + "." + token_name(name) + "}"


def document(resolved: Resolved, *, name: str, description: str = "") -> dict[str, Any]:
    """The resolver document as JSON data."""
    return thaw(_document(resolved, name, description))


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
    token = shared(kind, css)
    if token is None:
        return None
    entry = _Entry(_token_data(token))
    entry.key = ("token", kind, css)
    return entry


def _token_data(token: Token) -> dict[str, Any]:
    """A token's JSON: ``$type``, ``$value`` and, when lossy, the CSS in the extensions."""
    data: dict[str, Any] = {"$type": token.type, "$value": token.value}
    if token.css is not None:
        data["$extensions"] = {EXTENSION: {"css": token.css}}
    return data


@lru_cache(maxsize=4096)
def _alias_entry(kind: str, target: str) -> _Entry:
    entry = _Entry({"$type": kind, "$value": token_path(target)})
    entry.key = ("alias", kind, target)
    return entry


def _document(resolved: Resolved, name: str, description: str) -> dict[str, Any]:
    """``document``, with token data shared with other documents (read it, do not change it).

    Converting CSS values is the slow part and most values recur from theme to theme (sizes,
    fonts, shadows, named palettes), so every conversion is cached by kind and CSS text. Only
    what ``dark_changes`` names can differ in dark mode, so nothing else is converted twice.
    """
    literal = resolved.literal
    differs = frozenset(resolved.dark_changes(literal=True))
    converted: dict[tuple[str, bool], _Entry | None] = {}
    types: dict[str, str | None] = {}
    for v in VARIABLES:
        light = converted[v.name, False] = _token_entry(v.kind, literal(v.name))
        dark = converted[v.name, True] = (
            _token_entry(v.kind, literal(v.name, True)) if v.name in differs else light
        )
        same = light is not None and dark is not None and light["$type"] == dark["$type"]
        types[v.name] = light["$type"] if same and light is not None else None

    def entry(variable: str, dark: bool) -> _Entry:
        parts = resolved.value(variable, dark).parts
        if len(parts) == 3 and parts[0] == parts[2] == "":
            target = parts[1]
            kind = types[variable]
            if types.get(target) == kind:
                assert kind is not None
                return _alias_entry(kind, target)
        token = converted[variable, dark]
        assert token is not None
        return token

    light_tokens: dict[str, dict[str, Any]] = {}
    css_only: tuple[dict[str, str], dict[str, str]] = ({}, {})
    for v in VARIABLES:
        if types[v.name] is None:
            css_only[0][token_name(v.name)] = literal(v.name)
            css_only[1][token_name(v.name)] = literal(v.name, True)
        else:
            light_tokens[v.name] = entry(v.name, False)
    dark_tokens: dict[str, dict[str, Any]] = {}
    for changed in resolved.dark_changes():
        light_entry = light_tokens.get(changed)
        if light_entry is not None:
            dark_entry = entry(changed, True)
            if dark_entry is not light_entry and dark_entry != light_entry:
                dark_tokens[changed] = dark_entry

    base = _source(light_tokens, css_only[0])
    base = {
        "$description": f"Livery theme {name}: every variable in light mode.",
        **base,
    }
    dark_source = _source(dark_tokens, css_only[1])
    return {
        "name": f"Livery theme {name}",
        "version": VERSION,
        "description": (
            description or f"The Livery theme {name} as design tokens, light and dark mode."
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
    elif isinstance(value, (dict, list)):
        _encode_container(value, level, parts)
    elif isinstance(value, str):
        parts.append(_string(value))
    else:
        parts.append(json.dumps(value, ensure_ascii=False))


def _encode_container(value: dict[str, Any] | list[Any], level: int, parts: list[str]) -> None:
    """``_encode`` for an object or an array: one member per line, indented one level more."""
    is_dict = isinstance(value, dict)
    opening, closing = ("{", "}") if is_dict else ("[", "]")
    if not value:
        parts.append(opening + closing)
        return
    newline = "\n" + _INDENT * (level + 1)
    parts.append(opening)
    separator = newline
    for key, item in value.items() if is_dict else ((None, item) for item in value):
        parts.append(separator)
        if key is not None:
            parts.append(_string(key))
            parts.append(": ")
        _encode(item, level + 1, parts)
        separator = "," + newline
    parts.append("\n" + _INDENT * level + closing)


_string = json.encoder.encode_basestring  # type: ignore[attr-defined]
"""What json writes for a string (and a key) with ``ensure_ascii=False``."""


@lru_cache(maxsize=16384)
def _entry_text(key: tuple[str, Any, str], level: int) -> str:
    what, kind, text = key
    entry = _alias_entry(kind, text) if what == "alias" else _token_entry(kind, text)
    dumped = json.dumps(dict(entry), indent=2, ensure_ascii=False)  # type: ignore[arg-type]
    return dumped.replace("\n", "\n" + _INDENT * level)
