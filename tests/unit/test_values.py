"""Accept/reject tables per value kind, through the public path ``Base().set(name=value)``.

Every accepted value is read back with ``.value(name)`` (the normalised text as written) and
found, unchanged, in the compiled stylesheet; every rejected value raises
``InvalidValueError`` with a one-line message naming the variable, the value and the reason.
"""

from __future__ import annotations

import re

import pytest
import tinycss2

import livery
from livery.theme.catalogue import BY_NAME

COLOUR = "body_text_color"
FILL = "body_background_fill"
IMAGE = "checkbox_check"
LENGTH = "block_padding"
SHADOW = "shadow_drop"
WEIGHT = "body_text_weight"
FONT = "font_mono"
TRANSFORM = "button_transform_hover"
TRANSITION = "button_transition"

KIND_OF = {
    COLOUR: "colour",
    FILL: "fill",
    IMAGE: "image",
    LENGTH: "length",
    SHADOW: "shadow",
    WEIGHT: "weight",
    FONT: "font",
    TRANSFORM: "transform",
    TRANSITION: "transition",
}

SVG = (
    "data:image/svg+xml,%3csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3e%3c/svg%3e"
)


def _base() -> livery.themes.Base:
    """Base with Livery's semantics: ``""`` and ``0`` are values (Gradio's ``.set()`` ignores
    them; ``tests/theme/test_gradio_semantics.py`` covers that)."""
    return livery.themes.Base(semantics="livery")


def _canon(text: str) -> str:
    """Compare values as tinycss2 writes them (it re-quotes strings with double quotes)."""
    return tinycss2.serialize(tinycss2.parse_component_value_list(text.strip()))


