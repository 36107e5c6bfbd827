"""Hostile values: fixed attack strings, and property tests over arbitrary text.

A value from a stranger is either refused with ``InvalidValueError`` or, once accepted, stays
inside its own declaration: the compiled stylesheet re-parses (tinycss2) into exactly the rules
and custom properties a theme always has, with the value the theme reports.
"""

from __future__ import annotations

import json
import string
from collections.abc import Callable

import pytest
import tinycss2
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tinycss2 import ast

import livery
from livery.themes import Base, Font, GoogleFont, LocalFont

from .css_rules import assert_values, canon, face_declarations, read_stylesheet, walk

COLOUR = "body_text_color"
FILL = "body_background_fill"
LENGTH = "block_padding"
SHADOW = "shadow_drop"
ALL_KINDS = [
    COLOUR,
    FILL,
    LENGTH,
    SHADOW,
    "checkbox_check",
    "body_text_weight",
    "font_mono",
    "button_transform_hover",
    "button_transition",
]

# --- checking a compiled stylesheet --------------------------------------------------------


def check_stylesheet(
    theme: livery.Theme, css: str, *, dark: str = "class", resolve: bool = False
) -> dict[str, str]:
    """Assert ``css`` is exactly the stylesheet ``theme`` stands for; return ``:root``'s values."""
    resolved = theme.resolved()
    if resolve:
        light = {name: resolved.literal(name) for name in resolved.light}
        changed = [n for n in resolved.light if resolved.literal(n, True) != light[n]]
        dark_values = {name: resolved.literal(name, True) for name in changed}
    else:
        light = {name: value.css for name, value in resolved.light.items()}
        changed = list(resolved.redeclare)
        dark_values = {name: resolved.value(name, dark=True).css for name in changed}

    sheet = read_stylesheet(theme, css, dark=dark, changed=changed)
    for font, rule in sheet.imports:
        assert rule.content is None
        urls = [t for t in walk(rule.prelude) if isinstance(t, ast.StringToken)]
        assert len(urls) == 1
        assert urls[0].value.startswith("https://fonts.googleapis.com/css2?family=")
        assert font.name.replace(" ", "+") in urls[0].value
    for font, _weight, rule in sheet.faces:
        face = face_declarations(rule)
        assert set(face) == {"font-family", "src", "font-weight", "font-style"}, face
        family = [t for t in face["font-family"] if not isinstance(t, ast.WhitespaceToken)]
        assert len(family) == 1
        assert isinstance(family[0], ast.StringToken)
        assert family[0].value == font.name
        assert tinycss2.serialize(face["src"]).strip().startswith("url(")
    assert_values(sheet.root, light)
    for block in sheet.dark.values():
        assert_values(block, dark_values)
    return sheet.root


# --- fixed attack strings ---------------------------------------------------------------

