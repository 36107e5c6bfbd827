"""The gallery in a real Chromium: search, filters, dark mode, copy, downloads, the builder,
compare, live updates, the static site, and a hostile gallery that must stay inert.

Every page is watched (``conftest.guarded_page``): a dialog, a console error, a CSP
violation or a request to another origin fails the test.
"""

from __future__ import annotations

import functools
import http.server
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import livery
from livery.gallery.static_site import build
from livery.theme.catalogue import VARIABLES
from livery.theme.values import css_name

from .conftest import Gallery, good_theme, guarded_page, start_gallery

pytestmark = pytest.mark.browser

NAMES = [css_name(variable.name) for variable in VARIABLES]
READ_VARIABLES = """([selector, names]) => {
  const style = getComputedStyle(document.querySelector(selector));
  return names.map((name) => style.getPropertyValue(name).trim());
}"""
VISIBLE = "els => els.filter(e => !e.hidden).map(e => e.dataset.slug)"


@pytest.fixture
def guarded(browser: Any, gallery: Gallery) -> Iterator[tuple[Any, Any]]:
    context, page, guard = guarded_page(browser, gallery.url)
    yield page, guard
    context.close()


def visible(page: Any) -> list[str]:
    return page.eval_on_selector_all("#cards > article", VISIBLE)


def variables(page: Any, selector: str) -> dict[str, str]:
    return dict(zip(NAMES, page.evaluate(READ_VARIABLES, [selector, NAMES])))


def until(page: Any, script: str, timeout: float = 8.0) -> Any:
    """Poll ``script`` (a function) until it returns something truthy.

    ``page.wait_for_function`` evaluates its predicate with ``eval``, which the gallery's
    Content-Security-Policy rightly refuses; ``evaluate`` runs through the debugger protocol.
    """
    deadline = time.monotonic() + timeout
    while True:
        result = page.evaluate(script)
        if result:
            return result
        assert time.monotonic() < deadline, f"never true: {script}"
        page.wait_for_timeout(50)


def matches(theme: dict[str, Any], word: str) -> bool:
    """What the search box does, in Python."""
    text = " ".join([theme["name"], *theme["tags"], theme["description"], theme["slug"]])
    return word in text.lower()


def expected(gallery: Gallery, keep: Any) -> list[str]:
    return [theme["slug"] for theme in gallery.themes() if keep(theme)]


def test_search_narrows_the_cards(guarded: tuple[Any, Any], gallery: Gallery) -> None:
    page, guard = guarded
    page.goto(gallery.url)
    everything = visible(page)
    assert len(everything) == len(gallery.themes())

    page.fill("#search", "ocean")
    assert visible(page) == expected(gallery, lambda t: matches(t, "ocean"))
    assert 0 < len(visible(page)) < len(everything)
    assert page.text_content("#count") == f"{len(visible(page))} of {len(everything)} themes"
    assert "q=ocean" in page.url

    page.reload()
    assert page.input_value("#search") == "ocean" and len(visible(page)) < len(everything)

    page.fill("#search", "high contrast")
    assert visible(page) == expected(
        gallery, lambda t: matches(t, "high") and matches(t, "contrast")
    )
    page.fill("#search", "no-theme-is-called-this")
    assert visible(page) == [] and page.is_visible("#empty")
    page.fill("#search", "")
    assert visible(page) == everything and not page.is_visible("#empty")
    guard.check(page)


def test_each_filter_works(guarded: tuple[Any, Any], gallery: Gallery) -> None:
    page, guard = guarded
    page.goto(gallery.url)
    page.select_option("#filter-hue", "indigo")
    assert visible(page) == expected(gallery, lambda t: t["family"] == "indigo")
    assert visible(page)
    page.select_option("#filter-hue", "")

    page.select_option("#filter-tag", "gradio")
    assert visible(page) == expected(gallery, lambda t: "gradio" in t["tags"])
    page.select_option("#filter-tag", "")

    page.check("#filter-aa")
    passing = expected(gallery, lambda t: t["grade"] in ("AA", "AAA"))
    assert visible(page) == passing and 0 < len(passing) < len(gallery.themes())

    page.select_option("#filter-tag", "blue")
    assert visible(page) == expected(
        gallery, lambda t: t["grade"] in ("AA", "AAA") and "blue" in t["tags"]
    )
    assert "aa=1" in page.url and "tag=blue" in page.url
    guard.check(page)


