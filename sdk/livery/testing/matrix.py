"""Render many snapshots at once: one Chromium, a small pool of pages, themes switched in place.

``livery component test`` and ``bench/visual.py`` take dozens of screenshots of a few pages in
many themes and both modes. A fresh themed page per snapshot (a browser context, a navigation,
the fonts) costs more than the screenshot itself, and Playwright's sync API drives one page at
a time. Here its async API drives ``concurrency`` pages of one browser at once, in a private
thread with its own event loop, so it also runs where a sync Playwright is already active
(inside pytest, say).

Each page is prepared as ``livery.testing.page`` prepares one (the same browser flags and
fonts, a browser context of its own with the same options, document, private-origin route and
font wait) and loads a *scene*, the markup to snapshot, once. (A context per page matters:
pages sharing one are tabs of one headless window, and some of their screenshots came out 87
pixels short of the emulated viewport.) Its document holds every theme of the run as its own
``<style>`` element, all but one switched off with ``media="not all"``; a snapshot switches on
its theme, puts ``.dark`` on ``<body>`` (and the emulated colour scheme) for its mode, waits
for the fonts and captures. The scene is not reloaded between themes, as in the playground's
theme switcher; the pixels are those of a fresh page (the kitchen-sink baselines, taken with
fresh pages, match byte for byte: ``bench/visual.py`` checks).

A whole page that fits the viewport is captured with the one DevTools call Playwright itself
sends for it (``Page.captureScreenshot`` clipped to the page), without its round trips for
animations and the caret, which the page's stylesheet already stops; a taller page or an
element goes through Playwright's ``screenshot`` with the options of
``livery.testing.page.capture``. Where the time goes, on two cores: about 55 ms of CPU a
snapshot once a page is warm (half of it Chromium encoding the PNG, a third its compositor
drawing the capture), and about 0.8 s to open and load each page, so a page pays off after a
dozen snapshots.

Each PNG is handed to ``process`` on a small thread pool (comparing with a baseline is Python
work that should not hold up the pages); ``render`` returns its results in the order of the
shots.
"""

from __future__ import annotations

import asyncio
import base64
import math
import tempfile
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from livery.errors import SceneError
from livery.testing.browser import require_extras, snapshot_launch_options
from livery.testing.page import (
    FONTS_READY,
    ORIGIN,
    Mode,
    context_options,
    document,
    route_decision,
)

if TYPE_CHECKING:
    from playwright.async_api import Browser, BrowserContext, CDPSession, Page, Route

T = TypeVar("T")

LOAD_TIMEOUT_MS = 15_000
"""How long a scene may take to load and get ready."""

_THEME_ANCHOR = '<style id="livery-theme">\n</style>\n'

_SWITCH = """async ([name, dark]) => {
  for (const style of document.querySelectorAll("style[data-livery-theme]")) {
    const media = style.dataset.liveryTheme === name ? "all" : "not all";
    if (style.media !== media) style.media = media;
  }
  document.body.classList.toggle("dark", dark);
  await document.fonts.ready;
  const body = document.body, root = document.documentElement;
  return [
    Math.max(body.scrollWidth, root.scrollWidth, body.offsetWidth, root.offsetWidth,
             body.clientWidth, root.clientWidth),
    Math.max(body.scrollHeight, root.scrollHeight, body.offsetHeight, root.offsetHeight,
             body.clientHeight, root.clientHeight),
  ];
}"""
"""Switch theme and mode in place; the page's full size (as Playwright measures it)."""


@dataclass(frozen=True)
class Scene:
    """What a page shows: markup and CSS on top of the theme, and what to capture."""

    key: str
    html: str
    css: str = ""
    viewport: tuple[int, int] = (800, 600)
    selector: str | None = None
    """The element to capture (its first match), or ``None`` for the whole page."""
    wait_for: str | None = None
    """A selector to wait for after loading (a component mounted, say)."""
    error_attribute: tuple[str, str] | None = None
    """``(selector, attribute)``: when that element has the attribute once ready, the scene
    failed to render and the attribute's value says why."""


@dataclass(frozen=True)
class Shot:
    """One snapshot: a scene in a theme (a key of ``render``'s ``themes``) and a mode."""

    scene: str
    theme: str
    mode: Mode


@dataclass(frozen=True)
class Rendered:
    """A shot's PNG, or why there is none; with how long switching and capturing took."""

    shot: Shot
    png: bytes | None = None
    error: str | None = None
    detail: str = ""
    """The whole error text (a stack, say) behind the one-line ``error``."""
    switch_seconds: float = 0.0
    capture_seconds: float = 0.0


@dataclass
class _Slot:
    """A worker's page and what it currently shows."""

    context: BrowserContext
    page: Page
    cdp: CDPSession
    source: dict[str, str]
    scene: str | None = None
    mode: Mode = "light"
    viewport: tuple[int, int] = (0, 0)


