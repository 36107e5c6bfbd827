"""``livery component test``: every story of a project × theme × mode as a visual snapshot.

The stories are those of the project's ``demo/app.py`` (loaded as the playground loads them);
each is mounted from the built front end (``livery.component.standalone.mount_html``) in a page
prepared like the pytest plugin's ``themed_page`` and captured as the ``#livery-root`` element,
once per theme and mode. One Chromium renders everything, several pages at once
(``livery.testing.matrix``): a page mounts a story once and switches theme and mode under it.

Where files go, inside the project:

* baselines: ``tests/__snapshots__/stories/<story>/<theme>-<mode>.png`` (``<story>`` is the
  story's slug, ``with-a-value``); commit them. The plugin's own baselines live next to them
  in ``tests/__snapshots__/<test>/``, which never clash (a test is named ``test_…``);
* failures: ``.livery-snapshots/component-test/<story>/<theme>-<mode>-{expected,actual,diff}.png``
  and ``report.html`` there (``livery.testing.report``). The folder is emptied at the start of
  each run and ignored by git.

Baselines follow the plugin's rules (``livery.testing.snapshot.check``): ``update`` writes
missing ones and rewrites those that no longer match; without it a missing baseline is created
on a developer's machine but is a failure when the ``CI`` environment variable is set.

Default themes: ``DEFAULT_THEMES``, four built-ins that differ the most (neutral, rounded and
soft, saturated, dark-leaning). ``all`` takes every theme in the library (15 built-ins today:
with 4 stories and both modes that is 120 snapshots).
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from livery.component.base import Component
from livery.component.errors import ComponentError
from livery.component.project import Project
from livery.component.story import Story

if TYPE_CHECKING:
    from livery.testing.snapshot import Outcome

SNAPSHOT_DIR = Path("tests") / "__snapshots__" / "stories"
"""Where baselines live, relative to the project root."""
RESULTS_DIR = Path(".livery-snapshots") / "component-test"
"""Where a failing run writes its images and report, relative to the project root."""
DEFAULT_THEMES = ("default", "soft", "ocean", "aurora")
MODES = ("light", "dark")
VIEWPORT = (800, 600)
"""The page the story is mounted in (as the template's generated visual test uses)."""
ROOT_SELECTOR = "#livery-root"
UPDATE_HINT = "--update"

_READY = "[data-livery-mounted], [data-livery-error]"
_MARKER = ".gitignore"
_MARKER_TEXT = "# Written by livery component test: failure images from the last run.\n*\n"


class NotBuiltError(ComponentError):
    """The project's front end has not been built."""


class SelectionError(ComponentError):
    """``--themes`` or ``--modes`` names something that does not exist."""


def in_ci() -> bool:
    """Whether this looks like a CI run: the rule of ``livery.testing.plugin.in_ci`` (``CI``
    set to anything but empty, 0, false or no), without importing pytest."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def parse_themes(text: str | None) -> tuple[str, ...]:
    """``--themes``: comma-separated library names, or ``all``; ``None`` for the default."""
    from livery.theme.library import entries

    if text is None:
        return DEFAULT_THEMES
    names = _split(text)
    if names == ["all"]:
        return tuple(sorted(entries()))
    if not names:
        raise SelectionError("--themes names no theme (use names such as default,ocean or all)")
    known = entries()
    for name in names:
        if name not in known:
            import difflib

            close = difflib.get_close_matches(name, known, n=1)
            hint = f"; did you mean {close[0]}?" if close else f" (themes: {', '.join(known)})"
            raise SelectionError(f"no theme named {name!r} in the library{hint}")
    return tuple(dict.fromkeys(names))


def parse_modes(text: str | None) -> tuple[str, ...]:
    """``--modes``: ``light``, ``dark`` or both, comma-separated; ``None`` for both."""
    if text is None:
        return MODES
    modes = _split(text)
    wrong = [mode for mode in modes if mode not in MODES]
    if wrong or not modes:
        raise SelectionError(f"--modes takes light, dark or light,dark, not {text!r}")
    return tuple(dict.fromkeys(modes))


def _split(text: str) -> list[str]:
    return [part.strip().lower() for part in text.split(",") if part.strip()]


def baseline_path(root: Path, story: str, theme: str, mode: str) -> Path:
    """``<root>/tests/__snapshots__/stories/<story>/<theme>-<mode>.png``."""
    return root / SNAPSHOT_DIR / story / f"{theme}-{mode}.png"


@dataclass(frozen=True)
class Plan:
    """What a run will render: the project, its component and stories, the themes and modes."""

    project: Project
    component: type[Component]
    stories: tuple[Story, ...]
    themes: tuple[str, ...]
    modes: tuple[str, ...]
    stale: tuple[Path, ...] = ()
    """Front-end sources changed since the last build (the snapshots show the old build)."""

    @property
    def total(self) -> int:
        return len(self.stories) * len(self.themes) * len(self.modes)

    @property
    def results(self) -> Path:
        return self.project.root / RESULTS_DIR


@dataclass(frozen=True)
class StorySnapshot:
    """One story in one theme and mode, and what the comparison with its baseline decided."""

    story: str
    theme: str
    mode: str
    status: str
    """``passed``, ``created``, ``updated`` or ``failed`` (as ``livery.testing.snapshot``)."""
    message: str
    baseline: Path
    summary: str = ""
    """A few words for a failure: how many pixels differ, the sizes, no baseline, …"""
    diff: Path | None = None

    @property
    def name(self) -> str:
        return f"{self.story}/{self.theme}-{self.mode}"


@dataclass(frozen=True)
class Result:
    """Every snapshot of a run, and the HTML report when some failed."""

    plan: Plan
    snapshots: tuple[StorySnapshot, ...]
    report: Path | None
    concurrency: int

    def count(self, status: str) -> int:
        return sum(1 for snapshot in self.snapshots if snapshot.status == status)

    @property
    def failed(self) -> tuple[StorySnapshot, ...]:
        return tuple(snapshot for snapshot in self.snapshots if snapshot.status == "failed")


def plan(
    directory: str | os.PathLike[str] = ".",
    *,
    themes: Sequence[str] = DEFAULT_THEMES,
    modes: Sequence[str] = MODES,
) -> Plan:
    """Check the project is built and load its stories.

    ``NotBuiltError`` (one line, saying to build) when ``backend/<package>/templates/index.js``
    is missing; ``DemoError`` for a ``demo/app.py`` that cannot be used; ``ProjectError`` for a
    folder that is not a component project.
    """
    from livery.component.base import JS_FILE
    from livery.component.playground.demo import load_demo

    project = Project.find(directory)
    built = project.templates_dir / JS_FILE
    if not built.is_file():
        raise NotBuiltError(
            f"{project.display(project.root)} is not built (no {project.display(built)}): "
            "run 'livery component build' first"
        )
    demo = load_demo(project.root)
    return Plan(
        project=project,
        component=demo.component,
        stories=demo.stories,
        themes=tuple(themes),
        modes=tuple(modes),
        stale=_stale_sources(project, built),
    )


def _stale_sources(project: Project, built: Path) -> tuple[Path, ...]:
    built_at = built.stat().st_mtime
    frontend = project.root / "frontend"
    return tuple(
        path
        for path in sorted(frontend.rglob("*") if frontend.is_dir() else ())
        if path.is_file() and path.stat().st_mtime > built_at
    )


def run(
    chosen: Plan,
    *,
    update: bool = False,
    create_missing: bool | None = None,
    concurrency: int | None = None,
    on_snapshot: Callable[[StorySnapshot], None] | None = None,
    on_ready: Callable[[], None] | None = None,
) -> Result:
    """Render and check every story × theme × mode of ``chosen``.

    ``create_missing`` defaults to "not on CI". ``on_snapshot`` is called (from a worker
    thread) as each snapshot is decided, ``on_ready`` once the browser is up. Failures leave
    their images and ``report.html`` in ``chosen.results``.
    """
    from livery.component.standalone import mount_html
    from livery.testing.matrix import Rendered, Scene, Shot, default_concurrency, render
    from livery.testing.page import theme_css
    from livery.testing.report import FailureRecord, relative, save_record, write_report
    from livery.testing.snapshot import check

    if create_missing is None:
        create_missing = not in_ci()
    root = chosen.project.root
    results = chosen.results
    _clear(results)
    themes = {name: theme_css(name) for name in chosen.themes}
    component_css = chosen.component.css()
    scenes = [
        Scene(
            key=story.slug,
            html=mount_html(story.instance(chosen.component)),
            css=component_css,
            viewport=VIEWPORT,
            selector=ROOT_SELECTOR,
            wait_for=_READY,
            error_attribute=(ROOT_SELECTOR, "data-livery-error"),
        )
        for story in chosen.stories
    ]
    shots = [
        Shot(story.slug, theme, mode)  # type: ignore[arg-type]
        for story in chosen.stories
        for theme in chosen.themes
        for mode in chosen.modes
    ]
    lock = threading.Lock()

    def record(
        snapshot: StorySnapshot,
        expected: Path | None = None,
        actual: Path | None = None,
        diff: Path | None = None,
    ) -> None:
        with lock:
            _mark(results)
        save_record(
            results,
            results / snapshot.story,
            FailureRecord(
                test=f"story {snapshot.story}",
                name=f"{snapshot.theme}-{snapshot.mode}",
                message=snapshot.message,
                expected=relative(results, expected),
                actual=relative(results, actual),
                diff=relative(results, diff),
            ),
        )

    def process(rendered: Rendered) -> StorySnapshot:
        shot = rendered.shot
        baseline = baseline_path(root, shot.scene, shot.theme, shot.mode)
        name = f"{shot.theme}-{shot.mode}"
        if rendered.png is None:
            snapshot = StorySnapshot(
                shot.scene,
                shot.theme,
                shot.mode,
                "failed",
                f"story {shot.scene!r} did not render: {rendered.error}",
                baseline,
                summary=f"did not render: {rendered.error}",
            )
            record(snapshot)
        else:
            outcome = check(
                rendered.png,
                baseline,
                results / shot.scene,
                name=name,
                update=update,
                create_missing=create_missing,
                update_hint=UPDATE_HINT,
            )
            message = outcome.message.replace(f"snapshot {name!r}", f"{shot.scene}/{name}")
            snapshot = StorySnapshot(
                shot.scene,
                shot.theme,
                shot.mode,
                outcome.status,
                message,
                baseline,
                summary=_summary(outcome),
                diff=outcome.diff,
            )
            if outcome.failed:
                record(snapshot, outcome.expected, outcome.actual, outcome.diff)
        if on_snapshot is not None:
            on_snapshot(snapshot)
        return snapshot

    workers = min(concurrency or default_concurrency(), max(len(shots), 1))
    snapshots = render(scenes, shots, themes, process, concurrency=workers, on_ready=on_ready)
    report = write_report(results, UPDATE_HINT) if results.is_dir() else None
    return Result(chosen, tuple(snapshots), report, workers)


def _summary(outcome: Outcome) -> str:
    if not outcome.failed:
        return outcome.status
    if outcome.expected is None:
        return f"no baseline (CI is set: create it with {UPDATE_HINT} and commit it)"
    if outcome.diff_pixels is None:
        return outcome.message.partition(": ")[2].partition(" (")[0]  # size differs: …
    return f"{outcome.diff_pixels} pixels differ"


def _clear(results: Path) -> None:
    """Empty the last run's results folder (only one this command made)."""
    marker = results / _MARKER
    if marker.is_file() and marker.read_text(encoding="utf-8").startswith(_MARKER_TEXT[:20]):
        shutil.rmtree(results, ignore_errors=True)


def _mark(results: Path) -> None:
    results.mkdir(parents=True, exist_ok=True)
    marker = results / _MARKER
    if not marker.is_file():
        marker.write_text(_MARKER_TEXT, encoding="utf-8")
