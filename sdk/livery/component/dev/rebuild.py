"""Rebuild what a batch of changes needs, one build at a time, and remember the errors.

- ``style``: only libsass (``compile_style``); ``style.css`` is rewritten in place (a rename,
  so a request never reads half a file) from the new CSS plus the CSS the bundle imported.
- ``js``: esbuild into a scratch folder swapped in for ``templates/`` (``replace_folder``), the
  last good compiled styles copied along.
- ``python``: ``load_python`` (the dev server's ``Workers.load``): a fresh worker process
  imports ``demo/app.py`` and computes every story's state once, so a failing ``postprocess``
  is caught here and not by the page. This process never imports the user's code; the
  previous worker keeps serving until the new one is good.

Each kind has at most one current error (lines like ``file:line[:col]: message``); a good
build of that kind clears it. The result of each step is a ``Step`` for the terminal and the
page.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from livery._files import write_atomic
from livery._node import Node, find_node
from livery.component.assets import replace_folder
from livery.component.base import CSS_FILE
from livery.component.build import _take_imported_css
from livery.component.bundle import bundle
from livery.component.dev.describe import short
from livery.component.dev.watch import JS, KINDS, PYTHON, STYLE, Batch
from livery.component.project import Project
from livery.component.styles import compile_style
from livery.errors import BuildError


@dataclass
class Step:
    """One rebuild: what it was for, how long it took, and its errors (none: it worked)."""

    kind: str
    trigger: str
    """The file(s) that caused it, as the terminal shows them."""
    ms: float
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def line(self) -> str:
        """The terminal's one line: ``style.scss → css 42 ms`` or ``… → error file:line: …``."""
        if self.errors:
            more = f" (+{len(self.errors) - 1} more)" if len(self.errors) > 1 else ""
            return f"{self.trigger} → error {self.errors[0]}{more}"
        what = {STYLE: "css", JS: "js", PYTHON: "python reloaded"}[self.kind]
        return f"{self.trigger} → {what} {self.ms:.0f} ms"


class Rebuilder:
    """The project's current demo and build outputs, rebuilt on demand (not thread-safe:
    ``Watcher`` calls it from one thread)."""

    def __init__(
        self,
        project: Project,
        load_python: Callable[[], list[str]],
        *,
        node: Callable[[], Node] | None = None,
    ) -> None:
        self.project = project
        self.load_python = load_python
        """Load the demo afresh; its errors (none: the new demo is serving)."""
        self.node = node or cache(lambda: find_node(project.root))
        self.errors: dict[str, list[str]] = {}
        self._styles: str | None = None
        """The last good compiled stylesheet of ``frontend/style.scss``."""
        self._imported: str | None = None
        """The CSS the last good bundle imported (``None``: no bundle yet)."""
        self._lock = threading.Lock()

    # -- the state pages ask for ---------------------------------------------------------------

    def current_errors(self) -> list[dict[str, object]]:
        with self._lock:
            return [
                {"kind": kind, "lines": list(self.errors[kind])}
                for kind in KINDS
                if self.errors.get(kind)
            ]

    def _set_errors(self, kind: str, lines: list[str]) -> None:
        with self._lock:
            if lines:
                self.errors[kind] = lines
            else:
                self.errors.pop(kind, None)

    # -- building ------------------------------------------------------------------------------

    def initial(self) -> list[Step]:
        """Everything, at start-up: styles, bundle, demo."""
        return [
            self.build_style("startup"),
            self.build_js("startup"),
            self.build_python("startup"),
        ]

    def run(self, batch: Batch) -> list[Step]:
        """Build what ``batch`` needs, in order (styles, bundle, Python)."""
        steps = []
        for kind in KINDS:
            files = batch.get(kind)
            if not files:
                continue
            trigger = files[0].name + (f" +{len(files) - 1}" if len(files) > 1 else "")
            if kind == STYLE:
                step = self.build_style(trigger)
                if step.ok and self._imported is None and JS not in batch:
                    steps.append(step)
                    step = self.build_js(trigger)  # no bundle yet to take imported CSS from
            elif kind == JS:
                step = self.build_js(trigger)
            else:
                step = self.build_python(trigger)
            steps.append(step)
        return steps

    def build_style(self, trigger: str) -> Step:
        started = time.perf_counter()
        try:
            styles = compile_style(self.project)
        except BuildError as error:
            return self._done(STYLE, trigger, started, [self._short(x) for x in error.lines])
        self._styles = styles.css
        if self._imported is not None:
            target = self.project.templates_dir / CSS_FILE
            css = self._imported + styles.css
            if css:
                write_atomic(target, css)
            else:
                target.unlink(missing_ok=True)
        return self._done(STYLE, trigger, started, [], list(styles.warnings))

    def build_js(self, trigger: str) -> Step:
        started = time.perf_counter()
        warnings: list[str] = []

        def fill(folder: Path) -> None:
            bundled = bundle(self.project, folder, self.node)
            warnings.extend(bundled.warnings)
            imported = _take_imported_css(folder)
            if self._styles is None:  # never compiled: keep what the last build wrote
                previous = self.project.templates_dir / CSS_FILE
                styles = previous.read_text(encoding="utf-8") if previous.is_file() else ""
            else:
                styles = self._styles
            css = imported + styles
            if css:
                (folder / CSS_FILE).write_text(css, encoding="utf-8")
            self._imported = imported

        try:
            replace_folder(self.project.templates_dir, fill, self.project.state_dir)
        except BuildError as error:
            return self._done(JS, trigger, started, [self._short(x) for x in error.lines])
        return self._done(JS, trigger, started, [], [self._short(x) for x in warnings])

    def build_python(self, trigger: str) -> Step:
        started = time.perf_counter()
        return self._done(PYTHON, trigger, started, self.load_python())

    def _done(
        self,
        kind: str,
        trigger: str,
        started: float,
        errors: list[str],
        warnings: list[str] | None = None,
    ) -> Step:
        self._set_errors(kind, errors)
        ms = (time.perf_counter() - started) * 1000
        return Step(kind, trigger, ms, errors, warnings or [])

    def _short(self, line: str) -> str:
        return short(self.project, line)