def test_cards_preview_light_and_dark(guarded: tuple[Any, Any], gallery: Gallery) -> None:
    page, guard = guarded
    page.goto(gallery.url)
    loaded = "() => !!document.querySelector('link[href*=\"themes/soft/scoped.css\"]')"
    assert not page.evaluate(loaded), "cards far below the viewport load their CSS later"
    page.locator("[data-slug=soft]").scroll_into_view_if_needed()
    until(page, loaded)
    until(
        page,
        "() => getComputedStyle(document.querySelector('[data-slug=soft] .lv-ks'))"
        ".getPropertyValue('--body-background-fill').trim() !== ''",
    )
    light = variables(page, "[data-slug=soft] .lv-ks:not(.dark)")
    dark = variables(page, "[data-slug=soft] .lv-ks.dark")
    assert light["--body-background-fill"] != dark["--body-background-fill"]
    assert light["--primary-500"] == "#6366f1"
    guard.check(page)


def test_dark_toggle_changes_the_preview(guarded: tuple[Any, Any], gallery: Gallery) -> None:
    page, guard = guarded
    page.goto(gallery.url + "themes/soft/")
    before = variables(page, "#preview")["--body-background-fill"]
    page.click("#dark-toggle")
    assert page.get_attribute("#dark-toggle", "aria-pressed") == "true"
    assert "dark" in (page.get_attribute("#preview", "class") or "")
    after = variables(page, "#preview")["--body-background-fill"]
    assert before and after and before != after
    page.click("#dark-toggle")
    assert variables(page, "#preview")["--body-background-fill"] == before
    guard.check(page)


def test_copy_buttons_put_the_snippets_on_the_clipboard(browser: Any, gallery: Gallery) -> None:
    context, page, guard = guarded_page(
        browser, gallery.url, permissions=["clipboard-read", "clipboard-write"]
    )
    try:
        page.goto(gallery.url + "themes/soft/")
        page.get_by_role("button", name="Copy Python").click()
        until(page, "() => document.getElementById('copy-status').textContent !== ''")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == page.text_content("#snippet-livery")
        assert "livery.themes.Soft()" in copied
        namespace: dict[str, object] = {}
        exec(copied, namespace)
        same = {"exclude": {"name"}}  # livery.themes.Soft() has Gradio's name, "soft"
        assert namespace["theme"].model_dump(**same) == livery.Theme.load("soft").model_dump(**same)

        page.click("button[data-copy=snippet-gradio]")
        until(page, "() => navigator.clipboard.readText().then(t => t.includes('gradio'))")
        assert 'gr.Theme.load("soft.gradio.json")' in page.evaluate(
            "navigator.clipboard.readText()"
        )
        guard.check(page)
    finally:
        context.close()


def test_every_download_loads_back(browser: Any, gallery: Gallery, tmp_path: Path) -> None:
    context, page, guard = guarded_page(browser, gallery.url, accept_downloads=True)
    try:
        page.goto(gallery.url + "themes/citrus/")
        links = page.eval_on_selector_all("a[data-kind]", "els => els.map(e => e.dataset.kind)")
        assert links == ["css", "scss", "tailwind", "toml", "gradio", "tokens", "dark-tokens"]
        saved = {}
        for kind in links:
            with page.expect_download() as info:
                page.click(f"a[data-kind={kind}]")
            download = info.value
            saved[kind] = tmp_path / download.suggested_filename
            download.save_as(saved[kind])
        original = livery.Theme.load("citrus")
        assert saved["toml"].name == "citrus.toml"
        assert livery.Theme.load(saved["toml"]) == original
        assert livery.Theme.from_gradio(saved["gradio"]).css() == original.css()
        assert saved["css"].read_text() == original.css()
        assert saved["tokens"].name == "citrus.tokens.json"
        assert saved["dark-tokens"].name == "citrus.dark.tokens.json"
        files = livery.theme.FORMATS["dtcg"].files(original, "citrus")
        assert saved["tokens"].read_text() == files["citrus.tokens.json"]
        assert saved["dark-tokens"].read_text() == files["citrus.dark.tokens.json"]
        guard.check(page)
    finally:
        context.close()


