"""``theme.repair_contrast(level)``: the smallest change that makes every pair pass."""

from __future__ import annotations

import re
from functools import cache

import pytest
from coloraide import Color as ColourValue

import livery.themes
from livery.theme import ContrastRepairError, RepairResult
from livery.theme.catalogue import BY_NAME
from livery.theme.colour.contrast import colours_in
from livery.theme.colour.pairs import PAIRS, REQUIRED, Role

GRADIO = ("base", "default", "soft", "glass", "monochrome", "origin", "citrus", "ocean")
ORIGINAL = ("aurora", "kiln", "fjord", "moss", "ink", "folio", "beacon")
LEVELS = ("AA", "AAA")
HEX = re.compile(r"#[0-9a-f]{6}")
BY_LABEL = {pair.label: pair for pair in PAIRS}


@cache
def repaired(name: str, level: str) -> tuple[livery.Theme, RepairResult]:
    theme = livery.Theme.load(name)
    return theme, theme.repair_contrast(level)


def is_hex_or_hex_gradient(value: str) -> bool:
    if HEX.fullmatch(value):
        return True
    if not value.startswith(("linear-gradient(", "radial-gradient(", "conic-gradient(")):
        return False
    stops = re.findall(r"#[0-9a-fA-F]+|\b(?:rgba?|hsla?|oklch)\(", value)
    return len(colours_in(value)) >= 2 and all(HEX.fullmatch(stop) for stop in stops)


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("name", GRADIO)
def test_repaired_gradio_themes_pass(name: str, level: str) -> None:
    theme, (fixed, changes) = repaired(name, level)
    assert not theme.audit(level).passed
    assert changes
    report = fixed.audit(level)
    assert report.passed, [(c.mode, c.pair.label, round(c.ratio, 2)) for c in report.failures]
    assert theme.audit(level).failures  # the original is untouched


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("name", GRADIO)
def test_each_change_names_variable_old_new_and_ratios(name: str, level: str) -> None:
    theme, (fixed, changes) = repaired(name, level)
    variables = [change.variable for change in changes]
    assert len(variables) == len(set(variables))
    for change in changes:
        base = change.variable.removesuffix("_dark")
        assert base in BY_NAME
        if change.variable != base:
            assert BY_NAME[base].has_dark
            assert change.mode == "dark"
        assert change.old == theme.value(change.variable)
        assert change.new == fixed.value(change.variable)
        assert change.new != change.old
        assert is_hex_or_hex_gradient(change.new), change.new
        required = REQUIRED[level][BY_LABEL[change.pair].role]
        assert change.ratio_before < required <= change.ratio_after, change
        data = change.to_dict()
        assert data["variable"] == change.variable and data["new"] == change.new


@pytest.mark.parametrize("name", ORIGINAL)
def test_repairing_a_passing_theme_changes_nothing(name: str) -> None:
    theme, (fixed, changes) = repaired(name, "AA")
    assert changes == []
    assert fixed == theme
    assert fixed.css() == theme.css()


def test_repairing_beacon_at_aaa_changes_nothing() -> None:
    theme, (fixed, changes) = repaired("beacon", "AAA")
    assert changes == []
    assert fixed == theme


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("name", ["default", "glass", "origin", "ocean"])
def test_a_repaired_theme_saves_and_loads_back_equal(tmp_path, name: str, level: str) -> None:
    _, (fixed, _) = repaired(name, level)
    path = fixed.save(tmp_path / f"{name}-{level}.toml")
    loaded = livery.Theme.load(path)
    assert loaded == fixed
    assert loaded.audit(level).passed


@pytest.mark.parametrize("level", LEVELS)
def test_an_impossible_target_is_a_clear_one_line_error(level: str) -> None:
    # The block is painted with the body text's own colour: body text on a block is 1:1 and
    # moving either variable moves the other, so no repair exists.
    theme = livery.themes.Base().set(block_background_fill="*body_text_color")
    assert livery.themes.Base().audit(level).failures  # (Base fails anyway)
    assert livery.themes.Base().repair_contrast(level).theme.audit(level).passed
    with pytest.raises(ContrastRepairError) as caught:
        theme.repair_contrast(level)
    assert isinstance(caught.value, livery.ThemeError)
    message = str(caught.value)
    assert "\n" not in message
    assert len(message) < 200
    assert "block_background_fill" in message or "body_text_color" in message
    assert "body text on a block" in message
    assert f"{REQUIRED[level][Role.TEXT]:g}:1" in message  # 4.5:1 or 7:1


@pytest.mark.parametrize(
    ("name", "old_hex"), [("default", "#bbbbc2"), ("origin", "#9ca3af"), ("citrus", "#a8a29e")]
)
def test_repair_keeps_the_hue_of_subdued_text_and_lands_just_over_4_5(
    name: str, old_hex: str
) -> None:
    # Default's zinc, Origin's gray and Citrus's stone greys: hexes of the same hue (±0.1°)
    # between 4.5:1 and 4.8:1 on white exist for each (e.g. #75757a, #6f7682, #757270).
    theme, (fixed, changes) = repaired(name, "AA")
    assert theme.literal("body_text_color_subdued") == old_hex
    [change] = [c for c in changes if c.variable == "body_text_color_subdued"]
    old = ColourValue(theme.literal("body_text_color_subdued")).convert("oklch")
    new = ColourValue(fixed.literal("body_text_color_subdued")).convert("oklch")
    assert change.pair.startswith("subdued text")
    assert 4.5 <= change.ratio_after <= 4.8
    hue_shift = abs((new["hue"] - old["hue"] + 180) % 360 - 180)
    assert hue_shift <= 2, (
        f"{theme.literal('body_text_color_subdued')} (hue {old['hue']:.2f}) became "
        f"{change.new} (hue {new['hue']:.2f}): the hue moved {hue_shift:.1f}°"
    )
    assert new["lightness"] < old["lightness"]


def test_repair_moves_a_button_fill_not_its_label() -> None:
    _, (fixed, changes) = repaired("default", "AA")
    variables = {change.variable for change in changes}
    assert "button_primary_background_fill" in variables
    assert "button_primary_text_color" not in variables
    assert fixed.literal("button_primary_text_color") == "white"
    button = next(c for c in fixed.audit("AA").checks if c.pair.label == "primary button")
    assert 4.5 <= button.ratio <= 4.8
