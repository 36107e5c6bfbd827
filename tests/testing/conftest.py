"""The plugin is tested as a user meets it: pytest runs generated test files through ``pytester``.

Browser tests run pytest in a subprocess, which also keeps their synchronous Playwright apart
from the one ``tests/conftest.py`` may have started in this process (only one may run per
thread).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

_REAL_HOME = Path.home()
"""Read before pytester points HOME at its temporary folder, where Playwright's own browsers
(``~/.cache/ms-playwright``) would no longer be found."""

Run = Callable[..., pytest.RunResult]

_QUIET = ("-p", "no:cacheprovider", "-p", "no:hypothesispytest", "-p", "no:anyio")
"""Plugins a generated project does not need; skipping them saves most of pytest's start-up."""


@pytest.fixture
def project(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> pytest.Pytester:
    """A pytester project with its own rootdir, a developer's environment (no ``CI``), and
    Playwright's browsers still findable."""
    pytester.makeini("[pytest]\n")
    monkeypatch.delenv("CI", raising=False)
    browsers = _REAL_HOME / ".cache" / "ms-playwright"
    if "PLAYWRIGHT_BROWSERS_PATH" not in os.environ and browsers.is_dir():
        monkeypatch.setenv("PLAYWRIGHT_BROWSERS_PATH", str(browsers))
    return pytester


@pytest.fixture
def run(project: pytest.Pytester) -> Run:
    """Run pytest on the project in a subprocess, as a user would."""

    def run(*args: str) -> pytest.RunResult:
        return project.runpytest_subprocess(*_QUIET, "-rA", *args)

    return run
