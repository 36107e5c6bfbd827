"""The engine's visual suite: the kitchen sink in every built-in theme, light and dark.

Baselines live in ``__snapshots__/`` next to this file; after an intended change, rerun with
``pytest tests/visual --update-snapshots`` and review the new images before committing.
"""

from __future__ import annotations

import io

import pytest
from PIL import Image

from livery import themes
from livery.gallery.kitchen_sink import kitchen_sink_css, kitchen_sink_html
from livery.testing.snapshot import compare
from livery.theme.library import entries

pytestmark = pytest.mark.browser

VIEWPORT = (960, 1500)


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("name", sorted(entries()))
def test_kitchen_sink(themed_page, assert_snapshot, name: str, mode: str) -> None:
    page = themed_page(
        name, mode, html=kitchen_sink_html(), css=kitchen_sink_css(), viewport=VIEWPORT
    )
    assert_snapshot(page, "kitchen-sink")


def _render(themed_page, theme) -> Image.Image:
    page = themed_page(theme, "light", html=kitchen_sink_html(), css=kitchen_sink_css(),
                       viewport=VIEWPORT)  # fmt: skip
    return Image.open(io.BytesIO(page.screenshot(full_page=True)))


def test_one_changed_variable_is_detected_and_an_unchanged_theme_is_not(themed_page) -> None:
    before = _render(themed_page, themes.Default())
    again = _render(themed_page, themes.Default())
    changed = _render(themed_page, themes.Default().set(button_primary_background_fill="#0f766e"))
    assert compare(before, again).diff_pixels == 0
    assert compare(before, changed).diff_pixels > 100
