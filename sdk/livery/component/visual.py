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
  and ``report.html`` there.

Deciding each snapshot, recording failures, the results folder (emptied at the start of each
run, ignored by git) and the report are ``livery.testing.session.SnapshotSession``'s, as for the
pytest plugin: ``update`` writes missing baselines and rewrites those that no longer match;
without it a missing baseline is created on a developer's machine but is a failure when the
``CI`` environment variable is set.

Default themes: ``DEFAULT_THEMES``, four built-ins that differ the most (neutral, rounded and
soft, saturated, dark-leaning). ``all`` takes every theme in the library (15 built-ins today:
with 4 stories and both modes that is 120 snapshots).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from livery.component.base import MAP_FILE, Component
from livery.component.project import Project
from livery.component.story import Story
from livery.errors import NotBuiltError, SelectionError

if TYPE_CHECKING:
    from livery.testing.matrix import Rendered
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


def parse_themes(text: str | None) -> tuple[str, ...]:
    """``--themes``: comma-separated library names, or ``all``; ``None`` for the default."""
    from livery.theme import entries

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
    from livery.testing.matrix import Scene, Shot, pages_for, render
    from livery.testing.page import theme_css
    from livery.testing.session import SnapshotSession

    root = chosen.project.root
    session = SnapshotSession(
        chosen.results, update=update, create_missing=create_missing, update_hint=UPDATE_HINT
    )
    session.clear()
    themes = {name: theme_css(name) for name in chosen.themes}
    component_css = chosen.component.css()
    source_map = chosen.component.js_path().with_name(MAP_FILE)
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

    def process(rendered: Rendered) -> StorySnapshot:
        story, theme, mode = rendered.shot.scene, rendered.shot.theme, rendered.shot.mode
        baseline = baseline_path(root, story, theme, mode)
        where, test, name = Path(story), f"story {story}", f"{theme}-{mode}"
        if rendered.png is None:
            problem = _at_source(rendered, source_map, root)
            message = f"story {story!r} did not render: {problem}"
            session.fail(where, test=test, name=name, message=message)
            summary, status, diff = f"did not render: {problem}", "failed", None
        else:
            outcome = session.check(
                rendered.png, baseline, where, test=test, name=name, label=f"{story}/{name}"
            )
            summary, status, diff = _summary(outcome), outcome.status, outcome.diff
            message = outcome.message
        snapshot = StorySnapshot(
            story, theme, mode, status, message, baseline, summary=summary, diff=diff
        )
        if on_snapshot is not None:
            on_snapshot(snapshot)
        return snapshot

    workers = pages_for(len(shots), concurrency)
    snapshots = render(scenes, shots, themes, process, concurrency=workers, on_ready=on_ready)
    return Result(chosen, tuple(snapshots), session.finish(), workers)


def _at_source(rendered: Rendered, source_map: Path, root: Path) -> str:
    """The one-line error, led by the source position its stack maps to when one does (the
    page imports the bundle from a ``blob:`` URL)."""
    from livery.component.sourcemap import locate_in_stack

    where = locate_in_stack(rendered.detail, r"blob:[^\s)]+", source_map, root)
    return f"{where}: {rendered.error}" if where else str(rendered.error)


def _summary(outcome: Outcome) -> str:
    if not outcome.failed:
        return outcome.status
    if outcome.expected is None:
        return f"no baseline (CI is set: create it with {UPDATE_HINT} and commit it)"
    if outcome.diff_pixels is None:
        return outcome.message.partition(": ")[2].partition(" (")[0]  # size differs: …
    return f"{outcome.diff_pixels} pixels differ"
