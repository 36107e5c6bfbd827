"""Pages and data files as bytes, gzipped once per text rather than once per request.

The index of a thousand themes is over a megabyte of HTML; compressing it for every request
cost more than rendering it. The texts come from the ``Pages`` caches, so the same object
comes back until its page changes: that object is what the cache checks. Responses that carry
``Content-Encoding`` pass through the gzip middleware as they are.
"""

from __future__ import annotations

import gzip
import threading
from collections import OrderedDict

from starlette.requests import Request
from starlette.responses import Response


class Compressed:
    """One body per address (its latest text), the least recently served dropped first.

    Keyed by address rather than by text, so that a page that changes replaces its old body
    instead of leaving megabytes of stale indexes in the cache.
    """

    MINIMUM = 1024
    """Smaller bodies are sent as they are (as the middleware does)."""

    def __init__(self, size: int = 256) -> None:
        self._size = size
        self._cache: OrderedDict[str, _Body] = OrderedDict()
        self._lock = threading.Lock()

    def response(self, request: Request, key: str, text: str, media_type: str) -> Response:
        """``text`` as the response to ``request``, gzipped if the client accepts it."""
        with self._lock:
            body = self._cache.get(key)
            if body is None or body.text is not text:
                body = self._cache[key] = _Body(text)
            self._cache.move_to_end(key)
            while len(self._cache) > self._size:
                self._cache.popitem(last=False)
        if len(body.raw) >= self.MINIMUM and "gzip" in request.headers.get("accept-encoding", ""):
            headers = {"Content-Encoding": "gzip", "Vary": "Accept-Encoding"}
            return Response(body.gzipped(), media_type=media_type, headers=headers)
        return Response(body.raw, media_type=media_type)


class _Body:
    """One text as UTF-8, and gzipped when first asked for."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.raw = text.encode()
        self._gzipped: bytes | None = None

    def gzipped(self) -> bytes:
        if self._gzipped is None:  # two threads may both compress it once: no harm
            self._gzipped = gzip.compress(self.raw, compresslevel=9, mtime=0)
        return self._gzipped
