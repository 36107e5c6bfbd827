"""``livery gallery build`` opened from disk (``file://``) and from a static host under a
sub-path: previews draw, stylesheets load, search and filters work, links open pages (not
folder listings), and nothing is fetched from elsewhere."""

from __future__ import annotations

import functools
import html
import http.server
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from livery.errors import GalleryScriptError
from livery.gallery.classic import classic_script
from livery.gallery.static_site import build

from .conftest import guarded_page
from .test_browser import until, variables

pytestmark = pytest.mark.browser

DRAWN = "() => document.querySelectorAll('#cards .card-previews .lv-ks').length"
STYLED = """() => {
  const sink = document.querySelector('[data-slug=ocean] .lv-ks');
  return sink && getComputedStyle(sink).getPropertyValue('--primary-500').trim();
}"""
SHOWN = "els => els.filter(e => !e.hidden).map(e => e.dataset.slug)"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build two folders down, so that a server of the parent serves it at a sub-path."""
    top = tmp_path_factory.mktemp("host")
    build(top / "sub" / "dir", [])
    return top


@pytest.fixture(scope="module")
def sub_path(folder: Path) -> Iterator[str]:
    """``python -m http.server`` over the parent folder: the site at ``/sub/dir/``."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sub/dir/"
    server.shutdown()
    server.server_close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def walk_the_site(page: Any, start: str) -> None:
    """What a visitor does: the index draws and filters, a card opens its page, whose
    preview is styled and switches to dark, the nav opens compare, which compares."""
    page.goto(start)
    until(page, f"() => ({DRAWN})() >= 2")
    page.locator("[data-slug=ocean]").scroll_into_view_if_needed()
    assert until(page, STYLED).startswith("#")  # the theme's stylesheet loaded
    total = len(page.eval_on_selector_all("#cards > article", SHOWN))
    page.fill("#search", "gradio")
    shown = page.eval_on_selector_all("#cards > article", SHOWN)
    assert 0 < len(shown) < total
    assert page.text_content("#count") == f"{len(shown)} of {total} themes"
    page.fill("#search", "")
    page.select_option("#filter-hue", index=1)
    assert 0 < len(page.eval_on_selector_all("#cards > article", SHOWN)) < total
    page.select_option("#filter-hue", "")

    page.click("[data-slug=ocean] .card-title a")
    page.wait_for_url(re.compile(r"/themes/ocean/(index\.html)?$"))
    assert page.locator("h1").text_content() == "Ocean"
    light = variables(page, "#preview")["--body-background-fill"]
    page.click("#dark-toggle")
    dark = variables(page, "#preview")["--body-background-fill"]
    assert light and dark and light != dark
    page.fill("#contrast-filter", "dark")
    assert page.text_content("#contrast-count").endswith("pairs")

    page.locator(".actions a", has_text="Compare").click()
    page.wait_for_url(re.compile(r"/compare/(index\.html)?\?t=ocean$"))
    page.select_option('.compare-pick[data-slot="2"]', "ink")
    until(page, "() => document.body.dataset.compared === 'ocean,ink'")
    assert page.locator(".compare-col:not([hidden])").count() == 2
    assert int(page.text_content("#diff-count").split()[0]) > 0
    page.get_by_role("link", name="Themes").click()
    page.wait_for_url(re.compile(r"/(index\.html)?$"))
    assert page.locator("#cards > article").count() == total


def test_the_site_works_opened_from_disk(browser: Any, folder: Path) -> None:
    site = folder / "sub" / "dir"
    context, page, guard = guarded_page(browser, "file://")
    try:
        walk_the_site(page, (site / "index.html").as_uri())
        assert all(url.startswith(site.as_uri()) for url in guard.requests)
        guard.check(page)
    finally:
        context.close()


def test_the_site_works_under_a_sub_path(browser: Any, sub_path: str) -> None:
    context, page, guard = guarded_page(browser, sub_path)
    try:
        walk_the_site(page, sub_path)
        assert all(url.startswith(sub_path) for url in guard.requests)
        guard.check(page)
    finally:
        context.close()


def test_static_pages_use_no_root_url_and_keep_the_policy(folder: Path) -> None:
    """Every static page loads its scripts as classic scripts (modules are refused from
    disk) from relative URLs, under the same strict policy as the server."""
    site = folder / "sub" / "dir"
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        text = html.unescape(page.read_text(encoding="utf-8"))
        assert not re.search(r'(?:href|src|data-css)="/', text), page
        assert 'type="module"' not in text, page
        assert "script-src 'self'" in text and "unsafe-inline" not in text, page
        for script in re.findall(r'<script defer src="([^"]+)"', text):
            assert (page.parent / script).resolve().is_file(), (page, script)
    classic = (site / "assets" / "classic" / "index.js").read_text(encoding="utf-8")
    assert not re.search(r"^\s*(import|export)\b", classic, re.MULTILINE)


def test_classic_scripts_keep_what_modules_share(browser: Any, tmp_path: Path) -> None:
    """The rewrite runs imports first, once, with renamed imports, and refuses what it does
    not know with the file and line."""
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "count.js").write_text(
        "export let calls = 0;\nexport function add(a, b) {\n  calls += 1;\n  return a + b;\n}\n"
    )
    (tmp_path / "shared.js").write_text(
        'import { add as plus } from "./lib/count.js";\nexport const two = plus(1, 1);\n'
    )
    (tmp_path / "page.js").write_text(
        'import { two } from "./shared.js";\n'
        'import {\n  add,\n  calls,\n} from "./lib/count.js";\n'
        "window.result = [two, calls, add(two, 3)];\n"
    )
    page = browser.new_page()
    try:
        page.add_script_tag(content=classic_script(tmp_path, "page.js"))
        assert page.evaluate("window.result") == [2, 1, 5]  # calls: 1, read after shared.js
    finally:
        page.close()
    (tmp_path / "bad.js").write_text('import { two } from "./shared.js";\n\nexport default two;\n')
    with pytest.raises(GalleryScriptError, match=r"^bad\.js:3: an export form"):
        classic_script(tmp_path, "bad.js")
    (tmp_path / "loop.js").write_text('import { x } from "./loop.js";\n')
    with pytest.raises(GalleryScriptError, match="import each other"):
        classic_script(tmp_path, "loop.js")
