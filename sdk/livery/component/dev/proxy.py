"""Forward a request to the dev server's current worker, and stream its answer back.

HTTP/1.1 over the worker's Unix socket, spoken with ``h11`` (uvicorn's own protocol library)
on asyncio streams: an ``httpx`` client here forwarded a fifth as many pages under load
(``bench/server_load.py``'s client). Each worker has a pool of keep-alive
connections (``Upstream``); a replaced worker's pool is closed a little later, once its last
answers are through. Request and response bodies are streamed, not read whole. When no worker
can answer, the page gets a one-line text at once, never a hang: 503 while the demo is being
(re)started, 502 if the worker ended while answering, 504 if it took too long.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field

import h11
from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response, StreamingResponse
from starlette.types import Receive, Scope, Send

from livery.component.dev.workers import Worker

CONNECT_S = 5.0
READ_S = 300.0
"""A handler may compute for minutes (a model); connecting to a live worker is instant."""
IDLE_S = 4.0
"""How long an idle connection is reused: less than uvicorn's keep-alive (5 s), so the
worker never closes one as it is being reused."""
MAX_IDLE = 128
CLOSE_AFTER_S = 10.0
"""How long the pool of a replaced worker stays open for the answers still coming."""
CHUNK = 64 * 1024
_HOP_BY_HOP = frozenset(
    b"connection keep-alive proxy-authenticate proxy-authorization te trailer "
    b"transfer-encoding upgrade".split()
)
_OWN = _HOP_BY_HOP | {b"date", b"server"}
"""Response headers the dev server's own uvicorn writes: the worker's would repeat them."""
_NO_STORE = {"Cache-Control": "no-store"}
_RESTARTING = "the demo is restarting (see the terminal); reload in a moment"
_ENDED = "the demo's process ended while answering; it is being restarted"


@dataclass
class _Connection:
    reader: asyncio.StreamReader
    writer: asyncio.StreamWriter
    protocol: h11.Connection = field(default_factory=lambda: h11.Connection(h11.CLIENT))
    idle_since: float = 0.0

    async def event(self, timeout: float = READ_S) -> h11.Event:
        """The next thing the worker said (waiting at most ``timeout`` for more bytes)."""
        while True:
            try:
                event = self.protocol.next_event()
            except h11.RemoteProtocolError as error:  # it ended (or broke) the answer
                raise ConnectionResetError(f"the worker: {error}") from None
            if event is not h11.NEED_DATA:
                if isinstance(event, h11.ConnectionClosed):
                    raise ConnectionResetError("the worker closed the connection")
                return event
            data = await asyncio.wait_for(self.reader.read(CHUNK), timeout)
            self.protocol.receive_data(data)

    def send(self, event: h11.Event) -> None:
        data = self.protocol.send(event)
        if data:
            self.writer.write(data)

    def close(self) -> None:
        self.writer.close()


class Upstream:
    """Keep-alive connections to one worker's socket."""

    def __init__(self, address: str) -> None:
        self.address = address
        self.closed = False
        self._idle: list[_Connection] = []

    async def connection(self) -> tuple[_Connection, bool]:
        """A connection, and whether it was reused (one the worker may just have dropped)."""
        now = time.monotonic()
        while self._idle:
            connection = self._idle.pop()
            if now - connection.idle_since < IDLE_S and not connection.reader.at_eof():
                return connection, True
            connection.close()
        return await self.open(), False

    async def open(self) -> _Connection:
        """A new connection (the worker is not there: ``OSError``)."""
        reader, writer = await asyncio.wait_for(
            asyncio.open_unix_connection(self.address), CONNECT_S
        )
        return _Connection(reader, writer)

    def release(self, connection: _Connection) -> None:
        """Keep a connection whose exchange is complete for the next request, else close it."""
        protocol = connection.protocol
        if (
            self.closed
            or len(self._idle) >= MAX_IDLE
            or protocol.our_state is not h11.DONE
            or protocol.their_state is not h11.DONE
        ):
            connection.close()
            return
        protocol.start_next_cycle()
        connection.idle_since = time.monotonic()
        self._idle.append(connection)

    def close(self) -> None:
        self.closed = True
        for connection in self._idle:
            connection.close()
        self._idle.clear()


