"""The rules of the DTCG format 2025.10 and its Resolver module, as a small validator.

Written from the Format module (token and group properties, names, types and their values,
aliases) and the Resolver module (version, sets, modifiers with contexts, resolution order,
merging sources, sources that are other files by relative ``$ref``). ``validate_tokens`` and
``validate_resolver`` return the problems they find (an empty list for a valid document);
``resolve`` produces the token document of one input.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path as FilePath
from typing import Any

TYPES = frozenset(
    "color dimension fontFamily fontWeight duration cubicBezier number "
    "strokeStyle border transition shadow gradient typography".split()
)
COLOR_SPACES = frozenset(
    "srgb srgb-linear hsl hwb lab lch oklab oklch display-p3 a98-rgb prophoto-rgb rec2020 "
    "xyz-d65 xyz-d50".split()
)
WEIGHT_WORDS = frozenset(
    "thin hairline extra-light ultra-light light normal regular book medium semi-bold "
    "demi-bold bold extra-bold ultra-bold black heavy extra-black ultra-black".split()
)
STROKE_STYLES = frozenset("solid dashed dotted double groove ridge outset inset".split())
TOKEN_PROPERTIES = frozenset({"$value", "$type", "$description", "$extensions", "$deprecated"})
GROUP_PROPERTIES = frozenset(
    {"$type", "$description", "$extensions", "$deprecated", "$extends", "$schema"}
)
ALIAS = re.compile(r"\{([^{}]+)\}")
HEX = re.compile(r"#[0-9a-fA-F]{6}")
FILE_REF = re.compile(r"(?:[A-Za-z0-9._-]+/)*[A-Za-z0-9._-]+\.json")

Path = tuple[str, ...]


def is_alias(value: object) -> bool:
    return isinstance(value, str) and ALIAS.fullmatch(value) is not None


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


class _Tokens:
    def __init__(self, document: object) -> None:
        self.problems: list[str] = []
        self.tokens: dict[Path, tuple[dict[str, Any], str | None]] = {}
        if not isinstance(document, dict):
            self.problems.append("a token document is a JSON object")
            return
        self._walk(document, (), None)

    def _walk(self, group: dict[str, Any], path: Path, inherited: str | None) -> None:
        group_type = group.get("$type", inherited)
        for key, value in group.items():
            where = ".".join((*path, key))
            if key.startswith("$"):
                if key not in GROUP_PROPERTIES:
                    self.problems.append(f"{where}: {key} is not a group property")
                elif key == "$extensions" and not isinstance(value, dict):
                    self.problems.append(f"{where}: $extensions must be an object")
                elif key == "$type" and value not in TYPES:
                    self.problems.append(f"{where}: unknown type {value!r}")
                continue
            if key == "" or "{" in key or "}" in key or "." in key:
                self.problems.append(f"{where}: a name must not contain '{{', '}}' or '.'")
            if not isinstance(value, dict):
                self.problems.append(f"{where}: a token or group must be an object")
                continue
            if "$value" in value:
                extra = set(value) - TOKEN_PROPERTIES
                if extra:
                    self.problems.append(f"{where}: unknown token properties {sorted(extra)}")
                if "$extensions" in value and not isinstance(value["$extensions"], dict):
                    self.problems.append(f"{where}: $extensions must be an object")
                self.tokens[(*path, key)] = (value, group_type)
            else:
                self._walk(value, (*path, key), group_type)

    def target(self, alias: str) -> Path | None:
        match = ALIAS.fullmatch(alias)
        assert match
        path = tuple(match.group(1).split("."))
        return path if path in self.tokens else None

    def type_of(self, path: Path, seen: frozenset[Path] = frozenset()) -> str | None:
        """A token's type: its own $type, else its alias target's, else its groups'."""
        token, inherited = self.tokens[path]
        if "$type" in token:
            return token["$type"]
        value = token["$value"]
        if is_alias(value):
            target = self.target(value)
            if target is None or target in seen:
                return None
            return self.type_of(target, seen | {path})
        return inherited

    def final(self, path: Path) -> tuple[Path | None, str | None]:
        """Follow aliases from ``path``: the token with an explicit value, or a problem."""
        seen = [path]
        while True:
            value = self.tokens[seen[-1]][0]["$value"]
            if not is_alias(value):
                return seen[-1], None
            target = self.target(value)
            if target is None:
                return None, f"alias {value} points to no token"
            if target in seen:
                chain = " → ".join(".".join(p) for p in [*seen, target])
                return None, f"circular aliases: {chain}"
            seen.append(target)

    def check(self) -> list[str]:
        for path, (token, _) in self.tokens.items():
            where = ".".join(path)
            declared = self.type_of(path)
            if declared is None:
                self.problems.append(f"{where}: the type cannot be determined")
                continue
            if declared not in TYPES:
                self.problems.append(f"{where}: unknown type {declared!r}")
                continue
            value = token["$value"]
            if is_alias(value):
                final, problem = self.final(path)
                if problem:
                    self.problems.append(f"{where}: {problem}")
                    continue
                assert final is not None
                target_type = self.type_of(final)
                if target_type != declared:
                    self.problems.append(
                        f"{where}: a {declared} token aliases the {target_type} token "
                        f"{'.'.join(final)}"
                    )
                continue
            for problem in self.value_problems(declared, value):
                self.problems.append(f"{where}: {problem}")
        return self.problems

    def sub_value(self, type_: str, value: object) -> list[str]:
        """A composite's sub-value: an explicit value of ``type_`` or an alias to one."""
        if is_alias(value):
            assert isinstance(value, str)
            target = self.target(value)
            if target is None:
                return [f"alias {value} points to no token"]
            final, problem = self.final(target)
            if problem:
                return [problem]
            assert final is not None
            if self.type_of(final) != type_:
                return [f"alias {value} is not a {type_} token"]
            return []
        return self.value_problems(type_, value)

    def value_problems(self, type_: str, value: Any) -> list[str]:
        if isinstance(value, str) and "{" in value:
            return [f"{value!r} is not a valid alias"]
        if type_ == "color":
            return _color(value)
        if type_ in ("dimension", "duration"):
            units = ("px", "rem") if type_ == "dimension" else ("ms", "s")
            if not isinstance(value, dict) or set(value) != {"value", "unit"}:
                return [f"a {type_} is {{value, unit}}, not {value!r}"]
            if not _is_number(value["value"]) or value["unit"] not in units:
                return [f"bad {type_} {value!r}"]
            return []
        if type_ == "number":
            return [] if _is_number(value) else [f"{value!r} is not a number"]
        if type_ == "fontFamily":
            names = [value] if isinstance(value, str) else value
            if not isinstance(names, list) or not names:
                return [f"a fontFamily is a name or a list of names, not {value!r}"]
            if not all(isinstance(n, str) and n.strip() for n in names):
                return [f"empty or non-text font name in {value!r}"]
            return []
        if type_ == "fontWeight":
            if _is_number(value) and 1 <= value <= 1000:
                return []
            if isinstance(value, str) and value in WEIGHT_WORDS:
                return []
            return [f"{value!r} is not a font weight"]
        if type_ == "cubicBezier":
            if (
                not isinstance(value, list)
                or len(value) != 4
                or not all(_is_number(v) or is_alias(v) for v in value)
            ):
                return [f"a cubicBezier is four numbers, not {value!r}"]
            xs = [value[0], value[2]]
            if any(_is_number(x) and not 0 <= x <= 1 for x in xs):
                return [f"cubicBezier x values must lie in [0, 1]: {value!r}"]
            return []
        if type_ == "shadow":
            layers = value if isinstance(value, list) else [value]
            if not layers:
                return ["a shadow needs at least one layer"]
            problems = []
            for layer in layers:
                problems += self._composite(
                    layer,
                    {
                        "color": "color",
                        "offsetX": "dimension",
                        "offsetY": "dimension",
                        "blur": "dimension",
                        "spread": "dimension",
                    },
                    optional={"inset"},
                )
                if isinstance(layer, dict) and not isinstance(layer.get("inset", False), bool):
                    problems.append("shadow inset must be true or false")
            return problems
        if type_ == "gradient":
            if not isinstance(value, list) or not value:
                return [f"a gradient is a list of stops, not {value!r}"]
            problems = []
            for stop in value:
                problems += self._composite(stop, {"color": "color", "position": "number"})
            return problems
        if type_ == "transition":
            return self._composite(
                value,
                {"duration": "duration", "delay": "duration", "timingFunction": "cubicBezier"},
            )
        if type_ == "strokeStyle":
            if isinstance(value, str):
                return [] if value in STROKE_STYLES else [f"unknown stroke style {value!r}"]
            if not isinstance(value, dict) or set(value) != {"dashArray", "lineCap"}:
                return [f"bad stroke style {value!r}"]
            problems = [p for d in value["dashArray"] for p in self.sub_value("dimension", d)]
            if value["lineCap"] not in ("round", "butt", "square"):
                problems.append(f"bad lineCap {value['lineCap']!r}")
            return problems
        if type_ == "border":
            return self._composite(
                value, {"color": "color", "width": "dimension", "style": "strokeStyle"}
            )
        if type_ == "typography":
            return self._composite(
                value,
                {
                    "fontFamily": "fontFamily",
                    "fontSize": "dimension",
                    "fontWeight": "fontWeight",
                    "letterSpacing": "dimension",
                    "lineHeight": "number",
                },
            )
        return [f"unknown type {type_!r}"]

    def _composite(
        self,
        value: object,
        parts: dict[str, str],
        optional: set[str] | frozenset[str] = frozenset(),
    ) -> list[str]:
        if not isinstance(value, dict):
            return [f"expected an object with {sorted(parts)}, not {value!r}"]
        missing = set(parts) - set(value)
        extra = set(value) - set(parts) - set(optional)
        problems = []
        if missing:
            problems.append(f"missing {sorted(missing)}")
        if extra:
            problems.append(f"unknown sub-values {sorted(extra)}")
        for key, type_ in parts.items():
            if key in value:
                problems += [f"{key}: {p}" for p in self.sub_value(type_, value[key])]
        return problems


