"""The compiled stylesheet, re-parsed with tinycss2, has exactly the rules a theme stands for.

For every built-in theme, dark switch, ``minify`` and ``resolve``: the ``@font-face`` rules of
its self-hosted fonts, one ``:root`` rule with the 219 custom properties, and the dark block(s)
with exactly what changes in dark mode, in a deterministic text.
"""

from __future__ import annotations

import itertools
import re

import pytest
import tinycss2
from tinycss2 import ast

import livery
from livery.theme import BY_NAME, Resolved, entries
from livery.theme.catalogue import SAME
from livery.themes import Base, LocalFont

from .css_rules import (
    CLASS,
    DARK_SELECTORS,
    EXPECTED_NAMES,
    assert_values,
    face_declarations,
    read_stylesheet,
    walk,
)

THEMES = sorted(entries())
GRADIO_THEMES = ["base", "citrus", "default", "glass", "monochrome", "ocean", "origin", "soft"]
"""The built-ins that mirror a Gradio class (the others are Livery's own, on system fonts)."""
VAR = re.compile(r"var\(--([A-Za-z0-9_-]+)\)")


def test_catalogue_has_219_variables() -> None:
    assert len(EXPECTED_NAMES) == 219
    assert len(set(EXPECTED_NAMES)) == 219


def test_every_builtin_is_in_the_library() -> None:
    assert {"base", "citrus", "default", "glass", "monochrome", "ocean", "origin", "soft"} <= set(
        THEMES
    )


# --- an independent reading of the stylesheet ---------------------------------------------


def _literal(resolved: Resolved, name: str, dark: bool) -> str:
    """Follow every ``var(--x)`` of ``name``'s value in one mode down to literal text."""
    text = resolved.value(name, dark=dark).css
    return VAR.sub(lambda m: _literal(resolved, m[1].replace("-", "_"), dark), text)


def check_stylesheet(
    theme: livery.Theme, css: str, *, dark: str = "class", resolve: bool = False
) -> dict[str, dict[str, str]]:
    """Assert ``css`` is exactly the stylesheet ``theme`` stands for.

    Returns the blocks found: ``":root"`` and one entry per dark block, each name → value.
    """
    assert ";;" not in css
    resolved = theme.resolved()
    if resolve:
        light = {name: _literal(resolved, name, False) for name in resolved.light}
        changed = [n for n in resolved.light if _literal(resolved, n, True) != light[n]]
        dark_values = {name: _literal(resolved, name, True) for name in changed}
    else:
        light = {name: value.css for name, value in resolved.light.items()}
        changed = list(resolved.redeclare)
        dark_values = {name: resolved.value(name, dark=True).css for name in changed}

    sheet = read_stylesheet(theme, css, dark=dark, changed=changed)
    for font, weight, rule in sheet.faces:
        face = {
            name: tinycss2.serialize(value).strip()
            for name, value in face_declarations(rule).items()
        }
        assert face["font-family"] == f'"{font.name}"'
        assert face["font-weight"] == str(weight)
        assert face["src"].startswith('url("static/fonts/')
    assert_values(sheet.root, light)
    for block in sheet.dark.values():
        assert_values(block, dark_values)
    blocks = {":root": sheet.root, **sheet.dark}
    for block in blocks.values():
        assert "None" not in block.values()
    return blocks


def _var_references(css: str) -> set[str]:
    """Every custom property named in a ``var()`` anywhere in the stylesheet."""
    names = set()
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        contents = [rule.content or []]
        if rule.type == "at-rule" and rule.lower_at_keyword == "media":
            contents = [
                r.content
                for r in tinycss2.parse_rule_list(
                    rule.content, skip_comments=True, skip_whitespace=True
                )
            ]
        for content in contents:
            for node in tinycss2.parse_declaration_list(content):
                if node.type != "declaration":
                    continue
                for token in walk(node.value):
                    if isinstance(token, ast.FunctionBlock) and token.lower_name == "var":
                        args = [a for a in token.arguments if a.type != "whitespace"]
                        names.add(args[0].value)
    return names


# --- every built-in theme in every output mode -------------------------------------------

_LOADED: dict[str, livery.Theme] = {}


def _theme(name: str) -> livery.Theme:
    if name not in _LOADED:
        _LOADED[name] = livery.Theme.load(name)
    return _LOADED[name]


