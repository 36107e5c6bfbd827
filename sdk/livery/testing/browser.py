"""Launch the headless Chromium that snapshots are taken with, set up to render the same way
everywhere.

``chromium.launch_options`` finds the browser; this adds what makes its pixels repeatable: an
sRGB colour profile instead of the display's, no LCD (coloured) text anti-aliasing, and on Linux
a fontconfig that knows only the bundled test fonts (see ``livery.testing.fonts``). Playwright
is imported only here and only when a browser is wanted, so the pytest plugin loads without it.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from livery.errors import MissingTestingExtrasError
from livery.testing.chromium import launch_options
from livery.testing.fonts import fontconfig_supported, write_fontconfig

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright

DETERMINISM_ARGS = (
    "--force-color-profile=srgb",
    "--disable-lcd-text",
    "--hide-scrollbars",
)
"""Chromium flags that take the machine's display settings out of the pixels."""


def require_extras() -> Any:
    """The ``playwright.sync_api`` module once Playwright, Pillow and pixelmatch are importable,
    or a ``MissingTestingExtrasError`` that says what to install."""
    try:
        import PIL  # noqa: F401
        import pixelmatch  # noqa: F401
        from playwright import sync_api
    except ImportError as error:
        raise MissingTestingExtrasError(
            f"livery.testing needs {error.name or 'its extras'} (Playwright, Pillow and "
            "pixelmatch): pip install 'livery-sdk[authoring]'"
        ) from None
    return sync_api


def snapshot_launch_options(folder: Path) -> dict[str, Any]:
    """``chromium.launch`` keyword arguments for a snapshot browser (the sync and async APIs
    take the same); the font setup is written into ``folder``, which must outlive the browser.

    Raises ``ChromiumNotFoundError`` with the ways to get one when there is no Chromium.
    """
    options: dict[str, Any] = launch_options()
    options["args"] = [*options["args"], *DETERMINISM_ARGS]
    if fontconfig_supported():
        config = write_fontconfig(folder)
        options["env"] = {**os.environ, "FONTCONFIG_FILE": str(config)}
    return options


@contextmanager
def snapshot_browser(playwright: Playwright) -> Iterator[Browser]:
    """A headless Chromium for snapshots, closed (and its font setup removed) on exit.

    Raises ``ChromiumNotFoundError`` with the ways to get one when there is no Chromium.
    """
    with tempfile.TemporaryDirectory(prefix="livery-fonts-") as folder:
        browser = playwright.chromium.launch(**snapshot_launch_options(Path(folder)))
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def open_browser() -> Iterator[Browser]:
    """Start Playwright and a snapshot Chromium, for use outside pytest (scripts, the CLI).

    Only one synchronous Playwright may run per thread: inside pytest use the
    ``livery_browser`` fixture instead of starting a second one.
    """
    sync_api = require_extras()
    with sync_api.sync_playwright() as playwright, snapshot_browser(playwright) as browser:
        yield browser
