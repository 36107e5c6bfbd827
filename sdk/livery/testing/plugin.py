"""The ``livery`` pytest plugin (entry point ``pytest11``): visual snapshot tests of themed pages.

Fixtures: ``livery_browser`` (one headless Chromium per session), ``themed_page`` (a factory of
pages with a theme applied and deterministic rendering) and ``assert_snapshot`` (compare a page
or locator with its baseline in ``__snapshots__/<test>/<name>.png`` next to the test file).

pytest loads this module in every run of every project that has Livery installed, so it imports
only the standard library and pytest; Playwright, Pillow and pixelmatch are imported by the
fixtures that need them, and their absence is reported only to the tests that use them.

Baselines: ``--update-snapshots`` writes missing ones and rewrites those that no longer match.
Without it, a missing baseline is created (with a warning) on a developer's machine, but is a
failure when the ``CI`` environment variable is set, so that CI never passes by recording
whatever it rendered. Failures write expected/actual/diff images and ``report.html`` into
``<rootdir>/.livery-snapshots`` (or ``--snapshot-results DIR``), cleared at the start of a run.
"""

from __future__ import annotations

import os
import re
import shutil
import warnings
from collections.abc import Callable, Iterator
from contextlib import ExitStack, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Playwright

    from livery.testing.page import Mode

DEFAULT_RESULTS = ".livery-snapshots"
SNAPSHOT_DIR = "__snapshots__"
_MARKER = ".gitignore"
_MARKER_TEXT = "# Written by livery.testing: failure images from the last run; disposable.\n*\n"
_SNAPSHOT_FIXTURES = frozenset({"assert_snapshot", "themed_page", "livery_browser"})
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


class LiverySnapshotWarning(UserWarning):
    """A baseline was created by a run without ``--update-snapshots``: review and commit it."""


class SnapshotMismatch(AssertionError):
    """A screenshot does not match its baseline (or has none); the message says how."""


@dataclass
class _State:
    update: bool
    create_missing: bool
    results: Path
    created: list[Path] = field(default_factory=list)
    updated: list[Path] = field(default_factory=list)
    failures: int = 0
    report: Path | None = None


_STATE = pytest.StashKey[_State]()


# --- options, markers, session ---------------------------------------------------------------


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("livery", "Livery visual snapshots")
    group.addoption(
        "--update-snapshots",
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
    config.stash[_STATE] = _State(
        update=bool(config.getoption("update_snapshots", False)),
        create_missing=not in_ci(),
        results=results.resolve(),
    )
    if not hasattr(config, "workerinput"):  # the pytest-xdist controller or a plain run
        _clear_results(results)


def in_ci() -> bool:
    """Whether this looks like a CI run (``CI`` set to anything but empty, 0, false or no)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _clear_results(results: Path) -> None:
    """Remove the last run's failure images so the report shows only this run's.

    A folder this plugin made (it holds our ``.gitignore``) is emptied; in any other folder
    only our failure records are removed, never someone else's files.
    """
    from livery.testing.report import RECORD_SUFFIX

    if not results.is_dir():
        return
    if (results / _MARKER).is_file() and (results / _MARKER).read_text().startswith("# Written"):
        shutil.rmtree(results, ignore_errors=True)
        return
    for record in results.rglob(f"*{RECORD_SUFFIX}"):
        record.unlink(missing_ok=True)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _SNAPSHOT_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.snapshot)


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session: pytest.Session) -> None:
    state = session.config.stash.get(_STATE, None)
    if state is None or hasattr(session.config, "workerinput") or not state.results.is_dir():
        return
    from livery.testing.report import write_report

    state.report = write_report(state.results)


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    state = config.stash.get(_STATE, None)
    if state is None:
        return
    if state.created:
        terminalreporter.write_line(f"livery: created {_count(state.created, 'baseline')}")
    if state.updated:
        terminalreporter.write_line(f"livery: updated {_count(state.updated, 'baseline')}")
    if state.report is not None:
        terminalreporter.write_line(f"livery: snapshot failures, see {state.report}", red=True)


def _count(items: list[Path], noun: str) -> str:
    return f"{len(items)} {noun}{'s' if len(items) != 1 else ''}"


# --- fixtures --------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def livery_playwright() -> Iterator[Playwright]:
    """The session's synchronous Playwright (only one may run per thread: share this one)."""
    from livery.testing.browser import MissingTestingExtras, require_extras

    try:
        sync_api = require_extras()
    except MissingTestingExtras as error:
        pytest.fail(str(error), pytrace=False)
    with sync_api.sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def livery_browser(livery_playwright: Playwright) -> Iterator[Browser]:
    """One headless Chromium for the session, found as ``livery.testing.chromium`` says and
    launched for repeatable pixels (see ``livery.testing.browser``)."""
    from livery.testing.browser import snapshot_browser
    from livery.testing.chromium import ChromiumNotFound

    with ExitStack() as stack:
        try:
            browser = stack.enter_context(snapshot_browser(livery_playwright))
        except ChromiumNotFound as error:
            pytest.fail(f"ChromiumNotFound: {error}", pytrace=False)
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
    state = request.config.stash[_STATE]
    node = request.node
    used: set[str] = set()

    def check_snapshot(
        target: Any, name: str, threshold: float = 0.1, max_diff_pixels: int = 0
    ) -> None:
        __tracebackhide__ = True
        from livery.testing.browser import MissingTestingExtras, require_extras
        from livery.testing.page import capture
        from livery.testing.report import FailureRecord, relative, save_record
        from livery.testing.snapshot import check

        try:
            require_extras()
        except MissingTestingExtras as error:
            pytest.fail(str(error), pytrace=False)
        stem = snapshot_name(name)
        if stem in used:
            raise ValueError(f"snapshot name {stem!r} is used twice in {node.nodeid}")
        used.add(stem)
        baseline = baseline_path(node, stem)
        folder = state.results / results_folder(node.nodeid)
        results_existed = state.results.exists()
        outcome = check(
            capture(target),
            baseline,
            folder,
            name=stem,
            threshold=threshold,
            max_diff_pixels=max_diff_pixels,
            update=state.update,
            create_missing=state.create_missing,
        )
        if outcome.status == "created":
            state.created.append(baseline)
            if not state.update:
                warnings.warn(
                    LiverySnapshotWarning(
                        f"created missing baseline {baseline}: check it and commit it "
                        "(with CI set, a missing baseline fails instead)"
                    ),
                    stacklevel=2,
                )
        elif outcome.status == "updated":
            state.updated.append(baseline)
        elif outcome.failed:
            state.failures += 1
            if not results_existed:
                _mark_results(state.results)
            record = FailureRecord(
                test=node.nodeid,
                name=stem,
                message=outcome.message,
                expected=relative(state.results, outcome.expected),
                actual=relative(state.results, outcome.actual),
                diff=relative(state.results, outcome.diff),
            )
            save_record(state.results, folder, record)
            raise SnapshotMismatch(outcome.message)

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


def _mark_results(results: Path) -> None:
    """Claim a results folder this run created, so the next run may empty it (and git ignores
    it)."""
    results.mkdir(parents=True, exist_ok=True)
    (results / _MARKER).write_text(_MARKER_TEXT, encoding="utf-8")
