"""W3C design tokens: the theme in the DTCG format 2025.10, light and dark, as token files that
Style Dictionary 5 reads as they are and a Resolver document for tools that implement it.

``files`` gives three files (``export`` gives the resolver with the two token files inline, one
self-contained text for standard output)::

    soft.tokens.json        every token, light mode            (a plain DTCG token document)
    soft.dark.tokens.json   the tokens that differ in dark     (overrides the light file)
    soft.resolver.json      {"version": "2025.10",
                             "sets": {"livery": {"sources": [{"$ref": "soft.tokens.json"}]}},
                             "modifiers": {"mode": {"default": "light", "contexts": {
                                 "light": [], "dark": [{"$ref": "soft.dark.tokens.json"}]}}},
                             "resolutionOrder": [{"$ref": "#/sets/livery"},
                                                 {"$ref": "#/modifiers/mode"}]}

Style Dictionary does not read resolver documents, so it is given the token files: light is
``source: ["soft.tokens.json"]``, dark is ``include: ["soft.tokens.json"], source:
["soft.dark.tokens.json"]`` (source overrides include). Terrazzo reads the resolver.

**Names.** Tokens are not grouped: each sits at the top level under the CSS variable's name
without ``--`` (``--body-text-color`` is ``{"body-text-color": …}``, referenced as
``{body-text-color}``). A tool that names a token by joining its path — Style Dictionary's
``css/variables`` with no prefix, Terrazzo's CSS plugin — therefore writes exactly the theme's
variable, ``--body-text-color``, never a group prefix on top (``--body-body-text-color``).
Names use only ``a-z``, ``0-9`` and ``-``, which kebab-casing leaves as they are.

**Types.** Every token has an explicit ``$type``; a variable is a token when its light and
dark values are both expressible in the same DTCG type (the conversion is ``convert``'s; this
module only lays the tokens out):

==========  ==============================================================================
kind        DTCG
==========  ==============================================================================
colour      ``color``: ``{"colorSpace": "srgb", "components": [r, g, b], "alpha": a,
            "hex": "#rrggbb"}`` (converted with coloraide); a colour outside sRGB keeps its
            gamut as ``"oklch"`` components, with the gamut-mapped sRGB ``hex`` as fallback
fill        ``color`` for a colour
length      ``dimension`` ``{"value": n, "unit": "px"|"rem"}`` for one px/rem length or ``0``
shadow      ``shadow``: an object, or an array for several layers (``inset`` when set);
            ``none`` becomes one transparent shadow of zero size (it draws nothing) with
            ``"css": "none"`` in its extensions
weight      ``fontWeight``: a number 1–1000, or ``"normal"``/``"bold"``
font        ``fontFamily``: the stack as an array of names, quotes removed
==========  ==============================================================================

DTCG 2025.10 has no type for the rest (``calc()``, paddings of several lengths, ``none`` as
a length or colour, ``data:`` images, transforms, ``color-mix()``, …), and an untyped token
is invalid. Gradients and transitions have DTCG types, but the tools write broken CSS from
them (see ``UNREAD_TYPES``). So those variables are not tokens: their CSS values are kept,
per mode, in the token file's root ``$extensions["org.livery"].cssOnly``
(``{"block-padding": "16px calc(…)"}``).
Both files carry the complete table for their mode, so the resolved result is right
whichever way a tool merges extension data.

**References.** A value that is exactly one reference (``*neutral_800``) stays an alias,
``"{neutral-800}"``, when its target is a token of the same type; anything else is
written as its literal value (references followed). The dark context holds a token only when
its dark value (alias or literal) differs from the light one, so aliases pick up their
target's dark value through the resolver, as ``var()`` does in CSS.
"""

from __future__ import annotations

import json
import json.encoder
from functools import lru_cache
from typing import Any

from livery.theme.catalogue import VARIABLES
from livery.theme.export.convert import Token, shared, thaw
from livery.theme.resolve import Resolved
from livery.theme.values import Kind

