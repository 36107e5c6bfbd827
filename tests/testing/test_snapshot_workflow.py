"""A snapshot test's life as a user lives it: no baseline, create, pass, break, update.

Each step runs pytest in a subprocess on a generated test file that renders a primary button
with a theme read from ``theme.toml``; the tests change that file and the environment.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from livery.theme.model import Theme

from .conftest import Run

pytestmark = pytest.mark.browser

BUTTON_TEST = """
from pathlib import Path

import pytest

CSS = '''
.primary {
  background: var(--button-primary-background-fill);
  color: var(--button-primary-text-color);
  border: 0;
  padding: var(--button-large-padding);
  border-radius: var(--button-large-radius);
  font-weight: var(--button-large-text-weight);
  font-size: var(--button-large-text-size);
  font-family: var(--font);
}
'''

@pytest.mark.parametrize("mode", ["light"])
def test_button(themed_page, assert_snapshot, mode):
    theme = Path(__file__).with_name("theme.toml")
    page = themed_page(
        theme, mode, html='<p style="padding: 16px"><button class="primary">Save</button></p>',
        css=CSS, viewport=(320, 120),
    )
    assert_snapshot(page.locator("button"), "button")
    assert_snapshot(page, "page")
"""

SIZED_TEST = """
import os

def test_card(themed_page, assert_snapshot):
    page = themed_page("soft", "dark", html="<p>card</p>",
                       viewport=(800, int(os.environ["CARD_HEIGHT"])))
    assert_snapshot(page, "card")
"""


def write_theme(folder: Path, fill: str) -> None:
    Theme.load("default").set(button_primary_background_fill=fill).save(folder / "theme.toml")


def test_baseline_lifecycle(project: pytest.Pytester, run: Run) -> None:
    project.makepyfile(test_ui=BUTTON_TEST)
    write_theme(project.path, "#2563eb")
    baselines = project.path / "__snapshots__" / "test_button[light]"
    results = project.path / ".livery-snapshots"

    # --update-snapshots writes the baselines.
    result = run("--update-snapshots")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["livery: created 2 baselines"])
    assert sorted(p.name for p in baselines.iterdir()) == ["button.png", "page.png"]
    written = {p.name: p.read_bytes() for p in baselines.iterdir()}

    # Unchanged: passes, and the baselines are not touched.
    run().assert_outcomes(passed=1)
    assert {p.name: p.read_bytes() for p in baselines.iterdir()} == written
    assert not results.exists()

    # One theme variable changes: fails with expected, actual and diff images and a report.
    write_theme(project.path, "#dc2626")
    result = run()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        ["*SnapshotMismatchError: snapshot 'button': * pixels differ from the baseline*"]
    )
    result.stdout.fnmatch_lines(["livery: snapshot failures, see *report.html"])
    failed = results / "test_ui.py" / "test_button[light]"
    for suffix in ("expected", "actual", "diff"):
        assert (failed / f"button-{suffix}.png").is_file()
    report = (results / "report.html").read_text()
    assert "test_ui.py::test_button[light]" in report
    assert 'src="test_ui.py/test_button%5Blight%5D/button-diff.png"' in report
    assert (results / ".gitignore").read_text().endswith("*\n")

    # Accepting the change rewrites the baselines that moved and clears the old results.
    result = run("--update-snapshots")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["livery: updated 2 baselines"])
    assert (baselines / "button.png").read_bytes() != written["button.png"]
    assert not results.exists()


def test_missing_baseline_fails_in_ci_and_is_created_locally_then_size_is_checked(
    project: pytest.Pytester, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    project.makepyfile(test_card=SIZED_TEST)
    baseline = project.path / "__snapshots__" / "test_card" / "card.png"
    monkeypatch.setenv("CARD_HEIGHT", "600")

    # In CI a missing baseline fails, keeps the screenshot and says how to create it.
    monkeypatch.setenv("CI", "true")
    result = run()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*no baseline at *card.png; run with --update-snapshots*"])
    assert not baseline.exists()
    results = project.path / ".livery-snapshots"
    assert (results / "test_card.py" / "test_card" / "card-actual.png").is_file()
    assert "card-actual.png" in (results / "report.html").read_text()

    # On a developer's machine it is created, with a warning.
    monkeypatch.delenv("CI")
    result = run()
    result.assert_outcomes(passed=1, warnings=1)
    result.stdout.fnmatch_lines(["*LiverySnapshotWarning: created missing baseline*card.png*"])
    assert baseline.is_file()

    monkeypatch.setenv("CARD_HEIGHT", "612")
    result = run()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*snapshot 'card': size differs: expected 800×600, got 800×612*"])


def test_a_missing_chromium_is_an_actionable_error(
    project: pytest.Pytester, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    project.makepyfile(test_card=SIZED_TEST)
    monkeypatch.setenv("LIVERY_CHROMIUM", str(project.path / "no-such-chromium"))
    result = run()
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(
        ["*ChromiumNotFoundError: LIVERY_CHROMIUM=*no-such-chromium: no such file"]
    )
