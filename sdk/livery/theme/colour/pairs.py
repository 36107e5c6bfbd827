"""The contrast audit's catalogue: which theme colours are read against which.

Each pair names a foreground variable, the background it sits on, the surfaces beneath that
background (seen through ``none``, ``transparent`` or alpha), its role, and which side a repair
should move. Roles carry the WCAG 2.x minimum ratios per level.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Final


class Role(str, Enum):
    """What the foreground is, which sets the ratio it needs."""

    TEXT = "text"
    LARGE_TEXT = "large text"
    UI = "ui component"
    PLACEHOLDER = "placeholder"
    DISABLED = "disabled"


REQUIRED: Final[dict[str, dict[Role, float]]] = {
    "AA": {Role.TEXT: 4.5, Role.LARGE_TEXT: 3.0, Role.UI: 3.0, Role.PLACEHOLDER: 4.5},
    "AAA": {Role.TEXT: 7.0, Role.LARGE_TEXT: 4.5, Role.UI: 3.0, Role.PLACEHOLDER: 7.0},
}
"""Minimum WCAG 2.x ratio per level and role (SC 1.4.3, 1.4.6, 1.4.11). Disabled controls are
exempt and reported for information. Placeholder text is text to WCAG (and to axe-core), so it
needs what body text needs."""

LENIENT_PLACEHOLDER: Final[dict[str, float]] = {"AA": 3.0, "AAA": 4.5}
"""The lenient reading, on request only: a placeholder is a hint, not content."""

LEVELS: Final = tuple(REQUIRED)


def required(level: str, role: Role, *, lenient_placeholders: bool = False) -> float | None:
    """The ratio ``role`` needs at ``level`` (``None``: exempt, as disabled controls are)."""
    if role is Role.DISABLED:
        return None
    if role is Role.PLACEHOLDER and lenient_placeholders:
        return LENIENT_PLACEHOLDER[level]
    return REQUIRED[level][role]


@dataclass(frozen=True)
class Pair:
    """One foreground read against one background."""

    label: str
    foreground: str
    background: str
    role: Role
    beneath: tuple[str, ...] = ("body_background_fill",)
    move: str = "foreground"  # which side a repair changes: "foreground" or "background"


_BLOCK = ("block_background_fill", "body_background_fill")
_PANEL = ("background_fill_secondary", "body_background_fill")
_ON_PANEL = ("panel_background_fill", "body_background_fill")

P = Pair
# fmt: off
PAIRS: Final[tuple[Pair, ...]] = (
    P("body text on the page", "body_text_color", "body_background_fill", Role.TEXT, ()),
    P("body text on a block", "body_text_color", "block_background_fill", Role.TEXT),
    P("body text on a panel", "body_text_color", "background_fill_secondary", Role.TEXT),
    P("subdued text on the page", "body_text_color_subdued", "body_background_fill", Role.TEXT, ()),
    P("subdued text on a block", "body_text_color_subdued", "block_background_fill", Role.TEXT),
    P("block info text", "block_info_text_color", "block_background_fill", Role.TEXT),
    P("block label", "block_label_text_color", "block_label_background_fill", Role.TEXT, _BLOCK),
    P("block title", "block_title_text_color", "block_title_background_fill", Role.TEXT, _BLOCK),
    P("block info text on a panel", "block_info_text_color", "panel_background_fill", Role.TEXT, ("body_background_fill",)),
    P("block label on a panel", "block_label_text_color", "block_label_background_fill", Role.TEXT, _ON_PANEL),
    P("block title on a panel", "block_title_text_color", "block_title_background_fill", Role.TEXT, _ON_PANEL),
    P("dataframe label", "block_label_text_color", "body_background_fill", Role.TEXT, ()),
    P("upload area text", "block_label_text_color", "block_background_fill", Role.TEXT),
    P("selected tab", "color_accent", "body_background_fill", Role.TEXT, ()),
    P("accordion text", "accordion_text_color", "block_background_fill", Role.TEXT),
    P("link", "link_text_color", "block_background_fill", Role.TEXT),
    P("link, hovered", "link_text_color_hover", "block_background_fill", Role.TEXT),
    P("link, visited", "link_text_color_visited", "block_background_fill", Role.TEXT),
    P("link on the page", "link_text_color", "body_background_fill", Role.TEXT, ()),
    P("link on a panel", "link_text_color", "panel_background_fill", Role.TEXT, ("body_background_fill",)),
    P("link in a chat bubble", "link_text_color", "background_fill_secondary", Role.TEXT, _ON_PANEL),
    P("primary button", "button_primary_text_color", "button_primary_background_fill", Role.TEXT, _BLOCK, "background"),
    P("primary button, hovered", "button_primary_text_color_hover", "button_primary_background_fill_hover", Role.TEXT, _BLOCK, "background"),
    P("secondary button", "button_secondary_text_color", "button_secondary_background_fill", Role.TEXT, _BLOCK, "background"),
    P("secondary button, hovered", "button_secondary_text_color_hover", "button_secondary_background_fill_hover", Role.TEXT, _BLOCK, "background"),
    P("stop button", "button_cancel_text_color", "button_cancel_background_fill", Role.TEXT, _BLOCK, "background"),
    P("stop button, hovered", "button_cancel_text_color_hover", "button_cancel_background_fill_hover", Role.TEXT, _BLOCK, "background"),
    P("input text", "body_text_color", "input_background_fill", Role.TEXT, _BLOCK),
    P("input text, focused", "body_text_color", "input_background_fill_focus", Role.TEXT, _BLOCK),
    P("input placeholder", "input_placeholder_color", "input_background_fill", Role.PLACEHOLDER, _BLOCK),
    P("placeholder on a block", "input_placeholder_color", "block_background_fill", Role.PLACEHOLDER),
    P("checkbox label", "checkbox_label_text_color", "checkbox_label_background_fill", Role.TEXT, _BLOCK),
    P("checkbox label, selected", "checkbox_label_text_color_selected", "checkbox_label_background_fill_selected", Role.TEXT, _BLOCK),
    P("table text, even rows", "table_text_color", "table_even_background_fill", Role.TEXT, _BLOCK),
    P("table text, odd rows", "table_text_color", "table_odd_background_fill", Role.TEXT, _BLOCK),
    P("error text", "error_text_color", "error_background_fill", Role.TEXT, _BLOCK),
    P("error icon", "error_icon_color", "error_background_fill", Role.TEXT, _BLOCK),
    P("code", "body_text_color", "code_background_fill", Role.TEXT, _BLOCK),
    P("code keyword", "color_accent", "block_background_fill", Role.TEXT),
    P("chat bubble, user", "body_text_color", "color_accent_soft", Role.TEXT, _BLOCK),
    P("chat bubble, bot", "body_text_color", "background_fill_secondary", Role.TEXT, _BLOCK),
    P("panel text", "body_text_color", "panel_background_fill", Role.TEXT, _PANEL),
    P("checked checkbox", "checkbox_background_color_selected", "checkbox_background_color", Role.UI, _BLOCK),
    P("focused input border", "input_border_color_focus", "input_background_fill", Role.UI, _BLOCK),
    P("slider", "slider_color", "block_background_fill", Role.UI),
    P("loader", "loader_color", "block_background_fill", Role.UI),
    P("disabled text", "body_text_color_subdued", "background_fill_secondary", Role.DISABLED, _BLOCK),
)
# fmt: on
