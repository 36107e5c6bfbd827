"""The ``livery`` command line: one sub-app per area, one function per command.

A user error (a ``LiveryError``, or a command run without the authoring tools it needs) prints
one line on stderr and exits 1, never a traceback; usage errors exit 2 (click's convention).
"""

from __future__ import annotations

import sys

import typer

from livery import __version__
from livery._extras import authoring_missing
from livery.cli import component, css, gallery, palette, theme
from livery.cli.console import error_line
from livery.cli.paths import describe_os_error
from livery.errors import LiveryError

app = typer.Typer(
    name="livery",
    help="Themes and custom components for Gradio-style web apps.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
app.add_typer(theme.app, name="theme")
app.add_typer(css.app, name="css")
app.add_typer(component.app, name="component")
app.add_typer(gallery.app, name="gallery")
app.command("palette")(palette.show)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"livery {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Themes and custom components for Gradio-style web apps."""


def _command() -> str:
    """The command being run, for messages: ``livery component build``."""
    words = [word for word in sys.argv[1:3] if not word.startswith("-")]
    return " ".join(["livery", *words])


def main() -> None:
    """Entry point of the ``livery`` console script."""
    try:
        app()
    except LiveryError as error:
        error_line(str(error))
        sys.exit(1)
    except ModuleNotFoundError as error:
        missing = authoring_missing(error, _command())
        if missing is None:
            raise
        error_line(str(missing))
        sys.exit(1)
    except OSError as error:  # a path the system refused (a folder it cannot make, …)
        error_line(describe_os_error(error))
        sys.exit(1)
    except KeyboardInterrupt:
        error_line("interrupted")
        sys.exit(130)
