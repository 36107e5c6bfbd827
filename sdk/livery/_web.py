"""What Livery's local web servers (gallery, playground, dev server) share: security headers."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send


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
