"""The ``livery`` pytest plugin (entry point ``pytest11``): visual snapshot tests of themed pages.

Fixtures: ``livery_browser`` (one headless Chromium per session), ``themed_page`` (a factory of
pages with a theme applied and deterministic rendering) and ``assert_snapshot`` (compare a page
or locator with its baseline in ``__snapshots__/<test>/<name>.png`` next to the test file).

pytest loads this module in every run of every project that has Livery installed, so it imports
only the standard library, pytest and ``livery.testing.session`` (which needs no more);
Playwright, Pillow and pixelmatch are imported by the fixtures that need them, and their absence
is reported only to the tests that use them.

Baselines follow ``livery.testing.session``'s rules (``--update-snapshots`` writes missing ones
and rewrites those that no longer match; a missing one is created, with a warning, on a
developer's machine and fails when ``CI`` is set). Failures write expected/actual/diff images and
``report.html`` into ``<rootdir>/.livery-snapshots`` (or ``--snapshot-results DIR``), cleared at
the start of a run: one ``SnapshotSession`` per pytest process, kept in the config's stash.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterator
from contextlib import ExitStack, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from livery.errors import (
    ChromiumNotFoundError,
    LiverySnapshotWarning,
    MissingTestingExtrasError,
    SnapshotMismatchError,
)
from livery.testing.session import UPDATE_OPTION, SnapshotSession

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Playwright

    from livery.testing.page import Mode

DEFAULT_RESULTS = ".livery-snapshots"
SNAPSHOT_DIR = "__snapshots__"
_SNAPSHOT_FIXTURES = frozenset({"assert_snapshot", "themed_page", "livery_browser"})
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


_SESSION = pytest.StashKey[SnapshotSession]()


# --- options, markers, session ---------------------------------------------------------------


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("livery", "Livery visual snapshots")
    group.addoption(
        UPDATE_OPTION,
        action="store_true",
        default=False,
        help="write missing snapshot baselines and rewrite those that no longer match",
    )
    group.addoption(
        "--snapshot-results",
        metavar="DIR",
        default=None,
        help=f"folder for failure images and report.html (default: <rootdir>/{DEFAULT_RESULTS})",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "snapshot: a visual snapshot test (set automatically on tests that use Livery's "
        "themed_page, assert_snapshot or livery_browser fixtures)",
    )
    chosen = config.getoption("snapshot_results", None)
    results = (
        Path(config.invocation_params.dir, chosen) if chosen else config.rootpath / DEFAULT_RESULTS
    )
    session = SnapshotSession(results, update=bool(config.getoption("update_snapshots", False)))
    config.stash[_SESSION] = session
    if not hasattr(config, "workerinput"):  # the pytest-xdist controller or a plain run
        session.clear()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _SNAPSHOT_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.snapshot)


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session: pytest.Session) -> None:
    snapshots = session.config.stash.get(_SESSION, None)
    if snapshots is not None and not hasattr(session.config, "workerinput"):
        snapshots.finish()


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    snapshots = config.stash.get(_SESSION, None)
    if snapshots is None:
        return
    if snapshots.created:
        terminalreporter.write_line(f"livery: created {_count(snapshots.created, 'baseline')}")
    if snapshots.updated:
        terminalreporter.write_line(f"livery: updated {_count(snapshots.updated, 'baseline')}")
    if snapshots.report is not None:
        terminalreporter.write_line(f"livery: snapshot failures, see {snapshots.report}", red=True)


def _count(items: list[Path], noun: str) -> str:
    return f"{len(items)} {noun}{'s' if len(items) != 1 else ''}"


# --- fixtures --------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def livery_playwright() -> Iterator[Playwright]:
    """The session's synchronous Playwright (only one may run per thread: share this one)."""
    from livery.testing.browser import require_extras

    try:
        sync_api = require_extras()
    except MissingTestingExtrasError as error:
        pytest.fail(str(error), pytrace=False)
    with sync_api.sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def livery_browser(livery_playwright: Playwright) -> Iterator[Browser]:
    """One headless Chromium for the session, found as ``livery.testing.chromium`` says and
    launched for repeatable pixels (see ``livery.testing.browser``)."""
    from livery.testing.browser import snapshot_browser

    with ExitStack() as stack:
        try:
            browser = stack.enter_context(snapshot_browser(livery_playwright))
        except ChromiumNotFoundError as error:
            pytest.fail(f"ChromiumNotFoundError: {error}", pytrace=False)
        yield browser


