"""Run the playground: uvicorn on 127.0.0.1, printing the address.

The demo is loaded and the theme checked before the socket is bound, so a project that is not
built, a broken ``demo/app.py`` or an unknown theme is one error line and no server. Binding
reuses the gallery's helpers: a port in use is a clear error, and ``--port 0`` prints the port
the system picked.
"""

from __future__ import annotations

import os
import threading
import webbrowser
from collections.abc import Callable

import uvicorn

from livery._web import allowed_hosts, bind, url_of
from livery.component.playground.app import create_app
from livery.component.playground.demo import load_demo
from livery.component.playground.themes import check_theme

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8100


def serve(
    folder: str | os.PathLike[str] = ".",
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    theme: str = "default",
    open_browser: bool = False,
    announce: Callable[[str], None] = print,
) -> None:
    """Serve the playground of the project in ``folder`` until interrupted."""
    theme = check_theme(theme)
    demo = load_demo(folder)
    sock = bind(host, port)
    hosts = allowed_hosts(host)
    app = create_app(demo, theme=theme, allowed_hosts=hosts)
    url = url_of(sock)
    server = uvicorn.Server(
        uvicorn.Config(app, log_level="warning", lifespan="off", access_log=False)
    )
    stories = len(demo.stories)
    announce(
        f"{demo.component.name}: {stories} stor{'y' if stories == 1 else 'ies'} on {url}"
        "  (Ctrl-C to stop)"
    )
    if open_browser:
        threading.Timer(0.8, webbrowser.open, args=(url,)).start()
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
