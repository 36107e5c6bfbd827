"""``livery gallery …``: serve the theme gallery, or write it as a static site."""

from __future__ import annotations

import time
from pathlib import Path

import typer

from livery.cli.console import err, escape, out

app = typer.Typer(
    help="Browse, compare, tweak and download themes in a web page.",
    invoke_without_command=True,
)

_THEMES = typer.Option(
    None,
    "--themes",
    metavar="DIR",
    help="A folder of theme files (*.toml, Gradio *.json) to show too; repeatable.",
    exists=True,
    file_okay=False,
    dir_okay=True,
)


@app.callback(invoke_without_command=True)
def serve(
    ctx: typer.Context,
    themes: list[Path] = _THEMES,
    host: str = typer.Option("127.0.0.1", "--host", metavar="HOST", help="Address to listen on."),
    port: int = typer.Option(
        8000, "--port", metavar="PORT", min=0, max=65535, help="Port (0: any free one)."
    ),
    open_browser: bool = typer.Option(False, "--open", help="Open the gallery in a browser."),
) -> None:
    """Serve the gallery on http://127.0.0.1:8000/ until Ctrl-C.

    Shows the built-in themes, installed theme packages and every --themes folder. Theme
    files added, changed or deleted in those folders show without a restart.
    """
    if ctx.invoked_subcommand is not None:
        return
    from livery.gallery.server import serve as run_server

    run_server(
        themes or [],
        host=host,
        port=port,
        open_browser=open_browser,
        announce=_announce,
    )


def _announce(line: str) -> None:
    """Print the address at once, even into a pipe (``make run`` under a process manager)."""
    out.print(escape(line))
    out.file.flush()


@app.command()
def build(
    output: Path = typer.Option(
        ..., "-o", "--output", metavar="DIR", help="The folder to write the site to."
    ),
    themes: list[Path] = _THEMES,
) -> None:
    """Write the gallery as static files that work from any static web host.

    The folder is replaced as a whole once every file is written; a folder that holds
    something else is refused.
    """
    from livery.gallery.static_site import build as build_site

    started = time.perf_counter()
    written = build_site(output, themes or [])
    pages = sum(1 for path in written if path.endswith(".html"))
    seconds = time.perf_counter() - started
    err.print(
        f"wrote {len(written)} files ({pages} pages) to {escape(str(output))}/ in {seconds:.1f} s"
    )
