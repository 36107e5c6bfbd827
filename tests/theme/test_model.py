"""The theme model through its public API: Gradio's argument forms, .set(), references."""

from __future__ import annotations

import pytest

import livery
from livery import themes
from livery.themes import Color, Font, GoogleFont, LocalFont, Size, colors, sizes


def test_base_takes_gradio_argument_forms() -> None:
    theme = themes.Base(
        primary_hue="red",
        secondary_hue=colors.green,
        neutral_hue=Color(*[f"#0000{i:02x}" for i in range(11)]),
        text_size="lg",
        spacing_size=sizes.spacing_sm,
        radius_size="none",
        font=GoogleFont("Inter"),
        font_mono=["Menlo", "monospace"],
    )
    assert theme.literal("primary_500") == colors.red.c500 == "#ef4444"
    assert theme.literal("secondary_50") == "#f0fdf4"
    assert theme.literal("neutral_950") == "#00000a"
    assert theme.literal("text_md") == "16px"
    assert theme.literal("spacing_xxl") == "12px"
    assert theme.literal("radius_lg") == "0px"
    assert theme.value("font") == "'Inter'"
    assert theme.value("font_mono") == "Menlo, monospace"
    assert "@import url('https://fonts.googleapis.com/css2?family=Inter:wght@400;600" in theme.css()


def test_font_stack_is_written_as_gradio_writes_it() -> None:
    theme = themes.Base(font=[LocalFont("Source Sans Pro"), "ui-sans-serif", Font("serif")])
    assert theme.value("font") == "'Source Sans Pro', ui-sans-serif, serif"
    css = theme.css()
    assert "src: url('static/fonts/SourceSansPro/SourceSansPro-Regular.woff2')" in css
    assert "font-weight: 600;" in css


def test_builtin_classes_start_from_their_file_and_accept_arguments() -> None:
    soft = themes.Soft()
    assert soft.primary_hue == colors.indigo
    assert soft.value("background_fill_primary") == "*neutral_50"
    rosy = themes.Soft(primary_hue="rose")
    assert rosy.primary_hue == colors.rose
    assert rosy.value("background_fill_primary") == "*neutral_50"
    # the same theme as the library's file; the class has Gradio's name, the file a title
    assert livery.Theme.load("soft").model_dump(exclude={"name"}) == soft.model_dump(
        exclude={"name"}
    )
    assert (soft.name, livery.Theme.load("soft").name) == ("soft", "Soft")


def test_subclassing_base_as_in_gradio() -> None:
    class Brand(themes.Base):
        def __init__(self) -> None:
            super().__init__(primary_hue="emerald", radius_size=sizes.radius_lg)
            super().set(button_primary_text_color="white", loader_color="*primary_400")

    brand = Brand()
    assert brand.literal("loader_color") == colors.emerald.c400
    assert "--button-primary-text-color: white;" in brand.css()


def test_set_is_chainable_and_keeps_other_values() -> None:
    theme = themes.Soft()
    assert theme.set(loader_color="red") is theme
    theme.set(slider_color="*secondary_300").set(slider_color_dark="blue")
    assert theme.value("loader_color") == "red"
    assert theme.value("slider_color_dark") == "blue"
    clean = themes.Soft(semantics="livery").set(loader_color="red")
    assert clean.value("background_fill_primary") == "*neutral_50"


def test_empty_string_and_zero_are_values_and_none_changes_nothing() -> None:
    theme = themes.Base(semantics="livery").set(block_title_padding="", block_border_width=0)
    assert theme.value("block_title_padding") == ""
    assert theme.value("block_border_width") == "0"
    assert "--block-title-padding: ;" in theme.css()
    theme.set(block_border_width=None)
    assert theme.value("block_border_width") == "0"


def test_attribute_access_reads_and_writes_variables_like_gradio() -> None:
    theme = themes.Base()
    assert theme.body_text_color == "*neutral_800"
    assert theme.body_text_color_dark == "*neutral_100"
    theme.body_text_color = "black"
    assert theme.value("body_text_color") == "black"
    assert "--body-text-color: black;" in theme.css()


