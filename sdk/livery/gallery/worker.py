"""The gallery's background thread: describe every theme first, then grade them.

Describing is cheap (loading) and grading is slow (the contrast audit), so a priority queue
puts every pending description before any grade: with a thousand themes the index fills at
once and the grades follow. Stopping jumps the queue; what is left is done on demand.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
from collections.abc import Callable

log = logging.getLogger("livery.gallery")

_STOP, _DESCRIBE, _GRADE = 0, 1, 2
"""Work priorities: stop first, then describe every theme, then grade them."""


class Worker:
    """Runs ``describe`` and then ``grade`` for every key it is given, in one daemon thread."""

    def __init__(self, describe: Callable[[str], object], grade: Callable[[str], object]) -> None:
        self._describe = describe
        self._grade = grade
        self._counter = itertools.count()
        self._queue: queue.PriorityQueue[tuple[int, int, str]] = queue.PriorityQueue()
        self._thread: threading.Thread | None = None

    def add(self, key: str) -> None:
        """Describe, then grade, ``key`` (queued until ``start`` if not running)."""
        self._queue.put((_DESCRIBE, next(self._counter), key))

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="livery-gallery", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._thread is None:
            return
        self._queue.put((_STOP, -1, ""))
        self._thread.join(timeout=5)
        self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None

    def _run(self) -> None:
        while True:
            priority, _, key = self._queue.get()
            if priority == _STOP:
                return
            try:
                if priority == _DESCRIBE:
                    self._describe(key)
                    self._queue.put((_GRADE, next(self._counter), key))
                else:
                    self._grade(key)
            except Exception:  # keep serving; the request path reports the same problem
                log.exception("gallery: could not prepare %s", key)
