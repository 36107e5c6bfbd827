"""Shared fixtures: a real Chromium through Playwright, and small helpers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(scope="session")
def browser(livery_browser: object) -> object:
    """One headless Chromium for the whole run: the ``livery.testing`` plugin's (Playwright
    allows one synchronous driver per thread, so everything shares it)."""
    return livery_browser


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh page with a fixed viewport."""
    context = browser.new_context(viewport={"width": 800, "height": 600})  # type: ignore[attr-defined]
    page = context.new_page()
    yield page
    context.close()
