"""Contrast as a reader sees it: WCAG 2.x ratios, APCA Lc, gradients, alpha and ``none``."""

from __future__ import annotations

import pytest

import livery.themes
from livery.theme.colour.contrast import Colour, apca, colours_in, wcag_ratio


def check(theme: livery.Theme, label: str, mode: str = "light"):
    [found] = [c for c in theme.audit().checks if c.pair.label == label and c.mode == mode]
    return found


@pytest.mark.parametrize(
    ("text", "background", "lc"),
    [("black", "white", 106.04), ("white", "black", -107.88), ("#888", "white", 63.06)],
)
def test_apca_matches_the_reference_values(text: str, background: str, lc: float) -> None:
    assert apca(Colour(text), Colour(background)) == pytest.approx(lc, abs=0.1)


def test_apca_is_zero_for_identical_colours() -> None:
    assert apca(Colour("#777"), Colour("#777")) == 0


@pytest.mark.parametrize(
    ("foreground", "background", "ratio", "tolerance"),
    [
        ("white", "#f97316", 2.80, 0.01),
        ("#a1a1aa", "white", 2.56, 0.01),
        ("black", "white", 21.0, 1e-9),
        ("#777", "#777", 1.0, 1e-9),
    ],
)
def test_wcag_ratios(foreground: str, background: str, ratio: float, tolerance: float) -> None:
    assert wcag_ratio(Colour(foreground), Colour(background)) == pytest.approx(ratio, abs=tolerance)
    assert wcag_ratio(Colour(background), Colour(foreground)) == pytest.approx(ratio, abs=tolerance)


def test_a_gradient_has_every_stop_measured() -> None:
    stops = colours_in("linear-gradient(to right, red, #00f 50%, rgb(0 255 0))")
    assert [stop.to_string(hex=True) for stop in stops] == ["#ff0000", "#0000ff", "#00ff00"]
    assert colours_in("none") == () and colours_in("transparent") == ()


def test_a_gradient_fill_is_judged_by_its_worst_stop() -> None:
    theme = livery.themes.Base().set(
        button_primary_text_color="white",
        button_primary_background_fill="linear-gradient(to right, #1e3a8a, #f97316)",
    )
    found = check(theme, "primary button")
    assert found.ratio == pytest.approx(2.80, abs=0.01)  # the orange end, not the navy one
    assert not found.passes
    flat = livery.themes.Base().set(
        button_primary_text_color="white", button_primary_background_fill="#1e3a8a"
    )
    assert check(flat, "primary button").passes


def test_a_translucent_fill_is_composited_over_what_lies_beneath() -> None:
    half_black = "rgba(0, 0, 0, 0.5)"
    on_white = livery.themes.Base().set(
        button_primary_text_color="white",
        button_primary_background_fill=half_black,
        block_background_fill="white",
    )
    grey = Colour("srgb", [0.5, 0.5, 0.5])
    expected = wcag_ratio(Colour("white"), grey)
    assert check(on_white, "primary button").ratio == pytest.approx(expected, abs=0.02)
    assert 3.9 < expected < 4.0
    on_black = livery.themes.Base().set(
        button_primary_text_color="white",
        button_primary_background_fill=half_black,
        block_background_fill="black",
    )
    assert check(on_black, "primary button").ratio == pytest.approx(21.0, abs=0.01)


def test_translucent_text_is_composited_over_its_background() -> None:
    theme = livery.themes.Base().set(
        body_text_color="rgba(0, 0, 0, 0.5)", body_background_fill="white"
    )
    found = check(theme, "body text on the page")
    expected = wcag_ratio(Colour("srgb", [0.5, 0.5, 0.5]), Colour("white"))
    assert found.ratio == pytest.approx(expected, abs=0.02)
    assert not found.passes


@pytest.mark.parametrize("nothing", ["none", "transparent"])
def test_a_fill_of_nothing_shows_the_surface_beneath(nothing: str) -> None:
    dark_block = livery.themes.Base().set(
        block_title_background_fill=nothing,
        block_title_text_color="white",
        block_background_fill="black",
    )
    assert check(dark_block, "block title").ratio == pytest.approx(21.0, abs=0.01)
    light_block = livery.themes.Base().set(
        block_title_background_fill=nothing,
        block_title_text_color="white",
        block_background_fill="white",
    )
    found = check(light_block, "block title")
    assert found.ratio == pytest.approx(1.0, abs=0.01)
    assert not found.passes


def test_a_fill_of_nothing_on_a_fill_of_nothing_reaches_the_page() -> None:
    theme = livery.themes.Base().set(
        block_title_background_fill="none",
        block_background_fill="transparent",
        body_background_fill="black",
        block_title_text_color="white",
    )
    assert check(theme, "block title").ratio == pytest.approx(21.0, abs=0.01)
