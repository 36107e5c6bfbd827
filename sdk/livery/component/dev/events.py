"""Server-Sent Events: what the dev server tells every open page.

A ``Broadcaster`` is fed from the rebuild thread (``publish``) and read by the asyncio side
(one queue per connected page). A page that connects, or reconnects after a reload, first gets
``hello`` with the current errors, so an overlay survives a reload until a good save clears
it. ``close`` ends every stream, so the server can shut down while pages are open.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
from collections.abc import AsyncIterator, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

HEARTBEAT_S = 15.0
"""A comment line this often keeps proxies and the browser from dropping an idle stream."""
_CLOSE = object()


class Broadcaster:
    """Fan one stream of events out to every connected page (thread-safe ``publish``)."""

    def __init__(self, hello: Callable[[], dict[str, Any]] = dict) -> None:
        self._hello = hello
        self._lock = threading.Lock()
        self._clients: set[tuple[asyncio.AbstractEventLoop, asyncio.Queue[object]]] = set()
        self._closed = False

    @property
    def clients(self) -> int:
        with self._lock:
            return len(self._clients)

    def publish(self, kind: str, **data: Any) -> None:
        """Send ``{"kind": kind, **data}`` to every page (from any thread)."""
        message = _format(kind, data)
        with self._lock:
            clients = list(self._clients)
        for loop, queue in clients:
            with contextlib.suppress(RuntimeError):  # the loop is gone: the server is stopping
                loop.call_soon_threadsafe(queue.put_nowait, message)

    def close(self) -> None:
        """End every stream (and refuse new ones)."""
        with self._lock:
            self._closed = True
            clients = list(self._clients)
        for loop, queue in clients:
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(queue.put_nowait, _CLOSE)

    async def stream(self, request: Request) -> AsyncIterator[str]:
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue[object] = asyncio.Queue()
        client = (loop, queue)
        with self._lock:
            if self._closed:
                return
            self._clients.add(client)
        try:
            yield "retry: 500\n\n"
            yield _format("hello", self._hello())
            while True:
                try:
                    message = await asyncio.wait_for(queue.get(), HEARTBEAT_S)
                except asyncio.TimeoutError:
                    if await request.is_disconnected():
                        return
                    yield ": keep-alive\n\n"
                    continue
                if message is _CLOSE:
                    return
                yield message  # type: ignore[misc]
        finally:
            with self._lock:
                self._clients.discard(client)

    async def endpoint(self, request: Request) -> Response:
        """The ``text/event-stream`` route."""
        return StreamingResponse(
            self.stream(request),
            media_type="text/event-stream",
            headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
        )


def _format(kind: str, data: dict[str, Any]) -> str:
    text = json.dumps({"kind": kind, **data}, ensure_ascii=False, separators=(",", ":"))
    return f"event: livery\ndata: {text}\n\n"