ATTACKS = [
    "red; } body { display:none",
    "red;}",
    "}",
    "{",
    "</style><script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "@import url(//evil.example/x.css)",
    "url(javascript:alert(1))",
    'url("javascript:alert(1)")',
    "expression(alert(1))",
    "red /* comment */",
    "red !important",
    "\\3b",
    "red\\",
    '"unclosed',
    "rgb(1 2 3",
    "red\nblue",
    "1px\n2px",
    "red,\nblue",
    "red\r}",
    "red\x00",
    "\x00red",
    "1px\x00",
    "a" * 5000,
    "red " * 1250,
    "attr(title)",
    'image-set("x.png" 1x)',
    "url(https://evil.example/t.png)",
    "var(--x, red;)",
    "red; --body-text-color: blue",
    "red</style>",
    "red<!--",
    "--> red",
    "@media print",
    "red\u0000}",
    "url(data:image/png,x) }",
    "var(--primary-500) !important",
    "red\\;",
    "'x' } body {",
]


@pytest.mark.parametrize("name", ALL_KINDS)
@pytest.mark.parametrize("attack", ATTACKS, ids=lambda a: repr(a[:30]))
def test_attack_string_is_refused(attack: str, name: str) -> None:
    theme = Base()
    with pytest.raises(livery.InvalidValueError) as caught:
        theme.set(**{name: attack})
    message = str(caught.value)
    assert name in message
    assert "\n" not in message
    assert "\x00" not in message
    assert name not in theme.overrides


@pytest.mark.parametrize("attack", ATTACKS, ids=lambda a: repr(a[:30]))
def test_attack_string_in_a_theme_file_or_gradio_json_is_refused(attack: str) -> None:
    text = f"[variables]\n{FILL} = {json.dumps(attack)}\n"
    with pytest.raises(livery.InvalidValueError) as caught:
        livery.Theme.from_toml(text, source="evil.toml")
    assert str(caught.value).startswith(f"evil.toml: {FILL} = ")
    with pytest.raises(livery.InvalidValueError) as caught:
        livery.Theme.from_gradio({"theme": {FILL: attack, f"{COLOUR}_dark": "red"}})
    assert FILL in str(caught.value)
    with pytest.raises(livery.InvalidValueError):
        livery.Theme.from_gradio({"theme": {f"{COLOUR}_dark": attack}})


@pytest.mark.parametrize(
    ("name", "value"),
    [
        (COLOUR, "rgb(1\n2 3)"),
        (LENGTH, "calc(1px\n+ 2px)"),
        (FILL, "red,\nblue"),
        (SHADOW, "0 0 1px\tred"),
        (COLOUR, "rgb(1\x002 3)"),
        (LENGTH, "1px\x7f"),
    ],
)
def test_control_characters_inside_a_value_are_refused(name: str, value: str) -> None:
    with pytest.raises(livery.InvalidValueError) as caught:
        Base().set(**{name: value})
    assert "control character" in caught.value.reason


@pytest.mark.parametrize("name", [COLOUR, FILL, LENGTH, SHADOW])
def test_value_over_the_length_limit_is_refused(name: str) -> None:
    with pytest.raises(livery.InvalidValueError) as caught:
        Base().set(**{name: "a" * 2001})
    assert "longer than 2000" in caught.value.reason


def test_long_legitimate_value_up_to_the_limit_is_accepted() -> None:
    stops = ", ".join(["#abcdef"] * 220)
    value = f"linear-gradient({stops})"
    value = value[:-1] + " " * (2000 - len(value)) + ")"
    assert len(value) == 2000
    theme = Base().set(body_background_fill=value)
    check_stylesheet(theme, theme.css())


# --- references inside quoted text --------------------------------------------------------
# ``*name`` and ``var(--name)`` inside a data: address are text, not references: resolving
# them must neither crash nor break the stylesheet.

SVG = "data:image/svg+xml,"


def _accepted_or_refused(theme_factory: Callable[[], livery.Theme], dark: str = "class") -> None:
    try:
        theme = theme_factory()
    except livery.InvalidValueError:
        return
    for resolve in (False, True):
        for minify in (False, True):
            try:
                css = theme.css(dark=dark, resolve=resolve, minify=minify)
            except livery.ThemeError:
                continue
            check_stylesheet(theme, css, dark=dark, resolve=resolve)


def test_reference_inside_a_data_address_cannot_swallow_the_stylesheet() -> None:
    _accepted_or_refused(
        lambda: Base().set(
            checkbox_check=f'url("{SVG}(")',
            radio_circle=f'url("{SVG}*checkbox_check")',
        )
    )


def test_reference_inside_a_data_address_to_an_unknown_name_is_a_theme_error() -> None:
    _accepted_or_refused(lambda: Base().set(checkbox_check=f'url("{SVG}*not_a_variable")'))


def test_var_inside_a_data_address_to_an_unknown_name_is_a_theme_error() -> None:
    _accepted_or_refused(lambda: Base().set(checkbox_check=f'url("{SVG}var(--nope)")'))


def test_self_reference_inside_a_data_address_is_a_theme_error() -> None:
    _accepted_or_refused(lambda: Base().set(checkbox_check=f'url("{SVG}*checkbox_check")'))


def test_reference_inside_a_data_address_keeps_quotes_balanced() -> None:
    # checkbox_check's default holds single quotes; pasting it into a single-quoted string
    # must not end that string early.
    _accepted_or_refused(lambda: Base().set(radio_circle=f"url('{SVG}*checkbox_check')"))


# --- property: arbitrary text -------------------------------------------------------------

CSS_CHARS = ";{}<>@!\"'()/*\\:,.#%+-_ \t\n"
CSS_FRAGMENTS = [
    "red",
    "#fff",
    "0",
    "1px",
    "2rem",
    "50%",
    " ",
    ", ",
    "(",
    ")",
    "'",
    '"',
    ";",
    "{",
    "}",
    "<",
    "</style>",
    "/*",
    "*/",
    "\\",
    "!important",
    "@import ",
    "rgb(",
    "calc(",
    "var(--",
    "primary-500",
    "*primary_500",
    "*",
    "url(",
    "data:image/svg+xml,",
    "javascript:",
    "linear-gradient(",
    "inset",
    "-->",
    "<!--",
    "\n",
    "\x00",
    "\u2028",
    "é",
]

VALID_PIECES = [
    "red",
    "#fff",
    "#0f172a80",
    "0",
    "1px",
    "-2px",
    "50%",
    "none",
    "inset",
    "transparent",
    "calc(1px + 2px)",
    "rgb(0 0 0 / 0.1)",
    "oklch(60% 0.15 250)",
    "*primary_500",
    "*spacing_md",
    "var(--neutral-200)",
    "linear-gradient(90deg, red, blue)",
    'url("data:image/svg+xml,%3csvg%3e")',
    ",",
]


@st.composite
def near_misses(draw: st.DrawFn) -> str:
    """Mostly valid values, sometimes with one CSS-meaningful character slipped in."""
    text = " ".join(draw(st.lists(st.sampled_from(VALID_PIECES), min_size=1, max_size=5)))
    if draw(st.booleans()):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(CSS_CHARS)) + text[at:]
    return text


