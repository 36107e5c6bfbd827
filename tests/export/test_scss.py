"""The SCSS export, checked by its consumer: libsass compiles it and what users write with it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sass
import tinycss2
from tinycss2 import ast

import livery
from livery.theme import library
from livery.theme.catalogue import VARIABLES
from livery.theme.export import scss

THEMES = sorted(library.entries())


def _hostile() -> livery.Theme:
    theme = livery.themes.Base(font=["null", "Noto Sans", "serif"], font_mono=["true"])
    return theme.set(
        shadow_drop="0 1px 3px 0 rgb(0 0 0 / 0.1), inset 0 1px 2px -1px hsl(0 0% 0% / 0.1)",
        block_radius="1.50rem",
        color_accent="oklch(0.7 0.2 30)",
        button_transition="color 0.3s cubic-bezier(0.4, 0, 0.2, 1)",
    )


@pytest.fixture(scope="module", params=[*THEMES, "hostile"])
def theme(request: pytest.FixtureRequest) -> livery.Theme:
    if request.param == "hostile":
        return _hostile()
    return livery.Theme.load(request.param)


def _compile(source: str, **options: Any) -> str:
    return sass.compile(string=source, output_style="expanded", **options)


def _rules(css: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """Every rule as (selector, [(property, value)]); @media rules are flattened into their
    rules' selectors, other at-rules left out."""
    found = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        assert not isinstance(rule, ast.ParseError), rule
        prelude = tinycss2.serialize(rule.prelude).strip()
        if isinstance(rule, ast.AtRule):
            if rule.lower_at_keyword != "media":
                continue  # @font-face, @import
            for inner_selector, declarations in _rules(tinycss2.serialize(rule.content)):
                found.append((f"@{rule.lower_at_keyword} {prelude} {inner_selector}", declarations))
            continue
        declarations = [
            (d.lower_name, tinycss2.serialize(d.value).strip())
            for d in tinycss2.parse_blocks_contents(rule.content, True, True)
            if isinstance(d, ast.Declaration)
        ]
        found.append((prelude, declarations))
    return found


def _canon(css: str) -> list[Any]:
    """A CSS value's tokens: whitespace, quote style and number spelling do not count."""

    def walk(nodes: list[ast.Node]) -> list[Any]:
        out: list[Any] = []
        for node in nodes:
            if isinstance(node, (ast.WhitespaceToken, ast.Comment)):
                continue
            if isinstance(node, ast.FunctionBlock):
                out.append(("f", node.lower_name, walk(node.arguments)))
            elif isinstance(node, ast.DimensionToken):
                out.append(("d", float(node.value), node.lower_unit))
            elif isinstance(node, (ast.NumberToken, ast.PercentageToken)):
                out.append((node.type, float(node.value)))
            elif isinstance(node, ast.HashToken):
                out.append(("#", node.value.lower()))
            elif isinstance(node, ast.ParenthesesBlock):
                out.append(("()", walk(node.content)))
            else:
                out.append((node.type, getattr(node, "value", None)))
        return out

    return walk(tinycss2.parse_component_value_list(css))


def test_every_variable_and_map_entry_compiles_to_the_theme_value(theme: livery.Theme) -> None:
    source = scss.export(theme.resolved(), name=theme.name)
    names = [variable.name.replace("_", "-") for variable in VARIABLES]
    dark = [
        v.name.replace("_", "-")
        for v in VARIABLES
        if theme.literal(v.name, dark=True) != theme.literal(v.name)
    ]
    probe = [f'.v-{n} {{ a: ${n}; b: map-get($livery-theme, "{n}"); }}' for n in names]
    probe += [f'.d-{n} {{ a: map-get($livery-theme-dark, "{n}"); }}' for n in dark]
    probe.append(".count { light: length($livery-theme); dark: length($livery-theme-dark); }")
    probe.append("@each $name, $value in $livery-theme-dark { .k-#{$name} { x: y; } }")
    rules = dict(_rules(_compile(source + "\n" + "\n".join(probe))))
    for variable in VARIABLES:
        name = variable.name.replace("_", "-")
        light = _canon(theme.literal(variable.name))
        assert _canon(rules[f".v-{name}"][0][1]) == light, variable.name
        assert _canon(rules[f".v-{name}"][1][1]) == light, variable.name
        if name in dark:
            got = rules[f".d-{name}"][0][1]
            assert _canon(got) == _canon(theme.literal(variable.name, True)), variable.name
    assert rules[".count"] == [("light", "219"), ("dark", str(len(dark)))]
    assert sorted(k[3:] for k in rules if k.startswith(".k-")) == sorted(dark)