def _color(value: object) -> list[str]:
    if not isinstance(value, dict):
        return [f"a color is an object (colorSpace, components), not {value!r}"]
    extra = set(value) - {"colorSpace", "components", "alpha", "hex"}
    if extra:
        return [f"unknown color properties {sorted(extra)}"]
    space = value.get("colorSpace")
    if space not in COLOR_SPACES:
        return [f"unknown colorSpace {space!r}"]
    components = value.get("components")
    if (
        not isinstance(components, list)
        or len(components) != 3
        or not all(_is_number(c) or c == "none" for c in components)
    ):
        return [f"components must be three numbers (or 'none'), not {components!r}"]
    if space == "srgb" and not all(c == "none" or 0 <= c <= 1 for c in components):
        return [f"srgb components lie in [0, 1]: {components!r}"]
    if "alpha" in value and not (_is_number(value["alpha"]) and 0 <= value["alpha"] <= 1):
        return [f"alpha must be a number in [0, 1], not {value['alpha']!r}"]
    if "hex" in value and not (isinstance(value["hex"], str) and HEX.fullmatch(value["hex"])):
        return [f"hex must be #rrggbb, not {value['hex']!r}"]
    return []


def validate_tokens(document: object) -> list[str]:
    """Every problem in a DTCG 2025.10 token document (names, types, values, aliases)."""
    return _Tokens(document).check()