def test_builder_export_reproduces_the_preview(
    browser: Any, gallery: Gallery, tmp_path: Path
) -> None:
    context, page, guard = guarded_page(browser, gallery.url, accept_downloads=True)
    try:
        page.goto(gallery.url + "builder/?from=soft")
        page.select_option("select[data-setting=primary_hue]", "rose")
        page.fill("input[data-seed-for=secondary_hue]", "#0d9488")
        page.select_option("select[data-setting=radius_size]", "lg")
        page.select_option("select[data-setting=font]", "serif")
        page.fill("#b-filter", "link_text_color")  # the groups start closed; find the rows
        page.fill("input[data-variable=link_text_color]", "*secondary_700")
        page.fill("#b-filter", "block_radius")
        page.fill("input[data-variable=block_radius]", "*radius_xxl")
        page.fill("#b-name", "Rose garden")
        page.wait_for_selector("#builder-form[data-status=ready]")
        assert "rose" in page.text_content("#out-toml")

        with page.expect_download() as info:
            page.click("#export-toml")
        path = tmp_path / info.value.suggested_filename
        info.value.save_as(path)
        assert path.name == "rose-garden.toml"
        exported = livery.Theme.load(path)
        assert exported.name == "Rose garden" and exported.primary_hue.name == "rose"
        assert exported.secondary_hue.seed == "#0d9488"

        shown_light = variables(page, "#preview")
        page.click("#dark-toggle")
        shown_dark = variables(page, "#preview")

        probe = context.new_page()
        css = exported.css(scope=".lv-check")
        probe.set_content(
            f"<style>{css}</style><div class='lv-check' id='l'></div>"
            "<div class='lv-check dark' id='d'></div>"
        )
        assert variables(probe, "#l") == shown_light
        assert variables(probe, "#d") == shown_dark
        probe.close()

        namespace: dict[str, object] = {}
        exec(page.text_content("#out-python"), namespace)
        assert namespace["theme"] == exported
        guard.check(page)
    finally:
        context.close()


def test_builder_shows_engine_errors(guarded: tuple[Any, Any], gallery: Gallery) -> None:
    page, guard = guarded
    page.goto(gallery.url + "builder/?from=aurora")
    page.fill("#b-filter", "link_text")
    page.fill("input[data-variable=link_text_color]", "red;} body{display:none")
    page.wait_for_selector("#builder-form[data-status=error]")
    message = page.text_content("#builder-status")
    assert "link_text_color" in message and "\n" not in message
    page.fill("input[data-variable=link_text_color]", "")
    page.wait_for_selector("#builder-form[data-status=ready]")
    assert page.text_content("#builder-status") == ""
    guard.check(page)


def test_compare_side_by_side(guarded: tuple[Any, Any], gallery: Gallery) -> None:
    page, guard = guarded
    page.goto(gallery.url + "compare/?t=soft,ocean")
    columns = page.locator(".compare-col:not([hidden])")
    assert columns.count() == 2
    assert columns.nth(0).locator(".compare-name").text_content() == "Soft"
    assert columns.nth(1).locator(".compare-name").text_content() == "Ocean"
    until(
        page,
        "() => getComputedStyle(document.querySelector('.compare-col[data-slot=\"2\"] .lv-ks'))"
        ".getPropertyValue('--primary-500').trim() !== ''",
    )
    first = variables(page, '.compare-col[data-slot="1"] .lv-ks')
    second = variables(page, '.compare-col[data-slot="2"] .lv-ks')
    assert first["--primary-500"] != second["--primary-500"]
    page.select_option('.compare-pick[data-slot="3"]', "citrus")
    assert page.url.endswith("?t=soft,ocean,citrus")
    assert columns.count() == 3
    page.click("#compare-dark")
    assert page.locator(".compare-col:not([hidden]) .lv-ks.dark").count() == 3
    guard.check(page)


def test_gallery_dark_mode_and_keyboard(guarded: tuple[Any, Any], gallery: Gallery) -> None:
    page, guard = guarded
    page.goto(gallery.url)
    page.click("#ui-mode")
    assert page.get_attribute("html", "data-ui") == "dark"
    page.goto(gallery.url + "compare/")
    assert page.get_attribute("html", "data-ui") == "dark"
    page.goto(gallery.url)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.focus("#search")
    page.keyboard.type("soft")
    assert visible(page) == expected(gallery, lambda t: matches(t, "soft"))
    for control in ("#search", "#filter-hue", "#filter-tag", "#filter-aa"):
        labelled = page.evaluate("(s) => document.querySelector(s).labels.length", control)
        assert labelled == 1, control
    guard.check(page)


