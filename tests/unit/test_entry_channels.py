"""Every way a value enters a theme refuses what cannot be written, where it enters (issue 15).

The channels: ``set()``, attribute assignment, the constructor's settings, the text of a TOML
theme file and a Gradio theme (a dict or its JSON file). Each case the red team found has a
test named after it: the value is refused by the channel with a one-line ``LiveryError``
whose message prints, or, for what is accepted, every output writes later. Nothing that was
accepted fails at ``css()``, ``to_scss()`` or any export.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import livery
from livery.theme.formats import FORMATS
from livery.themes import Base, Color, Font, GoogleFont, LocalFont

Entry = Callable[[str, Any], livery.Theme]


def _set(name: str, value: Any) -> livery.Theme:
    return livery.Theme().set(**{name: value})


def _gradio_set(name: str, value: Any) -> livery.Theme:
    return Base().set(**{name: value})


def _attribute(name: str, value: Any) -> livery.Theme:
    theme = livery.Theme()
    setattr(theme, name, value)
    return theme


def _constructor(name: str, value: Any) -> livery.Theme:
    return livery.Theme(overrides={name: value})


def _toml(name: str, value: Any) -> livery.Theme:
    text = f"[variables]\n{name} = {json.dumps(value)}\n"
    return livery.Theme.from_toml(text, source="hostile.toml")


def _gradio(name: str, value: Any) -> livery.Theme:
    return livery.Theme.from_gradio({"theme": {name: value}})


CHANNELS: dict[str, Entry] = {
    "set": _set,
    "gradio-set": _gradio_set,
    "attribute": _attribute,
    "constructor": _constructor,
    "toml": _toml,
    "gradio-json": _gradio,
}
PYTHON_CHANNELS = {k: v for k, v in CHANNELS.items() if k != "toml"}
"""A lone surrogate cannot be written into TOML text at all (``json.dumps`` escapes it and
TOML refuses the escape), so the TOML channel gets it as raw text in its own test."""


def assert_printable(error: BaseException) -> str:
    """The message of a refusal: it prints, encodes as UTF-8 and is one line."""
    assert isinstance(error, livery.LiveryError), type(error)
    message = str(error)
    message.encode("utf-8")
    assert len(message.splitlines()) == 1, message
    return message


def refused(entry: Callable[[], object], error: type[livery.LiveryError]) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", livery.LiveryWarning)
        with pytest.raises(error) as caught:
            entry()
    return assert_printable(caught.value)


def writes_everything(theme: livery.Theme) -> None:
    """Every output of an accepted theme writes, and as UTF-8."""
    theme.css().encode("utf-8")
    for exporter in FORMATS.values():
        exporter(theme).encode("utf-8")
    json.dumps(theme.to_gradio(), ensure_ascii=False).encode("utf-8")


# --- 1. lone surrogates ---------------------------------------------------------------------

SURROGATE_VALUES = ["red\ud800", "\udfff", "'Inter\ud800', sans-serif", 'url("data:image/\ud800")']


@pytest.mark.parametrize("value", SURROGATE_VALUES, ids=ascii)
@pytest.mark.parametrize("channel", PYTHON_CHANNELS)
def test_lone_surrogate_is_refused_by_every_channel(channel: str, value: str) -> None:
    for name in ("font", "body_text_color", "checkbox_check"):
        message = refused(
            lambda name=name: CHANNELS[channel](name, value), livery.InvalidValueError
        )
        assert name in message
        assert "\\ud" in message or "\\udfff" in message


def test_lone_surrogate_in_theme_file_text_is_refused() -> None:
    text = '[variables]\nbody_text_color = "red\ud800"\n'
    message = refused(lambda: livery.Theme.from_toml(text, source="s.toml"), livery.ThemeError)
    assert message.startswith("s.toml: body_text_color = 'red\\ud800': ")
    assert "surrogate" in message


@pytest.mark.parametrize(
    "fields",
    [
        {"font": ["Inter\ud800", "sans-serif"]},
        {"font": [LocalFont("Inter"), "sans\ud800"]},
        {"primary_hue": "#ff0066\ud800"},
        {"tags": ["dark\ud800"]},
        {"name": "x\ud800"},
        {"description": "x\ud800"},
        {"custom_css": "a { color: red } /* \ud800 */"},
    ],
    ids=lambda fields: next(iter(fields)),
)
def test_lone_surrogate_in_a_setting_or_metadata_is_refused(fields: dict[str, Any]) -> None:
    message = refused(lambda: livery.Theme(**fields), livery.InvalidValueError)
    assert next(iter(fields)) in message


# --- 1. control characters and NUL -------------------------------------------------------

CONTROL_VALUES = ["red\x00", "\x00", "rgb(1\x002 3)", "red\x1b[31m", "1px\r2px", "red\x7f"]


@pytest.mark.parametrize("value", CONTROL_VALUES, ids=ascii)
@pytest.mark.parametrize("channel", CHANNELS)
def test_control_character_or_nul_is_refused_by_every_channel(channel: str, value: str) -> None:
    name = "block_radius" if value.startswith("1px") else "body_text_color"
    message = refused(lambda: CHANNELS[channel](name, value), livery.InvalidValueError)
    assert name in message
    assert "\x00" not in message and "\x1b" not in message


def test_nul_in_custom_css_is_refused() -> None:
    refused(lambda: livery.Theme(custom_css="a { color: red }\x00"), livery.InvalidValueError)


# --- 1. huge numbers ------------------------------------------------------------------------


@pytest.mark.parametrize("channel", PYTHON_CHANNELS)
def test_a_number_of_5000_digits_is_refused_with_a_printable_error(channel: str) -> None:
    message = refused(lambda: CHANNELS[channel]("block_radius", 10**5000), livery.ThemeError)
    assert "block_radius" in message
    assert "digits" in message
    assert len(message) < 200


@pytest.mark.parametrize("channel", [name for name in CHANNELS if name != "gradio-set"])
@pytest.mark.parametrize("value", ["1" * 101 + "px", "0." + "0" * 100 + "1px"])
def test_a_number_of_more_than_100_digits_in_text_is_refused(channel: str, value: str) -> None:
    """(Gradio's semantics write such a value as ``initial``, with a warning: next test.)"""
    message = refused(lambda: CHANNELS[channel]("block_radius", value), livery.InvalidValueError)
    assert "more than 100 digits" in message


def test_gradio_semantics_write_a_huge_number_as_initial_and_say_so() -> None:
    with pytest.warns(livery.GradioValueWarning, match="more than 100 digits"):
        theme = Base().set(block_radius="1" * 101 + "px")
    assert theme.overrides["block_radius"] == "initial"
    writes_everything(theme)


def test_a_5000_digit_integer_in_a_theme_file_is_refused() -> None:
    text = "[settings]\nfont = [{ name = 'Inter', source = 'local', weights = [1" + "0" * 5000
    text += "] }]\n"
    message = refused(lambda: livery.Theme.from_toml(text, source="n.toml"), livery.ThemeFileError)
    assert message == "n.toml: has a number of more than 100 digits"


def test_every_livery_error_prints_even_with_an_unprintable_value() -> None:
    class Hostile:
        def __repr__(self) -> str:
            raise RuntimeError("no")

    for value in (10**5000, Hostile(), "a\ud800\x00\x1b", -(10**400)):
        error = livery.InvalidValueError("reason\n\x1b", variable="v\ud800", value=value)
        assert_printable(error)
    for error in (
        livery.ThemeFileError("x", source="f\udcff\n.toml"),
        livery.CssError("bad \ud800", file="a\udcffb.scss", line=3),
        livery.TemplateError("bad name \udcff"),
        livery.InvalidOptionError("no \ud800"),
    ):
        str(error).encode("utf-8")


# --- 1. numbers the colour maths cannot take ---------------------------------------------


@pytest.mark.parametrize("channel", CHANNELS)
def test_oklch_1e308_is_refused_at_entry(channel: str) -> None:
    value = "oklch(1e308 1e308 1e308)"
    message = refused(lambda: CHANNELS[channel]("body_text_color", value), livery.InvalidValueError)
    assert "1e308" in message


@pytest.mark.parametrize("hue", ["oklch(1e308 1e308 1e308)", "rgb(1e400 0 0)"])
def test_oklch_1e308_as_a_hue_seed_is_refused_at_entry(hue: str) -> None:
    refused(lambda: livery.Theme(primary_hue=hue), livery.InvalidValueError)
    text = f'[settings]\nprimary_hue = "{hue}"\n'
    refused(lambda: livery.Theme.from_toml(text, source="h.toml"), livery.InvalidValueError)


def test_the_largest_numbers_accepted_still_measure_and_export() -> None:
    theme = livery.Theme(primary_hue="oklch(1e9 1e9 1e9)").set(
        body_text_color="oklch(1e9 1e9 1e9)", background_fill_primary="rgb(1e9 -1e9 1e9)"
    )
    writes_everything(theme)
    assert theme.audit().checks


# --- 1. Gradio JSON fonts of the wrong type --------------------------------------------------


@pytest.mark.parametrize(
    "font",
    [
        5,
        "Inter",
        {"name": "Inter"},
        [{"__gradio_font__": True, "class": "google", "name": "Inter", "weights": 5}],
        [{"__gradio_font__": True, "class": "local", "name": 5}],
        [{"source": ["local"], "name": "Inter"}],
        [{"name": "Inter", 5: "x"}],
    ],
    ids=repr,
)
def test_font_5_in_gradio_json_is_a_one_line_error(font: Any) -> None:
    refused(lambda: livery.Theme.from_gradio({"theme": {"_font": font}}), livery.ThemeError)


def test_font_5_in_gradio_json_names_the_key_and_the_file(tmp_path: Path) -> None:
    path = tmp_path / "theme.json"
    path.write_text(json.dumps({"theme": {"_font": 5}}))
    message = refused(lambda: livery.Theme.load(path), livery.ThemeFileError)
    assert message == f"{path}: _font: must be a list of fonts, not int"


@pytest.mark.parametrize(
    "weights", [5, "400", {"a": 1}, [400, "x"], [10**5000]], ids=["5", "str", "dict", "x", "huge"]
)
def test_font_weights_of_the_wrong_type_are_refused(weights: Any) -> None:
    for cls in (GoogleFont, LocalFont):
        refused(lambda cls=cls: cls("Inter", weights=weights), livery.InvalidValueError)


# --- 1. hue seeds ------------------------------------------------------------------------

_SHADES = ", ".join(
    f'c{shade} = "#ffffff"'
    for shade in ("50", "100", "200", "300", "400", "500", "600", "700", "800", "900", "950")
)


def test_hue_seed_not_a_colour_fails_at_load_not_at_export() -> None:
    text = f'[settings]\nprimary_hue = {{ {_SHADES}, seed = "not a colour" }}\n'
    message = refused(lambda: livery.Theme.from_toml(text, source="seed.toml"), livery.ThemeError)
    assert message.startswith("seed.toml: primary_hue")
    assert "seed" in message and "not a colour" in message


def test_hue_seed_not_a_colour_is_refused_in_code_and_on_assignment() -> None:
    hue = Color(*["#ffffff"] * 11, seed="not a colour")
    refused(lambda: livery.Theme(primary_hue=hue), livery.InvalidValueError)
    theme = livery.Theme()
    refused(lambda: setattr(theme, "neutral_hue", hue), livery.InvalidValueError)
    assert theme.neutral_hue.name == "zinc"


def test_a_theme_grown_from_a_seed_still_saves_and_loads(tmp_path: Path) -> None:
    theme = livery.Theme(primary_hue="#ff0066")
    loaded = livery.Theme.load(theme.save(tmp_path / "seeded.toml"))
    assert loaded.primary_hue == theme.primary_hue
    writes_everything(loaded)


# --- 1. Gradio JSON values silently emptied ------------------------------------------------


@pytest.mark.parametrize("value", [";;", "\r;;\r"], ids=ascii)
@pytest.mark.parametrize("name", ["body_background_fill", "block_radius", "block_shadow"])
def test_gradio_json_semicolons_are_refused_not_emptied(
    name: str, value: str, tmp_path: Path
) -> None:
    message = refused(
        lambda: livery.Theme.from_gradio({"theme": {name: value}}), livery.InvalidValueError
    )
    assert f"{name} = ';;'" in message
    assert "';'" in message
    path = tmp_path / "semicolons.json"
    path.write_text(json.dumps({"theme": {name: value}}))
    message = refused(lambda: livery.Theme.load(path), livery.InvalidValueError)
    assert message.startswith(f"{path}: {name} = ")


@pytest.mark.parametrize("name", ["body_background_fill", "block_radius", "block_shadow"])
def test_gradio_json_value_with_its_one_trailing_semicolon_keeps_its_value(name: str) -> None:
    value = {"body_background_fill": "#fafafa", "block_radius": "3px", "block_shadow": "none"}
    theme = livery.Theme.from_gradio({"theme": {name: value[name] + ";"}})
    assert theme.value(name) == value[name]


# --- 2. checks that run at entry -----------------------------------------------------------

LONG_STACKS = {
    "over 2,000 characters": ["x" * 99] * 25,
    "over 64 parts": ["a b c"] * 30,
}


@pytest.mark.parametrize("stack", LONG_STACKS.values(), ids=list(LONG_STACKS))
def test_font_list_over_the_stylesheet_limit_is_refused_at_entry(stack: list[str]) -> None:
    refused(lambda: livery.Theme(font=stack), livery.InvalidValueError)
    refused(lambda: livery.Theme(font=[Font(stack[0]), *stack]), livery.InvalidValueError)
    theme = livery.Theme()
    refused(lambda: setattr(theme, "font_mono", stack), livery.InvalidValueError)
    assert theme.font_mono == livery.Theme().font_mono
    text = "[settings]\nfont = " + json.dumps(stack) + "\n"
    message = refused(lambda: livery.Theme.from_toml(text, source="f.toml"), livery.ThemeError)
    assert message.startswith("f.toml: font: the font stack ")
    gradio = {"theme": {"_font": stack}}
    refused(lambda: livery.Theme.from_gradio(gradio), livery.InvalidValueError)


def test_a_font_list_just_under_the_limit_is_accepted_and_writes() -> None:
    theme = livery.Theme(font=["x" * 99] * 18 + ["sans-serif"])
    writes_everything(theme)


REFERENCE_CASES = {
    "unknown name": {"body_text_color": "*no_such_colour"},
    "unknown var()": {"body_text_color": "var(--no-such-colour)"},
    "a _dark name": {"loader_color": "*body_text_color_dark"},
    "a cycle": {"loader_color": "*slider_color", "slider_color": "*loader_color"},
    "a cycle through a default": {"color_accent": "*loader_color"},
    "a dark-only cycle": {
        "body_text_color_dark": "*link_text_color",
        "link_text_color_dark": "*body_text_color",
    },
    "unknown name in dark": {"body_text_color_dark": "*no_such_colour"},
    "a reference to itself": {"block_radius": "calc(*block_radius + 1px)"},
}


@pytest.mark.parametrize("values", REFERENCE_CASES.values(), ids=list(REFERENCE_CASES))
@pytest.mark.parametrize("channel", ["set", "gradio-set", "constructor", "toml", "attribute"])
def test_references_against_the_catalogue_are_checked_at_entry(
    channel: str, values: dict[str, str]
) -> None:
    theme = Base() if channel == "gradio-set" else livery.Theme()

    def enter() -> object:
        if channel in ("set", "gradio-set"):
            return theme.set(**values)
        if channel == "constructor":
            return livery.Theme(overrides=values)
        if channel == "toml":
            lines = "".join(f"{name} = {json.dumps(text)}\n" for name, text in values.items())
            return livery.Theme.from_toml("[variables]\n" + lines, source="r.toml")
        for name, text in values.items():
            setattr(theme, name, text)
        return theme

    if channel == "attribute" and len(values) > 1:
        first, second = values.items()
        setattr(theme, *first)  # alone, the first half of the cycle is sound
        message = refused(lambda: setattr(theme, *second), livery.ThemeReferenceError)
        assert theme.overrides == dict([first])
    else:
        before = dict(theme.overrides)
        message = refused(enter, livery.ThemeReferenceError)
        assert theme.overrides == before  # a refused value changes nothing
    assert "reference" in message
    if channel == "toml":
        assert message.startswith("r.toml: ")


def test_a_reference_refusal_is_an_invalid_value() -> None:
    with pytest.raises(livery.InvalidValueError):
        livery.Theme().set(body_text_color="*no_such_colour")


def test_repairing_contrast_still_works_with_entry_checks() -> None:
    theme = livery.Theme().set(body_text_color="#bbbbbb", link_text_color="*body_text_color")
    fixed, changes = theme.repair_contrast()
    assert changes
    writes_everything(fixed)


def test_a_gradio_theme_name_over_100_characters_is_refused_not_cut() -> None:
    message = refused(
        lambda: livery.Theme.from_gradio({"theme": {"name": "x" * 101}}),
        livery.InvalidValueError,
    )
    assert message.startswith("<gradio theme>: name = ")
    assert livery.Theme.from_gradio({"theme": {"name": "x" * 100}}).name == "x" * 100


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"], ids=ascii)
def test_a_line_separator_in_a_reference_keeps_the_message_on_one_line(separator: str) -> None:
    """Found by the ``fuzz`` profile: ``var(--\\u2028neutral-200)`` names no variable, and
    the message naming it must still be one line."""
    message = refused(
        lambda: livery.Theme().set(body_text_color=f"var(--{separator}neutral-200)"),
        livery.ThemeReferenceError,
    )
    assert f"\\u{ord(separator):04x}" in message or "\\x85" in message
