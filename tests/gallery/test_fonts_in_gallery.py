"""Every built-in theme's preview uses its declared fonts, served by the gallery itself: in
Chromium, ``document.fonts`` reports each hosted family loaded, and every request the page
made went to 127.0.0.1 — on the live server and on the static site served over http."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from livery.gallery import static_site
from livery.theme import Theme, entries
from livery.theme.fontfiles import hosted_fonts

from .conftest import Gallery

pytestmark = pytest.mark.browser

FONT_STATE = """async (families) => {
    await document.fonts.ready;
    const faces = [...document.fonts];
    return families.map((family) => ({
        family,
        check: document.fonts.check(`16px "${family}"`),
        loaded: faces.some((f) => f.family.replace(/^["']|["']$/g, '') === family
                                 && f.status === 'loaded'),
    }));
}"""


def declared(name: str) -> list[str]:
    theme = Theme.load(name)
    return list(hosted_fonts((*theme.font, *theme.font_mono)))


def fonts_on_page(page: Any, url: str, families: list[str]) -> tuple[list[dict], list[str]]:
    """Open ``url``; return each family's state and every address the page asked for."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page.evaluate(FONT_STATE, families), requested


def assert_loaded_from_loopback(states: list[dict], requested: list[str], name: str) -> None:
    not_loaded = [state for state in states if not (state["check"] and state["loaded"])]
    assert not not_loaded, f"{name}: {not_loaded}"
    elsewhere = [url for url in requested if urlsplit(url).hostname != "127.0.0.1"]
    assert not elsewhere, f"{name}: requests left 127.0.0.1: {elsewhere}"
    fonts = [url for url in requested if url.endswith(".woff2")]
    assert len(fonts) >= len(states), f"{name}: only {fonts} for {states}"


def test_the_built_in_themes_declare_hosted_fonts() -> None:
    # the fonts of Soft, Default, Citrus, Monochrome and Base never loaded before
    with_fonts = {name for name in entries() if declared(name)}
    assert {"soft", "default", "citrus", "monochrome", "base"} <= with_fonts
    assert declared("soft") == ["Montserrat", "IBM Plex Mono"]


@pytest.mark.parametrize("name", list(entries()))
def test_every_theme_detail_page_loads_its_fonts_from_the_gallery(
    gallery: Gallery, page: Any, name: str
) -> None:
    families = declared(name)
    states, requested = fonts_on_page(page, f"{gallery.url}themes/{name}/", families)
    assert_loaded_from_loopback(states, requested, name)
    if families:
        assert any("/fonts/" in url for url in requested)


@pytest.fixture(scope="module")
def static_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The static site, built into a temporary folder and served by a plain http server."""
    folder = tmp_path_factory.mktemp("site") / "site"
    static_site.build(folder, workers=2)
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def test_the_static_site_holds_the_font_files(static_site_url: str) -> None:
    css = httpx.get(f"{static_site_url}themes/soft/scoped.css").text
    assert "url('../../fonts/montserrat-latin-400-normal.woff2')" in css
    font = httpx.get(f"{static_site_url}fonts/montserrat-latin-400-normal.woff2")
    assert font.status_code == 200 and font.content[:4] == b"wOF2"


@pytest.mark.parametrize("name", list(entries()))
def test_every_theme_detail_page_loads_its_fonts_on_the_static_site(
    static_site_url: str, page: Any, name: str
) -> None:
    families = declared(name)
    states, requested = fonts_on_page(page, f"{static_site_url}themes/{name}/", families)
    assert_loaded_from_loopback(states, requested, name)


def test_a_missing_font_file_is_a_404_and_names_are_checked(gallery: Gallery) -> None:
    assert gallery.get("themes/soft/scoped.css").status_code == 200  # fetches Montserrat
    assert gallery.get("fonts/montserrat-latin-400-normal.woff2").status_code == 200
    for bad in ("nope-latin-400-normal.woff2", "..%2Fpyproject.toml", "Montserrat.woff2"):
        assert gallery.get(f"fonts/{bad}").status_code == 404, bad