@pytest.mark.parametrize(
    ("name", "dark", "minify", "resolve"),
    list(itertools.product(THEMES, DARK_SELECTORS, (False, True), (False, True))),
)
def test_builtin_stylesheet_has_exactly_the_expected_rules(
    name: str, dark: str, minify: bool, resolve: bool
) -> None:
    theme = _theme(name)
    css = theme.css(dark=dark, minify=minify, resolve=resolve)
    blocks = check_stylesheet(theme, css, dark=dark, resolve=resolve)
    assert theme.resolved().redeclare, "every built-in theme has a dark mode"
    if dark == "all":
        assert set(blocks) == {":root", DARK_SELECTORS["all"], "@media"}
        assert blocks[DARK_SELECTORS["all"]] == blocks["@media"]
    if resolve:
        assert "var(" not in css.lower()
    else:
        assert _var_references(css) <= set(EXPECTED_NAMES)
    if minify:
        assert "\n" not in css
    else:
        assert css.endswith("}\n")
    # deterministic: same object twice, and a freshly loaded theme
    assert theme.css(dark=dark, minify=minify, resolve=resolve) == css
    fresh = livery.Theme.load(name)
    assert fresh.css(dark=dark, minify=minify, resolve=resolve) == css


@pytest.mark.parametrize("name", GRADIO_THEMES)
def test_font_face_rules_match_local_font_weights(name: str) -> None:
    theme = _theme(name)
    local = dict.fromkeys(f for f in (*theme.font, *theme.font_mono) if isinstance(f, LocalFont))
    assert local, f"{name} self-hosts at least its monospace font"
    expected = sum(len(font.weights) for font in local)
    for minify in (False, True):
        rules = tinycss2.parse_stylesheet(theme.css(minify=minify), skip_whitespace=True)
        faces = [r for r in rules if r.type == "at-rule" and r.lower_at_keyword == "font-face"]
        assert len(faces) == expected


@pytest.mark.parametrize("name", GRADIO_THEMES)
def test_gradio_style_class_compiles_like_its_library_file(name: str) -> None:
    cls = getattr(livery.themes, name.capitalize())
    built = cls()
    assert built.css() == _theme(name).css()
    assert built.css(dark="all", resolve=True, minify=True) == _theme(name).css(
        dark="all", resolve=True, minify=True
    )
    assert cls().css() == built.css()


@pytest.mark.parametrize("name", THEMES)
def test_redeclare_is_exactly_what_changes_in_dark_mode(name: str) -> None:
    resolved = _theme(name).resolved()
    redeclare = set(resolved.redeclare)
    assert list(resolved.redeclare) == [n for n in resolved.light if n in redeclare]
    for variable in resolved.light:
        dark = resolved.dark.get(variable)
        own = dark is not None and dark.raw != resolved.light[variable].raw
        through = any(ref in redeclare for ref in resolved.value(variable, dark=True).refs)
        assert (variable in redeclare) == (own or through), variable
        if _literal(resolved, variable, True) != _literal(resolved, variable, False):
            assert variable in redeclare, variable


def test_unknown_dark_switch_is_refused() -> None:
    with pytest.raises(ValueError, match="dark must be"):
        Base().css(dark="prefers")  # type: ignore[arg-type]


# --- what goes into the dark block ---------------------------------------------------------


def _dark_block(theme: livery.Theme, **options: object) -> dict[str, str]:
    css = theme.css(**options)  # type: ignore[arg-type]
    blocks = check_stylesheet(theme, css, resolve=bool(options.get("resolve", False)))
    return blocks.get(CLASS, {})


def _prop(name: str) -> str:
    return "--" + name.replace("_", "-")


def test_precondition_body_text_color_changes_in_dark_mode() -> None:
    theme = Base()
    assert theme.value("body_text_color") != theme.value("body_text_color_dark")
    assert theme.literal("body_text_color") != theme.literal("body_text_color", dark=True)
    assert _prop("body_text_color") in _dark_block(theme)


@pytest.mark.parametrize(
    "name", ["body_text_color_subdued", "block_border_width", "block_shadow", "color_accent"]
)
def test_same_value_with_unchanged_references_is_not_redeclared(name: str) -> None:
    theme = Base()
    if BY_NAME[name].has_dark:
        assert theme.value(name) == theme.value(f"{name}_dark")
    for ref in theme.resolved().value(name, dark=True).refs:
        assert theme.literal(ref) == theme.literal(ref, dark=True)
    assert _prop(name) not in _dark_block(theme)
    assert _prop(name) not in _dark_block(theme, resolve=True)


