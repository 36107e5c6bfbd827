"""Run the gallery: uvicorn on 127.0.0.1 unless told otherwise, printing the address.

The socket is bound here, before uvicorn starts, so that a port in use is one clear error
line rather than a log message and an exit from inside the server, and so that ``--port 0``
can print the port the system picked.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import webbrowser
from collections.abc import Callable, Sequence
from pathlib import Path

import uvicorn

from livery.errors import LiveryError
from livery.gallery.app import create_app

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


class ServerError(LiveryError):
    """The gallery cannot listen where it was asked to."""


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port`` (``ServerError`` with the reason if it cannot)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as error:
        raise ServerError(f"cannot listen on {host}: {error.strerror}") from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
        sock.listen(128)
    except OSError as error:
        sock.close()
        hint = "; choose another --port" if error.errno in (98, 48, 10048) else ""
        raise ServerError(f"cannot listen on {host}:{port}: {error.strerror}{hint}") from None
    sock.set_inheritable(True)
    return sock


def url_of(sock: socket.socket) -> str:
    """The address people open for a bound socket."""
    host, port = sock.getsockname()[:2]
    if host in ("0.0.0.0", "::"):
        host = "127.0.0.1"
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}/"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


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
    hosts = ["127.0.0.1", "localhost"] if host in ("127.0.0.1", "localhost") else None
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
