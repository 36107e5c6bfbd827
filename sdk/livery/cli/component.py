"""``livery component …``: create, build, publish, try out, snapshot and list custom components."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from livery.cli.console import err, error_line, escape, out
from livery.cli.progress import StepProgress
from livery.errors import BuildError, ComponentError, LiveryError

if TYPE_CHECKING:
    from livery.component.visual import Result

app = typer.Typer(
    help="Create, build, publish, try out and list custom components.", no_args_is_help=True
)

_PROJECT = typer.Argument(
    Path("."), metavar="DIR", help="The project folder (default: the current one)."
)
_PORT = typer.Option(8100, "--port", "-p", help="Port (0: any free one).")
_HOST = typer.Option(
    "127.0.0.1",
    "--host",
    metavar="HOST",
    help="Address to listen on (on a loopback one, only loopback Host names are answered).",
)
_THEME = typer.Option("default", "--theme", help="The theme to start with.")
_OPEN = typer.Option(False, "--open", help="Open the page in a browser.")
"""The options the playground and the dev server share."""

MAX_LISTED = 20
"""``test``: failures listed one per line before the summary; the report has them all."""


@app.command()
def create(
    name: str = typer.Argument(..., metavar="NAME", help="The component: MyWidget or my_widget."),
    template: str = typer.Option(
        "text", "--template", "-t", help="Project template (see 'livery component templates')."
    ),
    directory: Path = typer.Option(
        None, "--dir", "-d", help="Folder to create (default: the name in lowercase-hyphens)."
    ),
    package_name: str = typer.Option(
        None, "--package-name", "-p", help="Distribution name (default: livery-sdk-<name>)."
    ),
    force: bool = typer.Option(
        False,
        "--force",
        help="Write into a non-empty folder; files Livery did not write are never overwritten.",
    ),
) -> None:
    """Create a component project from a template (offline).

    The project has the Python class, the front-end module and its SCSS, a demo with stories,
    unit and visual tests, and a README. Then: cd into it and run 'livery component build'.
    """
    from livery.component.templates import create as create_project
    from livery.component.templates import templates

    if template not in templates():
        raise typer.BadParameter(
            f"unknown template {template!r}; choose from {', '.join(templates())}",
            param_hint="--template",
        )
    created = create_project(
        name, template=template, directory=directory, package_name=package_name, force=force
    )
    for kept in created.kept:
        err.print(f"[yellow]warning:[/] kept your {escape(kept)} (not written by Livery)")
    for edited in created.edited:
        err.print(
            f"[yellow]warning:[/] kept your {escape(edited)} (changed since Livery wrote it; "
            "delete it to get Livery's version back)"
        )
    where = escape(_shown(created.directory))
    err.print(
        f"created {escape(created.names.class_name)} ({escape(created.names.distribution)}, "
        f"template {escape(created.template)}) in {where}/: {len(created.written)} files"
    )
    err.print(f"next: cd {where} && livery component build")


@app.command("templates")
def list_templates() -> None:
    """List the project templates."""
    from livery.component.templates import templates

    table = Table("template", "description", box=None, pad_edge=False)
    for template in templates().values():
        table.add_row(escape(template.name), escape(template.description))
    out.print(table)


@app.command()
def build(
    directory: Path = _PROJECT,
    nodeenv: bool = typer.Option(
        False,
        "--nodeenv",
        help="Use (and create if missing) a project-local nodeenv in .nodeenv/ around the "
        "system's Node.js.",
    ),
) -> None:
    """Bundle the front end, compile its styles, then build wheel and sdist into dist/.

    npm dependencies are installed only when package.json or package-lock.json changed.
    The built index.js and style.css replace backend/<package>/templates/ atomically: a
    failed build leaves the previous assets as they were.
    """
    from livery._extras import require_authoring
    from livery.component.build import build_project
    from livery.component.project import Project

    require_authoring("livery component build", "build", "hatchling")
    Project.find(directory)  # not a project: one error line, before any progress display
    try:
        with StepProgress(err) as progress:
            result = build_project(directory, nodeenv=nodeenv, reporter=progress)
    except BuildError as error:
        for line in error.lines:
            error_line(line)
        raise typer.Exit(1) from None
    total = sum(result.seconds.values())
    err.print(f"built {escape(_shown(result.project.root))} in {total * 1000:.0f} ms")


@app.command()
def docs(
    directory: Path = _PROJECT,
    theme: str = typer.Option(
        "default", "--theme", help="The library theme the page's live previews use."
    ),
) -> None:
    """Write docs/index.html and the reference section of README.md from the class.

    The page shows the docstring, props, events, value schema, commands and traits, and every
    story of demo/app.py mounted live; it works opened from disk. The README section sits
    between <!-- livery-docs:start --> and <!-- livery-docs:end -->; the rest is kept.
    Needs a built front end ('livery component build').
    """
    from livery.component.docs import write_docs
    from livery.component.project import Project

    result = write_docs(Project.find(directory), theme)
    for path in (result.page, result.readme):
        state = "wrote" if path in result.written else "unchanged"
        err.print(f"{state} {escape(_shown(path))}")


@app.command()
def publish(
    directory: Path = _PROJECT,
    repository_url: str = typer.Option(
        None,
        "--repository-url",
        help="The index's upload URL (default: twine's: TWINE_REPOSITORY_URL, .pypirc, PyPI).",
    ),
    repository: str = typer.Option(
        None, "--repository", "-r", help="A section of .pypirc to upload to."
    ),
) -> None:
    """Upload the wheel and sdist in dist/ to a package index with twine.

    dist/ must hold the current version, built after the last change to frontend/, backend/
    and pyproject.toml. Credentials: LIVERY_PUBLISH_TOKEN (an API token), TWINE_USERNAME and
    TWINE_PASSWORD, or .pypirc; they are never printed.
    """
    from livery.component.publish import publish_project

    published = publish_project(directory, repository_url=repository_url, repository=repository)
    release = published.release
    where = f" to {escape(published.repository)}" if published.repository else ""
    files = ", ".join(escape(path.name) for path in release.files)
    err.print(f"published {escape(release.name)} {escape(release.version)}{where}: {files}")


@app.command()
def playground(
    target: str = typer.Argument(
        ".",
        metavar="DIR|PACKAGE",
        help="A project folder (default: the current one), or an installed component: its "
        "import name, distribution name or entry point name.",
    ),
    port: int = _PORT,
    theme: str = _THEME,
    open_browser: bool = _OPEN,
    host: str = _HOST,
) -> None:
    """Try the component's stories in a page: events run the stories' Python handlers.

    Serves the built front end (run 'livery component build' first) with a theme switcher
    and a light/dark toggle; reload the page after rebuilding. An installed component (no
    folder of that name) shows its standard stories: empty, example, disabled, error.
    """
    from livery.component.playground import serve

    serve(target, host=host, port=port, theme=theme, open_browser=open_browser, announce=_announce)


@app.command()
def dev(
    directory: Path = _PROJECT,
    port: int = _PORT,
    theme: str = _THEME,
    open_browser: bool = _OPEN,
    host: str = _HOST,
) -> None:
    """The playground with hot reload: every save rebuilds and updates the open pages.

    Watches frontend/, backend/ and demo/: a style change swaps the CSS in place, a JS change
    re-bundles and remounts every story, a Python change re-imports the backend and demo and
    reloads the page. Errors (JS, SCSS, Python) show over the page until the next good save.
    """
    from livery.component.playground import serve

    serve(
        directory,
        host=host,
        port=port,
        theme=theme,
        open_browser=open_browser,
        reload=True,
        announce=_announce,
    )


def _announce(line: str) -> None:
    """A server's line (its address, a rebuild's result: names and messages from the
    project) on stderr, escaped, at once even into a pipe."""
    err.print(escape(line))
    err.file.flush()


@app.command()
def test(
    directory: Path = _PROJECT,
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
    err.print(_test_summary(result, seconds))
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


def _test_summary(result: Result, seconds: float) -> str:
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


@app.command("list")
def list_components() -> None:
    """List installed components (packages with 'livery.components' entry points)."""
    from livery.component.registry import installed

    found = installed()
    if not found:
        err.print(
            "no components installed (a package adds one with an entry point in the group "
            "livery.components)"
        )
        return
    table = Table("name", "package", "version", "class", box=None, pad_edge=False)
    for component in found:
        try:
            component.load()
            shown = escape(component.target)
        except ComponentError as error:
            shown = f"[red]{escape(error.problem)}[/]"
        table.add_row(
            escape(component.name), escape(component.package), escape(component.version), shown
        )
    out.print(table)


def _shown(path: Path) -> str:
    try:
        relative = path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return str(path)
    return str(relative) if str(relative) != "." else "."
