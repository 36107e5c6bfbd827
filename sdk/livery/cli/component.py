"""``livery component …``: create, build, publish, try out and list custom components."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from livery.cli.console import err, error_line, escape, out
from livery.cli.progress import StepProgress
from livery.component.errors import BuildError, ComponentError

app = typer.Typer(
    help="Create, build, publish, try out and list custom components.", no_args_is_help=True
)


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
        None, "--package-name", "-p", help="Distribution name (default: livery-<name>)."
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
    directory: Path = typer.Argument(
        Path("."), metavar="DIR", help="The project folder (default: the current one)."
    ),
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
    from livery.component.build import build_project
    from livery.component.project import Project

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
def publish(
    directory: Path = typer.Argument(
        Path("."), metavar="DIR", help="The project folder (default: the current one)."
    ),
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


_PROJECT = typer.Argument(
    Path("."), metavar="DIR", help="The project folder (default: the current one)."
)
_PORT = typer.Option(8100, "--port", "-p", help="Port on 127.0.0.1 (0: any free one).")
_THEME = typer.Option("default", "--theme", help="The theme to start with.")
_OPEN = typer.Option(False, "--open", help="Open the page in a browser.")
"""The options the playground and the dev server share."""


@app.command()
def playground(
    directory: Path = _PROJECT,
    port: int = _PORT,
    theme: str = _THEME,
    open_browser: bool = _OPEN,
) -> None:
    """Try the component's stories in a page: events run the stories' Python handlers.

    Serves the built front end (run 'livery component build' first) with a theme switcher
    and a light/dark toggle; reload the page after rebuilding.
    """
    from livery.component.playground import serve

    serve(directory, port=port, theme=theme, open_browser=open_browser, announce=err.print)


@app.command()
def dev(
    directory: Path = _PROJECT,
    port: int = _PORT,
    theme: str = _THEME,
    open_browser: bool = _OPEN,
) -> None:
    """The playground with hot reload: every save rebuilds and updates the open pages.

    Watches frontend/, backend/ and demo/: a style change swaps the CSS in place, a JS change
    re-bundles and remounts every story, a Python change re-imports the backend and demo and
    reloads the page. Errors (JS, SCSS, Python) show over the page until the next good save.
    """
    from livery.component.dev import serve_dev

    serve_dev(directory, port=port, theme=theme, open_browser=open_browser, announce=err.print)


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
