"""The promise in Chromium: the same Gradio app, launched with each of Gradio's twelve
``gr.themes.X()`` and with ``livery.themes.X()`` in its place, looks the same, light and dark.

One server (``conftest.mounted``) holds both copies of a kitchen-sink app per theme; each pair
is loaded once (``conftest.drawn``). Two checks per theme and mode: the computed styles of every
widget part in ``gradio_apps.PARTS`` are equal, and the full-page screenshots are equal within
anti-aliasing (a few levels per channel on a handful of pixels). A failure names the theme,
mode, widget, part and property, or saves both screenshots and a diff under the test's tmp dir.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from .gradio_apps import BUILTINS, PUBLISHED, livery_theme

pytest.importorskip("gradio")

pytestmark = [
    pytest.mark.interop,
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore::Warning:gradio.queueing"),
]

MODES = ("light", "dark")

CHANNEL_TOLERANCE = 8
"""How far (of 255) a colour channel may be off before a pixel counts as different: text and
edge anti-aliasing wobble by a few levels, a theme colour that is off by one shade moves more."""

MAX_DIFFERING = 0.001
"""The share of pixels that may differ beyond the tolerance (0.1 %: stray anti-aliasing)."""

Draw = Callable[[str, str], tuple[Any, Any]]


def style_differences(expected: dict[str, Any], actual: dict[str, Any]) -> list[str]:
    """``<widget> <part>: <property>: Gradio …, Livery …`` for each computed value that differs
    (a part missing on one side is one line too)."""
    lines = []
    for part, wanted in expected.items():
        got = actual.get(part)
        if wanted is None or got is None:
            if wanted != got:
                lines.append(
                    f"{part}: Gradio {'missing' if wanted is None else 'present'}, "
                    f"Livery {'missing' if got is None else 'present'}"
                )
            continue
        lines.extend(
            f"{part}: {prop}: Gradio {value!r}, Livery {got.get(prop)!r}"
            for prop, value in wanted.items()
            if got.get(prop) != value
        )
    return lines


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", [*BUILTINS, *PUBLISHED])
def test_widgets_compute_the_same_styles(drawn: Draw, name: str, mode: str) -> None:
    gradio, ours = drawn(name, mode)
    missing = [part for part, styles in gradio.styles.items() if styles is None]
    assert not missing, f"{name} ({mode}): the kitchen sink has no {', '.join(missing)}"
    assert gradio.styles["page dark"]["class"] == str(mode == "dark").lower()
    lines = style_differences(gradio.styles, ours.styles)
    assert not lines, f"{name} ({mode}), {len(lines)} computed values differ:\n  " + "\n  ".join(
        lines
    )
    # the page really wears the theme, in this mode
    fill = livery_theme(name).literal("body_background_fill", dark=mode == "dark")
    assert ours.styles["page fill"]["--body-background-fill"].lower() == fill.lower()


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", [*BUILTINS, *PUBLISHED])
def test_screenshots_are_the_same(drawn: Draw, name: str, mode: str, tmp_path: Path) -> None:
    gradio, ours = drawn(name, mode)
    problem = pixel_difference(gradio.png, ours.png, tmp_path / f"{name.lower()}-{mode}")
    assert problem is None, f"{name} ({mode}): {problem}"


@pytest.mark.parametrize("name", BUILTINS)
def test_the_app_serves_the_themes_fonts_as_gradio_does(drawn: Draw, name: str) -> None:
    """Fonts Gradio ships (IBM Plex Mono, Source Sans Pro, …) load from the app itself, the
    same faces in both copies; Google fonts Gradio does not ship are links in both, refused
    here, so neither copy loads them."""
    gradio, ours = drawn(name, "light")
    assert ours.fonts == gradio.fonts
    shipped = {face.rsplit(" ", 1)[0] for face in ours.fonts}
    mono = livery_theme(name).font_mono[0]
    if getattr(mono, "name", None) == "IBM Plex Mono":
        assert "IBM Plex Mono" in shipped, ours.fonts


def test_a_published_soft_set_theme_keeps_gradios_white_page(drawn: Draw) -> None:
    """ChuanhuChatGPT's ``gr.themes.Soft(…).set(…)``: Gradio's ``.set()`` resets Soft's grey
    page to white, and with the import switched Livery draws it white too (above); Livery's
    own semantics would keep the grey, and ``gradio_resets`` says so."""
    theme = livery_theme("chuanhu")
    assert theme.literal("background_fill_primary") == "white"
    (reset,) = theme.gradio_resets
    assert (reset.variable, reset.was, reset.now) == (
        "background_fill_primary",
        "*neutral_50",
        "white",
    )
    gradio, _ = drawn("chuanhu", "light")
    assert gradio.styles["page fill"]["--body-background-fill"] == "white"


def pixel_difference(expected: bytes, actual: bytes, stem: Path) -> str | None:
    """``None`` when two PNGs are equal within ``CHANNEL_TOLERANCE`` on all but
    ``MAX_DIFFERING`` of their pixels; otherwise what differs, with the paths of both images
    and of a diff (differing pixels red over a faded copy of Gradio's) saved beside ``stem``."""
    from PIL import Image, ImageChops

    before = Image.open(io.BytesIO(expected)).convert("RGB")
    after = Image.open(io.BytesIO(actual)).convert("RGB")
    if before.size == after.size:
        bands = ImageChops.difference(before, after).split()
        over = [band.point(lambda level: 255 if level > CHANNEL_TOLERANCE else 0) for band in bands]
        mask = ImageChops.lighter(ImageChops.lighter(over[0], over[1]), over[2])
        differing = mask.histogram()[255]
        total = before.width * before.height
        if differing <= MAX_DIFFERING * total:
            return None
        what = (
            f"{differing} of {total} pixels ({differing / total:.3%}) differ by more than "
            f"{CHANNEL_TOLERANCE}/255 in a channel, in the box {mask.getbbox()}"
        )
        faded = Image.blend(
            before.convert("L").convert("RGB"), Image.new("RGB", before.size, "white"), 0.8
        )
        diff = Image.composite(Image.new("RGB", before.size, (255, 0, 0)), faded, mask)
    else:
        what = f"the pages are {before.size} (Gradio) and {after.size} (Livery) pixels"
        diff = None
    stem.parent.mkdir(parents=True, exist_ok=True)
    saved = [stem.with_name(f"{stem.name}-gradio.png"), stem.with_name(f"{stem.name}-livery.png")]
    saved[0].write_bytes(expected)
    saved[1].write_bytes(actual)
    if diff is not None:
        saved.append(stem.with_name(f"{stem.name}-diff.png"))
        diff.save(saved[-1])
    return f"{what}; saved {', '.join(str(path) for path in saved)}"


def test_the_comparisons_see_another_theme(drawn: Draw, tmp_path: Path) -> None:
    """Guard against a vacuous matrix: Soft and Citrus (both Gradio's) compute different
    styles, Soft light and dark draw different pixels, and that failure leaves both images and
    a diff behind."""
    soft, citrus = drawn("Soft", "light")[0], drawn("Citrus", "light")[0]
    lines = style_differences(soft.styles, citrus.styles)
    assert any(line.startswith("primary button button: background") for line in lines), lines
    dark = drawn("Soft", "dark")[0]
    problem = pixel_difference(soft.png, dark.png, tmp_path / "soft")
    assert problem is not None and "differ by more than" in problem
    for side in ("gradio", "livery", "diff"):
        assert (tmp_path / f"soft-{side}.png").stat().st_size > 0, side
        assert str(tmp_path / f"soft-{side}.png") in problem
