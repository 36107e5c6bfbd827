"""The kitchen sink outside the gallery: its markup and stylesheet as plain strings.

Visual tests and the component playground show the same widgets as the gallery's pages; this
renders the one macro in ``gallery/templates/kitchen_sink.html`` for them.
"""

from __future__ import annotations

from typing import Final

from livery.gallery.render import environment, static_dir

WIDGETS: Final = (
    "button",
    "button-variants",
    "textbox",
    "slider",
    "dropdown",
    "checkbox",
    "radio",
    "checkbox-group",
    "number",
    "accordion",
    "tabs",
    "dataframe",
    "label",
    "code",
    "image",
    "file",
    "gallery",
    "chatbot",
    "multimodal-textbox",
    "progress",
    "error",
)
"""Every widget the kitchen sink draws, by its root's ``data-widget`` name."""


def kitchen_sink_html(scope: str = "", prefix: str = "ks", dark: bool = False) -> str:
    """The kitchen-sink widgets; ``scope`` is the class carrying a scoped theme, if any."""
    macro = environment().get_template("kitchen_sink.html").module.kitchen_sink  # type: ignore[attr-defined]
    return str(macro(scope, prefix, dark=dark))


def kitchen_sink_css() -> str:
    """The kitchen sink's stylesheet: layout, and colours only through theme variables."""
    return (static_dir() / "kitchen-sink.css").read_text(encoding="utf-8")
