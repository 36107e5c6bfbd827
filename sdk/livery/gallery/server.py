"""Run the gallery: uvicorn on 127.0.0.1 unless told otherwise, printing the address.

The socket is bound here, before uvicorn starts, so that a port in use is one clear error
line rather than a log message and an exit from inside the server, and so that ``--port 0``
can print the port the system picked.
"""

from __future__ import annotations

import threading
import webbrowser
from collections.abc import Callable, Sequence
from pathlib import Path

import uvicorn

from livery._web import allowed_hosts, bind, url_of
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
    """Serve the gallery until interrupted."""
    sock = bind(host, port)
    hosts = allowed_hosts(host)
    app = create_app(folders, allowed_hosts=hosts)
    url = url_of(sock)
    config = uvicorn.Config(app, log_level="warning", lifespan="on", access_log=False)
    server = uvicorn.Server(config)
    announce(f"Livery gallery on {url}  (Ctrl-C to stop)")
    if open_browser:
        threading.Timer(0.8, webbrowser.open, args=(url,)).start()
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
