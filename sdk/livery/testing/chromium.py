"""Find a Chromium for Playwright: ``LIVERY_CHROMIUM``, Playwright's own, then the system's.

Playwright cannot download browsers on every machine, and Debian's ``chromium`` package works
just as well when Playwright is told where it is.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from livery.errors import ChromiumNotFoundError

LAUNCH_ARGS = (
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
)
"""Flags that keep a headless Chromium quiet and off the network."""

_SYSTEM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> Path | None:
    """The Chromium to drive, or ``None`` to let Playwright use its own download."""
    configured = os.environ.get("LIVERY_CHROMIUM")
    if configured:
        path = Path(configured)
        if not path.is_file():
            raise ChromiumNotFoundError(f"LIVERY_CHROMIUM={configured}: no such file")
        return path
    if _playwright_has_chromium():
        return None
    for name in _SYSTEM_NAMES:
        found = shutil.which(name)
        if found:
            return Path(found)
    raise ChromiumNotFoundError(
        "no Chromium found: set LIVERY_CHROMIUM, run 'playwright install chromium', or on "
        "Debian/Ubuntu 'apt-get install chromium'"
    )


def _playwright_has_chromium() -> bool:
    root = os.environ.get("PLAYWRIGHT_BROWSERS_PATH") or Path.home() / ".cache" / "ms-playwright"
    return any(Path(root).glob("chromium-*/chrome-linux*/chrome"))


def launch_options() -> dict[str, object]:
    """Keyword arguments for ``playwright.chromium.launch``."""
    path = find_chromium()
    options: dict[str, object] = {"args": list(LAUNCH_ARGS), "headless": True}
    if path is not None:
        options["executable_path"] = str(path)
    return options
