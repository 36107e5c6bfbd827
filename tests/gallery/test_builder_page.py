"""The builder page in a real Chromium against the real gallery server: edits kept in the
address (reload, share), undo/redo, warnings instead of silent resets, errors marked on their
field, the seed swatch, "Start from" keeping edits, the live contrast grade, and every export
link downloading what ``livery theme export`` writes.

Every page is watched (``conftest.guarded_page``): a dialog, a console error, a CSP violation
or a request to another origin fails the test.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

import livery
from livery.gallery.builder.exports import EXPORTS
from livery.theme import NAMED, PAIRS

from .conftest import Gallery, guarded_page
from .test_builder_api import cli_export

pytestmark = pytest.mark.browser

READY = "#builder-form[data-status=ready]"
READ = """([selector, names]) => {
  const style = getComputedStyle(document.querySelector(selector));
  return names.map((name) => style.getPropertyValue(name).trim());
}"""


@pytest.fixture
def guarded(browser: Any, gallery: Gallery) -> Iterator[tuple[Any, Any]]:
    context, page, guard = guarded_page(browser, gallery.url, accept_downloads=True)
    yield page, guard
    context.close()


def edit(page: Any, name: str, value: str) -> None:
    """Find a variable with the filter box (the groups start closed) and type a value."""
    page.fill("#b-filter", name.removesuffix("_dark"))
    page.fill(f"input[data-variable={name}]", value)
    page.wait_for_selector(READY)


def preview(page: Any, *names: str) -> list[str]:
    return page.evaluate(READ, ["#preview", list(names)])


def state_of(page: Any) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def test_edits_survive_a_reload_through_the_address(
    guarded: tuple[Any, Any], gallery: Gallery
) -> None:
    page, guard = guarded
    page.goto(gallery.url + "builder/?from=soft")
    edit(page, "block_radius", "19px")
    edit(page, "body_text_color_dark", "#fa8072")
    page.click("[data-role=primary] .b-shades summary")
    page.fill("input[data-variable=primary_500]", "#123456")
    page.wait_for_selector(READY)
    page.select_option("select[data-setting=neutral_hue]", "stone")
    page.wait_for_selector(READY)
    assert "19px" in state_of(page)["s"][0]
    assert page.text_content("#b-link") == page.url  # what "Copy link" copies

    page.reload()
    page.wait_for_selector(READY)
    assert page.input_value("input[data-variable=block_radius]") == "19px"
    assert page.input_value("input[data-variable=body_text_color_dark]") == "#fa8072"
    assert page.input_value("input[data-variable=primary_500]") == "#123456"
    assert page.input_value("select[data-setting=neutral_hue]") == "stone"
    assert preview(page, "--block-radius", "--primary-500") == ["19px", "#123456"]
    assert page.text_content("output[data-resolved=block_radius]") == "19px"
    page.click("#dark-toggle")
    colour = page.evaluate(
        "getComputedStyle(document.querySelector('#preview')).getPropertyValue('--body-text-color')"
    )
    assert colour.strip().lower() in ("#fa8072", "salmon")
    shared = guarded_page(page.context.browser, gallery.url)
    try:  # the same address in a new browser context: the same builder
        shared[1].goto(page.url)
        shared[1].wait_for_selector(READY)
        assert shared[1].input_value("input[data-variable=block_radius]") == "19px"
        assert preview(shared[1], "--block-radius") == ["19px"]
        shared[2].check(shared[1])
    finally:
        shared[0].close()
    guard.check(page)


def test_undo_and_redo_restore_values_and_the_address(
    guarded: tuple[Any, Any], gallery: Gallery
) -> None:
    page, guard = guarded
    page.goto(gallery.url + "builder/?from=aurora")
    start = page.url
    assert page.is_disabled("#b-undo") and page.is_disabled("#b-redo")
    edit(page, "block_radius", "3px")
    first = page.url
    edit(page, "link_text_color", "*primary_800")
    second = page.url
    linked = preview(page, "--link-text-color")

    page.click("#b-undo")
    page.wait_for_selector(READY)
    assert page.url == first and page.input_value("input[data-variable=link_text_color]") == ""
    assert preview(page, "--link-text-color") != linked
    page.locator("body").click(position={"x": 5, "y": 5})
    page.keyboard.press("Control+z")
    page.wait_for_selector(READY)
    assert page.url == start and "s" not in state_of(page)
    assert page.input_value("input[data-variable=block_radius]") == ""
    assert page.is_disabled("#b-undo")

    page.keyboard.press("Control+Shift+z")
    page.wait_for_selector(READY)
    assert page.url == first and page.input_value("input[data-variable=block_radius]") == "3px"
    assert preview(page, "--block-radius") == ["3px"]
    page.click("#b-redo")
    page.wait_for_selector(READY)
    assert page.url == second and preview(page, "--link-text-color") == linked
    assert page.input_value("input[data-variable=link_text_color]") == "*primary_800"
    assert page.is_disabled("#b-redo")
    guard.check(page)


def test_an_unknown_theme_is_a_visible_warning(guarded: tuple[Any, Any], gallery: Gallery) -> None:
    page, guard = guarded
    page.goto(gallery.url + "builder/?from=xyz")
    first = page.text_content("#b-from option:checked")
    assert page.is_visible("#builder-warning")
    assert page.text_content("#builder-warning") == (
        f"No theme 'xyz' in this gallery; started from {first}."
    )
    page.goto(gallery.url + 'builder/?s={"from":"gone","variables":{"block_radius":"5px"}}')
    page.wait_for_selector(READY)
    assert "No theme 'gone'" in page.text_content("#builder-warning")
    assert preview(page, "--block-radius") == ["5px"]  # the edits are kept, on the fallback
    page.goto(gallery.url + "builder/?from=soft")
    assert page.is_hidden("#builder-warning")
    guard.check(page)


def test_a_bad_value_is_marked_on_its_field(guarded: tuple[Any, Any], gallery: Gallery) -> None:
    page, guard = guarded
    page.goto(gallery.url + "builder/?from=soft")
    page.fill("#b-filter", "block_label_text_color")
    field = "input[data-variable=block_label_text_color_dark]"
    page.fill(field, "red;} body{display:none")
    page.wait_for_selector("#builder-form[data-status=error]")
    assert page.get_attribute(field, "aria-invalid") == "true"
    note_id = page.get_attribute(field, "aria-describedby")
    note = page.locator(f"#{note_id}")
    assert note.is_visible() and "block_label_text_color_dark" in note.text_content()
    box, near = page.locator(field).bounding_box(), note.bounding_box()
    assert 0 <= near["y"] - box["y"] < 80 and near["y"] + near["height"] <= 900  # on screen
    page.fill(field, "")
    page.wait_for_selector(READY)
    assert page.get_attribute(field, "aria-invalid") is None
    assert page.locator(".field-error").count() == 0

    page.goto(gallery.url + 'builder/?s={"from":"soft","settings":{"primary_hue":"nope"}}')
    page.wait_for_selector("#builder-form[data-status=error]")
    assert page.get_attribute("select[data-setting=primary_hue]", "aria-invalid") == "true"
    guard.check(page)


def test_the_seed_swatch_follows_the_hue(guarded: tuple[Any, Any], gallery: Gallery) -> None:
    page, guard = guarded
    page.goto(gallery.url + "builder/?from=soft")
    page.select_option("select[data-setting=primary_hue]", "rose")
    rose = NAMED["rose"].c500.lower()
    assert page.input_value("input[data-seed-for=primary_hue]") == rose
    page.wait_for_selector(READY)
    assert page.input_value("input[data-seed-for=primary_hue]") == rose
    assert page.input_value("input[data-variable=primary_500]") == rose
    page.select_option("select[data-setting=primary_hue]", "")
    page.wait_for_selector(READY)
    assert page.input_value("input[data-seed-for=primary_hue]") == NAMED["indigo"].c500.lower()
    guard.check(page)


def test_start_from_keeps_the_edits_on_top(guarded: tuple[Any, Any], gallery: Gallery) -> None:
    page, guard = guarded
    page.goto(gallery.url + "builder/?from=soft")
    edit(page, "block_radius", "7px")
    page.select_option("#b-from", "ocean")
    page.wait_for_selector(READY)
    assert "your edit is kept on top" in page.text_content("#b-from-note")
    assert page.input_value("input[data-variable=block_radius]") == "7px"
    assert state_of(page)["from"] == ["ocean"] and '"from":"ocean"' in state_of(page)["s"][0]
    assert preview(page, "--block-radius") == ["7px"]
    ocean = livery.Theme.load("ocean")
    keep = page.text_content("select[data-setting=primary_hue] option[data-keep]")
    assert keep == f"Keep ({ocean.primary_hue.name})"
    assert preview(page, "--neutral-500") == [ocean.literal("neutral_500")]
    page.click("#b-undo")
    page.wait_for_selector(READY)
    assert page.input_value("#b-from") == "soft"
    guard.check(page)


def test_the_live_grade_follows_a_lowered_contrast(
    guarded: tuple[Any, Any], gallery: Gallery
) -> None:
    page, guard = guarded
    page.goto(gallery.url + "builder/?from=aurora")
    assert page.text_content("#builder-grade") == "AA"
    before = page.text_content("#builder-contrast")
    total = 2 * len(PAIRS)
    assert before.startswith(f"{total} of {total} pairs meet AA")
    edit(page, "body_text_color", "#d4d4d8")
    assert page.text_content("#builder-grade") == "fails"
    after = page.text_content("#builder-contrast")
    assert (
        after != before and not after.startswith(f"{total} of {total}") and "needs 4.5:1" in after
    )
    guard.check(page)


def test_every_export_link_downloads_what_the_cli_writes(
    guarded: tuple[Any, Any], gallery: Gallery, tmp_path: Path
) -> None:
    page, guard = guarded
    page.goto(gallery.url + "builder/?from=folio")
    page.fill("#b-name", "Night folio")
    page.fill("#b-description", "Folio, darker links")
    page.wait_for_selector(READY)
    edit(page, "link_text_color", "*primary_800")
    saved = {}
    for export in [*EXPORTS, None]:
        selector = "#export-python" if export is None else f"a[data-export='{export.kind}']"
        with page.expect_download() as info:
            page.click(selector)
        name = info.value.suggested_filename
        assert name == ("night-folio.py" if export is None else export.filename("night-folio"))
        info.value.save_as(tmp_path / name)
        saved[name] = (tmp_path / name).read_text(encoding="utf-8")
    theme = livery.Theme.load(tmp_path / "night-folio.toml")
    assert theme.name == "Night folio" and theme.description == "Folio, darker links"
    namespace: dict[str, object] = {}
    exec(saved["night-folio.py"], namespace)
    assert namespace["theme"].model_dump() == theme.model_dump()  # a readable diff

    cli = tmp_path / "cli"
    cli.mkdir()
    formats = {
        ".css": ["-f", "css"],
        ".gradio.json": ["-f", "gradio"],
        ".scss": ["-f", "scss"],
        ".tailwind.css": ["-f", "tailwind"],
        ".tailwind-replace.css": ["-f", "tailwind", "--tailwind-mode", "replace"],
        ".resolver.json": ["-f", "dtcg"],
        ".toml": ["-f", "toml"],
    }
    for suffix, arguments in formats.items():
        cli_export(tmp_path / "night-folio.toml", cli / f"night-folio{suffix}", *arguments)
    written = {path.name: path.read_text(encoding="utf-8") for path in cli.iterdir()}
    assert set(written) == {name for name in saved if not name.endswith(".py")}
    for name, text in written.items():
        assert saved[name] == text, name
    guard.check(page)


def test_typing_is_one_build_and_one_undo_step(guarded: tuple[Any, Any], gallery: Gallery) -> None:
    page, guard = guarded
    page.goto(gallery.url + "builder/?from=soft")
    builds: list[str] = []
    page.on("request", lambda r: builds.append(r.url) if r.url.endswith("/api/build") else None)
    page.fill("#b-filter", "block_radius")
    page.type("input[data-variable=block_radius]", "*radius_xxl")  # 11 keys
    page.wait_for_selector(READY)
    assert 1 <= len(builds) <= 4  # debounced: not one build per key (slack for a busy machine)
    assert preview(page, "--block-radius") == [livery.Theme.load("soft").literal("radius_xxl")]
    page.click("#b-undo")  # the whole word, not its last letter
    page.wait_for_selector(READY)
    assert page.input_value("input[data-variable=block_radius]") == ""
    assert page.is_disabled("#b-undo")
    guard.check(page)
