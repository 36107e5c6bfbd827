"""The kitchen sink is shaped like Gradio 6: its widgets, their parts and their layout, in
real Chromium, from the macro itself and on the gallery's detail page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from livery.gallery.kitchen_sink import WIDGETS, kitchen_sink_css, kitchen_sink_html
from tests import axe
from tests.gallery.conftest import Gallery

pytestmark = pytest.mark.browser

WIDTHS = (960, 700, 420)
"""The visual suite's width, a tablet's and a phone's."""

CUT_OFF = """(root) => {
  const out = [];
  for (const e of root.querySelectorAll('input, textarea, select')) {
    if (['file', 'range', 'radio', 'checkbox'].includes(e.type) || e.closest('[hidden]')) continue;
    if (e.offsetParent === null) continue;
    if (e.scrollWidth > e.clientWidth) out.push(`${e.outerHTML.slice(0, 60)} scrolls`);
  }
  for (const w of root.querySelectorAll('[data-widget]')) {
    const box = w.getBoundingClientRect();
    const scrolls = (e) => e !== w && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX);
    const outside = [...w.querySelectorAll('*')].filter((e) => {
      if (e.closest('.lv-visually-hidden, .lv-tab-input')) return false;
      for (let up = e.parentElement; up && up !== w; up = up.parentElement) {
        if (scrolls(up)) return false;  // reachable by scrolling, as Gradio's code is
      }
      const r = e.getBoundingClientRect();
      return r.width > 0 && (r.left < box.left - 0.5 || r.right > box.right + 0.5);
    });
    if (outside.length) out.push(`${w.dataset.widget}: ${outside[0].outerHTML.slice(0, 60)}`);
    if (w.scrollWidth > w.clientWidth + 1) out.push(`${w.dataset.widget} scrolls sideways`);
  }
  return out;
}"""
"""Every visible text control whose text scrolls, and every widget with a part outside it."""


def _sink(themed_page: Any, width: int = 960, mode: str = "light", html: str = "") -> Any:
    return themed_page(
        "default",
        mode,
        html=html or kitchen_sink_html(),
        css=kitchen_sink_css(),
        viewport=(width, 1200),
    )


def _box(page: Any, selector: str) -> dict[str, float]:
    return page.locator(selector).bounding_box()


def test_every_widget_is_there_once(themed_page: Any) -> None:
    page = _sink(themed_page)
    counts = page.evaluate(
        "() => [...document.querySelectorAll('[data-widget]')].map((e) => e.dataset.widget)"
    )
    assert sorted(counts) == sorted(WIDGETS)
    for widget in WIDGETS:
        assert _box(page, f'[data-widget="{widget}"]')["height"] > 10, widget


@pytest.mark.parametrize("width", WIDTHS)
def test_run_and_clear_share_one_line_and_fill_it(themed_page: Any, width: int) -> None:
    page = _sink(themed_page, width)
    row = _box(page, '[data-widget="button"]')
    run = _box(page, '[data-widget="button"] .lv-btn-primary')
    clear = _box(page, '[data-widget="button"] .lv-btn-secondary')
    gap = clear["x"] - (run["x"] + run["width"])
    assert run["y"] == clear["y"] and run["height"] == clear["height"]
    assert abs(run["width"] - clear["width"]) <= 1
    assert run["x"] == pytest.approx(row["x"], abs=0.5)
    assert clear["x"] + clear["width"] == pytest.approx(row["x"] + row["width"], abs=0.5)
    assert 0 < gap < 40
    variants = page.locator('[data-widget="button-variants"] .lv-btn:not(.lv-btn-sm)')
    widths = {round(variants.nth(i).bounding_box()["width"]) for i in range(variants.count())}
    assert max(widths) - min(widths) <= 1, "large buttons in a row grow to the same width"


