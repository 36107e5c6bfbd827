"""``livery component test``: the project's stories × themes × modes as visual snapshots.

Registered on the ``component`` sub-app as ``test`` (``livery.cli``); the work is in
``livery.component.visual``.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from livery.cli.console import err, error_line, escape
from livery.errors import LiveryError

if TYPE_CHECKING:
    from livery.component.visual import Result

MAX_LISTED = 20
"""Failures listed one per line before the summary; the report has them all."""


def test(
    directory: Path = typer.Argument(
        Path("."), metavar="DIR", help="The project folder (default: the current one)."
    ),
    update: bool = typer.Option(
        False, "--update", help="Write missing baselines and rewrite those that no longer match."
    ),
    themes: str = typer.Option(
        None,
        "--themes",
        metavar="A,B,…",
        help="Library themes, comma-separated, or 'all' (default: default,soft,ocean,aurora).",
    ),
    modes: str = typer.Option(
        None, "--modes", metavar="light,dark", help="light, dark or both (default: both)."
    ),
    jobs: int = typer.Option(
        None, "--jobs", "-j", min=1, max=16, help="Pages rendered at once (default: CPUs + 1, 2–4)."
    ),
) -> None:
    """Snapshot every story of demo/app.py in each theme and mode, and compare with baselines.

    Needs a built project ('livery component build') and Chromium. Baselines live in
    tests/__snapshots__/stories/<story>/<theme>-<mode>.png; a missing one is created (and is a
    failure when CI is set). Failures write expected, actual and diff images and report.html
    into .livery-snapshots/component-test/ and exit 1.
    """
    from livery.component import visual

    try:
        chosen = visual.plan(
            directory, themes=visual.parse_themes(themes), modes=visual.parse_modes(modes)
        )
        for path in chosen.stale:
            err.print(
                f"[yellow]warning:[/] {escape(chosen.project.display(path))} changed after the "
                "last build: these snapshots show the previous one ('livery component build')"
            )
        started = time.perf_counter()
        with _progress() as progress:
            task = progress.add_task("starting Chromium", total=chosen.total)
            failures = [0]

            def ready() -> None:
                progress.update(task, description="rendering")

            def done(snapshot: visual.StorySnapshot) -> None:
                if snapshot.status == "failed":
                    failures[0] += 1
                    progress.update(task, description=f"rendering [red]{failures[0]} failed[/]")
                progress.advance(task)

            result = visual.run(
                chosen, update=update, concurrency=jobs, on_snapshot=done, on_ready=ready
            )
    except LiveryError as error:
        error_line(str(error))
        raise typer.Exit(1) from None
    seconds = time.perf_counter() - started

    for snapshot in result.failed[:MAX_LISTED]:
        err.print(f"[red]✗[/] {escape(snapshot.name)}: {escape(snapshot.summary)}")
    if len(result.failed) > MAX_LISTED:
        err.print(f"  … and {len(result.failed) - MAX_LISTED} more in the report")
    created = result.count("created")
    if created and not update:
        err.print(
            f"[yellow]note:[/] created {created} missing baseline{'s' if created != 1 else ''} "
            f"in {escape(chosen.project.display(chosen.project.root / visual.SNAPSHOT_DIR))}: "
            "review and commit them (with CI set, a missing baseline fails instead)"
        )
    err.print(_summary(result, seconds))
    if result.failed:
        raise typer.Exit(1)


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )


def _summary(result: Result, seconds: float) -> str:
    """One line: what was rendered, how each snapshot ended, and where the report is."""
    plan = result.plan
    shape = (
        f"{_plural(len(plan.stories), 'story', 'stories')} × {_plural(len(plan.themes), 'theme')}"
        f" × {_plural(len(plan.modes), 'mode')}"
    )
    counts = ", ".join(
        f"{result.count(status)} {status}"
        for status in ("passed", "created", "updated", "failed")
        if result.count(status)
    )
    line = (
        f"{_plural(len(result.snapshots), 'snapshot')} of {escape(plan.component.name)} "
        f"({shape}, {result.concurrency} pages at once) in {seconds:.1f} s: {counts}"
    )
    if result.report is not None:
        line += f"; report: {escape(plan.project.display(result.report))}"
    colour = "red" if result.failed else "green"
    return f"[{colour}]{line}[/]"


def _plural(count: int, noun: str, plural: str | None = None) -> str:
    return f"{count} {noun if count == 1 else plural or noun + 's'}"
