"""The Tailwind CSS v4 export: it parses, declares valid theme variables in Tailwind's
namespaces, and every value points at (or repeats) a variable of the Livery stylesheet."""

from __future__ import annotations

import re

import pytest
import tinycss2
from tinycss2 import ast

import livery
from livery.theme import library
from livery.theme.catalogue import BY_NAME, VARIABLES
from livery.theme.export import tailwind
from livery.theme.values import Kind, css_name

THEMES = sorted(library.entries())
NAMESPACES = re.compile(r"--(color|radius|spacing|text|font)-[a-z0-9]+(-[a-z0-9]+)*")


@pytest.fixture(scope="module", params=THEMES)
def theme(request: pytest.FixtureRequest) -> livery.Theme:
    return livery.Theme.load(request.param)


def _parse(text: str) -> list[ast.AtRule]:
    rules = tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True)
    assert not [rule for rule in rules if isinstance(rule, ast.ParseError)]
    assert all(isinstance(rule, ast.AtRule) for rule in rules)
    return rules  # type: ignore[return-value]


def _declarations(rule: ast.AtRule) -> list[ast.Declaration]:
    assert rule.content is not None
    nodes = tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)
    assert not [node for node in nodes if not isinstance(node, ast.Declaration)], nodes
    return nodes  # type: ignore[return-value]


def _livery_variables(theme: livery.Theme) -> set[str]:
    """Every custom property the theme's stylesheet declares."""
    names = set()
    for rule in tinycss2.parse_stylesheet(theme.css(), skip_comments=True, skip_whitespace=True):
        if isinstance(rule, ast.QualifiedRule):
            for node in tinycss2.parse_blocks_contents(rule.content, True, True):
                if isinstance(node, ast.Declaration):
                    names.add(node.name)
    return names


def _is_custom_property(name: str) -> bool:
    tokens = tinycss2.parse_component_value_list(name)
    return (
        len(tokens) == 1
        and isinstance(tokens[0], ast.IdentToken)
        and tokens[0].value == name
        and name.startswith("--")
        and len(name) > 2
    )


def test_the_blocks_parse_and_point_at_the_livery_stylesheet(theme: livery.Theme) -> None:
    text = tailwind.export(theme.resolved(), name=theme.name)
    variant, inline, static = _parse(text)
    assert variant.lower_at_keyword == "custom-variant"
    assert tinycss2.serialize(variant.prelude).strip() == "dark (&:where(.dark, .dark *))"
    assert variant.content is None
    assert inline.lower_at_keyword == static.lower_at_keyword == "theme"
    assert tinycss2.serialize(inline.prelude).strip() == "inline"
    assert tinycss2.serialize(static.prelude).strip() == ""

    livery_variables = _livery_variables(theme)
    assert len(livery_variables) == 219
    seen = set()
    for declaration in _declarations(inline):
        name = declaration.name
        assert _is_custom_property(name) and NAMESPACES.fullmatch(name), name
        assert name not in seen
        seen.add(name)
        [value] = [t for t in declaration.value if not isinstance(t, ast.WhitespaceToken)]
        assert isinstance(value, ast.FunctionBlock) and value.lower_name == "var", name
        [target] = value.arguments
        assert target.value in livery_variables, name  # type: ignore[attr-defined]
        assert target.value != name, "a theme variable must not point at itself"  # type: ignore[attr-defined]
        assert name not in livery_variables, "Tailwind would shadow a Livery variable"

    static_names = []
    for declaration in _declarations(static):
        name = declaration.name
        assert _is_custom_property(name) and NAMESPACES.fullmatch(name), name
        assert name in livery_variables
        variable = name[2:].replace("-", "_")
        assert f"  {name}: {theme.literal(variable)};\n" in text
        # safe to repeat: the value does not change in dark mode
        assert theme.literal(variable, dark=True) == theme.literal(variable)
        static_names.append(name)
    assert static_names == [css_name(name) for name in tailwind.SHARED_NAMES]
    assert not seen & set(static_names)


def test_palettes_fonts_and_colours_are_mapped() -> None:
    theme = livery.themes.Ocean()
    pairs = dict(tailwind.inline_declarations(theme.resolved()))
    for role in ("primary", "secondary", "neutral"):
        for shade in ("50", "500", "950"):
            assert pairs[f"--color-{role}-{shade}"] == f"--{role}-{shade}"
    assert pairs["--font-sans"] == "--font"
    assert pairs["--color-body-text-color"] == "--body-text-color"
    assert pairs["--color-background-fill-primary"] == "--background-fill-primary"
    # a gradient or `none` is no Tailwind colour
    assert "--color-button-primary-background-fill" not in pairs
    assert "--color-block-title-border-color" not in pairs
    for name, target in pairs.items():
        variable = BY_NAME[target[2:].replace("-", "_")]
        if name == "--font-sans":
            assert variable.kind is Kind.FONT
        else:
            assert name == "--color-" + target[2:] or variable.group == "palette"
            assert variable.kind in (Kind.COLOUR, Kind.FILL)
    # every colour variable that is a colour in both modes is there
    for variable in VARIABLES:
        values = {theme.literal(variable.name), theme.literal(variable.name, dark=True)}
        if variable.kind is Kind.COLOUR and variable.group != "palette" and "none" not in values:
            assert pairs["--color-" + css_name(variable.name)[2:]] == css_name(variable.name)


def test_the_export_is_deterministic_and_names_the_theme() -> None:
    theme = livery.themes.Glass()
    theme.name = "Glass */ body { color: red }"
    text = tailwind.export(theme.resolved(), name=theme.name)
    assert text == tailwind.export(theme.resolved(), name=theme.name)
    assert text.startswith('/* Livery theme "Glass * / body { color: red }"')
    assert len(_parse(text)) == 3  # the name cannot end the comment early
