"""Watch a component project and turn file events into kinds of change.

watchdog observes ``frontend/``, ``backend/`` and ``demo/`` (never ``node_modules`` nor the
build output in ``templates/``). Each event is classified: the stylesheet and SCSS partials are
``style``, anything else under ``frontend/`` is ``js``, Python under ``backend/`` or ``demo/``
is ``python``; editors' scratch files are ignored. Editors write a file several times per
save, so changes are collected until ``DEBOUNCE_S`` passes without a new one, then handed over
as one batch (kind → the files that changed). The callback runs in a single thread: a batch
that arrives while the previous one is still building waits and is merged with anything else
that comes in meanwhile, so two builds never run at once.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from livery.component.project import Project

DEBOUNCE_S = 0.03
STYLE, JS, PYTHON = "style", "js", "python"
KINDS = (STYLE, JS, PYTHON)
"""In the order a batch is built: styles, then the bundle (which embeds them), then Python."""
_STYLE_SUFFIXES = (".scss", ".sass")
_SOURCE_SUFFIXES = frozenset(
    ".js .mjs .cjs .jsx .ts .mts .cts .tsx .json .css .svg .txt .html .wasm".split()
)
"""What esbuild may bundle; anything else under ``frontend/`` (scratch files) is ignored."""
_SCRATCH_SUFFIXES = (".swp", ".swx", ".swo", ".tmp", "~", ".bak", ".orig")

Batch = dict[str, list[Path]]
"""Kind of change → the files that changed (in the order they changed)."""


def classify(project: Project, path: Path) -> str | None:
    """What a change to ``path`` needs rebuilt, or ``None`` to ignore it."""
    name = path.name
    if (
        name.startswith((".#", "#", ".~"))
        or name.endswith(_SCRATCH_SUFFIXES)
        or name.isdigit()  # vim's write test file ("4913")
        or "__pycache__" in path.parts
        or "node_modules" in path.parts
    ):
        return None
    try:
        relative = path.relative_to(project.root)
    except ValueError:
        return None
    if not relative.parts:
        return None
    top = relative.parts[0]
    if top == "frontend":
        if path.suffix in _STYLE_SUFFIXES or (project.style is not None and path == project.style):
            return STYLE
        return JS if path.suffix in _SOURCE_SUFFIXES else None
    if top in ("backend", "demo"):
        if any(part == "templates" or part.startswith(".templates-") for part in relative.parts):
            return None  # the build's own output
        return PYTHON if path.suffix == ".py" else None
    return None


class _Handler(FileSystemEventHandler):
    def __init__(self, watcher: Watcher) -> None:
        self.watcher = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or event.event_type in ("opened", "closed_no_write"):
            return
        for raw in (event.src_path, getattr(event, "dest_path", "")):
            if raw:
                self.watcher.touched(Path(raw if isinstance(raw, str) else raw.decode()))


class Watcher:
    """Observers on the project's folders and one thread that runs ``on_batch`` per batch."""

    def __init__(
        self,
        project: Project,
        on_batch: Callable[[Batch], None],
        *,
        debounce_s: float = DEBOUNCE_S,
    ) -> None:
        self.project = project
        self.on_batch = on_batch
        self.debounce_s = debounce_s
        self._pending: Batch = {}
        self._last = 0.0
        self._changed = threading.Condition()
        self._stopping = False
        self._observer = Observer()
        self._thread = threading.Thread(target=self._run, name="livery-dev-build", daemon=True)

    def start(self) -> None:
        handler = _Handler(self)
        for folder in ("frontend", "backend", "demo"):
            path = self.project.root / folder
            if path.is_dir():
                self._observer.schedule(handler, str(path), recursive=True)
        self._observer.daemon = True
        self._observer.start()
        self._thread.start()

    def stop(self) -> None:
        with self._changed:
            self._stopping = True
            self._changed.notify_all()
        self._observer.stop()
        self._observer.join(timeout=5)
        self._thread.join(timeout=30)

    def touched(self, path: Path) -> None:
        """Note a change (from watchdog, or a test)."""
        kind = classify(self.project, path)
        if kind is None:
            return
        with self._changed:
            files = self._pending.setdefault(kind, [])
            if path not in files:
                files.append(path)
            self._last = time.monotonic()
            self._changed.notify_all()

    def _next_batch(self) -> Batch | None:
        with self._changed:
            while not self._pending and not self._stopping:
                self._changed.wait()
            while not self._stopping:
                quiet = self._last + self.debounce_s - time.monotonic()
                if quiet <= 0:
                    break
                self._changed.wait(quiet)
            if self._stopping:
                return None
            batch, self._pending = self._pending, {}
            return batch

    def _run(self) -> None:
        while (batch := self._next_batch()) is not None:
            try:
                self.on_batch(batch)
            except Exception:  # a bug of ours: say so, keep watching
                import traceback

                traceback.print_exc()