VERSION = "2025.10"
EXTENSION = "org.livery"
SET = "livery"
MODIFIER = "mode"
UNREAD_TYPES = frozenset({"transition", "gradient"})
"""Types written as CSS text instead, because the tools write wrong CSS from them: Style
Dictionary 5.5.5 writes a 2025.10 ``transition`` as ``[object Object] cubic-bezier(…)
[object Object]`` (its ``transition/css/shorthand`` does not read duration objects yet), and a
``gradient`` (stops only: no direction or shape in DTCG) as ``[object Object],…`` (Style
Dictionary) or a bare stop list (Terrazzo), neither of which is a CSS image."""


def export(resolved: Resolved, *, name: str, description: str = "") -> str:
    """The theme ``name`` as one DTCG 2025.10 resolver document with inline sources (JSON)."""
    light, dark = _sources(resolved, name)
    return _text(_resolver(name, description, [light], [dark] if dark else []))


def files(resolved: Resolved, *, name: str, stem: str, description: str = "") -> dict[str, str]:
    """The export as files, name → JSON text: ``STEM.tokens.json`` (light),
    ``STEM.dark.tokens.json`` (what dark changes) and ``STEM.resolver.json``, which points at
    the other two by relative ``$ref`` so the three can move together."""
    light, dark = _sources(resolved, name)
    light_file, dark_file = f"{stem}.tokens.json", f"{stem}.dark.tokens.json"
    resolver = _resolver(name, description, [{"$ref": light_file}], [{"$ref": dark_file}])
    return {
        light_file: _text(light),
        dark_file: _text(dark),
        f"{stem}.resolver.json": _text(resolver),
    }


def token_name(name: str) -> str:
    """``body_text_color`` → ``body-text-color`` (the CSS variable without ``--``)."""
    return name.replace("_", "-")


@lru_cache(maxsize=1024)
def token_path(name: str) -> str:
    """The alias of a variable's token: ``{body-text-color}``."""
    return "{" + token_name(name) + "}"


def document(resolved: Resolved, *, name: str, description: str = "") -> dict[str, Any]:
    """``export``'s resolver document as JSON data."""
    light, dark = _sources(resolved, name)
    return thaw(_resolver(name, description, [light], [dark] if dark else []))


def _text(data: dict[str, Any]) -> str:
    parts: list[str] = []
    _encode(data, 0, parts)
    parts.append("\n")
    return "".join(parts)


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
    if token is None or token.type in UNREAD_TYPES:
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


def _sources(resolved: Resolved, name: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The light and dark token documents, with token data shared with other themes' (read
    them, do not change them).

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

    light = {
        "$description": f"Livery theme {name}: every variable in light mode.",
        **_source(light_tokens, css_only[0]),
    }
    dark = _source(dark_tokens, css_only[1])
    if dark:
        dark = {"$description": f"Livery theme {name}: what dark mode changes.", **dark}
    return light, dark


def _resolver(
    name: str, description: str, light: list[dict[str, Any]], dark: list[dict[str, Any]]
) -> dict[str, Any]:
    """The resolver document: the light set, then the mode modifier (dark overrides)."""
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
                "sources": light,
            }
        },
        "modifiers": {
            MODIFIER: {
                "description": "Light or dark mode; dark replaces the tokens that differ.",
                "contexts": {"light": [], "dark": dark},
                "default": "light",
            }
        },
        "resolutionOrder": [{"$ref": f"#/sets/{SET}"}, {"$ref": f"#/modifiers/{MODIFIER}"}],
    }


def _source(tokens: dict[str, dict[str, Any]], css_only: dict[str, str]) -> dict[str, Any]:
    """A flat token document: each token under its CSS variable's name."""
    source: dict[str, Any] = {}
    if css_only:
        source["$extensions"] = {EXTENSION: {"cssOnly": css_only}}
    for name, data in tokens.items():
        source[token_name(name)] = data
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