def test_same_value_referencing_a_changing_variable_is_redeclared() -> None:
    theme = Base()
    assert theme.value("accordion_text_color") == theme.value("accordion_text_color_dark")
    assert theme.value("accordion_text_color") == "*body_text_color"
    block = _dark_block(theme)
    assert block[_prop("accordion_text_color")] == "var(--body-text-color)"
    resolved_block = _dark_block(theme, resolve=True)
    assert resolved_block[_prop("accordion_text_color")] == theme.literal(
        "body_text_color", dark=True
    )


def test_setting_a_reference_to_a_changing_variable_is_redeclared() -> None:
    theme = Base().set(block_title_text_color="*body_text_color")
    assert _dark_block(theme)[_prop("block_title_text_color")] == "var(--neutral-200)"

    theme = Base().set(
        block_title_text_color="*body_text_color",
        block_title_text_color_dark="*body_text_color",
    )
    assert theme.value("block_title_text_color") == theme.value("block_title_text_color_dark")
    assert _dark_block(theme)[_prop("block_title_text_color")] == "var(--body-text-color)"


def test_a_twin_left_alone_follows_the_light_reference_into_dark_mode() -> None:
    assert BY_NAME["color_accent"].dark is SAME  # Livery's own twin, repeating the light value
    before = _dark_block(Base())
    assert _prop("color_accent") not in before
    assert _prop("slider_color") not in before  # slider_color = *color_accent in both modes

    theme = Base().set(color_accent="*body_text_color")
    block = _dark_block(theme)
    assert block[_prop("color_accent")] == "var(--body-text-color)"
    assert block[_prop("slider_color")] == "var(--color-accent)"  # through the reference
    resolved = _dark_block(theme, resolve=True)
    assert resolved[_prop("slider_color")] == theme.literal("body_text_color", dark=True)


def test_dark_value_equal_to_light_value_is_not_redeclared() -> None:
    theme = Base().set(block_title_text_color="red", block_title_text_color_dark="red")
    assert _prop("block_title_text_color") not in _dark_block(theme)


def test_dark_value_with_the_same_literal_is_not_redeclared_when_resolved() -> None:
    light = Base().literal("primary_500")
    theme = Base().set(color_accent_soft=light, color_accent_soft_dark="*primary_500")
    assert _prop("color_accent_soft") in _dark_block(theme)  # different text …
    assert _prop("color_accent_soft") not in _dark_block(theme, resolve=True)  # … same colour


# --- references in every accepted spelling -----------------------------------------------


@pytest.mark.parametrize(
    "spelling",
    [
        "*primary_500",
        "var(--primary-500)",
        "var( --primary-500 )",
        "VAR(--primary-500)",
        "var(--primary_500)",
    ],
)
def test_every_accepted_reference_spelling_compiles_to_a_working_reference(
    spelling: str,
) -> None:
    theme = Base().set(body_text_color=spelling)
    css = theme.css()
    check_stylesheet(theme, css)
    # the unresolved stylesheet names only custom properties it declares …
    assert _var_references(css) <= set(EXPECTED_NAMES)
    # … and the resolved one has no references left
    resolved = theme.css(resolve=True)
    root = check_stylesheet(theme, resolved, resolve=True)[":root"]
    assert root[_prop("body_text_color")] == Base().literal("primary_500")
    assert "var(" not in resolved.lower()


# --- the checker itself can fail ------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("--primary-50: #eff6ff;", "--primary-50: #eff6ff;} body{display:none} :root{"),
        ("--primary-50: #eff6ff;", "--primary-50: #eff6ff; --primary-50: red;"),
        ("--primary-50: #eff6ff;", ""),
        ("--primary-50: #eff6ff;", "--primary-50: #000;"),
        ("--primary-50: #eff6ff;", "--primary-50: #eff6ff !important;"),
        ("--primary-50: #eff6ff;", "--primary-50: #eff6ff; @import url(x);"),
        (":root.dark, :root .dark {", ":root.dark {"),
        ("--body-text-color: var(--neutral-100);", ""),
    ],
)
def test_checker_notices_a_broken_stylesheet(old: str, new: str) -> None:
    theme = Base()
    css = theme.css()
    assert old in css
    with pytest.raises(AssertionError):
        check_stylesheet(theme, css.replace(old, new, 1))
