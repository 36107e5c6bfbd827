"""Shared for the interop tests: one loopback server holding a Gradio-themed and a
Livery-themed copy of the kitchen-sink app per theme, and Chromium's drawing of each copy.

Starting Gradio apps and loading them in a browser is what costs time here, so both happen once
per session: the server mounts every theme at start, and each (theme, mode) pair of pages is
loaded once and kept (computed styles and a screenshot), however many tests read it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from .gradio_apps import BUILTINS, PARTS, PUBLISHED, mounted_app, serve

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

MOUNTED = (*BUILTINS, "aurora", *PUBLISHED)
"""The themes the shared server mounts: Gradio's twelve, one Livery original, and published
Python themes (``gradio_apps.PUBLISHED``)."""

VIEWPORT = (1000, 800)

READY = """() => !!(
    document.querySelector('#dataframe .virtual-row .body-cell')
    && document.querySelector('#chatbot .bot')
    && document.querySelector('#tab-second-button')
    && getComputedStyle(document.documentElement)
        .getPropertyValue('--button-primary-background-fill') !== ''
)"""
"""True once Gradio has drawn every widget of the kitchen sink and the theme is applied."""

SETTLE = """async () => {
    await document.fonts.ready;
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
}"""
"""Resolves after the fonts are in and two frames are drawn with them."""

FREEZE = """*, *::before, *::after {
  animation: none !important;
  transition: none !important;
  caret-color: transparent !important;
}"""
"""Nothing moves and no caret blinks, so a screenshot does not depend on when it is taken."""

STYLES = """(widgets) => {
    const pick = (element, names) => {
        const style = getComputedStyle(element);
        return Object.fromEntries(names.map((name) => [name, style.getPropertyValue(name)]));
    };
    const out = {};
    for (const [widget, parts] of Object.entries(widgets)) {
        for (const [part, [selector, names]] of Object.entries(parts)) {
            const element = document.querySelector(selector);
            out[`${widget} ${part}`] = element ? pick(element, names) : null;
        }
    }
    out["page fill"] = {"--body-background-fill": getComputedStyle(
        document.querySelector(".dark") || document.body
    ).getPropertyValue("--body-background-fill").trim()};
    out["page dark"] = {"class": String(!!document.querySelector(".dark"))};
    return out;
}"""

FONTS = """() => [...document.fonts].filter((face) => face.status === "loaded")
    .map((face) => `${face.family.replaceAll('"', "")} ${face.weight}`).sort()"""
"""The font faces the page has loaded (requests off the app's server are refused, so these
came from the app itself)."""
"""The computed styles of each widget part: ``{"<widget> <part>": {property: value}}``."""


def remeasure(page: Any) -> None:
    """Make Gradio measure its layout again, now that the fonts are in.

    The dataframe fixes its column widths from the header cells' widths when it first sees
    them; if a font arrives later the widths stay those of the fallback font, by a fraction of
    a pixel or a few, on whichever copy lost the race. A real resize makes it measure again.
    """
    width, height = VIEWPORT
    page.set_viewport_size({"width": width // 2, "height": height})
    page.evaluate(SETTLE)
    page.set_viewport_size({"width": width, "height": height})
    page.evaluate(SETTLE)


@dataclass(frozen=True)
class Drawn:
    """One app as Chromium drew it: computed styles by widget part, and a full-page PNG."""

    styles: dict[str, dict[str, str] | None]
    png: bytes
    fonts: tuple[str, ...]


@pytest.fixture(scope="session")
def mounted() -> Iterator[str]:
    """One server: for each theme in ``MOUNTED``, ``/gradio-<name>/`` themed by Gradio and
    ``/livery-<name>/`` by Livery, both through ``gr.mount_gradio_app(…, theme=…)``."""
    pytest.importorskip("gradio")
    with serve(mounted_app(MOUNTED)) as url:
        yield url


@pytest.fixture(scope="session")
def drawn(browser: Any, mounted: str) -> Iterator[Callable[[str, str], tuple[Drawn, Drawn]]]:
    """``drawn(name, mode)``: the Gradio-themed and the Livery-themed app of that theme in that
    mode (``?__theme=light|dark``) as Chromium draws them, with the computed styles of every
    element in ``PARTS``.

    One page loads them in turn (a second page would be a background tab, whose frames Chromium
    throttles and whose layout then differs), each pair once per session. Requests off the
    loopback server (Google fonts) are refused: the test fonts stand in on both sides.
    """
    from livery.testing.page import context_options

    context = browser.new_context(**context_options("light", VIEWPORT))
    context.route(lambda url: not url.startswith(mounted), lambda route: route.abort())
    page = context.new_page()
    seen: dict[tuple[str, str], tuple[Drawn, Drawn]] = {}

    def draw_one(path: str, mode: str) -> Drawn:
        page.goto(f"{mounted}/{path}/?__theme={mode}", wait_until="commit")
        page.wait_for_function(READY, timeout=30_000)
        page.add_style_tag(content=FREEZE)
        page.evaluate(SETTLE)
        remeasure(page)
        png = page.screenshot(full_page=True, animations="disabled", caret="hide")
        return Drawn(page.evaluate(STYLES, PARTS), png, tuple(page.evaluate(FONTS)))

    def draw(name: str, mode: str) -> tuple[Drawn, Drawn]:
        key = (name, mode)
        if key not in seen:
            path = name.lower()
            seen[key] = (draw_one(f"gradio-{path}", mode), draw_one(f"livery-{path}", mode))
        return seen[key]

    yield draw
    context.close()