def _root_declarations(css: str) -> dict[str, str]:
    """The ``:root`` rule's custom properties, name → serialised value."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    roots = [
        rule
        for rule in rules
        if rule.type == "qualified-rule" and tinycss2.serialize(rule.prelude).strip() == ":root"
    ]
    assert len(roots) == 1, css[:500]
    found: dict[str, str] = {}
    for node in tinycss2.parse_declaration_list(
        roots[0].content, skip_comments=True, skip_whitespace=True
    ):
        assert node.type == "declaration", node
        assert node.name not in found, f"{node.name} declared twice"
        found[node.name] = tinycss2.serialize(node.value).strip()
    return found


def _css_name(name: str) -> str:
    return "--" + name.replace("_", "-")


def test_table_variables_have_the_kind_they_stand_for() -> None:
    for name, kind in KIND_OF.items():
        assert BY_NAME[name].kind.value == kind, name


# --- accepted values ---------------------------------------------------------------------

COLOURS = [
    "#fff",
    "#FFF",
    "#abcd",
    "#a1b2c3",
    "#A1B2C3D4",
    "rgb(255, 0, 0)",
    "rgba(255, 0, 0, 0.5)",
    "rgb(255 0 0)",
    "rgb(255 0 0 / 50%)",
    "rgba(255 0 0 / .5)",
    "rgb(0 0 0 / 0.1)",
    "hsl(210 40% 50%)",
    "hsl(210, 40%, 50%)",
    "hsla(210, 40%, 50%, 0.5)",
    "hsl(210deg 40% 50% / 0.5)",
    "hwb(210 10% 20%)",
    "hwb(210 10% 20% / 0.5)",
    "lab(52% 40 59.5)",
    "lch(52% 72 50 / 0.5)",
    "oklab(0.6 0.1 -0.1)",
    "oklab(59% 0.1 0.1 / 0.5)",
    "oklch(60% 0.15 250)",
    "oklch(0.6 0.15 250 / 80%)",
    "color(display-p3 1 0.5 0)",
    "color(srgb 1 0 0 / 0.5)",
    "color-mix(in oklch, red 40%, blue)",
    "color-mix(in srgb, *primary_500 30%, white)",
    "red",
    "RebeccaPurple",
    "white",
    "transparent",
    "currentColor",
    "none",
    "inherit",
    "*primary_500",
    "*neutral_950",
    "var(--primary-500)",
]

FILLS = [
    "white",
    "#fef2f2",
    "rgba(0, 0, 0, 0.05)",
    "*neutral_50",
    "var(--neutral-50)",
    "none",
    "linear-gradient(90deg, red, blue)",
    "linear-gradient(to right, *primary_500, *secondary_500)",
    "linear-gradient(120deg, *secondary_500 0%, *primary_300 60%, *primary_400 100%)",
    "radial-gradient(circle at center, #fff 0%, #000 100%)",
    "conic-gradient(from 0deg, red, blue)",
    "repeating-linear-gradient(45deg, red 0 10px, blue 10px 20px)",
    "linear-gradient(rgb(0 0 0 / 0.1), transparent), white",
    f'url("{SVG}")',
]

IMAGES = [
    BY_NAME[IMAGE].light,
    BY_NAME["radio_circle"].light,
    f'url("{SVG}")',
    "url('data:image/svg+xml,%3csvg xmlns=\"http://www.w3.org/2000/svg\"%3e%3c/svg%3e')",
    "url(data:image/svg+xml,%3csvg%3e%3c/svg%3e)",
    "none",
    # A base64 image is the everyday form of a data:image address.
    'url("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==")',
    "url('data:image/svg+xml;utf8,%3csvg%3e%3c/svg%3e')",
]

LENGTHS = [
    "0",
    "0px",
    "12px",
    "1.5rem",
    "2em",
    "50%",
    "100vh",
    "-1px",
    "auto",
    "none",
    "calc(100% - 2px)",
    "calc(*spacing_md * 2)",
    "*spacing_md calc(2 * *spacing_md)",
    "1px 2px 3px 4px",
    "min(1px, 2rem)",
    "max(4px, 1em)",
    "clamp(1px, 2vw, 3px)",
    "*spacing_xl",
    "var(--spacing-md)",
]

SHADOWS = [
    "none",
    "0 1px 2px red",
    "rgba(0,0,0,0.05) 0px 1px 2px 0px",
    "inset 0 2px 4px 0 rgb(0 0 0 / 0.1)",
    "0 1px 3px 0 rgb(0 0 0 / 0.1), 0 1px 2px -1px rgb(0 0 0 / 0.1)",
    "0 0 0 1px #000, inset 0 1px 0 rgba(255, 255, 255, 0.2), 0 4px 8px -2px *primary_500",
    "0 0 0 *shadow_spread *primary_300",
    "0 0 0 calc(*shadow_spread + 1px) var(--primary-300)",
    "*block_shadow",
]

WEIGHTS = [str(weight) for weight in range(100, 1000, 100)] + [
    "bold",
    "normal",
    "bolder",
    "lighter",
    "*prose_header_text_weight",
    "var(--prose-header-text-weight)",
]

FONTS = [
    "'Fira Code', monospace",
    '"IBM Plex Mono", ui-monospace, Consolas, monospace',
    "ui-monospace, Consolas, monospace",
    "monospace",
    "*font",
    "var(--font)",
]

TRANSFORMS = [
    "none",
    "translateY(-1px)",
    "scale(1.02)",
    "rotate(45deg)",
    "translate(1px, 2px) scale(1.1)",
    "translate3d(0, -2px, 0)",
    "matrix(1, 0, 0, 1, 0, 0)",
    "perspective(100px) rotateX(10deg)",
    "skew(10deg, 5deg)",
    "*button_transform_active",
]

TRANSITIONS = [
    "all 0.2s ease",
    "all .2s cubic-bezier(0.4, 0, 0.2, 1)",
    "background-color 150ms ease-in-out, color 150ms linear",
    "opacity 1s steps(4, end)",
    "transform 0.1s ease 0.05s",
    "none",
]

ACCEPTED = (
    [(COLOUR, value) for value in COLOURS]
    + [(FILL, value) for value in FILLS]
    + [(IMAGE, value) for value in IMAGES]
    + [(LENGTH, value) for value in LENGTHS]
    + [(SHADOW, value) for value in SHADOWS]
    + [(WEIGHT, value) for value in WEIGHTS]
    + [(FONT, value) for value in FONTS]
    + [(TRANSFORM, value) for value in TRANSFORMS]
    + [(TRANSITION, value) for value in TRANSITIONS]
)


@pytest.mark.parametrize(("name", "value"), ACCEPTED, ids=lambda x: str(x)[:50])
def test_accepted_value_reads_back_and_is_emitted(name: str, value: str) -> None:
    theme = _base().set(**{name: value})
    assert theme.value(name) == value
    # *name references are written as var(--name)
    expected_css = re.sub(r"\*(\w+)", lambda m: f"var({_css_name(m[1])})", value)
    assert theme.resolved().value(name).css == expected_css
    declared = _root_declarations(theme.css())
    assert _canon(declared[_css_name(name)]) == _canon(expected_css)


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        (COLOUR, "red;", "red"),
        (COLOUR, "  #fff ; ", "#fff"),
        (COLOUR, "*primary_500;", "*primary_500"),
        (FILL, "linear-gradient(red, blue);", "linear-gradient(red, blue)"),
        (LENGTH, "4px;", "4px"),
        (LENGTH, "  calc(1px + 2px)  ", "calc(1px + 2px)"),
        (SHADOW, "0 1px 2px red;", "0 1px 2px red"),
        (WEIGHT, "600;", "600"),
        (TRANSITION, "all 0.2s ease;", "all 0.2s ease"),
    ],
)
def test_a_single_trailing_semicolon_and_outer_space_are_stripped(
    name: str, value: str, expected: str
) -> None:
    theme = _base().set(**{name: value})
    assert theme.value(name) == expected
    css = theme.css()
    assert ";;" not in css
    assert _canon(_root_declarations(css)[_css_name(name)]) == _canon(
        theme.resolved().value(name).css
    )


@pytest.mark.parametrize("name", list(KIND_OF))
def test_empty_text_is_a_real_value(name: str) -> None:
    theme = _base().set(**{name: ""})
    assert theme.value(name) == ""
    assert name in theme.overrides
    assert _root_declarations(theme.css())[_css_name(name)] == ""


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        (LENGTH, 0, "0"),
        (LENGTH, 0.5, "0.5"),
        (SHADOW, 0, "0"),
        (WEIGHT, 0, "0"),
        (WEIGHT, 600, "600"),
        ("block_label_margin", 0, "0"),
    ],
)
def test_numbers_are_real_values(name: str, value: float, expected: str) -> None:
    theme = _base().set(**{name: value})
    assert theme.value(name) == expected
    assert _root_declarations(theme.css())[_css_name(name)] == expected


@pytest.mark.parametrize("weight", range(100, 1000, 100))
def test_integer_weights(weight: int) -> None:
    assert _base().set(body_text_weight=weight).value("body_text_weight") == str(weight)


def test_none_leaves_the_variable_as_it_is() -> None:
    theme = _base()
    before = theme.value(COLOUR)
    theme.set(**{COLOUR: None})
    assert theme.value(COLOUR) == before
    assert COLOUR not in theme.overrides


def test_dark_variants_take_the_same_kind() -> None:
    theme = _base().set(body_text_color_dark="oklch(90% 0.02 250)")
    assert theme.value("body_text_color_dark") == "oklch(90% 0.02 250)"
    with pytest.raises(livery.InvalidValueError) as caught:
        _base().set(body_text_color_dark="12px")
    assert "body_text_color_dark" in str(caught.value)


# --- rejected values ---------------------------------------------------------------------

REJECTED = [
    # colour
    (COLOUR, "12px", "unit 'px'"),
    (COLOUR, "12", "bare number"),
    (COLOUR, 0, "bare number"),
    (COLOUR, 1.5, "bare number"),
    (COLOUR, "red blue", "parts"),
    (COLOUR, "rgb(1, 2, 3) red", "parts"),
    (COLOUR, "#ggg", "hex colour"),
    (COLOUR, "#12345", "hex colour"),
    (COLOUR, "#1234567", "hex colour"),
    (COLOUR, "#", None),
    (COLOUR, "notacolour", "keyword"),
    (COLOUR, "foo(1)", "function 'foo()'"),
    (COLOUR, "expression(alert(1))", "function 'expression()'"),
    (COLOUR, "linear-gradient(red, blue)", "function 'linear-gradient()'"),
    (COLOUR, "url(https://evil.example/x.png)", "url()"),
    (COLOUR, "url(javascript:alert(1))", None),
    (COLOUR, '"red"', "quoted text"),
    (COLOUR, "rgb(1, 2, 3", "unclosed"),
    (COLOUR, "rgb('x' 1 2)", None),
    (COLOUR, "rgb(url(x) 1 2)", None),
    (COLOUR, "rgb(1 2 3 / attr(x))", "function 'attr()'"),
    (COLOUR, "var(--primary-500, red)", "var()"),
    (COLOUR, "var(primary-500)", "var()"),
    (COLOUR, "red;;", "';'"),
    (COLOUR, True, "text or a number"),
    (COLOUR, b"red", "text or a number"),
    (COLOUR, ["red"], "text or a number"),
    # fill
    (FILL, "12px", "unit 'px'"),
    (FILL, "url(https://evil.example/t.png)", "data:image"),
    (FILL, 'url("https://evil.example/t.png")', "data:image"),
    (FILL, "url(//evil.example/t.png)", "data:image"),
    (FILL, 'url("javascript:alert(1)")', "data:image"),
    (FILL, "url(javascript:alert(1))", None),
    (FILL, "expression(alert(1))", "function 'expression()'"),
    (FILL, 'image-set("x.png" 1x)', "function 'image-set()'"),
    (FILL, "element(#x)", "function 'element()'"),
    (FILL, "paint(worklet)", "function 'paint()'"),
    (FILL, "linear-gradient(red, url(data:image/png,x))", None),
    # image
    (IMAGE, 'url("data:text/html,<b>hi</b>")', None),
    (IMAGE, 'url("data:text/html,hi")', "data:image"),
    (IMAGE, 'url("https://evil.example/x.svg")', "data:image"),
    (IMAGE, "url(/static/x.svg)", "data:image"),
    (IMAGE, "12px", "unit 'px'"),
    # length
    (LENGTH, "red", "not a length keyword"),
    (LENGTH, "12deg", "unit 'deg'"),
    (LENGTH, "12s", "unit 's'"),
    (LENGTH, "1px 2px 3px 4px 5px", "parts"),
    (LENGTH, "#fff", "hex colour"),
    (LENGTH, "rgb(1, 2, 3)", "function 'rgb()'"),
    (LENGTH, "expression(1px)", "function 'expression()'"),
    (LENGTH, "calc(1px + foo(2))", "function 'foo()'"),
    (LENGTH, "'12px'", "quoted text"),
    (LENGTH, "url(data:image/png,x)", "url()"),
    # shadow
    (SHADOW, "12deg", "unit 'deg'"),
    (SHADOW, "0 0 4px foo(1)", "function 'foo()'"),
    (SHADOW, '0 0 4px "red"', "quoted text"),
    (SHADOW, "0 0 4px red outset", "keyword"),
    (SHADOW, "url(data:image/png,x)", "url()"),
    # weight
    (WEIGHT, "12px", "unit 'px'"),
    (WEIGHT, "red", "keyword"),
    (WEIGHT, "heavy", "keyword"),
    (WEIGHT, "100 200", "parts"),
    (WEIGHT, "#fff", "hex colour"),
    (WEIGHT, "50%", "percentage"),
    # font
    (FONT, "12px", "unit 'px'"),
    (FONT, "expression(x)", "function 'expression()'"),
    (FONT, "url(x.woff2)", "url()"),
    (FONT, "local(Arial)", "function 'local()'"),
    (FONT, "#abc", None),
    # transform
    (TRANSFORM, "red", "keyword"),
    (TRANSFORM, "12px", "unit 'px'"),
    (TRANSFORM, "translate(1px, foo(2))", "function 'foo()'"),
    (TRANSFORM, "expression(1)", "function 'expression()'"),
    (TRANSFORM, "url(data:image/png,x)", "url()"),
    # transition
    (TRANSITION, "12px", "unit 'px'"),
    (TRANSITION, "all 2deg", "unit 'deg'"),
    (TRANSITION, "all 0.2s ease, #fff", "hex colour"),
    (TRANSITION, "all 0.2s url(x)", "url()"),
    (TRANSITION, "all 0.2s expression(1)", "function 'expression()'"),
]


def _shown(value: object) -> str:
    """The value as the error shows it: at most 60 characters, quoted if text."""
    text = value if isinstance(value, str) else repr(value)
    if len(text) > 60:
        text = text[:59] + "…"
    return repr(text) if isinstance(value, str) else text


@pytest.mark.parametrize(("name", "value", "reason"), REJECTED, ids=lambda x: str(x)[:40])
def test_rejected_value_names_variable_value_and_reason(
    name: str, value: object, reason: str | None
) -> None:
    theme = _base()
    before = theme.css()
    with pytest.raises(livery.InvalidValueError) as caught:
        theme.set(**{name: value})
    error = caught.value
    message = str(error)
    assert error.variable == name
    assert error.value == value
    assert error.reason
    if reason is not None:
        assert reason in error.reason, message
    assert message == f"{name} = {_shown(value)}: {error.reason}"
    assert "\n" not in message
    assert len(message.splitlines()) == 1
    # a refused value leaves the theme as it was
    assert name not in theme.overrides
    assert theme.css() == before


def test_long_value_is_shortened_in_the_message() -> None:
    value = "linear-gradient(" + ", ".join(["red"] * 700) + ")"
    with pytest.raises(livery.InvalidValueError) as caught:
        _base().set(body_background_fill=value)
    message = str(caught.value)
    assert "body_background_fill" in message
    assert repr(value[:59] + "…") in message
    assert "2000 characters" in message
    assert len(message) < 200
    assert "\n" not in message


@pytest.mark.parametrize(
    "value",
    [
        "f\u2028n(1)",  # LINE SEPARATOR inside a function name
        "#a\u2028b",  # … inside a hash
        "#zz\x85zz",  # NEXT LINE inside a hash
        "x\u2029y(1)",  # PARAGRAPH SEPARATOR inside a function name
    ],
    ids=["u2028-function", "u2028-hash", "nel-hash", "u2029-function"],
)
def test_message_stays_on_one_line_for_unicode_line_breaks(value: str) -> None:
    with pytest.raises(livery.InvalidValueError) as caught:
        _base().set(body_text_color=value)
    message = str(caught.value)
    assert len(message.splitlines()) == 1, message


def test_reference_to_unknown_variable_is_a_theme_error() -> None:
    theme = _base()
    with pytest.raises(livery.ThemeReferenceError) as caught:
        theme.set(body_text_color="*not_a_variable")
    assert "body_text_color" not in theme.overrides
    assert "not_a_variable" in str(caught.value)
    assert "\n" not in str(caught.value)