arbitrary_text = st.one_of(
    st.text(max_size=80),
    st.text(alphabet=CSS_CHARS + string.ascii_letters + string.digits, max_size=60),
    st.lists(st.sampled_from(CSS_FRAGMENTS), max_size=12).map("".join),
    near_misses(),
)


def _set_and_check(name: str, text: str) -> None:
    theme = Base()
    try:
        theme.set(**{name: text})
    except livery.InvalidValueError as error:
        assert error.variable == name
        assert "\n" not in str(error)
        assert name not in theme.overrides
        return
    try:
        css = theme.css()
    except livery.ThemeReferenceError:
        return  # e.g. *unknown: refused when the theme is compiled
    declared = check_stylesheet(theme, css)
    assert canon(declared["--" + name.replace("_", "-")]) == canon(theme.resolved().value(name).css)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=arbitrary_text)
def test_any_text_is_refused_or_stays_in_its_declaration(text: str) -> None:
    for name in (COLOUR, FILL, LENGTH, SHADOW):
        _set_and_check(name, text)


# --- property: font names -----------------------------------------------------------------

font_names = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=CSS_CHARS + string.ascii_letters + string.digits + "._", max_size=30),
    st.from_regex(r"[A-Za-z0-9][A-Za-z0-9 ._-]{0,30}", fullmatch=True),
)


def _font_declaration(declared: dict[str, str]) -> list[ast.Node]:
    tokens = tinycss2.parse_component_value_list(declared["--font"])
    return [t for t in tokens if not isinstance(t, ast.WhitespaceToken)]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=font_names)
def test_any_font_name_is_refused_or_quoted(name: str) -> None:
    for cls in (Font, LocalFont, GoogleFont):
        try:
            font = cls(name)
        except livery.LiveryError as error:
            # The font classes are pydantic models: a bad name raises
            # pydantic.ValidationError, a ValueError (not a LiveryError).
            assert "font name" in str(error)
            continue
        assert font.name == name.strip()
        theme = Base(font=[font, "sans-serif"])
        declared = check_stylesheet(theme, theme.css())
        first = _font_declaration(declared)[0]
        if font.name in ("sans-serif", "serif", "monospace", "cursive", "fantasy"):
            assert isinstance(first, ast.IdentToken)
            assert first.value == font.name
        else:
            assert isinstance(first, ast.StringToken)
            assert first.value == font.name

    try:
        theme = Base(font=[name, "sans-serif"])
    except livery.InvalidValueError as error:
        assert "\n" not in str(error)
        return
    declared = check_stylesheet(theme, theme.css())
    tokens = _font_declaration(declared)
    comma = next(i for i, t in enumerate(tokens) if isinstance(t, ast.LiteralToken))
    family = tokens[:comma]
    if len(family) == 1 and isinstance(family[0], ast.StringToken):
        assert family[0].value == name.strip()
    else:
        assert all(isinstance(t, ast.IdentToken) for t in family), family
        assert " ".join(t.value for t in family) == name.strip()
    assert tinycss2.serialize(tokens[comma + 1 :]).strip() == "sans-serif"


@pytest.mark.parametrize(
    "name",
    ["Inter", "IBM Plex Sans", "Source Sans 3", "font.v2", "my_font-1"],
)
@pytest.mark.parametrize("cls", [Font, LocalFont, GoogleFont])
def test_ordinary_font_names_compile(cls: type[Font], name: str) -> None:
    theme = Base(font=[cls(name), "sans-serif"])
    declared = check_stylesheet(theme, theme.css())
    assert canon(declared["--font"]) == canon(f"'{name}', sans-serif")


@pytest.mark.parametrize(
    "name",
    ["a;b", "x'}", "</style>", "a\nb", "", "  ", "a\\b", "a{b}", "a/../b", "'x'", "a\x00b"],
)
def test_unsafe_font_names_are_refused(name: str) -> None:
    for cls in (Font, LocalFont, GoogleFont):
        with pytest.raises(livery.InvalidValueError, match="font name"):
            cls(name)
    with pytest.raises(livery.InvalidValueError) as caught:
        Base(font=[name, "sans-serif"])
    assert "font" in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("cls", [Font, LocalFont, GoogleFont])
def test_font_names_are_at_most_100_characters(cls: type[Font]) -> None:
    assert cls("x" * 100).name == "x" * 100
    with pytest.raises(livery.InvalidValueError, match="font name"):
        cls("x" * 101)
