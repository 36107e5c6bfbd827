"""Watch the ``--themes`` folders so that theme files can change while the gallery runs.

watchdog reports every event; any event on a theme file (created, changed, deleted, moved in
or out) schedules one rescan a moment later, so an editor's burst of writes costs one scan.
The scan compares file stamps and only recomputes what changed (see ``Registry.scan``).
"""

from __future__ import annotations

import logging
import os
import threading

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from livery.gallery.registry import Registry
from livery.gallery.sources import is_theme_file

log = logging.getLogger("livery.gallery")

DEBOUNCE_SECONDS = 0.15


class _Handler(FileSystemEventHandler):
    def __init__(self, watcher: Watcher) -> None:
        self.watcher = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        paths = [event.src_path, getattr(event, "dest_path", "")]
        if any(path and is_theme_file(os.fsdecode(path)) for path in paths):
            self.watcher.poke()


class Watcher:
    """Rescans the registry's folders when a theme file in them changes."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self._observer = Observer()
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        handler = _Handler(self)
        for folder in self.registry.folders:
            if folder.is_dir():
                self._observer.schedule(handler, str(folder), recursive=False)
        self._observer.daemon = True
        self._observer.start()

    def stop(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
        self._observer.stop()
        self._observer.join(timeout=5)

    def poke(self) -> None:
        """Something changed: rescan soon (once for a burst of events)."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(DEBOUNCE_SECONDS, self._rescan)
            self._timer.daemon = True
            self._timer.start()

    def _rescan(self) -> None:
        try:
            self.registry.scan()
        except Exception:  # the next event tries again; the gallery keeps serving
            log.exception("gallery: rescan failed")
