"""The catalogue: every theme variable, with its group, kind and Base defaults.

This table is the single source of truth for what a theme contains. It lists, in emission
order, the 219 CSS variables Gradio 6 emits, with Gradio's Base theme defaults (measured from
gradio 6.31.0). ``CORE`` marks the 56 variables computed from a theme's core settings
(hues, sizes, fonts). ``dark=`` gives the default of the variable's dark twin: ``SAME`` means
the twin exists but follows the light value; no ``dark=`` means the variable has no twin.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from livery.theme.values import Kind

GRADIO_VERSION: Final = "6.31.0"

COLOUR, FILL, IMAGE, LENGTH = Kind.COLOUR, Kind.FILL, Kind.IMAGE, Kind.LENGTH
SHADOW, WEIGHT, FONT = Kind.SHADOW, Kind.WEIGHT, Kind.FONT
TRANSFORM, TRANSITION = Kind.TRANSFORM, Kind.TRANSITION


class _Marker:
    def __init__(self, name: str) -> None:
        self._name = name

    def __repr__(self) -> str:
        return self._name


CORE: Final = _Marker("CORE")
"""The light default comes from the theme's core settings."""
SAME: Final = _Marker("SAME")
"""The dark twin exists and, by default, repeats the light value."""
NO_DARK: Final = _Marker("NO_DARK")
"""The variable has no dark twin."""


@dataclass(frozen=True, slots=True)
class Variable:
    """One row of the catalogue."""

    name: str
    group: str
    kind: Kind
    light: str | _Marker
    dark: str | _Marker = NO_DARK

    @property
    def has_dark(self) -> bool:
        return self.dark is not NO_DARK


V = Variable

