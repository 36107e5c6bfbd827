"""The W3C design tokens export: valid DTCG 2025.10 token files and resolver documents that say
what the theme says, in light and dark mode, under the theme's own variable names."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
import tinycss2
from coloraide import Color
from tinycss2 import ast

import livery
from livery.errors import ThemeFileError
from livery.theme import library
from livery.theme.catalogue import VARIABLES
from livery.theme.export import dtcg
from livery.theme.export.convert import Token, convert
from livery.theme.formats import write_files
from livery.theme.values import Kind

from .dtcg_rules import (
    modifier_inputs,
    resolve,
    resolved_value,
    token_types,
    validate_resolver,
    validate_tokens,
)

THEMES = sorted(library.entries())


def _export(theme: livery.Theme) -> str:
    return dtcg.export(theme.resolved(), name=theme.name, description=theme.description)


def _document(theme: livery.Theme) -> dict[str, Any]:
    return json.loads(_export(theme))


def _hostile() -> livery.Theme:
    """A theme that exercises every conversion: wide-gamut colours, gradients without
    positions, a named transition property, quoted fonts, keyword weights, CSS-only values."""
    return livery.themes.Base(
        primary_hue="rose", font=["Noto Sans", "Times New Roman", "serif"]
    ).set(
        color_accent_soft="oklch(0.7 0.35 30)",
        color_accent_soft_dark="color(display-p3 0 1 0)",
        block_title_text_weight="bold",
        button_transition="background-color 0.3s ease-in 50ms",
        stat_background_fill="linear-gradient(to right, red, white, blue)",
        stat_background_fill_dark="linear-gradient(to right, red 10%, white, blue 20%, green)",
        loader_color="color-mix(in srgb, red 50%, blue)",
        shadow_drop="inset 0 0 0 1px #ff000080, 2px 3px rgb(0 0 0 / 0.2)",
        body_text_color_dark="hsl(120 50% 50%)",
        block_radius="0.5rem",
        body_background_fill="*loader_color",
    )


@pytest.fixture(scope="module", params=[*THEMES, "hostile"])
def theme(request: pytest.FixtureRequest) -> livery.Theme:
    if request.param == "hostile":
        return _hostile()
    return livery.Theme.load(request.param)


def test_the_resolver_document_and_every_resolution_validate(theme: livery.Theme) -> None:
    document = _document(theme)
    assert validate_resolver(document) == []
    assert modifier_inputs(document) == [{"mode": "light"}, {"mode": "dark"}]
    for inputs in modifier_inputs(document):
        tokens = resolve(document, inputs)
        assert validate_tokens(tokens) == [], inputs
    # the base set alone is a plain DTCG token document (the light theme)
    assert validate_tokens(document["sets"]["livery"]["sources"][0]) == []


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_every_variable_is_a_token_or_css_with_the_theme_value(
    theme: livery.Theme, dark: bool
) -> None:
    document = _document(theme)
    tokens = resolve(document, {"mode": "dark" if dark else "light"})
    types = token_types(tokens)
    css_only = tokens["$extensions"]["org.livery"]["cssOnly"]
    assert len(types) + len(css_only) == len(VARIABLES) == 219
    for variable in VARIABLES:
        literal = theme.literal(variable.name, dark)
        path = (variable.name.replace("_", "-"),)
        if path not in types:
            assert css_only[path[0]] == literal, variable.name
            continue
        assert path[0] not in css_only
        token = resolved_value(tokens, path)
        assert token["$type"] == types[path]
        _assert_same(token, literal, variable.name)


def _assert_same(token: dict[str, Any], literal: str, name: str) -> None:
    """Compare a token's value with the CSS it stands for, without the exporter's code."""
    type_, value = token["$type"], token["$value"]
    lossy_css = token.get("$extensions", {}).get("org.livery", {}).get("css")
    if lossy_css is not None:
        assert lossy_css == literal, name
    if type_ == "color":
        _assert_colour(value, literal, name)
    elif type_ == "dimension":
        [length] = _layers(literal)[0]
        assert _length(length) == (value["value"], value["unit"]), name
    elif type_ == "fontWeight":
        assert str(value) == literal, name
    elif type_ == "fontFamily":
        assert value == [part.strip().strip("'\"") for part in literal.split(",")], name
    elif type_ == "shadow":
        layers = value if isinstance(value, list) else [value]
        if literal == "none":
            assert lossy_css == "none" and len(layers) == 1
            assert layers[0]["color"]["alpha"] == 0
            assert {d["value"] for d in _dims(layers[0])} == {0}
            return
        css_layers = _layers(literal)
        assert len(layers) == len(css_layers), name
        for layer, css in zip(layers, css_layers):
            lengths = [_length(t) for t in css if _length(t) is not None]
            lengths += [(0, "px")] * (4 - len(lengths))
            assert [(d["value"], d["unit"]) for d in _dims(layer)] == lengths, name
            inset = any(isinstance(t, ast.IdentToken) and t.value == "inset" for t in css)
            assert layer.get("inset", False) is inset, name
            [colour] = [
                t
                for t in css
                if (_length(t) is None and not isinstance(t, ast.IdentToken))
                or (isinstance(t, ast.IdentToken) and t.value != "inset")
            ]
            _assert_colour(layer["color"], tinycss2.serialize([colour]), name)
    else:
        pytest.fail(f"{name}: unexpected type {type_}")


def _assert_colour(value: dict[str, Any], css: str, name: str) -> None:
    expected = Color(css)
    components = [float("nan") if c == "none" else c for c in value["components"]]
    got = Color(value["colorSpace"], components, value["alpha"])
    assert got.delta_e(expected, method="2000") < 0.05, (name, css, value)
    assert got.alpha() == pytest.approx(expected.alpha(), abs=1e-6), name
    fallback = Color(value["hex"])
    assert fallback.delta_e(expected.clone().fit("srgb"), method="2000") < 1.0, name


def _split(nodes: list[ast.Node]) -> list[list[ast.Node]]:
    parts: list[list[ast.Node]] = [[]]
    for node in nodes:
        if isinstance(node, ast.LiteralToken) and node.value == ",":
            parts.append([])
        elif not isinstance(node, ast.WhitespaceToken):
            parts[-1].append(node)
    return parts


def _layers(css: str) -> list[list[ast.Node]]:
    return _split(tinycss2.parse_component_value_list(css))


def _length(node: ast.Node) -> tuple[float, str] | None:
    if isinstance(node, ast.DimensionToken):
        return (node.value, node.lower_unit)
    if isinstance(node, ast.NumberToken) and node.value == 0:
        return (0, "px")
    return None


def _dims(layer: dict[str, Any]) -> list[dict[str, Any]]:
    return [layer["offsetX"], layer["offsetY"], layer["blur"], layer["spread"]]


# --- what the export keeps and decides ------------------------------------------------------


def _sources(theme: livery.Theme) -> tuple[dict[str, Any], dict[str, Any]]:
    document = _document(theme)
    [light] = document["sets"]["livery"]["sources"]
    [dark] = document["modifiers"]["mode"]["contexts"]["dark"]
    return light, dark


def test_single_references_stay_aliases_and_dark_holds_only_changes() -> None:
    base, dark = _sources(livery.themes.Default())
    assert base["body-text-color"] == {"$type": "color", "$value": "{neutral-800}"}
    assert dark["body-text-color"]["$value"] == "{neutral-100}"
    # an alias whose target changes in dark mode is not repeated: the resolver follows it
    assert base["checkbox-border-color-focus"]["$value"] == "{color-accent}"
    assert "checkbox-border-color-focus" not in dark
    for name, token in dark.items():
        if not name.startswith("$"):
            assert base[name] != token, name
    # palettes and sizes are literal values
    assert base["primary-500"]["$value"]["hex"] == "#f97316"
    assert base["radius-sm"]["$value"] == {"value": 4, "unit": "px"}


def test_conversions_of_the_hostile_theme() -> None:
    theme = _hostile()
    base, dark = _sources(theme)
    accent = base["color-accent-soft"]["$value"]
    assert accent["colorSpace"] == "oklch" and accent["components"] == [0.7, 0.35, 30]
    assert accent["hex"].startswith("#") and len(accent["hex"]) == 7
    assert dark["color-accent-soft"]["$value"]["colorSpace"] == "oklch"  # p3 green
    assert base["font"]["$value"] == ["Noto Sans", "Times New Roman", "serif"]
    assert base["block-title-text-weight"]["$value"] == "bold"
    assert base["block-radius"]["$value"] == {"value": 0.5, "unit": "rem"}
    shadow = base["shadow-drop"]["$value"]
    assert shadow[0]["inset"] is True and shadow[0]["color"]["alpha"] == pytest.approx(0.5, 0.01)
    assert "inset" not in shadow[1] and shadow[1]["blur"] == {"value": 0, "unit": "px"}
    css_only = base["$extensions"]["org.livery"]["cssOnly"]
    assert css_only["loader-color"] == "color-mix(in srgb, red 50%, blue)"
    # a reference to a CSS-only variable cannot be an alias, and is CSS-only itself
    assert css_only["body-background-fill"] == "color-mix(in srgb, red 50%, blue)"
    assert css_only["block-padding"] == theme.literal("block_padding")
    assert "checkbox-check" in css_only and "button-transform-hover" in css_only
    # DTCG has types for these, but Style Dictionary and Terrazzo write broken CSS from them
    assert css_only["button-transition"] == "background-color 0.3s ease-in 50ms"
    assert css_only["stat-background-fill"] == "linear-gradient(to right, red, white, blue)"
    dark_css = dark["$extensions"]["org.livery"]["cssOnly"]
    assert dark_css["stat-background-fill"] == (
        "linear-gradient(to right, red 10%, white, blue 20%, green)"
    )


def test_a_variable_whose_modes_need_different_types_is_css_only() -> None:
    theme = livery.themes.Base().set(body_text_color="red", body_text_color_dark="currentcolor")
    base, dark = _sources(theme)
    assert "body-text-color" not in base and "body-text-color" not in dark
    assert base["$extensions"]["org.livery"]["cssOnly"]["body-text-color"] == "red"
    assert dark["$extensions"]["org.livery"]["cssOnly"]["body-text-color"] == "currentcolor"


def test_the_export_is_deterministic_json() -> None:
    first = _export(livery.themes.Ocean())
    assert first == _export(livery.themes.Ocean())
    assert first.endswith("}\n")
    document = json.loads(first)
    assert list(document) == [
        "name",
        "version",
        "description",
        "sets",
        "modifiers",
        "resolutionOrder",
    ]
    assert document["version"] == "2025.10"


def test_names_are_the_css_variable_names() -> None:
    base, _ = _sources(livery.themes.Soft())
    css_only = base["$extensions"]["org.livery"]["cssOnly"]
    for variable in VARIABLES:
        name = variable.name.replace("_", "-")
        assert (name in base) != (name in css_only), variable.name
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name), name
    # no groups: every top-level entry but $description and $extensions is a token
    assert all("$value" in token for name, token in base.items() if not name.startswith("$"))
    assert dtcg.token_path("body_text_color") == "{body-text-color}"


# --- the written files ----------------------------------------------------------------------


def test_the_written_files_are_two_token_files_and_a_resolver_that_refers_to_them(
    tmp_path: Path,
) -> None:
    theme = livery.themes.Soft()
    written = write_files(theme, "dtcg", tmp_path / "out" / "soft.resolver.json")
    assert [path.name for path in written] == [
        "soft.tokens.json",
        "soft.dark.tokens.json",
        "soft.resolver.json",
    ]
    resolver = json.loads(written[2].read_text())
    assert resolver["sets"]["livery"]["sources"] == [{"$ref": "soft.tokens.json"}]
    assert resolver["modifiers"]["mode"]["contexts"]["dark"] == [{"$ref": "soft.dark.tokens.json"}]
    assert validate_resolver(resolver) == []
    assert validate_tokens(json.loads(written[0].read_text())) == []
    # the files resolve to exactly what the printed, self-contained document resolves to
    printed = _document(theme)
    for inputs in modifier_inputs(printed):
        assert resolve(resolver, inputs, tmp_path / "out") == resolve(printed, inputs)


def test_written_into_a_folder_the_files_are_named_after_the_theme(tmp_path: Path) -> None:
    written = write_files(livery.themes.Ocean(), "dtcg", tmp_path)
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(
        ["ocean.tokens.json", "ocean.dark.tokens.json", "ocean.resolver.json"]
    )
    assert written[-1] == tmp_path / "ocean.resolver.json"


def test_a_failed_write_leaves_the_earlier_files(tmp_path: Path) -> None:
    write_files(livery.themes.Soft(), "dtcg", tmp_path / "theme.resolver.json")
    resolver = (tmp_path / "theme.resolver.json").read_text()
    light = (tmp_path / "theme.tokens.json").read_text()
    (tmp_path / "theme.dark.tokens.json").unlink()
    (tmp_path / "theme.dark.tokens.json").mkdir()  # a folder in the way: that write fails
    with pytest.raises(ThemeFileError, match="cannot write the export"):
        write_files(livery.themes.Ocean(), "dtcg", tmp_path / "theme.resolver.json")
    # the resolver, written last, still describes the previous export
    assert (tmp_path / "theme.resolver.json").read_text() == resolver
    assert (tmp_path / "theme.tokens.json").read_text() != light  # written before the failure
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["theme.tokens.json", "theme.dark.tokens.json", "theme.resolver.json"]
    )


# --- the validator is strict enough to fail -------------------------------------------------


def _light() -> dict[str, Any]:
    return resolve(_document(livery.themes.Default()), {"mode": "light"})


def _set(document: dict[str, Any], path: str, token: Any) -> dict[str, Any]:
    *groups, name = path.split("/")
    where = document
    for group in groups:
        where = where.setdefault(group, {})
    where[name] = token
    return document


BROKEN_TOKENS = {
    "no type": lambda d: _set(d, "body/x", {"$value": 1}),
    "unknown type": lambda d: _set(d, "body/x", {"$type": "string", "$value": "a"}),
    "alias to nothing": lambda d: _set(d, "body/x", {"$type": "color", "$value": "{body.nope}"}),
    "circular alias": lambda d: _set(
        _set(d, "body/a", {"$type": "color", "$value": "{body.b}"}),
        "body/b",
        {"$type": "color", "$value": "{body.a}"},
    ),
    "alias of another type": lambda d: _set(
        d, "body/x", {"$type": "fontWeight", "$value": "{body-text-color}"}
    ),
    "brace in a name": lambda d: _set(d, "body/a{b}", {"$type": "number", "$value": 1}),
    "dot in a name": lambda d: _set(d, "body/a.b", {"$type": "number", "$value": 1}),
    "dollar name": lambda d: _set(d, "body/$weird", {"$type": "number", "$value": 1}),
    "em dimension": lambda d: _set(
        d, "size/x", {"$type": "dimension", "$value": {"value": 1, "unit": "em"}}
    ),
    "string dimension": lambda d: _set(d, "size/x", {"$type": "dimension", "$value": "4px"}),
    "hex string colour": lambda d: _set(d, "body/x", {"$type": "color", "$value": "#ffffff"}),
    "srgb out of range": lambda d: _set(
        d,
        "body/x",
        {"$type": "color", "$value": {"colorSpace": "srgb", "components": [2, 0, 0]}},
    ),
    "shadow without colour": lambda d: _set(
        d,
        "shadow/x",
        {"$type": "shadow", "$value": {"offsetX": {"value": 0, "unit": "px"}}},
    ),
    "weight out of range": lambda d: _set(d, "body/x", {"$type": "fontWeight", "$value": 1200}),
    "unknown token property": lambda d: _set(
        d, "body/x", {"$type": "number", "$value": 1, "value": 2}
    ),
}


@pytest.mark.parametrize("breakage", sorted(BROKEN_TOKENS))
def test_the_validator_rejects_broken_token_documents(breakage: str) -> None:
    document = _light()
    assert validate_tokens(document) == []
    assert validate_tokens(BROKEN_TOKENS[breakage](copy.deepcopy(document))) != []


BROKEN_RESOLVERS = {
    "version": lambda d: d.update(version="2025.11"),
    "default": lambda d: d["modifiers"]["mode"].update(default="dusk"),
    "one context": lambda d: d["modifiers"]["mode"]["contexts"].pop("dark"),
    "order": lambda d: d["resolutionOrder"].append({"$ref": "#/sets/nope"}),
    "twice": lambda d: d["resolutionOrder"].append({"$ref": "#/sets/livery"}),
    "sources": lambda d: d["sets"]["livery"].pop("sources"),
}


@pytest.mark.parametrize("breakage", sorted(BROKEN_RESOLVERS))
def test_the_validator_rejects_broken_resolver_documents(breakage: str) -> None:
    document = _document(livery.themes.Default())
    BROKEN_RESOLVERS[breakage](document)
    assert validate_resolver(document) != []


def test_convert_refuses_what_dtcg_cannot_type() -> None:
    assert convert(Kind.LENGTH, "4px 8px") is None
    assert convert(Kind.LENGTH, "calc(4px - 1px)") is None
    assert convert(Kind.LENGTH, "1em") is None
    assert convert(Kind.COLOUR, "none") is None
    assert convert(Kind.COLOUR, "currentcolor") is None
    assert convert(Kind.SHADOW, "0 1px 2px") is None  # no colour: currentcolor
    assert convert(Kind.WEIGHT, "bolder") is None
    assert convert(Kind.TRANSITION, "none") is None
    assert convert(Kind.TRANSITION, "color 1s, opacity 2s") is None
    assert convert(Kind.TRANSFORM, "scale(1.02)") is None
    assert convert(Kind.FILL, "linear-gradient(red 10px, blue)") is None
    assert convert(Kind.LENGTH, "0") == Token("dimension", {"value": 0, "unit": "px"})


def test_a_path_without_the_usual_suffix_is_the_resolver_and_names_the_others(
    tmp_path: Path,
) -> None:
    written = write_files(livery.themes.Soft(), "dtcg", tmp_path / "out.json")
    assert [path.name for path in written] == [
        "out.tokens.json",
        "out.dark.tokens.json",
        "out.json",
    ]
    resolver = json.loads((tmp_path / "out.json").read_text())
    assert resolver["sets"]["livery"]["sources"] == [{"$ref": "out.tokens.json"}]