def token_types(document: dict[str, Any]) -> dict[Path, str | None]:
    """Every token's path and type."""
    tokens = _Tokens(document)
    return {path: tokens.type_of(path) for path in tokens.tokens}


def resolved_value(document: dict[str, Any], path: Path) -> Any:
    """The explicit value a token ends at, aliases followed."""
    tokens = _Tokens(document)
    final, problem = tokens.final(path)
    assert final is not None, problem
    return tokens.tokens[final][0]


# --- the Resolver module --------------------------------------------------------------------

RESOLVER_PROPERTIES = frozenset(
    {"name", "version", "description", "sets", "modifiers", "resolutionOrder", "$schema"}
)


def validate_resolver(document: object) -> list[str]:
    """Every structural problem in a 2025.10 resolver document."""
    if not isinstance(document, dict):
        return ["a resolver document is a JSON object"]
    problems = []
    extra = set(document) - RESOLVER_PROPERTIES - {"$extensions"}
    if extra:
        problems.append(f"unknown resolver properties {sorted(extra)}")
    if document.get("version") != "2025.10":
        problems.append(f"version must be '2025.10', not {document.get('version')!r}")
    sets = document.get("sets", {})
    modifiers = document.get("modifiers", {})
    for name, item in sets.items():
        if not isinstance(item, dict) or not isinstance(item.get("sources"), list):
            problems.append(f"set {name}: needs a sources array")
            continue
        problems += _source_problems(item["sources"], f"set {name}", sets)
    for name, modifier in modifiers.items():
        contexts = modifier.get("contexts") if isinstance(modifier, dict) else None
        if not isinstance(contexts, dict) or not contexts:
            problems.append(f"modifier {name}: needs a non-empty contexts map")
            continue
        if len(contexts) < 2:
            problems.append(f"modifier {name}: a modifier with one context is a set")
        if "default" in modifier and modifier["default"] not in contexts:
            problems.append(f"modifier {name}: default {modifier['default']!r} is no context")
        for context, sources in contexts.items():
            if not isinstance(sources, list):
                problems.append(f"modifier {name}.{context}: sources must be an array")
                continue
            problems += _source_problems(sources, f"modifier {name}.{context}", sets)
    order = document.get("resolutionOrder")
    if not isinstance(order, list) or not order:
        problems.append("resolutionOrder must be a non-empty array")
        return problems
    seen = set()
    for item in order:
        ref = item.get("$ref") if isinstance(item, dict) else None
        match = re.fullmatch(r"#/(sets|modifiers)/([^/]+)", ref or "")
        if not match or match.group(2) not in (sets if match.group(1) == "sets" else modifiers):
            problems.append(f"resolutionOrder: {item!r} points to no set or modifier")
        elif ref in seen:
            problems.append(f"resolutionOrder: {ref} appears twice")
        seen.add(ref)
    return problems


