"""A Playwright page with a theme applied, set up so that it renders the same pixels every time.

The page is served from a private origin (``http://livery.test``) through a route: the document,
the bundled fonts and nothing else. Every other request is refused (loopback hosts excepted, so
a test can still open its own local server), which keeps snapshots off the network and makes
a theme's Google-font ``@import`` harmless. The context fixes what varies between machines and
runs: viewport, device scale factor 1, reduced motion, colour scheme, locale and time zone; the
stylesheet turns off animations, transitions and the text caret and forces the test fonts.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit

from livery.testing.fonts import FONT_URL_PREFIX, MONO_FAMILY, SANS_FAMILY, font_face_css, font_path

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Route

    from livery.theme import Theme

Mode = Literal["light", "dark"]

ORIGIN = "http://livery.test"
"""The private origin test pages are served from; it never reaches the network."""

_LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1"})

BASE_CSS = """\
html { font-family: var(--font); }
body {
  margin: 0;
  background: var(--body-background-fill);
  color: var(--body-text-color);
  font-family: var(--font);
  font-size: var(--body-text-size);
}
"""
"""What Gradio's container gives a page: the theme's background, text colour, font and size."""

FREEZE_CSS = """\
*, *::before, *::after {
  animation: none !important;
  transition: none !important;
  caret-color: transparent !important;
}
"""
"""Nothing moves and no caret blinks, so a screenshot does not depend on when it is taken."""

FONTS_READY = f"""async () => {{
  await Promise.all([
    document.fonts.load('16px "{SANS_FAMILY}"'),
    document.fonts.load('16px "{MONO_FAMILY}"'),
  ]);
  await document.fonts.ready;
}}"""
"""A page script that resolves once the bundled fonts are loaded."""


def theme_css(theme: str | os.PathLike[str] | Theme) -> str:
    """The stylesheet of ``theme``: a library name, a theme file path, or a ``Theme``.

    The dark values hang off a ``.dark`` class, as in Gradio. Library themes are compiled once
    per process; files are read every time, since a test may have just written one.
    """
    from livery.theme import Theme

    if isinstance(theme, Theme):
        return theme.css(dark="class")
    if isinstance(theme, str) and not _looks_like_path(theme):
        return _library_css(theme.strip().lower())
    return Theme.load(theme).css(dark="class")


@lru_cache(maxsize=64)
def _library_css(name: str) -> str:
    from livery.theme import Theme

    return Theme.load(name).css(dark="class")


def _looks_like_path(text: str) -> bool:
    return text.lower().endswith((".toml", ".json")) or "/" in text or os.sep in text


def document(stylesheet: str, mode: Mode, html: str = "", css: str = "") -> str:
    """The test page: the theme's stylesheet, the base and extra CSS, the determinism rules
    (last, so they win), and ``html`` in a body that carries ``.dark`` in dark mode (where
    Gradio puts it)."""
    for text in (stylesheet, css):
        if "</style" in text.lower():
            raise ValueError("a stylesheet for the test page must not contain '</style'")
    body_class = ' class="dark"' if mode == "dark" else ""
    return (
        "<!doctype html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<style id="livery-theme">\n{stylesheet}</style>\n'
        f'<style id="livery-base">\n{BASE_CSS}</style>\n'
        f'<style id="livery-css">\n{css}\n</style>\n'
        f'<style id="livery-determinism">\n{font_face_css()}{FREEZE_CSS}</style>\n'
        f"</head>\n<body{body_class}>\n{html}\n</body>\n</html>\n"
    )


def context_options(mode: Mode, viewport: tuple[int, int]) -> dict[str, Any]:
    """``browser.new_context`` keyword arguments for a test page (the sync and async APIs
    take the same): viewport, device scale factor 1, reduced motion, colour scheme, locale and
    time zone."""
    if mode not in ("light", "dark"):
        raise ValueError(f"mode must be 'light' or 'dark', not {mode!r}")
    width, height = viewport
    if width <= 0 or height <= 0:
        raise ValueError(f"viewport must be two positive sizes, not {viewport!r}")
    return {
        "viewport": {"width": width, "height": height},
        "device_scale_factor": 1,
        "reduced_motion": "reduce",
        "color_scheme": mode,
        "forced_colors": "none",
        "locale": "en-US",
        "timezone_id": "UTC",
    }


def new_themed_page(
    browser: Browser,
    theme: str | os.PathLike[str] | Theme = "default",
    mode: Mode = "light",
    *,
    html: str | None = None,
    css: str | None = None,
    viewport: tuple[int, int] = (800, 600),
) -> Page:
    """A new page (in its own browser context) showing ``html`` styled by ``theme`` in ``mode``.

    ``css`` is extra CSS (a component's styles) placed after the theme. Close the page's
    context when done: ``page.context.close()``.
    """
    options = context_options(mode, viewport)
    page_html = document(theme_css(theme), mode, html or "", css or "")

    context = browser.new_context(**options)
    try:
        context.route("**/*", _router(page_html))
        page = context.new_page()
        page.goto(f"{ORIGIN}/", wait_until="load")
        page.evaluate(FONTS_READY)
    except BaseException:
        context.close()
        raise
    return page


def _router(page_html: str) -> Any:
    """The route handler: the page and the fonts from the private origin, loopback passes,
    everything else is refused."""

    def handle(route: Route) -> None:
        action, options = route_decision(route.request.url, page_html)
        getattr(route, action)(**options)

    return handle


def route_decision(url: str, page_html: str) -> tuple[str, dict[str, Any]]:
    """What the test page's route does with a request for ``url``: the ``Route`` method to call
    (``fulfill``, ``continue_`` or ``abort``) and its keyword arguments. The sync and async
    APIs share it: ``getattr(route, action)(**options)``, awaited in the async one."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if f"{parts.scheme}://{parts.netloc}" == ORIGIN:
        if parts.path == "/":
            return "fulfill", {"body": page_html, "content_type": "text/html; charset=utf-8"}
        font = None
        if parts.path.startswith(FONT_URL_PREFIX):
            font = font_path(parts.path[len(FONT_URL_PREFIX) :])
        if font is not None:
            return "fulfill", {"path": font, "content_type": "font/ttf"}
        return "fulfill", {"status": 404, "body": "not found", "content_type": "text/plain"}
    if host in _LOOPBACK:
        return "continue_", {}
    return "abort", {"error_code": "blockedbyclient"}


def capture(target: Any) -> bytes:
    """A PNG of a page (the full page, at least the viewport) or of a locator's element.

    Waits for the fonts, then lets Playwright stop CSS animations and hide the caret as well
    (belt and braces: a component may start an animation after the page loaded).
    """
    if hasattr(target, "goto"):
        page = target
    elif hasattr(target, "owner_frame"):  # an ElementHandle
        page = target.owner_frame().page
    else:  # a Locator
        page = target.page
    page.evaluate("() => document.fonts.ready.then(() => undefined)")
    options: dict[str, Any] = {"type": "png", "animations": "disabled", "caret": "hide"}
    options["scale"] = "css"
    if target is page:
        return page.screenshot(full_page=True, **options)
    return target.screenshot(**options)