@dataclass
class _Run(Generic[T]):
    scenes: Mapping[str, Scene]
    themes: Mapping[str, str]
    process: Callable[[Rendered], T]
    pool: ThreadPoolExecutor
    stop: threading.Event
    futures: dict[int, Future[T]] = field(default_factory=dict)


def default_concurrency(cpus: int | None = None) -> int:
    """Pages at once: one more than the CPUs, between 2 and 4 (a page waits on the browser
    about half the time, and beyond four they only compete for the same cores)."""
    import os

    count = cpus if cpus is not None else (os.cpu_count() or 2)
    return max(2, min(4, count + 1))


def pages_for(shots: int, concurrency: int | None = None) -> int:
    """How many pages ``render`` opens for ``shots`` shots: ``concurrency`` (by default
    ``default_concurrency()``), but never more pages than shots, and at least one."""
    return max(1, min(concurrency or default_concurrency(), shots))


def render(
    scenes: Sequence[Scene],
    shots: Sequence[Shot],
    themes: Mapping[str, str],
    process: Callable[[Rendered], T],
    *,
    concurrency: int | None = None,
    on_ready: Callable[[], None] | None = None,
) -> list[T]:
    """Render every shot with one browser and ``concurrency`` pages, and ``process`` each.

    ``themes`` maps each theme key the shots use to its stylesheet (``theme_css``). ``process``
    runs on a worker thread, once per shot, and may be called from several at once; its
    results come back in the order of ``shots``. ``on_ready`` is called once the browser is
    up, before the first page. A shot whose scene failed to load gets a ``Rendered`` with the
    error; a missing Chromium or Playwright raises before any.
    """
    require_extras()
    by_key = {scene.key: scene for scene in scenes}
    missing = {shot.scene for shot in shots} - by_key.keys()
    if missing:
        raise ValueError(f"shots name unknown scenes: {', '.join(sorted(missing))}")
    unknown = {shot.theme for shot in shots} - themes.keys()
    if unknown:
        raise ValueError(f"shots name themes without a stylesheet: {', '.join(sorted(unknown))}")
    if not shots:
        return []
    workers = pages_for(len(shots), concurrency)
    stop = threading.Event()
    outcome: dict[str, Any] = {}

    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="livery-process") as pool:
        run = _Run(by_key, themes, process, pool, stop)

        def main() -> None:
            try:
                asyncio.run(_render(run, list(shots), workers, on_ready))
            except BaseException as error:  # handed to the calling thread
                outcome["error"] = error

        thread = threading.Thread(target=main, name="livery-render", daemon=True)
        thread.start()
        try:
            while thread.is_alive():
                thread.join(0.1)
        except KeyboardInterrupt:
            stop.set()
            thread.join()
            raise
        if "error" in outcome:
            raise outcome["error"]
        return [run.futures[index].result() for index in range(len(shots))]


async def _render(
    run: _Run[Any], shots: list[Shot], workers: int, on_ready: Callable[[], None] | None
) -> None:
    from playwright.async_api import async_playwright

    batches: asyncio.Queue[list[tuple[int, Shot]]] = asyncio.Queue()
    for batch in _batches(shots, workers):
        batches.put_nowait(batch)
    with tempfile.TemporaryDirectory(prefix="livery-fonts-") as folder:
        options = snapshot_launch_options(Path(folder))
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(**options)
            try:
                if on_ready is not None:
                    on_ready()
                await asyncio.gather(*(_worker(run, browser, batches) for _ in range(workers)))
            finally:
                await browser.close()


def _batches(shots: list[Shot], workers: int) -> list[list[tuple[int, Shot]]]:
    """The shots grouped by scene, light before dark (a page changes its colour scheme as
    seldom as it can). Loading a scene costs about as much as five snapshots, so a scene is
    one batch, split only when there are fewer scenes than workers, to keep them all busy."""
    by_scene: dict[str, list[tuple[int, Shot]]] = {}
    for index, shot in enumerate(shots):
        by_scene.setdefault(shot.scene, []).append((index, shot))
    parts = math.ceil(workers / len(by_scene)) if len(by_scene) < workers else 1
    batches = []
    for group in by_scene.values():
        group.sort(key=lambda item: (item[1].mode != "light", item[0]))
        step = math.ceil(len(group) / min(parts, len(group)))
        batches.extend(group[start : start + step] for start in range(0, len(group), step))
    return batches