def test_the_file_declares_values_only_and_names_the_theme(theme: livery.Theme) -> None:
    source = scss.export(theme.resolved(), name=theme.name)
    assert _compile(source).strip() == ""
    assert source.splitlines()[0].startswith(f'// Livery theme "{theme.name}"')
    assert source == scss.export(theme.resolved(), name=theme.name)  # deterministic
    declared = [line.split(":")[0] for line in source.splitlines() if line.startswith("$")]
    expected = ["$" + v.name.replace("_", "-") for v in VARIABLES]
    assert declared[:219] == expected


def test_a_user_stylesheet_uses_variables_maps_and_the_dark_mixin(tmp_path: Path) -> None:
    theme = livery.themes.Soft()
    (tmp_path / "_livery-soft.scss").write_text(scss.export(theme.resolved(), name=theme.name))
    user = """
@import "livery-soft";
.card {
  color: $primary-500;
  background: map-get($livery-theme, "primary-500");
  border-radius: $radius-md;
  font-family: $font;
  @include dark {
    color: map-get($livery-theme-dark, "body-text-color");
  }
}
@include dark { --brand: #{$primary-600}; }
.badge { @include dark("attribute") { color: white; } }
.chip { @include dark("media") { color: black; } }
"""
    css = _compile(user, include_paths=[str(tmp_path)])
    dark_text = theme.literal("body_text_color", dark=True)
    assert _rules(css) == [
        (
            ".card",
            [
                ("color", theme.literal("primary_500")),
                ("background", theme.literal("primary_500")),
                ("border-radius", theme.literal("radius_md")),
                ("font-family", '"Montserrat", ui-sans-serif, system-ui, sans-serif'),
            ],
        ),
        (":root.dark .card, :root .dark .card", [("color", dark_text)]),
        (":root.dark, :root .dark", [("--brand", theme.literal("primary_600"))]),
        (':root[data-theme="dark"] .badge, :root [data-theme="dark"] .badge', [("color", "white")]),
        ("@media (prefers-color-scheme: dark) .chip", [("color", "black")]),
    ]


def test_the_mixin_uses_the_selectors_of_the_stylesheet() -> None:
    theme = livery.themes.Default()
    source = scss.export(theme.resolved(), name=theme.name)
    for switch in ("class", "attribute", "media", "all"):
        sheet = _rules(theme.css(dark=switch))
        sheet_dark = [selector for selector, _ in sheet if selector != ":root"]
        mixin = _rules(_compile(source + f'@include dark("{switch}") {{ --x: 1; }}'))
        assert [selector for selector, _ in mixin] == sheet_dark, switch
    default = _rules(
        _compile('$livery-dark-switch: "media";\n' + source + "@include dark { a: b; }")
    )
    assert default[0][0].startswith("@media (prefers-color-scheme: dark)")
    with pytest.raises(sass.CompileError, match="dark: \\$switch is class"):
        _compile(source + '.x { @include dark("sometimes") { a: b; } }')


def test_values_with_quotes_and_sass_words_stay_valid() -> None:
    theme = _hostile()
    source = scss.export(theme.resolved(), name=theme.name)
    assert '$font: #{"null, Noto Sans, serif"};' in source
    assert '$font-mono: #{"true"};' in source
    assert '$checkbox-check: #{"url(\\"data:image/svg+xml,' in source
    assert "$primary-500: #3b82f6;" in source  # hex colours stay Sass colours
    assert "$block-radius: 1.50rem;" in source  # and lengths stay Sass numbers
    css = _compile(source + ".x { a: $font; b: $checkbox-check; c: $primary-500 * 1; }")
    [(_, declarations)] = _rules(css)
    assert declarations[0] == ("a", "null, Noto Sans, serif")
    assert declarations[1][1] == theme.literal("checkbox_check")


@pytest.mark.parametrize(
    ("css", "expected"),
    [
        ("#fff", "#fff"),
        ("12px", "12px"),
        ("-1.5rem", "-1.5rem"),
        ("0", "0"),
        ("white", "white"),
        ("null", '#{"null"}'),
        ("ui-sans-serif", '#{"ui-sans-serif"}'),
        ("rgb(0 0 0 / 0.1)", '#{"rgb(0 0 0 / 0.1)"}'),
        ("'A', \"B\"", '#{"\'A\', \\"B\\""}'),
    ],
)
def test_scss_value(css: str, expected: str) -> None:
    assert scss.scss_value(css) == expected
    compiled = _rules(_compile(f".x {{ a: {expected}; }}"))[0][1][0][1]
    assert _canon(compiled) == _canon(css)
