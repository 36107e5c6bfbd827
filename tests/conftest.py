"""Shared fixtures: a real Chromium through Playwright, and small helpers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from livery.testing.chromium import launch_options


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One headless Chromium for the whole run."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(**launch_options())
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh page with a fixed viewport."""
    context = browser.new_context(viewport={"width": 800, "height": 600})  # type: ignore[attr-defined]
    page = context.new_page()
    yield page
    context.close()