async def _worker(
    run: _Run[Any], browser: Browser, batches: asyncio.Queue[list[tuple[int, Shot]]]
) -> None:
    slot: _Slot | None = None
    try:
        while not batches.empty() and not run.stop.is_set():
            batch = batches.get_nowait()
            scene = run.scenes[batch[0][1].scene]
            try:
                if slot is None:
                    slot = await _open(browser, scene.viewport, batch[0][1].mode)
                if slot.scene != scene.key:
                    await _load(slot, scene, batch[0][1], run.themes)
            except Exception as error:
                reason, detail = _one_line(error), str(error)
                for index, shot in batch:
                    _hand_over(run, index, Rendered(shot, error=reason, detail=detail))
                slot = await _discard(slot)
                continue
            for position, (index, shot) in enumerate(batch):
                if run.stop.is_set():
                    return
                try:
                    _hand_over(run, index, await _shoot(slot, scene, shot, run.themes))
                except Exception as error:
                    reason, detail = _one_line(error), str(error)
                    for later, rest in batch[position:]:
                        _hand_over(run, later, Rendered(rest, error=reason, detail=detail))
                    slot = await _discard(slot)
                    break
    finally:
        await _discard(slot)


def _hand_over(run: _Run[Any], index: int, rendered: Rendered) -> None:
    run.futures[index] = run.pool.submit(run.process, rendered)


async def _open(browser: Browser, viewport: tuple[int, int], mode: Mode) -> _Slot:
    context = await browser.new_context(**context_options(mode, viewport))
    source = {"html": ""}

    async def handle(route: Route) -> None:
        action, options = route_decision(route.request.url, source["html"])
        await getattr(route, action)(**options)

    try:
        await context.route("**/*", handle)
        page = await context.new_page()
        cdp = await context.new_cdp_session(page)
    except BaseException:
        await context.close()
        raise
    return _Slot(context, page, cdp, source, mode=mode, viewport=viewport)


async def _discard(slot: _Slot | None) -> None:
    if slot is not None:
        with suppress(Exception):  # the browser may be gone already
            await slot.context.close()
    return None


async def _load(slot: _Slot, scene: Scene, first: Shot, themes: Mapping[str, str]) -> None:
    """Show ``scene`` in ``slot`` with every theme in the document and ``first``'s active."""
    page = slot.page
    slot.scene = None
    slot.source["html"] = _document(scene, first, themes)
    if slot.viewport != scene.viewport:
        width, height = scene.viewport
        await page.set_viewport_size({"width": width, "height": height})
        slot.viewport = scene.viewport
    if slot.mode != first.mode:
        await page.emulate_media(color_scheme=first.mode)
        slot.mode = first.mode
    await page.goto(f"{ORIGIN}/", wait_until="load", timeout=LOAD_TIMEOUT_MS)
    await page.evaluate(FONTS_READY)
    if scene.wait_for is not None:
        await page.wait_for_selector(scene.wait_for, state="attached", timeout=LOAD_TIMEOUT_MS)
    if scene.error_attribute is not None:
        selector, attribute = scene.error_attribute
        problem = await page.get_attribute(selector, attribute)
        if problem is not None:
            raise SceneError(problem.strip() or "failed to render")
    slot.scene = scene.key


def _document(scene: Scene, first: Shot, themes: Mapping[str, str]) -> str:
    page_html = document("", first.mode, scene.html, scene.css)
    for text in themes.values():
        if "</style" in text.lower():
            raise ValueError("a theme stylesheet must not contain '</style'")
    sheets = "".join(
        f'<style data-livery-theme="{escape(key, quote=True)}"'
        f' media="{"all" if key == first.theme else "not all"}">\n{text}</style>\n'
        for key, text in themes.items()
    )
    head, anchor, tail = page_html.partition(_THEME_ANCHOR)
    if not anchor:
        raise AssertionError("livery.testing.page.document() no longer has its theme element")
    return f"{head}{sheets}{tail}"


async def _shoot(slot: _Slot, scene: Scene, shot: Shot, themes: Mapping[str, str]) -> Rendered:
    page = slot.page
    started = time.perf_counter()
    if slot.mode != shot.mode:
        await page.emulate_media(color_scheme=shot.mode)
        slot.mode = shot.mode
    width, height = await page.evaluate(_SWITCH, [shot.theme, shot.mode == "dark"])
    switched = time.perf_counter()
    options: dict[str, Any] = {"type": "png", "animations": "disabled", "caret": "hide"}
    options["scale"] = "css"
    if scene.selector is not None:
        png = await page.locator(scene.selector).first.screenshot(**options)
    elif width <= scene.viewport[0] and height <= scene.viewport[1]:
        clip = {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}
        result = await slot.cdp.send(
            "Page.captureScreenshot",
            {"format": "png", "clip": clip, "captureBeyondViewport": False},
        )
        png = base64.b64decode(result["data"])
    else:
        png = await page.screenshot(full_page=True, **options)
    done = time.perf_counter()
    return Rendered(shot, png, switch_seconds=switched - started, capture_seconds=done - switched)


def _one_line(error: BaseException) -> str:
    text = next(iter(str(error).strip().splitlines()), "") or type(error).__name__
    return text if isinstance(error, SceneError) else f"{type(error).__name__}: {text}"
