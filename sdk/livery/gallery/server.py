"""Run the gallery: ``livery._web.serve`` on 127.0.0.1 unless told otherwise."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from livery._web import serve as serve_app
from livery.gallery.app import create_app

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def serve(
    folders: Sequence[Path] = (),
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    open_browser: bool = False,
    announce: Callable[[str], None] = print,
) -> None:
    """Serve the gallery of the built-in themes, installed ones and ``folders`` until
    interrupted."""
    serve_app(
        lambda hosts: create_app(folders, allowed_hosts=hosts),
        host=host,
        port=port,
        banner=lambda url: f"Livery gallery on {url}  (Ctrl-C to stop)",
        announce=announce,
        open_browser=open_browser,
        lifespan="on",
    )