def _source_problems(sources: list[Any], where: str, sets: dict[str, Any]) -> list[str]:
    problems = []
    for source in sources:
        if not isinstance(source, dict):
            problems.append(f"{where}: a source is an object")
        elif set(source) == {"$ref"}:
            ref = source["$ref"]
            if not ref.startswith("#"):
                if not FILE_REF.fullmatch(ref):
                    problems.append(f"{where}: {ref} is not a relative .json file")
                continue
            match = re.fullmatch(r"#/sets/([^/]+)", ref)
            if not match or match.group(1) not in sets:
                problems.append(f"{where}: {ref} is not a set of this document")
    return problems


def modifier_inputs(document: dict[str, Any]) -> list[dict[str, str]]:
    """Every input the document can resolve (one context per modifier)."""
    inputs: list[dict[str, str]] = [{}]
    for name, modifier in document.get("modifiers", {}).items():
        inputs = [{**known, name: context} for known in inputs for context in modifier["contexts"]]
    return inputs


def resolve(
    document: dict[str, Any], inputs: dict[str, str], folder: FilePath | None = None
) -> dict[str, Any]:
    """The token document for ``inputs``: sources merged in resolution order, later wins.

    A source that is another file is read from ``folder`` (where the document is)."""
    result: dict[str, Any] = {}
    for item in document["resolutionOrder"]:
        kind, name = item["$ref"].split("/")[1:]
        if kind == "sets":
            sources = document["sets"][name]["sources"]
        else:
            modifier = document["modifiers"][name]
            context = inputs.get(name, modifier.get("default"))
            sources = modifier["contexts"][context]
        for source in _expand(document, sources, folder):
            _merge(result, source)
    return result


def _expand(
    document: dict[str, Any], sources: list[Any], folder: FilePath | None
) -> list[dict[str, Any]]:
    expanded = []
    for source in sources:
        if set(source) == {"$ref"} and not source["$ref"].startswith("#"):
            assert folder is not None, f"{source['$ref']}: a file, but no folder to read it from"
            expanded.append(json.loads((folder / source["$ref"]).read_text(encoding="utf-8")))
        elif set(source) == {"$ref"}:
            name = source["$ref"].split("/")[-1]
            expanded += _expand(document, document["sets"][name]["sources"], folder)
        else:
            expanded.append(source)
    return expanded


def _merge(into: dict[str, Any], source: dict[str, Any]) -> None:
    """Groups merge; a token, or a group's $-property, replaces what was there."""
    for key, value in source.items():
        current = into.get(key)
        if (
            not key.startswith("$")
            and isinstance(value, dict)
            and "$value" not in value
            and isinstance(current, dict)
            and "$value" not in current
        ):
            _merge(current, value)
        else:
            into[key] = copy.deepcopy(value)
