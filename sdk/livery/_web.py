"""What Livery's local web servers (gallery, playground, dev server) share.

Sockets are bound before uvicorn starts, so that a port in use is one clear error line rather
than a log message and an exit from inside the server, and so that ``--port 0`` can print the
port the system picked. Every response carries the same security headers.
"""

from __future__ import annotations

import ipaddress
import socket

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from livery.errors import LiveryError


class ServerError(LiveryError):
    """A server cannot listen where it was asked to."""


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


def allowed_hosts(host: str) -> list[str] | None:
    """The Host headers to accept: only loopback names when bound to loopback (a defence
    against DNS rebinding), anything otherwise."""
    return ["127.0.0.1", "localhost"] if host in ("127.0.0.1", "localhost") else None


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

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept = [h for h in message.get("headers", []) if h[0].lower() not in self._names]
                message["headers"] = [*kept, *self.headers]
            await send(message)

        await self.app(scope, receive, send_secured)