@pytest.fixture
def themed_page(livery_browser: Browser) -> Iterator[Callable[..., Page]]:
    """A factory: ``themed_page(theme="default", mode="light", *, html=None, css=None,
    viewport=(800, 600))`` returns a new page showing ``html`` with the theme applied.

    ``theme`` is a library name, a theme file path or a ``Theme``; ``mode`` is ``"light"`` or
    ``"dark"`` (the ``.dark`` class on ``<body>``, as in Gradio); ``css`` is extra CSS such as a
    component's styles. Pages are closed when the test ends.
    """
    from livery.testing.page import new_themed_page

    pages: list[Page] = []

    def make(
        theme: Any = "default",
        mode: Mode = "light",
        *,
        html: str | None = None,
        css: str | None = None,
        viewport: tuple[int, int] = (800, 600),
    ) -> Page:
        page = new_themed_page(
            livery_browser,
            theme,
            mode,
            html=html,
            css=css,
            viewport=viewport,
        )
        pages.append(page)
        return page

    yield make
    for page in pages:
        with suppress(Exception):  # the test may have closed it already
            page.context.close()


@pytest.fixture
def assert_snapshot(request: pytest.FixtureRequest) -> Callable[..., None]:
    """``assert_snapshot(page_or_locator, name, threshold=0.1, max_diff_pixels=0)``.

    Compares a PNG screenshot (the full page, or the locator's element) with the baseline
    ``__snapshots__/<test>/<name>.png`` next to the test file. ``threshold`` (0–1) is how far
    a pixel's colour may move before it counts; ``max_diff_pixels`` how many may differ.
    """
    session = request.config.stash[_SESSION]
    node = request.node
    used: set[str] = set()

    def check_snapshot(
        target: Any, name: str, threshold: float = 0.1, max_diff_pixels: int = 0
    ) -> None:
        __tracebackhide__ = True
        from livery.testing.browser import require_extras
        from livery.testing.page import capture

        try:
            require_extras()
        except MissingTestingExtrasError as error:
            pytest.fail(str(error), pytrace=False)
        stem = snapshot_name(name)
        if stem in used:
            raise ValueError(f"snapshot name {stem!r} is used twice in {node.nodeid}")
        used.add(stem)
        baseline = baseline_path(node, stem)
        outcome = session.check(
            capture(target),
            baseline,
            results_folder(node.nodeid),
            test=node.nodeid,
            name=stem,
            threshold=threshold,
            max_diff_pixels=max_diff_pixels,
        )
        if outcome.status == "created":
            if not session.update:
                warnings.warn(
                    LiverySnapshotWarning(
                        f"created missing baseline {baseline}: check it and commit it "
                        "(with CI set, a missing baseline fails instead)"
                    ),
                    stacklevel=2,
                )
        elif outcome.failed:
            raise SnapshotMismatchError(outcome.message)

    return check_snapshot


# --- where things go -------------------------------------------------------------------------


def snapshot_name(name: str) -> str:
    """The file stem for a snapshot ``name`` (``"button"`` or ``"button.png"``)."""
    stem = name[:-4] if name.lower().endswith(".png") else name
    if not stem or stem.startswith(".") or _UNSAFE.search(stem):
        raise ValueError(
            f"a snapshot name is a plain file name such as 'primary-button', not {name!r}"
        )
    return stem


def _safe(part: str) -> str:
    cleaned = _UNSAFE.sub("_", part)
    return "_" if cleaned in ("", ".", "..") else cleaned


def baseline_folder(nodeid: str) -> str:
    """The folder of a test's baselines: its name, with its class (``TestX.test_y[dark]``)."""
    _, _, name = nodeid.partition("::")
    return _safe((name or nodeid).replace("::", "."))


def baseline_path(node: pytest.Item | Any, stem: str) -> Path:
    """``<test file dir>/__snapshots__/<test>/<stem>.png``."""
    return Path(node.path).parent / SNAPSHOT_DIR / baseline_folder(node.nodeid) / f"{stem}.png"


def results_folder(nodeid: str) -> Path:
    """Where a test's failure images go inside the results folder: one level per node-id part
    (``tests/test_x.py/test_y[dark]``)."""
    return Path(*(_safe(part) for part in re.split(r"::|/", nodeid) if part))
