"""Forward a request to the dev server's current worker, and stream its answer back.

One ``httpx.AsyncClient`` per worker, on the worker's Unix socket, sized for many open pages
(64 concurrent keep-alive connections and more, no waiting for the pool); the client of a
replaced worker is closed a little later, once its last answers are through. Request and
response bodies are streamed, not read whole. When no worker can answer, the page gets a
one-line text at once, never a hang: 503 while the demo is being (re)started, 502 if the
worker ended while answering, 504 if it took too long.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable

import httpx
from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response, StreamingResponse
from starlette.types import Receive, Scope, Send

from livery.component.dev.workers import Worker

LIMITS = httpx.Limits(max_connections=256, max_keepalive_connections=128, keepalive_expiry=30)
TIMEOUT = httpx.Timeout(connect=5, read=300, write=60, pool=30)
"""A handler may compute for minutes (a model); connecting to a live worker is instant."""
CLOSE_AFTER_S = 10.0
"""How long the client of a replaced worker stays open for the answers still coming."""
_HOP_BY_HOP = frozenset(
    b"connection keep-alive proxy-authenticate proxy-authorization te trailer "
    b"transfer-encoding upgrade".split()
)
_OWN = _HOP_BY_HOP | {b"date", b"server"}
"""Response headers the dev server's own uvicorn writes: the worker's would repeat them."""
_NO_STORE = {"Cache-Control": "no-store"}


class Proxy:
    """The ASGI application that answers with whatever ``target()``'s worker answers."""

    def __init__(self, target: Callable[[], Worker | None]) -> None:
        self.target = target
        self._clients: dict[str, httpx.AsyncClient] = {}
        self._closing: set[asyncio.Task[None]] = set()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = await self._forward(scope, receive)
        await response(scope, receive, send)

    async def _forward(self, scope: Scope, receive: Receive) -> Response:
        worker = self.target()
        if worker is None:
            return _text(503, "the demo is restarting (see the terminal); reload in a moment")
        client = self._client(worker)
        request = Request(scope, receive)
        headers = [(k, v) for k, v in scope["headers"] if k.lower() not in _HOP_BY_HOP]
        has_body = any(
            k.lower() in (b"content-length", b"transfer-encoding") for k, _ in scope["headers"]
        )
        path = scope.get("raw_path") or scope["path"].encode()
        query = scope.get("query_string", b"")
        url = (
            "http://worker"
            + path.decode("latin-1")
            + ("?" + query.decode("latin-1") if query else "")
        )
        outgoing = client.build_request(
            scope["method"], url, headers=headers, content=request.stream() if has_body else None
        )
        try:
            upstream = await client.send(outgoing, stream=True)
        except httpx.ConnectError:
            return _text(503, "the demo is restarting (see the terminal); reload in a moment")
        except httpx.TimeoutException:
            return _text(504, "the demo did not answer in time")
        except httpx.TransportError:
            return _text(502, "the demo's process ended while answering; it is being restarted")
        kept = [(k, v) for k, v in upstream.headers.raw if k.lower() not in _OWN]
        response = StreamingResponse(
            _body(upstream),
            status_code=upstream.status_code,
            background=BackgroundTask(upstream.aclose),
        )
        response.raw_headers = kept
        return response

    def _client(self, worker: Worker) -> httpx.AsyncClient:
        client = self._clients.get(worker.address)
        if client is None:
            loop = asyncio.get_running_loop()
            for address, old in list(self._clients.items()):  # a replaced worker's
                del self._clients[address]
                loop.call_later(CLOSE_AFTER_S, self._close, old)
            transport = httpx.AsyncHTTPTransport(uds=worker.address, limits=LIMITS)
            client = httpx.AsyncClient(transport=transport, timeout=TIMEOUT)
            self._clients[worker.address] = client
        return client

    def _close(self, client: httpx.AsyncClient) -> None:
        task = asyncio.ensure_future(client.aclose())
        self._closing.add(task)
        task.add_done_callback(self._closing.discard)


async def _body(upstream: httpx.Response) -> AsyncIterator[bytes]:
    """The worker's answer as it comes; a worker that ends midway ends the answer."""
    try:
        async for chunk in upstream.aiter_raw():
            yield chunk
    except httpx.TransportError:
        return


def _text(status: int, message: str) -> Response:
    return PlainTextResponse(message, status_code=status, headers=_NO_STORE)
