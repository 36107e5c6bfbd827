"""The playground serves a theme's hosted fonts itself: ``/themes/<name>.css`` starts with
``@font-face`` rules for its ``/fonts/<file>`` copies, and in Chromium the page loads the
theme's fonts with no request leaving 127.0.0.1 (a hand-made bundle: no Node.js needed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from pydantic import RootModel

from livery.component import Component, Story
from livery.component.playground import Demo
from livery.component.project import Project
from tests.component.servers import serve_playground

BUNDLE = """export default {
  render({ model, el }) {
    el.innerHTML = '<p>Sphinx of black quartz</p><code>mono()</code>';
  },
};
"""


@pytest.fixture
def url(tmp_path: Path) -> Any:
    folder = tmp_path / "built"
    folder.mkdir()
    (folder / "index.js").write_text(BUNDLE, encoding="utf-8")

    class Widget(Component):
        Value = RootModel[str]
        events = ("change",)
        template_dir = folder

    project = Project(tmp_path, "widget", folder / "index.js", None)
    with serve_playground(Demo(project, Widget, (Story("text", value="a"),))) as served:
        yield served


def test_the_theme_stylesheet_points_at_the_playground_s_own_font_files(url: str) -> None:
    css = httpx.get(f"{url.rstrip('/')}/themes/soft.css").text
    assert "src:url('../fonts/montserrat-latin-400-normal.woff2')" in css
    assert "@import" not in css and "url(http" not in css and "url('http" not in css
    font = httpx.get(f"{url.rstrip('/')}/fonts/montserrat-latin-400-normal.woff2")
    assert font.status_code == 200 and font.content[:4] == b"wOF2"
    assert font.headers["content-type"] == "font/woff2"
    assert httpx.get(f"{url.rstrip('/')}/fonts/..%2Fpyproject.toml").status_code == 404


@pytest.mark.browser
def test_the_playground_page_loads_the_theme_s_fonts_from_itself(url: str, page: Any) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{url.rstrip('/')}/?theme=soft")
    page.wait_for_selector("body[data-ready=true]")
    page.wait_for_load_state("networkidle")
    loaded = page.evaluate(
        """async () => { await document.fonts.ready;
        return [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family); }"""
    )
    assert "Montserrat" in loaded
    assert all(urlsplit(address).hostname == "127.0.0.1" for address in requested), requested
