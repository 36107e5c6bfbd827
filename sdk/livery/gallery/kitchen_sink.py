"""The kitchen sink outside the gallery: its markup and stylesheet as plain strings.

Visual tests and the component playground show the same widgets as the gallery's pages; this
renders the one macro in ``gallery/templates/kitchen_sink.html`` for them.
"""

from __future__ import annotations

from livery.gallery.render import environment, static_dir


def kitchen_sink_html(scope: str = "", prefix: str = "ks", dark: bool = False) -> str:
    """The kitchen-sink widgets; ``scope`` is the class carrying a scoped theme, if any."""
    macro = environment().get_template("kitchen_sink.html").module.kitchen_sink  # type: ignore[attr-defined]
    return str(macro(scope, prefix, dark=dark))


def kitchen_sink_css() -> str:
    """The kitchen sink's stylesheet: layout, and colours only through theme variables."""
    return (static_dir() / "kitchen-sink.css").read_text(encoding="utf-8")
