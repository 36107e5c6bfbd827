"""Property tests over every way a value enters a theme: ``set()``, attribute assignment, the
settings of the constructor, the text of a TOML theme file and a Gradio theme dict.

Whatever comes in, one of two things holds. Accepted: the stylesheet encodes as UTF-8 and
re-parses (tinycss2) to exactly the declarations the theme stands for, each variable holding
exactly its value and nothing else declared, and every export format writes. Refused: a
``LiveryError`` whose message prints (``str`` and UTF-8) on one line. The text strategies mix
lone surrogates, controls, NUL, numbers of thousands of digits and CSS punctuation into
near-valid values, references and font stacks.

Profiles (``HYPOTHESIS_PROFILE``): ``ci`` (the default) runs 10,000+ examples in total,
derandomized so a failure reproduces; ``fuzz`` runs 20 times as many, randomized.
"""

from __future__ import annotations

import json
import os
import string
import warnings
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import tinycss2
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import livery
from livery.theme import VARIABLES
from livery.theme.formats import FORMATS
from livery.themes import Base
from tests.unit.test_hostile_values import VALID_PIECES

from .css_rules import canon

settings.register_profile(
    "ci",
    derandomize=True,
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
settings.register_profile(
    "fuzz",
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
SCALE = 20 if PROFILE == "fuzz" else 1


def examples(count: int) -> settings:
    """``count`` examples under the chosen profile (20 times as many with ``fuzz``)."""
    return settings(settings.get_profile(PROFILE), max_examples=count * SCALE)


# --- what comes in -------------------------------------------------------------------------

NAMES = [variable.name for variable in VARIABLES]
DARK_NAMES = [f"{variable.name}_dark" for variable in VARIABLES if variable.dark is not None]
SAMPLE_NAMES = [
    "body_text_color",
    "body_background_fill",
    "block_radius",
    "block_shadow",
    "shadow_drop",
    "checkbox_check",
    "body_text_weight",
    "font_mono",
    "button_transform_hover",
    "button_transition",
    "loader_color",
    "slider_color",
    "color_accent",
    "primary_500",
    "body_text_color_dark",
    "loader_color_dark",
]

HOSTILE = [
    "\ud800",
    "\udfff",
    "\x00",
    "\r",
    "\n",
    "\x1b]0;x\x07",
    "\x7f",
    "\u2028",
    "\ufeff",
    ";",
    ";;",
    "\r;;\r",
    "{",
    "}",
    "<",
    "</style>",
    "@import ",
    "\\",
    "!important",
    "/*",
    "*/",
    "'",
    '"',
    "(",
    ")",
    ",",
    "/",
    "1" * 120,
    "1" * 4400,
    "1e308",
    "-1e308",
    "1e9",
    "9" * 99,
    "0." + "0" * 120 + "1",
    "NaN",
    "infinity",
]
PIECES = [
    *VALID_PIECES,
    "oklch(1e308 1e308 1e308)",
    "var(--no-such-thing)",
    "*body_text_color_dark",
    "*no_such_variable",
    "*loader_color",
    "*slider_color",
    "*color_accent",
    "'Inter'",
    "sans-serif",
]


@st.composite
def near_values(draw: st.DrawFn) -> str:
    """Mostly valid CSS values and references, often with hostile text slipped in."""
    text = " ".join(draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=5)))
    for _ in range(draw(st.integers(0, 2))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(HOSTILE)) + text[at:]
    return text