def test_changing_a_setting_recompiles() -> None:
    theme = themes.Base()
    before = theme.css()
    theme.primary_hue = "red"
    assert theme.css() != before
    assert theme.literal("primary_500") == "#ef4444"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("button_primary_text_colour", "did you mean button_primary_text_color"),
        ("block_radius_dark", "block_radius has no dark variant"),
        ("primary_hue", "core setting"),
        ("zzz", "not a theme variable"),
    ],
)
def test_unknown_names_are_errors_with_suggestions(name: str, message: str) -> None:
    with pytest.raises(livery.UnknownVariableError) as caught:
        themes.Base().set(**{name: "red"})
    assert message in str(caught.value)
    assert name in str(caught.value)


def test_unknown_hue_and_size_names_are_clear_errors() -> None:
    with pytest.raises(livery.ThemeError, match=r"primary_hue.*'bleu'.*did you mean blue"):
        themes.Base(primary_hue="bleu")
    with pytest.raises(livery.ThemeError, match=r"radius_size.*one of none, sm, md, lg, xxl"):
        themes.Base(radius_size="huge")
    with pytest.raises(TypeError, match="11 shades"):
        Color("#fff", "#000")
    with pytest.raises(TypeError, match="7 lengths"):
        Size("1px")


def test_references_to_unknown_variables_name_the_chain() -> None:
    with pytest.raises(livery.ThemeReferenceError) as caught:
        themes.Base().set(loader_color="*slider_color", slider_color="*no_such_colour")
    message = str(caught.value)
    assert "slider_color → no_such_colour" in message
    assert "not a theme variable" in message


def test_reference_cycles_name_the_whole_cycle() -> None:
    with pytest.raises(livery.ThemeReferenceError, match="cycle") as caught:
        themes.Base().set(
            loader_color="*slider_color", slider_color="*color_accent", color_accent="*loader_color"
        )
    message = str(caught.value)
    for name in ("loader_color", "slider_color", "color_accent"):
        assert name in message
    assert message.count("→") == 3


def test_dark_only_cycles_are_found() -> None:
    with pytest.raises(livery.ThemeReferenceError, match="cycle in dark mode"):
        themes.Base().set(
            body_text_color_dark="*link_text_color", link_text_color_dark="*body_text_color"
        )


def test_referencing_a_dark_name_is_an_error() -> None:
    with pytest.raises(livery.ThemeReferenceError, match=r"write \*body_text_color"):
        themes.Base().set(loader_color="*body_text_color_dark")


def test_references_become_var_or_literals() -> None:
    theme = themes.Base().set(loader_color="*primary_600")
    assert "--loader-color: var(--primary-600);" in theme.css()
    assert "--loader-color: #2563eb;" in theme.css(resolve=True)
    assert "var(" not in theme.css(resolve=True)


def test_dark_block_holds_only_what_changes_in_dark_mode() -> None:
    theme = themes.Base()
    css = theme.css()
    dark = css[css.index(":root.dark") :]
    assert "--body-text-color: var(--neutral-100);" in dark
    assert "--primary-500:" not in dark  # hues do not change in dark mode
    assert "--block-radius" not in dark
    # accordion_text_color is *body_text_color in both modes, but body_text_color changes
    assert "--accordion-text-color: var(--body-text-color);" in dark


@pytest.mark.parametrize("switch", ["class", "media", "attribute", "all"])
def test_dark_switches(switch: str) -> None:
    css = themes.Default().css(dark=switch)
    assert (":root.dark, :root .dark" in css) == (switch in ("class", "all"))
    assert ('[data-theme="dark"]' in css) == (switch in ("attribute", "all"))
    assert ("@media (prefers-color-scheme: dark)" in css) == (switch in ("media", "all"))


def test_css_is_deterministic_and_minify_drops_whitespace() -> None:
    assert themes.Ocean().css() == themes.Ocean().css()
    minified = themes.Ocean().css(minify=True)
    assert "\n" not in minified and ": " not in minified
    assert len(minified) < len(themes.Ocean().css())


def test_invalid_dark_switch_is_refused() -> None:
    with pytest.raises(ValueError, match="dark must be"):
        themes.Base().css(dark="sometimes")  # type: ignore[arg-type]