def test_slider_has_number_box_reset_button_and_limits(themed_page: Any) -> None:
    page = _sink(themed_page)
    slider = page.locator('[data-widget="slider"]')
    number = slider.locator('input[type="number"]')
    track = slider.locator('input[type="range"]')
    assert number.input_value() == track.input_value() == "30"
    assert number.get_attribute("aria-label") == "number input for Steps"
    assert slider.get_by_role("button", name="Reset to default value").is_visible()
    assert slider.get_by_role("slider", name="Steps").is_visible()
    assert slider.locator(".lv-slider-min").inner_text() == "1"
    assert slider.locator(".lv-slider-max").inner_text() == "100"
    head, below = _box(page, ".lv-slider-head"), _box(page, ".lv-slider-track")
    assert _box(page, ".lv-tab-like")["x"] > head["x"] + head["width"] / 2, "box on the right"
    assert below["y"] >= head["y"] + head["height"]


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS)
def test_nothing_is_cut_off(themed_page: Any, width: int, mode: str) -> None:
    page = _sink(themed_page, width, mode)
    assert page.evaluate(CUT_OFF, page.locator(".lv-ks").element_handle()) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_nothing_is_cut_off_on_the_detail_page(browser: Any, gallery: Gallery) -> None:
    for width in (1280, 1000, 390):
        context = browser.new_context(viewport={"width": width, "height": 900})
        try:
            page = context.new_page()
            page.goto(gallery.url + "themes/default/")
            sink = page.locator("#preview")
            assert sink.locator('[data-widget="gallery"]').count() == 1
            assert page.evaluate(CUT_OFF, sink.element_handle()) == [], width
        finally:
            context.close()


def test_dataframe_cells_use_the_mono_font(themed_page: Any) -> None:
    page = _sink(themed_page)
    fonts = page.evaluate(
        """() => {
      const family = (s) => getComputedStyle(document.querySelector(s)).fontFamily;
      const mono = getComputedStyle(document.querySelector('.lv-ks'))
        .getPropertyValue('--font-mono').replace(' !important', '').trim();
      return {th: family('.lv-table th'), td: family('.lv-table td'), body: family('.lv-ks'),
              mono};
    }"""
    )
    assert fonts["td"] == fonts["th"] == fonts["mono"]
    assert "Livery Test Mono" in fonts["td"] and fonts["td"] != fonts["body"]


def test_code_shows_line_numbers_and_highlighted_tokens(themed_page: Any) -> None:
    page = _sink(themed_page)
    code = page.locator('[data-widget="code"]')
    lines = code.locator("pre").inner_text().split("\n")
    numbers = code.locator(".lv-gutter span")
    assert [numbers.nth(i).inner_text() for i in range(numbers.count())] == [
        str(n) for n in range(1, len(lines) + 1)
    ]
    tops = [numbers.nth(i).bounding_box()["y"] for i in range(numbers.count())]
    assert tops == sorted(tops) and len(set(tops)) == len(tops)
    colours = page.evaluate(
        """() => ['.lv-tok-kw', '.lv-tok-fn', '.lv-code-content'].map(
      (s) => getComputedStyle(document.querySelector(s)).color)"""
    )
    assert len(set(colours)) == 3, "keywords, names and plain text differ"


def test_label_is_centred_with_bars_and_leaders(themed_page: Any) -> None:
    page = _sink(themed_page)
    label = _box(page, '[data-widget="label"]')
    top = page.locator(".lv-output-class")
    text = page.evaluate(
        """() => { const r = document.createRange();
      r.selectNodeContents(document.querySelector('.lv-output-class'));
      const b = r.getBoundingClientRect(); return b.x + b.width / 2; }"""
    )
    assert top.inner_text() == "lighthouse"
    assert text == pytest.approx(label["x"] + label["width"] / 2, abs=2)
    bars = [page.locator(f".lv-bar-{n}").bounding_box()["width"] for n in (72, 18, 6)]
    assert bars[0] > bars[1] > bars[2] > 0
    leader = "() => getComputedStyle(document.querySelector('.lv-confidence-label dt'), '::after')"
    assert page.evaluate(f"{leader}.borderTopStyle") == "dashed"
    assert float(page.evaluate(f"{leader}.width").removesuffix("px")) > 100


