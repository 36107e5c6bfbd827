"""``livery component test`` for real: a built template project's stories in Chromium.

The command runs in a subprocess as a user runs it (exit code, stderr). Renders are kept few:
the default matrix (4 stories × 4 themes × 2 modes) once with ``--update`` and once to pass;
the other cases narrow it with ``--themes``/``--modes``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from livery.component.build import BuildResult, build_project
from livery.component.templates import create
from livery.component.visual import (
    DEFAULT_THEMES,
    MODES,
    RESULTS_DIR,
    SNAPSHOT_DIR,
    parse_modes,
    parse_themes,
)
from livery.errors import SelectionError
from livery.testing.matrix import Shot, _batches
from tests.component.test_build_checks import write_failing_render

pytestmark = [pytest.mark.build, pytest.mark.browser]

STORIES = ("empty", "with-a-value", "disabled", "error")
"""The slugs of the text template's stories (its demo/app.py)."""

_CLI = "import sys\nfrom livery.cli import main\nsys.argv[0] = 'livery'\nmain()\n"
"""``livery``, as its console script runs it."""


def livery_test(project: Path, *args: str, ci: bool = False) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "CI"}
    if ci:
        env["CI"] = "true"
    return subprocess.run(
        [sys.executable, "-c", _CLI, "component", "test", str(project), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )


def baselines(project: Path) -> set[str]:
    folder = project / SNAPSHOT_DIR
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*.png")}


def matrix(themes: tuple[str, ...] = DEFAULT_THEMES, modes: tuple[str, ...] = MODES) -> set[str]:
    return {
        f"{story}/{theme}-{mode}.png" for story in STORIES for theme in themes for mode in modes
    }


def last_line(result: subprocess.CompletedProcess[str]) -> str:
    return result.stderr.strip().splitlines()[-1]


@pytest.fixture(scope="module")
def snapshotted(built: dict[str, BuildResult], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the built text project whose default matrix was recorded with --update."""
    copy = tmp_path_factory.mktemp("snapshotted") / "text"
    shutil.copytree(built["text"].project.root, copy, symlinks=True)
    result = livery_test(copy, "--update")
    assert result.returncode == 0, result.stderr
    assert "32 created" in last_line(result), result.stderr
    return copy


@pytest.fixture
def narrow_project(snapshotted: Path, tmp_path: Path) -> Iterator[Path]:
    """A private copy of ``snapshotted`` (baselines included) to change."""
    copy = tmp_path / "text"
    shutil.copytree(snapshotted, copy, symlinks=True)
    yield copy


def test_update_creates_a_baseline_for_every_story_theme_and_mode(snapshotted: Path) -> None:
    assert baselines(snapshotted) == matrix()
    assert not (snapshotted / RESULTS_DIR).exists()


def test_a_second_run_passes_and_leaves_the_baselines_alone(snapshotted: Path) -> None:
    before = {path: path.stat().st_mtime_ns for path in (snapshotted / SNAPSHOT_DIR).rglob("*")}
    result = livery_test(snapshotted)
    assert result.returncode == 0, result.stderr
    summary = last_line(result)
    assert "32 snapshots of DemoText" in summary and "32 passed" in summary
    assert "4 stories × 4 themes × 2 modes" in summary
    assert "failed" not in result.stderr and "error:" not in result.stderr
    after = {path: path.stat().st_mtime_ns for path in (snapshotted / SNAPSHOT_DIR).rglob("*")}
    assert after == before


def test_a_changed_colour_fails_with_diff_images_and_a_report(narrow_project: Path) -> None:
    style = narrow_project / "frontend" / "style.scss"
    text = style.read_text(encoding="utf-8")
    label = "color: var(--block-label-text-color);"
    assert label in text
    style.write_text(text.replace(label, "color: #dc2626;"), encoding="utf-8")

    stale = livery_test(narrow_project, "--themes", "default", "--modes", "light")
    assert stale.returncode == 0, stale.stderr  # still the old build, and it says so
    assert "style.scss changed after the last build" in stale.stderr

    build_project(narrow_project)
    result = livery_test(narrow_project, "--themes", "default", "--modes", "light")
    assert result.returncode == 1, result.stderr
    summary = last_line(result)
    assert "4 failed" in summary and "report:" in summary, result.stderr
    assert "Traceback" not in result.stderr
    results = narrow_project / RESULTS_DIR
    for story in STORIES:
        for kind in ("expected", "actual", "diff"):
            assert (results / story / f"default-light-{kind}.png").is_file(), (story, kind)
        assert f"{story}/default-light: " in result.stderr and "pixels differ" in result.stderr
    report = (results / "report.html").read_text(encoding="utf-8")
    assert "4 snapshot failures" in report and "--update" in report
    assert "with-a-value/default-light-diff.png" in report

    accepted = livery_test(narrow_project, "--themes", "default", "--modes", "light", "--update")
    assert accepted.returncode == 0, accepted.stderr
    assert "4 updated" in last_line(accepted)
    assert not results.exists()  # the last run's failures are cleared


def test_themes_and_modes_narrow_the_matrix(narrow_project: Path) -> None:
    shutil.rmtree(narrow_project / SNAPSHOT_DIR)
    result = livery_test(narrow_project, "--themes", "glass,ink", "--modes", "dark", "-j", "2")
    assert result.returncode == 0, result.stderr
    assert baselines(narrow_project) == matrix(("glass", "ink"), ("dark",))
    summary = last_line(result)
    assert "8 snapshots" in summary and "2 themes × 1 mode" in summary and "8 created" in summary
    assert "note: created 8 missing baselines" in result.stderr  # no --update: a local run


def test_a_missing_baseline_fails_on_ci(narrow_project: Path) -> None:
    result = livery_test(narrow_project, "--themes", "monochrome", "--modes", "light", ci=True)
    assert result.returncode == 1
    assert "4 failed" in last_line(result)
    assert "no baseline (CI is set" in result.stderr
    assert not list((narrow_project / SNAPSHOT_DIR).rglob("monochrome-*.png"))


def test_a_render_that_throws_is_reported_at_its_source_line(narrow_project: Path) -> None:
    where, message = write_failing_render(narrow_project)
    build_project(narrow_project, package=False)
    result = livery_test(narrow_project, "--themes", "default", "--modes", "light")
    assert result.returncode == 1, result.stderr
    assert f"disabled/default-light: did not render: {where}: Error: {message}" in result.stderr


def test_an_unbuilt_project_is_one_error_line(tmp_path: Path) -> None:
    folder = tmp_path / "fresh"
    create("Fresh", template="text", directory=folder)
    result = livery_test(folder)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ") and "run 'livery component build' first" in lines[0]


def test_unknown_themes_and_modes_are_one_error_line(snapshotted: Path) -> None:
    result = livery_test(snapshotted, "--themes", "ocaen")
    assert result.returncode == 1
    message = "error: no theme named 'ocaen' in the library; did you mean ocean?"
    assert result.stderr.strip() == message


# --- without a browser -----------------------------------------------------------------------


def test_selection_parsing() -> None:
    assert parse_themes(None) == DEFAULT_THEMES
    assert parse_themes(" Ocean, soft ,ocean") == ("ocean", "soft")
    assert len(parse_themes("all")) >= 15 and "glass" in parse_themes("all")
    assert parse_modes(None) == ("light", "dark")
    assert parse_modes("dark") == ("dark",)
    with pytest.raises(SelectionError):
        parse_modes("light,dim")
    with pytest.raises(SelectionError):
        parse_themes(",")


def test_batches_keep_a_scene_together_and_share_the_work() -> None:
    shots = [Shot(story, theme, mode) for story in "ab" for theme in "xyz" for mode in MODES]
    batches = _batches(shots, workers=3)
    assert sorted(index for batch in batches for index, _ in batch) == list(range(len(shots)))
    assert all(len({shot.scene for _, shot in batch}) == 1 for batch in batches)
    assert len(batches) >= 3
    for batch in batches:  # light first: a page changes its colour scheme once at most
        modes = [shot.mode for _, shot in batch]
        assert modes == sorted(modes, key=lambda mode: mode != "light")
