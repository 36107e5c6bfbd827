"""The Tailwind CSS v4 export: it parses, declares valid theme variables in Tailwind's
namespaces, and every value points at a variable of the Livery stylesheet, or repeats it
(replace mode) or Tailwind's own default (namespaced mode); ``livery theme export``'s option."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import tinycss2
from tinycss2 import ast

import livery
from livery.errors import InvalidOptionError
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


@pytest.mark.parametrize("mode", tailwind.MODES)
def test_the_blocks_parse_and_point_at_the_livery_stylesheet(
    theme: livery.Theme, mode: str
) -> None:
    text = tailwind.export(theme.resolved(), name=theme.name, mode=mode)
    variant, inline, second = _parse(text)
    assert variant.lower_at_keyword == "custom-variant"
    assert tinycss2.serialize(variant.prelude).strip() == "dark (&:where(.dark, .dark *))"
    assert variant.content is None
    assert inline.lower_at_keyword == second.lower_at_keyword == "theme"
    assert tinycss2.serialize(inline.prelude).strip() == "inline"
    assert tinycss2.serialize(second.prelude).strip() == ("inline" if mode == "namespaced" else "")

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

    second_names = []
    for declaration in _declarations(second):
        name = declaration.name
        assert _is_custom_property(name) and NAMESPACES.fullmatch(name), name
        assert name in livery_variables
        second_names.append(name)
    assert not seen & set(second_names)
    if mode == "namespaced":
        assert second_names == list(tailwind.TAILWIND_DEFAULTS)
        for name, value in tailwind.TAILWIND_DEFAULTS.items():
            assert f"  {name}: {value};\n" in text
        assert not [name for name in seen if name.startswith("--color-neutral-")]
        assert "--font-sans" not in seen
        return
    for name in second_names:
        variable = name[2:].replace("-", "_")
        assert f"  {name}: {theme.literal(variable)};\n" in text
        # safe to repeat: the value does not change in dark mode
        assert theme.literal(variable, dark=True) == theme.literal(variable)
    assert second_names == [css_name(name) for name in tailwind.SHARED_NAMES]


@pytest.mark.parametrize(
    ("mode", "neutral", "sans", "sizes"),
    [
        ("namespaced", "lv-neutral", "--font-lv-sans", True),
        ("replace", "neutral", "--font-sans", False),
    ],
)
def test_palettes_fonts_and_colours_are_mapped(
    mode: str, neutral: str, sans: str, sizes: bool
) -> None:
    theme = livery.themes.Ocean()
    pairs = dict(tailwind.inline_declarations(theme.resolved(), mode))
    for role, tailwind_role in (
        ("primary", "primary"),
        ("secondary", "secondary"),
        ("neutral", neutral),
    ):
        for shade in ("50", "500", "950"):
            assert pairs[f"--color-{tailwind_role}-{shade}"] == f"--{role}-{shade}"
    assert pairs[sans] == "--font"
    assert ("--text-lv-sm" in pairs) is sizes
    if sizes:
        assert pairs["--text-lv-sm"] == "--text-sm"
        assert pairs["--radius-lv-md"] == "--radius-md"
        assert pairs["--spacing-lv-xxl"] == "--spacing-xxl"
        assert pairs["--font-lv-mono"] == "--font-mono"
    assert pairs["--color-body-text-color"] == "--body-text-color"
    assert pairs["--color-background-fill-primary"] == "--background-fill-primary"
    # a gradient or `none` is no Tailwind colour
    assert "--color-button-primary-background-fill" not in pairs
    assert "--color-block-title-border-color" not in pairs
    for name, target in pairs.items():
        variable = BY_NAME[target[2:].replace("-", "_")]
        if name.startswith("--color-"):
            assert name == "--color-" + target[2:] or variable.group == "palette"
            assert variable.kind in (Kind.COLOUR, Kind.FILL)
        else:
            scale, _, step = target[2:].partition("-")
            assert name in (f"--{scale}-lv-{step}", sans), name
    # every colour variable that is a colour in both modes is there
    for variable in VARIABLES:
        values = {theme.literal(variable.name), theme.literal(variable.name, dark=True)}
        if variable.kind is Kind.COLOUR and variable.group != "palette" and "none" not in values:
            assert pairs["--color-" + css_name(variable.name)[2:]] == css_name(variable.name)


def test_an_unknown_mode_is_refused_by_name() -> None:
    with pytest.raises(
        InvalidOptionError, match="tailwind mode 'merge': choose namespaced or replace"
    ):
        tailwind.export(livery.themes.Ocean().resolved(), name="Ocean", mode="merge")


def test_the_export_is_deterministic_and_names_the_theme() -> None:
    theme = livery.themes.Glass()
    theme.name = "Glass */ body { color: red }"
    text = tailwind.export(theme.resolved(), name=theme.name)
    assert text == tailwind.export(theme.resolved(), name=theme.name)
    assert text.startswith('/* Livery theme "Glass * / body { color: red }"')
    assert len(_parse(text)) == 3  # the name cannot end the comment early


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "livery", "theme", "export", "ocean", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=60)


def test_the_command_line_defaults_to_namespaced_and_offers_replace() -> None:
    theme = livery.Theme.load("ocean")
    default = _run("-f", "tailwind")
    assert default.returncode == 0, default.stderr
    assert default.stdout == tailwind.export(theme.resolved(), name=theme.name)
    assert "  --text-sm: 0.875rem;\n" in default.stdout
    replace = _run("-f", "tailwind", "--tailwind-mode", "replace")
    assert replace.returncode == 0, replace.stderr
    assert replace.stdout == tailwind.export(theme.resolved(), name=theme.name, mode="replace")
    assert "  --text-sm: 12px;\n" in replace.stdout


def test_the_tailwind_mode_with_another_format_is_a_one_line_usage_error() -> None:
    result = _run("-f", "scss", "--tailwind-mode", "replace")
    assert result.returncode == 2 and result.stdout == ""
    assert "--tailwind-mode applies to -f tailwind, not -f scss" in result.stderr
    assert "Traceback" not in result.stderr