# fmt: off
VARIABLES: Final[tuple[Variable, ...]] = (
    V("primary_50", "palette", COLOUR, CORE),
    V("primary_100", "palette", COLOUR, CORE),
    V("primary_200", "palette", COLOUR, CORE),
    V("primary_300", "palette", COLOUR, CORE),
    V("primary_400", "palette", COLOUR, CORE),
    V("primary_500", "palette", COLOUR, CORE),
    V("primary_600", "palette", COLOUR, CORE),
    V("primary_700", "palette", COLOUR, CORE),
    V("primary_800", "palette", COLOUR, CORE),
    V("primary_900", "palette", COLOUR, CORE),
    V("primary_950", "palette", COLOUR, CORE),
    V("secondary_50", "palette", COLOUR, CORE),
    V("secondary_100", "palette", COLOUR, CORE),
    V("secondary_200", "palette", COLOUR, CORE),
    V("secondary_300", "palette", COLOUR, CORE),
    V("secondary_400", "palette", COLOUR, CORE),
    V("secondary_500", "palette", COLOUR, CORE),
    V("secondary_600", "palette", COLOUR, CORE),
    V("secondary_700", "palette", COLOUR, CORE),
    V("secondary_800", "palette", COLOUR, CORE),
    V("secondary_900", "palette", COLOUR, CORE),
    V("secondary_950", "palette", COLOUR, CORE),
    V("neutral_50", "palette", COLOUR, CORE),
    V("neutral_100", "palette", COLOUR, CORE),
    V("neutral_200", "palette", COLOUR, CORE),
    V("neutral_300", "palette", COLOUR, CORE),
    V("neutral_400", "palette", COLOUR, CORE),
    V("neutral_500", "palette", COLOUR, CORE),
    V("neutral_600", "palette", COLOUR, CORE),
    V("neutral_700", "palette", COLOUR, CORE),
    V("neutral_800", "palette", COLOUR, CORE),
    V("neutral_900", "palette", COLOUR, CORE),
    V("neutral_950", "palette", COLOUR, CORE),
    V("spacing_xxs", "size", LENGTH, CORE),
    V("spacing_xs", "size", LENGTH, CORE),
    V("spacing_sm", "size", LENGTH, CORE),
    V("spacing_md", "size", LENGTH, CORE),
    V("spacing_lg", "size", LENGTH, CORE),
    V("spacing_xl", "size", LENGTH, CORE),
    V("spacing_xxl", "size", LENGTH, CORE),
    V("radius_xxs", "size", LENGTH, CORE),
    V("radius_xs", "size", LENGTH, CORE),
    V("radius_sm", "size", LENGTH, CORE),
    V("radius_md", "size", LENGTH, CORE),
    V("radius_lg", "size", LENGTH, CORE),
    V("radius_xl", "size", LENGTH, CORE),
    V("radius_xxl", "size", LENGTH, CORE),
    V("text_xxs", "size", LENGTH, CORE),
    V("text_xs", "size", LENGTH, CORE),
    V("text_sm", "size", LENGTH, CORE),
    V("text_md", "size", LENGTH, CORE),
    V("text_lg", "size", LENGTH, CORE),
    V("text_xl", "size", LENGTH, CORE),
    V("text_xxl", "size", LENGTH, CORE),
    V("font", "font", FONT, CORE),
    V("font_mono", "font", FONT, CORE),
    V("body_background_fill", "body", FILL, "*background_fill_primary", dark="*background_fill_primary"),
    V("body_text_color", "body", COLOUR, "*neutral_800", dark="*neutral_100"),
    V("body_text_size", "body", LENGTH, "*text_md"),
    V("body_text_weight", "body", WEIGHT, "400"),
    V("embed_radius", "body", LENGTH, "*radius_sm"),
    V("color_accent", "colour", COLOUR, "*primary_500", dark=SAME),
    V("color_accent_soft", "colour", COLOUR, "*primary_50", dark="*neutral_700"),
    V("background_fill_primary", "colour", FILL, "white", dark="*neutral_950"),
    V("background_fill_secondary", "colour", FILL, "*neutral_50", dark="*neutral_900"),
    V("border_color_accent", "colour", COLOUR, "*primary_300", dark="*neutral_600"),
    V("border_color_primary", "colour", COLOUR, "*neutral_200", dark="*neutral_700"),
    V("link_text_color", "link", COLOUR, "*secondary_600", dark="*secondary_500"),
    V("link_text_color_active", "link", COLOUR, "*secondary_600", dark="*secondary_500"),
    V("link_text_color_hover", "link", COLOUR, "*secondary_700", dark="*secondary_400"),
    V("link_text_color_visited", "link", COLOUR, "*secondary_500", dark="*secondary_600"),
    V("body_text_color_subdued", "body", COLOUR, "*neutral_400", dark="*neutral_400"),
    V("accordion_text_color", "accordion", COLOUR, "*body_text_color", dark="*body_text_color"),
    V("table_text_color", "table", COLOUR, "*body_text_color", dark="*body_text_color"),
    V("shadow_drop", "shadow", SHADOW, "rgba(0,0,0,0.05) 0px 1px 2px 0px"),
    V("shadow_drop_lg", "shadow", SHADOW, "0 1px 3px 0 rgb(0 0 0 / 0.1), 0 1px 2px -1px rgb(0 0 0 / 0.1)"),
    V("shadow_inset", "shadow", SHADOW, "rgba(0,0,0,0.05) 0px 2px 4px 0px inset"),
    V("shadow_spread", "shadow", SHADOW, "3px", dark="1px"),  # a piece of box-shadow; themes put colours here
    V("block_background_fill", "block", FILL, "*background_fill_primary", dark="*neutral_800"),
    V("block_border_color", "block", COLOUR, "*border_color_primary", dark="*border_color_primary"),
    V("block_border_width", "block", LENGTH, "1px", dark=SAME),
    V("block_info_text_color", "block", COLOUR, "*body_text_color_subdued", dark="*body_text_color_subdued"),
    V("block_info_text_size", "block", LENGTH, "*text_sm"),
    V("block_info_text_weight", "block", WEIGHT, "400"),
    V("block_label_background_fill", "block", FILL, "*background_fill_primary", dark="*background_fill_secondary"),
    V("block_label_border_color", "block", COLOUR, "*border_color_primary", dark="*border_color_primary"),
    V("block_label_border_width", "block", LENGTH, "1px", dark=SAME),
    V("block_label_shadow", "block", SHADOW, "*block_shadow"),
    V("block_label_text_color", "block", COLOUR, "*neutral_500", dark="*neutral_200"),
    V("block_label_margin", "block", LENGTH, "0"),
    V("block_label_padding", "block", LENGTH, "*spacing_sm *spacing_lg"),
    V("block_label_radius", "block", LENGTH, "calc(*radius_sm - 1px) 0 calc(*radius_sm - 1px) 0"),
    V("block_label_right_radius", "block", LENGTH, "0 calc(*radius_sm - 1px) 0 calc(*radius_sm - 1px)"),
    V("block_label_text_size", "block", LENGTH, "*text_sm"),
    V("block_label_text_weight", "block", WEIGHT, "400"),
    V("block_padding", "block", LENGTH, "*spacing_xl calc(*spacing_xl + 2px)"),
    V("block_radius", "block", LENGTH, "*radius_sm"),
    V("block_shadow", "block", SHADOW, "none", dark=SAME),
    V("block_title_background_fill", "block", FILL, "none", dark=SAME),
    V("block_title_border_color", "block", COLOUR, "none", dark=SAME),
    V("block_title_border_width", "block", LENGTH, "0px", dark=SAME),
    V("block_title_text_color", "block", COLOUR, "*neutral_500", dark="*neutral_200"),
    V("block_title_padding", "block", LENGTH, "0"),
    V("block_title_radius", "block", LENGTH, "none"),
    V("block_title_text_size", "block", LENGTH, "*text_md"),
    V("block_title_text_weight", "block", WEIGHT, "400"),
    V("container_radius", "layout", LENGTH, "*radius_sm"),
    V("form_gap_width", "layout", LENGTH, "0px"),
    V("layout_gap", "layout", LENGTH, "*spacing_xxl"),
    V("panel_background_fill", "panel", FILL, "*background_fill_secondary", dark="*background_fill_secondary"),
    V("panel_border_color", "panel", COLOUR, "*border_color_primary", dark="*border_color_primary"),
    V("panel_border_width", "panel", LENGTH, "0", dark=SAME),
    V("section_header_text_size", "layout", LENGTH, "*text_md"),
    V("section_header_text_weight", "layout", WEIGHT, "400"),
    V("border_color_accent_subdued", "colour", COLOUR, "*border_color_accent", dark="*border_color_accent"),
    V("code_background_fill", "code", FILL, "*neutral_100", dark="*neutral_800"),
    V("chatbot_text_size", "chatbot", LENGTH, "*text_lg"),
    V("checkbox_background_color", "checkbox", COLOUR, "*background_fill_primary", dark="*neutral_800"),
    V("checkbox_background_color_focus", "checkbox", COLOUR, "*checkbox_background_color", dark="*checkbox_background_color"),
    V("checkbox_background_color_hover", "checkbox", COLOUR, "*checkbox_background_color", dark="*checkbox_background_color"),
    V("checkbox_background_color_selected", "checkbox", COLOUR, "*color_accent", dark="*color_accent"),
    V("checkbox_border_color", "checkbox", COLOUR, "*neutral_300", dark="*neutral_700"),
    V("checkbox_border_color_focus", "checkbox", COLOUR, "*color_accent", dark="*color_accent"),
    V("checkbox_border_color_hover", "checkbox", COLOUR, "*neutral_300", dark="*neutral_600"),
    V("checkbox_border_color_selected", "checkbox", COLOUR, "*color_accent", dark="*color_accent"),
    V("checkbox_border_radius", "checkbox", LENGTH, "*radius_sm"),
    V("checkbox_border_width", "checkbox", LENGTH, "*input_border_width", dark="*input_border_width"),
    V("checkbox_label_background_fill", "checkbox", FILL, "*button_secondary_background_fill", dark="*button_secondary_background_fill"),
    V("checkbox_label_background_fill_hover", "checkbox", FILL, "*button_secondary_background_fill_hover", dark="*button_secondary_background_fill_hover"),
    V("checkbox_label_background_fill_selected", "checkbox", FILL, "*checkbox_label_background_fill", dark="*checkbox_label_background_fill"),
    V("checkbox_label_border_color", "checkbox", COLOUR, "*border_color_primary", dark="*border_color_primary"),
    V("checkbox_label_border_color_hover", "checkbox", COLOUR, "*checkbox_label_border_color", dark="*checkbox_label_border_color"),
    V("checkbox_label_border_color_selected", "checkbox", COLOUR, "*checkbox_label_border_color", dark="*checkbox_label_border_color"),
    V("checkbox_label_border_width", "checkbox", LENGTH, "*input_border_width", dark="*input_border_width"),
    V("checkbox_label_gap", "checkbox", LENGTH, "*spacing_lg"),
    V("checkbox_label_padding", "checkbox", LENGTH, "*spacing_md calc(2 * *spacing_md)"),
    V("checkbox_label_shadow", "checkbox", SHADOW, "none", dark=SAME),
    V("checkbox_label_shadow_hover", "checkbox", SHADOW, "*checkbox_label_shadow", dark=SAME),
    V("checkbox_label_shadow_active", "checkbox", SHADOW, "*checkbox_label_shadow", dark=SAME),
    V("checkbox_label_text_size", "checkbox", LENGTH, "*text_md"),
    V("checkbox_label_text_weight", "checkbox", WEIGHT, "400"),
    V("checkbox_check", "checkbox", IMAGE, "url(\"data:image/svg+xml,%3csvg viewBox='0 0 16 16' fill='white' xmlns='http://www.w3.org/2000/svg'%3e%3cpath d='M12.207 4.793a1 1 0 010 1.414l-5 5a1 1 0 01-1.414 0l-2-2a1 1 0 011.414-1.414L6.5 9.086l4.293-4.293a1 1 0 011.414 0z'/%3e%3c/svg%3e\")"),
    V("radio_circle", "checkbox", IMAGE, "url(\"data:image/svg+xml,%3csvg viewBox='0 0 16 16' fill='white' xmlns='http://www.w3.org/2000/svg'%3e%3ccircle cx='8' cy='8' r='3'/%3e%3c/svg%3e\")"),
    V("checkbox_shadow", "checkbox", SHADOW, "*input_shadow"),
    V("checkbox_label_text_color", "checkbox", COLOUR, "*body_text_color", dark="*body_text_color"),
    V("checkbox_label_text_color_selected", "checkbox", COLOUR, "*checkbox_label_text_color", dark="*checkbox_label_text_color"),
    V("error_background_fill", "error", FILL, "#fef2f2", dark="*background_fill_primary"),
    V("error_border_color", "error", COLOUR, "#b91c1c", dark="#ef4444"),
    V("error_border_width", "error", LENGTH, "1px", dark=SAME),
    V("error_text_color", "error", COLOUR, "#b91c1c", dark="#fef2f2"),
    V("error_icon_color", "error", COLOUR, "#b91c1c", dark="#ef4444"),
    V("input_background_fill", "input", FILL, "*neutral_100", dark="*neutral_700"),
    V("input_background_fill_focus", "input", FILL, "*input_background_fill", dark=SAME),
    V("input_background_fill_hover", "input", FILL, "*input_background_fill", dark="*input_background_fill"),
    V("input_border_color", "input", COLOUR, "*border_color_primary", dark="*border_color_primary"),
    V("input_border_color_focus", "input", COLOUR, "*secondary_300", dark="*neutral_700"),
    V("input_border_color_hover", "input", COLOUR, "*input_border_color", dark="*input_border_color"),
    V("input_border_width", "input", LENGTH, "0px", dark=SAME),
    V("input_padding", "input", LENGTH, "*spacing_xl"),
    V("input_placeholder_color", "input", COLOUR, "*neutral_400", dark="*neutral_500"),
    V("input_radius", "input", LENGTH, "*radius_sm"),
    V("input_shadow", "input", SHADOW, "none", dark=SAME),
    V("input_shadow_focus", "input", SHADOW, "*input_shadow", dark=SAME),
    V("input_text_size", "input", LENGTH, "*text_md"),
    V("input_text_weight", "input", WEIGHT, "400"),
    V("loader_color", "loader", COLOUR, "*color_accent", dark=SAME),
    V("prose_text_size", "prose", LENGTH, "*text_md"),
    V("prose_text_weight", "prose", WEIGHT, "400"),
    V("prose_header_text_weight", "prose", WEIGHT, "600"),
    V("slider_color", "slider", COLOUR, "*color_accent", dark=SAME),
    V("stat_background_fill", "stat", FILL, "*primary_300", dark="*primary_500"),
    V("table_border_color", "table", COLOUR, "*neutral_300", dark="*neutral_700"),
    V("table_even_background_fill", "table", FILL, "white", dark="*neutral_950"),
    V("table_odd_background_fill", "table", FILL, "*neutral_50", dark="*neutral_900"),
    V("table_radius", "table", LENGTH, "*radius_sm"),
    V("table_row_focus", "table", COLOUR, "*color_accent_soft", dark="*color_accent_soft"),
    V("button_border_width", "button", LENGTH, "*input_border_width", dark=SAME),
    V("button_cancel_background_fill", "button", FILL, "*button_secondary_background_fill", dark="*button_secondary_background_fill"),
    V("button_cancel_background_fill_hover", "button", FILL, "*button_secondary_background_fill_hover", dark="*button_secondary_background_fill_hover"),
    V("button_cancel_border_color", "button", COLOUR, "*button_secondary_border_color", dark="*button_secondary_border_color"),
    V("button_cancel_border_color_hover", "button", COLOUR, "*button_secondary_border_color_hover", dark="*button_secondary_border_color_hover"),
    V("button_cancel_text_color", "button", COLOUR, "*button_secondary_text_color", dark="*button_secondary_text_color"),
    V("button_cancel_text_color_hover", "button", COLOUR, "*button_secondary_text_color_hover", dark="white"),
    V("button_cancel_shadow", "button", SHADOW, "*button_secondary_shadow", dark="*button_secondary_shadow"),
    V("button_cancel_shadow_hover", "button", SHADOW, "*button_secondary_shadow_hover", dark="*button_secondary_shadow_hover"),
    V("button_cancel_shadow_active", "button", SHADOW, "*button_secondary_shadow_active", dark="*button_secondary_shadow_active"),
    V("button_transform_hover", "button", TRANSFORM, "none"),
    V("button_transform_active", "button", TRANSFORM, "none"),
    V("button_transition", "button", TRANSITION, "all 0.2s ease"),
    V("button_large_padding", "button", LENGTH, "*spacing_lg calc(2 * *spacing_lg)"),
    V("button_large_radius", "button", LENGTH, "*radius_md"),
    V("button_large_text_size", "button", LENGTH, "*text_lg"),
    V("button_large_text_weight", "button", WEIGHT, "600"),
    V("button_primary_background_fill", "button", FILL, "*primary_500", dark="*primary_600"),
    V("button_primary_background_fill_hover", "button", FILL, "*primary_600", dark="*primary_700"),
    V("button_primary_border_color", "button", COLOUR, "*primary_500", dark="*primary_600"),
    V("button_primary_border_color_hover", "button", COLOUR, "*primary_500", dark="*primary_500"),
    V("button_primary_text_color", "button", COLOUR, "white", dark="white"),
    V("button_primary_text_color_hover", "button", COLOUR, "*button_primary_text_color", dark="*button_primary_text_color"),
    V("button_primary_shadow", "button", SHADOW, "none", dark=SAME),
    V("button_primary_shadow_hover", "button", SHADOW, "*button_primary_shadow", dark="*button_primary_shadow"),
    V("button_primary_shadow_active", "button", SHADOW, "*button_primary_shadow", dark="*button_primary_shadow"),
    V("button_secondary_background_fill", "button", FILL, "*neutral_200", dark="*neutral_600"),
    V("button_secondary_background_fill_hover", "button", FILL, "*neutral_300", dark="*neutral_700"),
    V("button_secondary_border_color", "button", COLOUR, "*neutral_200", dark="*neutral_600"),
    V("button_secondary_border_color_hover", "button", COLOUR, "*neutral_200", dark="*neutral_500"),
    V("button_secondary_text_color", "button", COLOUR, "black", dark="white"),
    V("button_secondary_text_color_hover", "button", COLOUR, "*button_secondary_text_color", dark="*button_secondary_text_color"),
    V("button_secondary_shadow", "button", SHADOW, "*button_primary_shadow", dark=SAME),
    V("button_secondary_shadow_hover", "button", SHADOW, "*button_secondary_shadow", dark="*button_secondary_shadow"),
    V("button_secondary_shadow_active", "button", SHADOW, "*button_secondary_shadow", dark="*button_secondary_shadow"),
    V("button_small_padding", "button", LENGTH, "*spacing_sm calc(1.5 * *spacing_sm)"),
    V("button_small_radius", "button", LENGTH, "*radius_md"),
    V("button_small_text_size", "button", LENGTH, "*text_sm"),
    V("button_small_text_weight", "button", WEIGHT, "400"),
    V("button_medium_padding", "button", LENGTH, "*spacing_md calc(2 * *spacing_md)"),
    V("button_medium_radius", "button", LENGTH, "*radius_md"),
    V("button_medium_text_size", "button", LENGTH, "*text_md"),
    V("button_medium_text_weight", "button", WEIGHT, "600"),
)
# fmt: on