def test_accordion_and_tabs_work_like_gradio(themed_page: Any) -> None:
    page = _sink(themed_page)
    accordion = page.locator('[data-widget="accordion"]')
    chevron = "() => getComputedStyle(document.querySelector('.lv-chevron')).transform"
    assert accordion.locator(".lv-prose").is_visible()
    opened = page.evaluate(chevron)
    accordion.locator("summary").click()
    assert not accordion.locator(".lv-prose").is_visible()
    assert page.evaluate(chevron) != opened, "the chevron turns"

    underline = """(i) => { const tab = document.querySelectorAll('.lv-tab')[i];
      const after = getComputedStyle(tab, '::after');
      return [after.content, after.height, after.backgroundColor, getComputedStyle(tab).color]; }"""
    accent = page.evaluate(
        "() => { const e = document.createElement('i'); e.style.color = 'var(--color-accent)';"
        " document.querySelector('.lv-ks').append(e); return getComputedStyle(e).color; }"
    )
    assert page.evaluate(underline, 0) == ['""', "2px", accent, accent]
    assert page.evaluate(underline, 1)[0] == "none"
    page.get_by_text("History", exact=True).click()
    assert page.evaluate(underline, 1) == ['""', "2px", accent, accent]
    assert page.get_by_text("Nothing yet.").is_visible()
    assert not page.get_by_text("Four runs today.").is_visible()


def test_uploads_gallery_and_chat_input(themed_page: Any) -> None:
    page = _sink(themed_page)
    image = page.locator('[data-widget="image"]')
    assert (
        image.get_by_label("Drop Image Here - or - Click to Upload").get_attribute("accept")
        == "image/*"
    )
    assert page.locator('[data-widget="file"] input[type="file"]').count() == 1
    assert (
        page.evaluate(
            "() => getComputedStyle(document.querySelector('[data-widget=image]')).borderTopStyle"
        )
        == "dashed"
    )
    thumbs = page.locator('[data-widget="gallery"] .lv-thumbnail')
    boxes = [thumbs.nth(i).bounding_box() for i in range(thumbs.count())]
    assert len(boxes) == 4 and len({round(b["y"]) for b in boxes}) == 1
    assert all(abs(b["width"] - b["height"]) <= 1 for b in boxes), "square thumbnails"
    chat = page.locator('[data-widget="chatbot"]')
    user, bot = _box(page, ".lv-user"), _box(page, ".lv-bot")
    assert user["x"] + user["width"] > bot["x"] + bot["width"], "the user's bubble on the right"
    assert chat.get_by_role("log").count() == 1
    box = page.locator('[data-widget="multimodal-textbox"]')
    box.get_by_role("textbox", name="Message").fill("Warmer still")
    assert box.get_by_role("button", name="Submit").is_visible()
    assert box.get_by_role("button", name="Upload a file").is_visible()


def test_axe_finds_nothing_but_colours(themed_page: Any, axe_core: Path) -> None:
    """Two sinks on one page (ids stay unique per prefix), light and dark."""
    from livery.gallery.kitchen_sink import kitchen_sink_html as sink

    html = f"<main><h1>Sinks</h1>{sink(prefix='one')}{sink(prefix='two', dark=True)}</main>"
    page = _sink(themed_page, html=html)
    page.evaluate("document.title = 'Two kitchen sinks'")
    violations = axe.run(page, axe_core)
    found = {v["id"]: [n["target"] for n in v["nodes"]][:3] for v in violations}
    found.pop("color-contrast", None)
    assert sorted(found) == [], found


def test_cards_show_run_and_clear_on_one_line(browser: Any, gallery: Gallery) -> None:
    for width in (1280, 390):
        context = browser.new_context(viewport={"width": width, "height": 900})
        try:
            page = context.new_page()
            page.goto(gallery.url)
            mini = page.locator(".lv-ks-mini").first
            run = mini.locator(".lv-btn-primary").bounding_box()
            clear = mini.locator(".lv-btn-secondary").bounding_box()
            assert run["y"] == clear["y"] and clear["x"] > run["x"] + run["width"], width
            assert (
                page.evaluate(CUT_OFF.replace("[data-widget]", ".lv-block"), mini.element_handle())
                == []
            )
        finally:
            context.close()