any_char = st.characters(codec=None, exclude_categories=())
DIRTY = "\ud800\udc00\udfff\x00\x01\x1b\r\n\t\x7f\x85\u2028\ufeff"
words = st.text(st.sampled_from(string.ascii_letters + "-_" + DIRTY), min_size=1, max_size=12)
"""Words, often dirty: kinds that take any keyword (fonts, transitions) accept the clean ones,
so a check that let a surrogate or control through would show here first."""
texts = st.one_of(
    near_values(),
    words,
    st.lists(words, min_size=1, max_size=4).map(", ".join),
    st.text(any_char, max_size=40),
    st.text(st.sampled_from(";{}<>@!\"'()/*\\:,.#%+-_ \t\n\r\x00\ud800" + string.ascii_letters)),
    st.lists(st.sampled_from(HOSTILE + PIECES), max_size=8).map("".join),
)
numbers = st.one_of(
    st.integers(-(10**6), 10**6),
    st.integers(0, 6000).map(lambda digits: 10**digits),
    st.floats(allow_nan=True, allow_infinity=True),
)
values = st.one_of(texts, texts, texts, numbers, st.none(), st.booleans(), st.tuples(texts))
names = st.one_of(st.sampled_from(SAMPLE_NAMES), st.sampled_from(NAMES + DARK_NAMES))


# --- what must hold --------------------------------------------------------------------------

DARK = ":root.dark, :root .dark"


@lru_cache(maxsize=65536)
def _canon(text: str) -> str:
    return canon(text)


def assert_writes_exactly(theme: livery.Theme) -> None:
    """The accepted half of the property: the stylesheet encodes and holds exactly the
    theme's declarations, and every export writes text that encodes."""
    css = theme.css()
    css.encode("utf-8")
    resolved = theme.resolved()
    expected = [(":root", {_css(name): value.css for name, value in resolved.light.items()})]
    if resolved.redeclare:
        dark = {_css(name): resolved.value(name, dark=True).css for name in resolved.redeclare}
        expected.append((DARK, dark))
    blocks = _blocks(css)
    assert [selector for selector, _ in blocks] == [selector for selector, _ in expected]
    for (_, found), (_, wanted) in zip(blocks, expected):
        assert [name for name, _ in found] == list(wanted)
        for name, text in found:
            assert text == _canon(wanted[name]), name
    for exporter in FORMATS.values():
        if exporter.name != "css":
            exporter(theme).encode("utf-8")


@lru_cache(maxsize=256)
def _blocks(css: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """The rules of a stylesheet as tinycss2 reads them: font rules (``@import``,
    ``@font-face``) first, then each block's selector and its plain declarations, values
    written back as tinycss2 serialises them (cached: equal stylesheets recur)."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    fonts = [rule for rule in rules if rule.type == "at-rule"]
    assert {rule.lower_at_keyword for rule in fonts} <= {"import", "font-face"}
    blocks = []
    for rule in rules[len(fonts) :]:
        assert rule.type == "qualified-rule", rule
        found = tinycss2.parse_declaration_list(
            rule.content, skip_comments=True, skip_whitespace=True
        )
        for node in found:
            assert node.type == "declaration", node
            assert not node.important, node.name
        values = [(n.name, tinycss2.serialize(n.value).replace("'", '"').strip()) for n in found]
        blocks.append((tinycss2.serialize(rule.prelude).strip(), values))
    return blocks


def _css(name: str) -> str:
    return "--" + name.replace("_", "-")


def assert_refusal_prints(error: livery.LiveryError) -> None:
    """The refused half: the message prints, encodes and stays on one line."""
    message = str(error)
    message.encode("utf-8")
    assert message
    assert len(message.splitlines()) == 1, message


def accepted_or_refused(build: Callable[[], livery.Theme]) -> livery.Theme | None:
    """Run one entry; check whichever half of the property applies."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", livery.LiveryWarning)
        try:
            theme = build()
        except livery.LiveryError as error:
            assert_refusal_prints(error)
            return None
        assert_writes_exactly(theme)
    return theme


# --- the channels ------------------------------------------------------------------------------


@examples(2500)
@given(name=names, value=values, gradio=st.booleans())
def test_set_accepts_only_what_it_can_write(name: str, value: Any, gradio: bool) -> None:
    theme = Base() if gradio else livery.Theme()
    before = dict(theme.overrides)

    def build() -> livery.Theme:
        return theme.set(**{name: value})

    if accepted_or_refused(build) is None:
        assert theme.overrides == before  # a refused value changes nothing