BY_NAME: Final[dict[str, Variable]] = {variable.name: variable for variable in VARIABLES}
"""Catalogue rows by variable name."""

LIVERY_DARK_TWINS: Final[frozenset[str]] = frozenset({"color_accent"})
"""Dark twins Livery has and Gradio does not. Gradio draws the selected tab's label (and other
accents) in ``color_accent`` in both modes, and no one colour reads at 4.5:1 on both a light
and a dark page: without a twin, no theme could pass in both. By default the twin repeats the
light value, so a theme that leaves it alone compiles exactly as in Gradio; Gradio accepts the
attribute too (its stylesheet puts any ``*_dark`` attribute in the dark block)."""

DARK_NAMES: Final[frozenset[str]] = frozenset(
    f"{variable.name}_dark" for variable in VARIABLES if variable.has_dark
)
"""The ``<name>_dark`` spellings that may be set."""

SETTINGS = (
    "primary_hue",
    "secondary_hue",
    "neutral_hue",
    "text_size",
    "spacing_size",
    "radius_size",
    "font",
    "font_mono",
)
"""The core settings, in Gradio's argument order."""


LEGACY: Final[dict[str, Kind]] = {
    "button_shadow": SHADOW,
    "button_shadow_active": SHADOW,
    "button_shadow_hover": SHADOW,
    "chatbot_code_background_color": FILL,
    "block_height": LENGTH,
}
"""Keys of earlier Gradio versions that published themes still carry, and their kinds.

Gradio 6 still loads and emits them (``--button-shadow: …``) though nothing it ships reads
them; they are not among the 219 variables. Livery keeps them for ``to_gradio()``.
Any ``<name>_dark`` twin is kept too.
"""

EXTRA_SHADE: Final = r"(primary|secondary|neutral)_[0-9]{1,4}"
"""Extra palette shades some themes add (``neutral_25``), which other values reference."""