class Proxy:
    """The ASGI application that answers with whatever ``target()``'s worker answers."""

    def __init__(self, target: Callable[[], Worker | None]) -> None:
        self.target = target
        self._upstreams: dict[str, Upstream] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = await self._forward(scope, receive)
        await response(scope, receive, send)

    async def _forward(self, scope: Scope, receive: Receive) -> Response:
        worker = self.target()
        if worker is None:
            return _text(503, _RESTARTING)
        upstream = self._upstream(worker)
        has_body = any(
            k.lower() in (b"content-length", b"transfer-encoding") for k, _ in scope["headers"]
        )
        body = Request(scope, receive).stream() if has_body else None
        try:
            connection, reused = await upstream.connection()
        except (OSError, asyncio.TimeoutError):
            return _text(503, _RESTARTING)
        try:
            head = await self._exchange(connection, scope, body)
        except ConnectionError:
            connection.close()
            if not (reused and body is None):
                return _text(502, _ENDED)
            # a kept connection the worker had dropped: once more, on a new one
            try:
                connection = await upstream.open()
                head = await self._exchange(connection, scope, None)
            except (OSError, asyncio.TimeoutError, h11.LocalProtocolError):
                connection.close()
                return _text(502, _ENDED)
        except asyncio.TimeoutError:
            connection.close()
            return _text(504, "the demo did not answer in time")
        except OSError:
            connection.close()
            return _text(502, _ENDED)
        except h11.LocalProtocolError as error:  # a request HTTP/1.1 cannot carry on
            connection.close()
            return _text(400, f"bad request: {error}")
        kept = [(k, v) for k, v in head.headers if k not in _OWN]
        response = StreamingResponse(
            _body(connection),
            status_code=head.status_code,
            background=BackgroundTask(upstream.release, connection),
        )
        response.raw_headers = kept
        return response

    @staticmethod
    async def _exchange(
        connection: _Connection, scope: Scope, body: AsyncIterator[bytes] | None
    ) -> h11.Response:
        """Send the request (its body streamed) and read the head of the answer."""
        headers = [(k, v) for k, v in scope["headers"] if k.lower() not in _HOP_BY_HOP]
        names = {k.lower() for k, _ in headers}
        if body is not None and b"content-length" not in names:
            headers.append((b"transfer-encoding", b"chunked"))
        if b"host" not in names:  # an HTTP/1.0 client's request
            headers.append((b"host", b"worker"))
        target = scope.get("raw_path") or scope["path"].encode()
        if scope.get("query_string"):
            target += b"?" + scope["query_string"]
        connection.send(h11.Request(method=scope["method"], target=target, headers=headers))
        try:
            if body is not None:
                async for chunk in body:
                    if chunk:
                        connection.send(h11.Data(data=chunk))
                        await connection.writer.drain()
            connection.send(h11.EndOfMessage())
            await connection.writer.drain()
        except (ConnectionError, h11.LocalProtocolError):
            pass  # the worker answered before the whole body arrived (a 413): read it
        while True:
            event = await connection.event()
            if isinstance(event, h11.Response):
                return event
            if not isinstance(event, h11.InformationalResponse):
                raise ConnectionResetError(f"the worker sent {type(event).__name__} first")

    def _upstream(self, worker: Worker) -> Upstream:
        upstream = self._upstreams.get(worker.address)
        if upstream is None:
            loop = asyncio.get_running_loop()
            for address, old in list(self._upstreams.items()):  # a replaced worker's
                del self._upstreams[address]
                loop.call_later(CLOSE_AFTER_S, old.close)
            upstream = self._upstreams[worker.address] = Upstream(worker.address)
        return upstream


async def _body(connection: _Connection) -> AsyncIterator[bytes]:
    """The worker's answer as it comes; a worker that ends midway ends the answer (and a
    page that goes away midway closes the connection: the rest is never read)."""
    try:
        with contextlib.suppress(OSError, asyncio.TimeoutError):
            while isinstance(event := await connection.event(), h11.Data):
                yield bytes(event.data)
    finally:
        if connection.protocol.their_state is not h11.DONE:
            connection.close()


def _text(status: int, message: str) -> Response:
    return PlainTextResponse(message, status_code=status, headers=_NO_STORE)