@examples(1500)
@given(name=names, value=values)
def test_attribute_assignment_accepts_only_what_it_can_write(name: str, value: Any) -> None:
    theme = livery.Theme()

    def build() -> livery.Theme:
        setattr(theme, name, value)
        return theme

    if accepted_or_refused(build) is None:
        assert theme.overrides == {}


font_entries = st.one_of(
    texts,
    st.sampled_from(["Inter", "IBM Plex Sans", "sans-serif", "a b c", "x" * 99]),
    st.fixed_dictionaries(
        {"name": st.one_of(texts, st.just("Inter"))},
        optional={
            "source": st.one_of(st.sampled_from(["local", "google", "system"]), texts),
            "weights": st.one_of(st.lists(numbers, max_size=3), numbers, texts),
        },
    ),
    numbers,
)
settings_fields = st.fixed_dictionaries(
    {},
    optional={
        "primary_hue": st.one_of(texts, st.sampled_from(["rose", "#ff0066", "oklch(1e9 1 1)"])),
        "neutral_hue": texts,
        "text_size": st.one_of(texts, st.sampled_from(["sm", "lg"])),
        "font": st.one_of(st.lists(font_entries, max_size=70), font_entries),
        "font_mono": st.lists(font_entries, max_size=4),
        "tags": st.lists(texts, max_size=3),
        "name": texts,
        "custom_css": st.one_of(texts, st.just("a { color: red }")),
        "overrides": st.dictionaries(names, values, max_size=3),
    },
)


@examples(2500)
@given(fields=settings_fields)
def test_the_constructor_accepts_only_what_it_can_write(fields: dict[str, Any]) -> None:
    accepted_or_refused(lambda: livery.Theme(**fields))


def _toml_string(text: str) -> str:
    """A TOML basic string for ``text`` (surrogates come out as ``\\ud800``, which TOML
    itself refuses: the file is then not valid TOML, also a refusal)."""
    return json.dumps(text).replace("\x7f", "\\u007f")


toml_lines = st.one_of(
    st.builds(lambda n, v: f"{n} = {_toml_string(v)}", names, texts),
    st.builds(lambda n, v: f"{n} = {v}", names, st.sampled_from(HOSTILE + PIECES)),
    st.builds(lambda n, k: f"{n} = 1{'0' * k}", names, st.integers(0, 5000)),
    st.builds(lambda v: f"font = [{_toml_string(v)}, 'sans-serif']", texts),
    st.builds(lambda v: f"primary_hue = {_toml_string(v)}", texts),
    st.builds(lambda v: f"name = {_toml_string(v)}", texts),
)


@examples(2000)
@given(
    theme=st.lists(toml_lines, max_size=2),
    settings_=st.lists(toml_lines, max_size=2),
    variables=st.lists(toml_lines, min_size=1, max_size=3),
)
def test_theme_file_text_gives_a_theme_it_can_write_or_one_line(
    theme: list[str], settings_: list[str], variables: list[str]
) -> None:
    text = "\n".join(["[theme]", *theme, "[settings]", *settings_, "[variables]", *variables, ""])
    accepted_or_refused(lambda: livery.Theme.from_toml(text, source="fuzz.toml"))


gradio_fonts = st.fixed_dictionaries(
    {"__gradio_font__": st.just(True), "name": st.one_of(words, st.just("Inter"))},
    optional={
        "class": st.one_of(st.sampled_from(["google", "local", "font"]), values),
        "weights": st.one_of(st.lists(numbers, max_size=3), values),
    },
)
gradio_values = st.dictionaries(
    st.one_of(names, st.sampled_from(["_font", "_font_mono", "name", "primary_500"])),
    st.one_of(values, st.lists(st.one_of(font_entries, gradio_fonts), max_size=3)),
    max_size=4,
)


@examples(1500)
@given(data=gradio_values, wrapped=st.booleans())
def test_gradio_theme_json_imports_a_theme_it_can_write_or_refuses(
    data: dict[str, Any], wrapped: bool
) -> None:
    document = {"theme": data} if wrapped else data
    accepted_or_refused(lambda: livery.Theme.from_gradio(document))
