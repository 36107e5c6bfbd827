"""``livery.palette(seed)``: a seed colour grows into an 11-shade hue a theme can use."""

from __future__ import annotations

import itertools
import re

import pytest
from coloraide import Color as ColourValue
from hypothesis import given, settings
from hypothesis import strategies as st

import livery
import livery.themes
from livery.theme.colour.palette import place
from livery.theme.palettes import NAMED, SHADES

HEX = re.compile(r"#[0-9a-f]{6}")

SEEDS = {
    "#7c3aed": "#7c3aed",
    "rgb(10, 100, 200)": "#0a64c8",
    "hsl(200 50% 40%)": "#337799",
    "oklch(0.6 0.1 30)": "#b4685c",
    "rebeccapurple": "#663399",
    "white": "#ffffff",
    "black": "#000000",
    "#808080": "#808080",
}
"""Seeds in every CSS syntax, with the hex each is in sRGB (what must appear in the palette)."""

OUT_OF_GAMUT = "oklch(0.7 0.35 150)"
ALL_SEEDS = (*SEEDS, OUT_OF_GAMUT)


def lightness(hex_value: str) -> float:
    return ColourValue(hex_value).convert("oklch")["lightness"]


def check_palette(seed: str) -> list[str]:
    """The palette of ``seed``, after asserting the properties every palette must have."""
    shades = livery.palette(seed).expand()
    assert len(shades) == 11
    for shade in shades:
        assert HEX.fullmatch(shade), f"{seed}: {shade!r} is not a #rrggbb hex"
        assert ColourValue(shade).in_gamut("srgb")
    steps = [lightness(shade) for shade in shades]
    assert all(a > b for a, b in itertools.pairwise(steps)), (
        f"{seed}: OKLCH lightness is not decreasing 50→950: {[round(x, 3) for x in steps]}"
    )
    return shades


@pytest.mark.parametrize("seed", ALL_SEEDS)
def test_a_seed_grows_eleven_hex_shades_light_to_dark(seed: str) -> None:
    check_palette(seed)


@pytest.mark.parametrize(("seed", "as_hex"), SEEDS.items())
def test_the_seed_itself_appears_unchanged_at_its_shade(seed: str, as_hex: str) -> None:
    shades = livery.palette(seed).expand()
    shade = place(seed).shade
    assert shade in SHADES
    assert shades[SHADES.index(shade)] == as_hex
    assert shades.count(as_hex) == 1


def test_where_seeds_land() -> None:
    assert place("#7c3aed").shade == "700"
    assert place("white").shade == "50"
    assert place("black").shade == "950"
    assert place("#808080").shade == "600"


def test_an_out_of_gamut_seed_is_mapped_into_srgb_keeping_lightness_and_hue() -> None:
    shades = check_palette(OUT_OF_GAMUT)
    placement = place(OUT_OF_GAMUT)
    at_seed = ColourValue(shades[SHADES.index(placement.shade)]).convert("oklch")
    assert abs(at_seed["lightness"] - 0.7) < 0.01
    assert abs(at_seed["hue"] - 150) < 2
    assert at_seed["chroma"] < 0.35  # chroma is what gives way


def test_a_grey_seed_gives_a_grey_palette() -> None:
    for shade in check_palette("#808080"):
        assert ColourValue(shade).convert("oklch")["chroma"] < 0.01, shade


def test_palettes_are_deterministic() -> None:
    first = [livery.palette(seed).expand() for seed in ALL_SEEDS]
    livery.palette.cache_clear()
    second = [livery.palette(seed).expand() for seed in ALL_SEEDS]
    assert first == second
    assert livery.palette("#7c3aed").seed == "#7c3aed"


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=0xFFFFFF))
def test_any_srgb_seed_gives_a_monotone_in_gamut_palette_holding_the_seed(number: int) -> None:
    seed = f"#{number:06x}"
    shades = check_palette(seed)
    assert shades[SHADES.index(place(seed).shade)] == seed


@pytest.mark.parametrize(
    "name",
    ["red", "orange", "yellow", "lime", "green", "teal", "cyan", "blue", "indigo", "violet",
     "purple", "fuchsia", "pink", "gray"],
)  # fmt: skip
def test_named_hues_win_over_css_colour_names(name: str) -> None:
    theme = livery.themes.Base(primary_hue=name)
    assert theme.primary_hue == NAMED[name]
    assert theme.primary_hue.seed is None
    assert theme.value("primary_500") == NAMED[name].c500


def test_red_is_gradios_red_palette_not_a_seed() -> None:
    theme = livery.themes.Base(primary_hue="red")
    assert theme.value("primary_500") == "#ef4444"
    assert theme.value("primary_50") == "#fef2f2"


def test_a_css_colour_hue_becomes_a_seed_palette() -> None:
    theme = livery.themes.Base(primary_hue="rebeccapurple")
    assert theme.primary_hue.seed == "rebeccapurple"
    assert theme.value("primary_800") == "#663399"


def test_an_invalid_seed_is_one_line_naming_the_field_with_close_hue_names() -> None:
    with pytest.raises(livery.ThemeError) as caught:
        livery.themes.Base(primary_hue="blurple")
    message = str(caught.value)
    assert "\n" not in message
    assert "primary_hue" in message
    assert "blurple" in message
    assert "purple" in message and "blue" in message


def test_an_invalid_seed_on_a_plain_theme_is_the_same_error() -> None:
    with pytest.raises(livery.ThemeError, match=r"neutral_hue.*'#12345g'"):
        livery.Theme(neutral_hue="#12345g")


@pytest.mark.parametrize(
    "seeds",
    [
        ("#7c3aed", "teal", "oklch(0.5 0.02 250)"),
        ("rebeccapurple", "hsl(200 50% 40%)", "rgb(120 120 120)"),
        (OUT_OF_GAMUT, "white", "black"),
    ],
)
def test_seed_themes_round_trip_through_toml_keeping_the_seed(tmp_path, seeds) -> None:
    primary, secondary, neutral = seeds
    theme = livery.themes.Base(primary_hue=primary, secondary_hue=secondary, neutral_hue=neutral)
    path = theme.save(tmp_path / "seeded.toml")
    text = path.read_text()
    for key, seed in zip(("primary_hue", "secondary_hue", "neutral_hue"), seeds):
        assert f'{key} = "{seed}"' in text, text
    loaded = livery.Theme.load(path)
    assert loaded == theme
    assert loaded.primary_hue.seed == primary
    assert loaded.css() == theme.css()
    assert livery.Theme.load(path) == theme
