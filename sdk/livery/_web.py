"""What Livery's local web servers (gallery, playground, dev server) share: ``serve``.

Sockets are bound before uvicorn starts, so that a port in use is one clear error line rather
than a log message and an exit from inside the server, and so that ``--port 0`` can print the
port the system picked. Bound to a loopback address, a server accepts only loopback names in
the Host header (a defence against DNS rebinding). Every response carries the same security
headers, a 500 from an unexpected exception included; request bodies are read as JSON with a
bounded depth (``load_json``).
"""

from __future__ import annotations

import ipaddress
import json
import socket
import threading
import webbrowser
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from livery.errors import JsonDepthError, ServerError

if TYPE_CHECKING:
    import uvicorn


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


STOP_GRACE_S = 1
"""How long a stop waits for requests still open before it closes them."""
BROWSER_DELAY_S = 0.8
"""``--open`` opens the page this long after the announcement, once uvicorn is listening."""


def serve(
    make_app: Callable[[list[str] | None], ASGIApp],
    *,
    host: str,
    port: int,
    banner: Callable[[str], str],
    announce: Callable[[str], None] = print,
    open_browser: bool = False,
    lifespan: Literal["on", "off"] = "off",
    on_stop: Callable[[], None] | None = None,
) -> None:
    """Serve an application on ``host:port`` until Ctrl-C (or SIGTERM).

    Binds first (``ServerError`` if it cannot), then builds the application with
    ``make_app(allowed_hosts(host))`` (the Host names to accept, ``None`` for any), announces
    ``banner(url)`` and serves. ``on_stop`` runs as soon as a stop is asked for, before uvicorn
    waits for open requests (an event stream never ends by itself: close it there). The socket
    is closed however the server ends.
    """
    sock = bind(host, port)
    try:
        server = _server(make_app(allowed_hosts(host)), lifespan, on_stop)
        url = url_of(sock)
        announce(banner(url))
        if open_browser:
            threading.Timer(BROWSER_DELAY_S, webbrowser.open, args=(url,)).start()
        server.run(sockets=[sock])
    finally:
        sock.close()


def _server(
    app: ASGIApp, lifespan: Literal["on", "off"], on_stop: Callable[[], None] | None
) -> uvicorn.Server:
    """A quiet uvicorn (no access log, a short graceful stop) that calls ``on_stop`` first
    when told to stop. (uvicorn is imported here: the applications import this module.)"""
    import uvicorn

    config = uvicorn.Config(
        app,
        log_level="warning",
        lifespan=lifespan,
        access_log=False,
        timeout_graceful_shutdown=STOP_GRACE_S,
    )
    server = uvicorn.Server(config)
    if on_stop is not None:
        original = server.handle_exit

        def handle_exit(*args: Any) -> None:
            on_stop()
            original(*args)

        server.handle_exit = handle_exit  # type: ignore[method-assign]
    return server


def is_loopback(host: str) -> bool:
    """Whether ``host`` (a name or an address, IPv4 or IPv6) is this machine only."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def allowed_hosts(host: str) -> list[str] | None:
    """The Host header names to accept: when bound to a loopback address (any ``127.x``,
    ``::1``, ``localhost``) only loopback names, the bound one among them, so that a page on
    another site cannot reach the server through a name of its own (DNS rebinding); ``None``
    (anything) otherwise. IPv6 addresses are bracketed, as they stand in a Host header."""
    if not is_loopback(host):
        return None
    names = ["127.0.0.1", "localhost", "[::1]"]
    bound = f"[{host}]" if ":" in host else host.lower()
    return names if bound in names else [*names, bound]


def security_headers(csp: str) -> tuple[tuple[bytes, bytes], ...]:
    """The headers every response carries: the page's Content-Security-Policy and the rest."""
    return (
        (b"content-security-policy", csp.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"x-frame-options", b"DENY"),
        (b"cross-origin-opener-policy", b"same-origin"),
        (b"cross-origin-resource-policy", b"same-origin"),
    )


class SecurityHeaders:
    """ASGI middleware adding ``headers`` to every HTTP response, errors included."""

    def __init__(self, app: ASGIApp, headers: tuple[tuple[bytes, bytes], ...]) -> None:
        self.app = app
        self.headers = headers
        self._names = {name for name, _ in headers}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        started = False

        async def send_secured(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                kept = [h for h in message.get("headers", []) if h[0].lower() not in self._names]
                message["headers"] = [*kept, *self.headers]
            await send(message)

        try:
            await self.app(scope, receive, send_secured)
        except Exception:
            # Starlette's own 500 comes from outside every middleware, without these headers:
            # answer here, then let the error go on to be logged.
            if not started:
                await send_secured(_INTERNAL_ERROR_START)
                await send_secured({"type": "http.response.body", "body": _INTERNAL_ERROR})
            raise


_INTERNAL_ERROR = b"internal server error"
_INTERNAL_ERROR_START: Message = {
    "type": "http.response.start",
    "status": 500,
    "headers": [
        (b"content-type", b"text/plain; charset=utf-8"),
        (b"content-length", str(len(_INTERNAL_ERROR)).encode()),
        (b"cache-control", b"no-store"),
    ],
}


MAX_JSON_DEPTH = 100
"""How deep a request's JSON may nest: far beyond any theme setting or component value, far
short of the interpreter's recursion limit (8,000 ``[`` would raise ``RecursionError``)."""


def load_json(body: bytes | str, *, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """``json.loads(body)``, refusing JSON nested deeper than ``max_depth`` with a one-line
    ``JsonDepthError`` (a ``ValueError``) instead of a ``RecursionError`` here or in whatever
    walks the value next. Not JSON at all is ``json.loads``'s ``ValueError``."""
    try:
        data = json.loads(body)
    except RecursionError:
        raise JsonDepthError(f"the JSON nests deeper than {max_depth} levels") from None
    level = [(data, 1)]
    while level:
        value, depth = level.pop()
        if isinstance(value, (list, dict)):
            if depth > max_depth:
                raise JsonDepthError(f"the JSON nests deeper than {max_depth} levels")
            items = value.values() if isinstance(value, dict) else value
            level.extend((item, depth + 1) for item in items)
    return data


async def read_body(request: Request, limit: int) -> bytes | None:
    """The request's body, or ``None`` as soon as it is known to be over ``limit`` bytes (its
    Content-Length, or what has arrived so far): a 40 MB body is refused without being read."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        return None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)