def test_index_updates_when_a_theme_file_appears(browser: Any, tmp_path: Path) -> None:
    folder = tmp_path / "themes"
    folder.mkdir()
    running = start_gallery([folder], include_library=False)
    context, page, guard = guarded_page(browser, running.url)
    try:
        page.goto(running.url)
        count = len(visible(page))
        assert count == 0
        (folder / "dropped.toml").write_text(good_theme("Dropped in"))
        page.wait_for_selector("[data-slug=dropped]", timeout=8000)
        assert len(visible(page)) == count + 1
        (folder / "dropped.toml").write_text("[broken\n")
        page.wait_for_selector("[data-slug=dropped].card-error", timeout=8000)
        guard.check(page)
    finally:
        context.close()
        running.stop()


def test_hostile_gallery_stays_inert(browser: Any, hostile_gallery: Gallery) -> None:
    context, page, guard = guarded_page(browser, hostile_gallery.url)
    try:
        page.goto(hostile_gallery.url)
        page.mouse.wheel(0, 20000)
        page.wait_for_timeout(300)
        slugs = page.eval_on_selector_all("#cards > article", "els => els.map(e => e.dataset.slug)")
        assert page.locator(".card-error").count() == 12
        extra = ["builder/?from=xss", "compare/?t=xss,google-font"]
        for path in [f"themes/{slug}/" for slug in slugs] + extra:
            page.goto(hostile_gallery.url + path)
        for path in ("", "themes/xss/", "builder/?from=xss"):
            page.goto(hostile_gallery.url + path)
            assert page.evaluate("window.__pwned") is None
            handlers = page.evaluate(
                "[...document.querySelectorAll('*')].flatMap(e => [...e.attributes])"
                ".filter(a => a.name.startsWith('on')).length"
            )
            assert handlers == 0
            assert page.locator("main script, main svg[onload], main img").count() == 0
        assert "<script>" in page.text_content("#out-toml")  # shown as text, not run
        assert guard.requests and all(url.startswith(hostile_gallery.url) for url in guard.requests)
        guard.check(page)
    finally:
        context.close()


@pytest.fixture(scope="module")
def static_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The static build served by a plain file server (no gallery code behind it)."""
    site = tmp_path_factory.mktemp("static") / "site"
    build(site, [])
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def test_static_site_in_chromium(browser: Any, static_site: str) -> None:
    context, page, guard = guarded_page(browser, static_site)
    try:
        page.goto(static_site)
        total = len(visible(page))
        page.fill("#search", "gradio")
        assert 0 < len(visible(page)) < total
        page.click("[data-slug=ocean] .card-title a")
        page.wait_for_url("**/themes/ocean/index.html")  # from disk, a folder is a listing
        page.click("#dark-toggle")
        assert variables(page, "#preview")["--body-background-fill"]
        page.goto(static_site + "compare/?t=ocean,ink")
        assert page.locator(".compare-col:not([hidden])").count() == 2
        page.goto(static_site + "builder/")
        assert page.is_visible("#builder-offline")
        guard.check(page)
    finally:
        context.close()


UNLABELLED = """() => [...document.querySelectorAll('input, select, textarea, button')]
  .filter((e) => !e.closest('[inert]'))
  .filter((e) => e.tagName === 'BUTTON'
    ? !e.textContent.trim()
    : !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))
  .map((e) => e.outerHTML.slice(0, 80))"""


def test_every_control_has_a_label(guarded: tuple[Any, Any], gallery: Gallery) -> None:
    page, guard = guarded
    for path in ("", "themes/soft/", "compare/?t=soft,ocean", "builder/?from=soft"):
        page.goto(gallery.url + path)
        assert page.evaluate(UNLABELLED) == [], path
        assert page.locator("a:not([href]), div[onclick], span[onclick]").count() == 0
    guard.check(page)


def test_the_guard_sees_violations(guarded: tuple[Any, Any], gallery: Gallery) -> None:
    """The watch on pages works: an inline style is caught, as a console error and as a
    violation event."""
    page, guard = guarded
    page.goto(gallery.url)
    page.evaluate(
        "() => { const s = document.createElement('style'); s.textContent = 'body{}';"
        " document.head.append(s); }"
    )
    violations = until(page, "() => window.__cspViolations")
    assert violations[0].startswith("style-src")
    with pytest.raises(AssertionError, match="Content Security Policy"):
        guard.check(page)
