"""The gallery's polish, as a user meets it in Chromium: cards that line up, one dark switch
that previews follow, a contrast table that filters and sorts, swatches that copy, compare
rows that stay level with a table of what differs, downloads equal to ``livery theme
export``, and filters that fold away on a phone."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import livery
from livery.gallery.downloads import DOWNLOADS
from livery.theme.catalogue import VARIABLES

from .conftest import Gallery, guarded_page
from .test_browser import until, variables

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}
BOX = """(s) => {
  const r = document.querySelector(s).getBoundingClientRect();
  return [r.top, r.bottom, r.height];
}"""


@pytest.fixture
def guarded(browser: Any, gallery: Gallery) -> Iterator[tuple[Any, Any]]:
    context, page, guard = guarded_page(browser, gallery.url)
    yield page, guard
    context.close()


# --- 1. cards ------------------------------------------------------------------------------


def test_card_titles_line_up_in_a_row(guarded: tuple[Any, Any], gallery: Gallery) -> None:
    page, guard = guarded
    page.goto(gallery.url)
    until(page, "() => document.querySelectorAll('#cards .card-previews .lv-ks').length > 8")
    page.wait_for_timeout(200)  # the theme stylesheets (fonts and sizes differ) apply
    rows: dict[float, list[tuple[float, float]]] = {}
    for top, title, preview, cut in page.eval_on_selector_all(
        "#cards > article.card:has(.lv-ks)",
        """els => els.map(e => { const p = e.querySelector('.card-previews');
            return [e.getBoundingClientRect().top,
              e.querySelector('.card-title').getBoundingClientRect().top,
              p.getBoundingClientRect().height,
              [...p.querySelectorAll('.lv-ks')].some(m => m.getBoundingClientRect().bottom >
                p.getBoundingClientRect().bottom + 0.5)]; })""",
    ):
        rows.setdefault(round(top), []).append((title, preview))
        assert not cut, "a mini preview is cut off"
    assert any(len(cards) >= 3 for cards in rows.values())
    for cards in rows.values():
        titles, previews = zip(*cards)
        assert max(titles) - min(titles) < 0.5, titles
        assert max(previews) - min(previews) < 0.5, previews
    guard.check(page)


# --- 2. one dark switch --------------------------------------------------------------------


def test_the_gallery_switch_drives_the_previews(browser: Any, gallery: Gallery) -> None:
    context, page, guard = guarded_page(browser, gallery.url)
    try:
        page.goto(gallery.url + "themes/soft/")
        switch, preview = page.locator("#ui-mode"), page.locator("#dark-toggle")
        assert switch.get_attribute("aria-pressed") == "false"
        assert switch.locator(".switch-state").text_content() == "off"
        light = variables(page, "#preview")["--body-background-fill"]

        switch.click()
        assert page.get_attribute("html", "data-ui") == "dark"
        assert switch.get_attribute("aria-pressed") == "true"
        assert switch.locator(".switch-state").text_content() == "on"
        assert "dark" in (page.get_attribute("#preview", "class") or "").split()
        assert preview.get_attribute("aria-pressed") == "true"
        assert variables(page, "#preview")["--body-background-fill"] != light
        assert not page.is_visible("#dark-toggle-note")

        preview.click()  # this preview alone goes back to light, and says so
        assert "dark" not in (page.get_attribute("#preview", "class") or "").split()
        assert page.get_attribute("html", "data-ui") == "dark"
        assert page.is_visible("#dark-toggle-note")
        assert "This preview only" in page.text_content("#dark-toggle-note")
        assert preview.get_attribute("aria-describedby") == "dark-toggle-note"

        page.goto(gallery.url + "compare/?t=soft,ocean")  # remembered on the next page
        assert page.get_attribute("html", "data-ui") == "dark"
        assert page.get_attribute("#compare-dark", "aria-pressed") == "true"
        assert page.locator(".compare-col:not([hidden]) .lv-ks.dark").count() == 2
        page.click("#ui-mode")
        assert page.locator(".lv-ks.dark").count() == 0
        page.goto(gallery.url)
        assert page.get_attribute("html", "data-ui") == "light"
        guard.check(page)
    finally:
        context.close()


def test_the_switch_works_without_storage(browser: Any, gallery: Gallery) -> None:
    """Storage that throws (private browsing, a policy) leaves the switch working."""
    context, page, guard = guarded_page(browser, gallery.url)
    context.add_init_script(
        "Storage.prototype.setItem = () => { throw new DOMException('no', 'SecurityError'); };"
        "Storage.prototype.getItem = () => { throw new DOMException('no', 'SecurityError'); };"
    )
    try:
        page.goto(gallery.url + "themes/ocean/")
        page.click("#ui-mode")
        assert page.get_attribute("html", "data-ui") == "dark"
        assert "dark" in (page.get_attribute("#preview", "class") or "").split()
        guard.check(page)
    finally:
        context.close()


# --- 3. contrast table and swatches --------------------------------------------------------


def rows(page: Any) -> list[dict[str, str]]:
    return page.eval_on_selector_all(
        "#contrast-table tbody tr:not([hidden])", "els => els.map(e => ({...e.dataset}))"
    )


def test_the_contrast_table_filters_and_sorts(guarded: tuple[Any, Any], gallery: Gallery) -> None:
    page, guard = guarded
    report = livery.Theme.load("ocean").audit("AA")
    failing = [check for check in report.checks if check.required is not None and not check.passes]
    page.goto(gallery.url + "themes/ocean/")
    total = len(report.checks)
    assert len(rows(page)) == total > 40
    assert page.text_content("#contrast-count") == f"{total} pairs"

    page.fill("#contrast-filter", "button dark")
    shown = rows(page)
    expected = [c for c in report.checks if "button" in c.pair.label.lower() and c.mode == "dark"]
    assert len(shown) == len(expected) > 0
    assert all("button" in row["label"].lower() and row["mode"] == "dark" for row in shown)
    assert page.text_content("#contrast-count") == f"{len(expected)} of {total} pairs"

    page.fill("#contrast-filter", "")
    page.check("#contrast-failing")
    assert [row["label"] for row in rows(page)] == [check.pair.label for check in failing]
    assert page.is_visible("#contrast-empty") == (not failing)
    page.uncheck("#contrast-failing")

    ratio = page.locator("button.sort[data-sort=ratio]")
    ratio.focus()
    page.keyboard.press("Enter")  # keyboard reachable
    assert page.get_attribute("th:has(> [data-sort=ratio])", "aria-sort") == "ascending"
    values = [float(row["ratio"]) for row in rows(page) if row["ratio"] != "—"]
    assert values == sorted(values) and len(values) > 40
    ratio.click()
    assert page.get_attribute("th:has(> [data-sort=ratio])", "aria-sort") == "descending"
    values = [float(row["ratio"]) for row in rows(page) if row["ratio"] != "—"]
    assert values == sorted(values, reverse=True)
    page.click("button.sort[data-sort=label]")
    labels = [row["label"].lower() for row in rows(page)]
    assert labels == sorted(labels)
    assert page.get_attribute("th:has(> [data-sort=ratio])", "aria-sort") == "none"
    guard.check(page)


def test_a_swatch_copies_its_value(browser: Any, gallery: Gallery) -> None:
    context, page, guard = guarded_page(
        browser, gallery.url, permissions=["clipboard-read", "clipboard-write"]
    )
    try:
        page.goto(gallery.url + "themes/citrus/")
        card = gallery.get("data/themes.json").json()["themes"]
        swatches = next(theme for theme in card if theme["slug"] == "citrus")["swatches"]
        button = page.get_by_role("button", name="Copy secondary 300")
        button.focus()
        page.keyboard.press("Enter")
        until(page, "() => document.getElementById('swatch-status').textContent !== ''")
        value = swatches["secondary"][3]
        assert page.evaluate("navigator.clipboard.readText()") == value
        assert page.text_content("#swatch-status") == f"Copied {value}"
        assert page.get_attribute("#swatch-status", "role") == "status"
        page.get_by_role("button", name="Copy primary 950").click()
        dark = swatches["primary"][10]
        until(page, f"() => navigator.clipboard.readText().then(t => t === {dark!r})")
        assert page.is_visible("#swatch-status")
        guard.check(page)
    finally:
        context.close()


# --- 4. compare ----------------------------------------------------------------------------

BLOCKS = """(slot) => {
  const sink = document.querySelector(`.compare-col[data-slot="${slot}"] .lv-ks`);
  const top = sink.getBoundingClientRect().top;
  return [...sink.querySelectorAll(':scope > .lv-ks-grid > *')]
    .map((s) => { const r = s.getBoundingClientRect(); return [r.top - top, r.height]; });
}"""


def test_compare_rows_stay_level(guarded: tuple[Any, Any], gallery: Gallery) -> None:
    page, guard = guarded
    page.goto(gallery.url + "compare/?t=default,soft,monochrome")
    until(page, "() => document.body.dataset.compared === 'default,soft,monochrome'")
    until(page, "() => document.fonts.status === 'loaded'")

    def level() -> bool:  # fonts and images arrive: the rows settle level
        first, second, third = (page.evaluate(BLOCKS, slot) for slot in (1, 2, 3))
        assert len(first) == len(second) == len(third) > 5
        return all(
            abs(x - y) <= 1 and abs(x - z) <= 1
            for a, b, c in zip(first, second, third)
            for x, y, z in zip(a, b, c)
        )

    deadline = time.monotonic() + 8
    while not level():
        assert time.monotonic() < deadline, "the compared rows never lined up"
        page.wait_for_timeout(100)
    landmarks = page.eval_on_selector_all(
        ".compare-col:not([hidden])", "els => els.map(e => e.getAttribute('aria-label'))"
    )
    assert landmarks == ["Theme 1: Default", "Theme 2: Soft", "Theme 3: Monochrome"]
    guard.check(page)


def diff_rows(page: Any) -> dict[str, list[str]]:
    return {
        row[0]: row[1:]
        for row in page.eval_on_selector_all(
            "#diff-table tbody tr",
            "els => els.map(e => [...e.children].map(c => c.textContent))",
        )
    }


def test_compare_lists_the_variables_that_differ(
    guarded: tuple[Any, Any], gallery: Gallery
) -> None:
    page, guard = guarded
    themes = {theme["slug"]: theme for theme in gallery.themes()}
    names = len(VARIABLES)
    page.goto(gallery.url + "compare/?t=ocean,ocean")
    until(page, "() => document.body.dataset.compared === 'ocean,ocean'")
    assert diff_rows(page) == {}
    assert page.text_content("#diff-count") == f"0 of {names} variables differ (light)"

    page.goto(gallery.url + "compare/?t=soft,citrus")
    until(page, "() => document.body.dataset.compared === 'soft,citrus'")
    headers = page.eval_on_selector_all("#diff-table thead th", "e => e.map(h => h.textContent)")
    assert headers == ["Variable", "Soft", "Citrus"]
    light = diff_rows(page)
    assert light["--primary-500"] == [
        themes["soft"]["swatches"]["primary"][5],
        themes["citrus"]["swatches"]["primary"][5],
    ]
    assert all(values[0] != values[1] for values in light.values())
    assert "--primary-500" in light and len(light) < names
    assert page.text_content("#diff-count") == f"{len(light)} of {names} variables differ (light)"
    page.click("#compare-dark")
    dark = diff_rows(page)
    assert dark != light
    assert page.text_content("#diff-count") == f"{len(dark)} of {names} variables differ (dark)"
    guard.check(page)


# --- 5. downloads --------------------------------------------------------------------------


def cli_export(slug: str, format: str, name: str, folder: Path) -> dict[str, str]:
    """What ``livery theme export -o`` writes for ``name``, file name → text (a format of
    several files writes its main file under its own suffix and the others beside it)."""
    folder.mkdir(parents=True, exist_ok=True)
    exporter = livery.theme.FORMATS[format]
    output = folder / (name if exporter.files is None else f"{slug}{exporter.suffix}")
    result = subprocess.run(
        [sys.executable, "-m", "livery", "theme", "export", slug, "-f", format, "-o", str(output)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return {path.name: path.read_text(encoding="utf-8") for path in folder.iterdir()}


@pytest.mark.parametrize("slug", ["soft", "ocean"])
def test_each_download_equals_the_cli_export(gallery: Gallery, slug: str, tmp_path: Path) -> None:
    page = gallery.get(f"themes/{slug}/").text
    expected_types = {
        "css": "text/css; charset=utf-8",
        "scss": "text/x-scss; charset=utf-8",
        "tailwind": "text/css; charset=utf-8",
        "toml": "application/toml; charset=utf-8",
        "gradio": "application/json",
        "tokens": "application/json",
        "dark-tokens": "application/json",
    }
    assert [download.kind for download in DOWNLOADS] == list(expected_types)
    for download in DOWNLOADS:
        name = download.filename(slug)
        assert f'href="{name}" download data-kind="{download.kind}"' in page
        response = gallery.get(f"themes/{slug}/{name}")
        assert response.status_code == 200
        assert response.headers["content-type"] == expected_types[download.kind]
        assert response.headers["content-disposition"] == f'attachment; filename="{name}"'
        written = cli_export(slug, download.format, name, tmp_path / download.kind)
        assert response.text == written[name], name
    assert gallery.get(f"themes/{slug}/{slug}.scss").text.lstrip().startswith(("//", "$", "/*"))
    assert "@theme" in gallery.get(f"themes/{slug}/{slug}.tailwind.css").text


# --- 7. phone ------------------------------------------------------------------------------


def test_on_a_phone_the_filters_fold_and_cards_show(browser: Any, gallery: Gallery) -> None:
    context, page, guard = guarded_page(browser, gallery.url, viewport=PHONE)
    try:
        page.goto(gallery.url)
        toggle = page.locator("#filters-toggle")
        assert toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false"
        assert not page.is_visible("#filter-hue") and page.is_visible("#search")
        title_bottom = page.evaluate(BOX, "#cards > article .card-title")[1]
        assert title_bottom < PHONE["height"], "the first card's title is on the first screen"
        toggle.click()
        assert toggle.get_attribute("aria-expanded") == "true"
        assert page.is_visible("#filter-hue") and page.is_visible("#filter-aa")
        page.check("#filter-aa")
        assert toggle.text_content() == "Filters (1)"
        toggle.click()
        assert not page.is_visible("#filter-aa")
        guard.check(page)
    finally:
        context.close()
    context, page, guard = guarded_page(browser, gallery.url)
    try:
        page.goto(gallery.url)  # a desktop shows the filters, no button
        assert not page.is_visible("#filters-toggle") and page.is_visible("#filter-hue")
        guard.check(page)
    finally:
        context.close()


def test_downloads_are_only_the_themes_own(gallery: Gallery) -> None:
    """A download name for another theme, or an unknown suffix, is a 404."""
    assert gallery.get("themes/soft/ocean.scss").status_code == 404
    assert gallery.get("themes/soft/soft.less").status_code == 404
    assert gallery.get("themes/soft/soft.tailwind.css").status_code == 200
