"""The dev server: the playground application, a watcher, a rebuilder and the event stream.

``DevServer`` owns them for one project (tests and the benchmark drive it in a thread);
``DevSite`` is what ``livery component dev`` serves (``livery.component.playground.serve`` with
``reload``): it prints the address, one short line per rebuild and no traceback for the user's
mistakes.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from starlette.applications import Starlette
from starlette.routing import Route

from livery.component.dev.events import Broadcaster
from livery.component.dev.rebuild import Rebuilder, Step
from livery.component.dev.watch import DEBOUNCE_S, JS, PYTHON, STYLE, Batch, Watcher
from livery.component.playground.app import create_app
from livery.component.playground.demo import Demo
from livery.component.playground.page import _stamp
from livery.component.playground.server import stories_on
from livery.component.project import Project
from livery.component.themes import check_theme
from livery.errors import DemoError

EVENTS_PATH = "/dev/events"


class DevServer:
    """One project's dev loop: ``start()`` builds everything once and starts watching."""

    def __init__(
        self,
        folder: str | os.PathLike[str] = ".",
        *,
        theme: str = "default",
        allowed_hosts: list[str] | None = None,
        announce: Callable[[str], None] = print,
        debounce_s: float = DEBOUNCE_S,
    ) -> None:
        self.project = Project.find(folder)
        self.theme = check_theme(theme)
        self.announce = announce
        self.rebuilder = Rebuilder(self.project)
        self.events = Broadcaster(hello=lambda: {"errors": self.rebuilder.current_errors()})
        self.watcher = Watcher(self.project, self.on_batch, debounce_s=debounce_s)
        self.app: Starlette = create_app(
            self._demo,
            theme=self.theme,
            allowed_hosts=allowed_hosts,
            dev_routes=[Route(EVENTS_PATH, self.events.endpoint)],
        )

    def _demo(self) -> Demo:
        demo = self.rebuilder.demo
        if demo is None:  # start() refuses to serve without one
            raise RuntimeError("the dev server has no demo yet")
        return demo

    def start(self) -> None:
        """Build styles, bundle and demo, then watch. A demo that cannot load at all (there
        is no page to show the error in) is a ``DemoError``."""
        for step in self.rebuilder.initial():
            if not step.ok:
                self.announce(step.line())
        if self.rebuilder.demo is None:
            raise DemoError(self.rebuilder.errors[PYTHON][0])
        self.watcher.start()

    def stop(self) -> None:
        self.watcher.stop()
        self.events.close()

    def on_batch(self, batch: Batch) -> None:
        steps = self.rebuilder.run(batch)
        for step in steps:
            self.announce(step.line())
            for warning in step.warnings:
                self.announce(f"  warning: {warning}")
        self.publish(steps)

    def publish(self, steps: list[Step]) -> None:
        """One message for the page: reload, remount, swap the CSS, or only the errors."""
        errors = self.rebuilder.current_errors()
        good = {step.kind for step in steps if step.ok}
        if PYTHON in good:
            self.events.publish("reload", errors=errors)
        elif JS in good:
            self.events.publish("js", bundle=self.bundle_url(), css=self.css_url(), errors=errors)
        elif STYLE in good:
            self.events.publish("css", css=self.css_url(), errors=errors)
        else:
            self.events.publish("errors", errors=errors)

    def bundle_url(self) -> str:
        return f"component/index.js?v={_stamp(self.project.templates_dir / 'index.js')}"

    def css_url(self) -> str | None:
        path = self.project.templates_dir / "style.css"
        return f"component/style.css?v={_stamp(path)}" if path.is_file() else None


class DevSite:
    """The dev server of a project, for ``livery.component.playground.serve``: the
    ``DevServer`` is built (the first build) once the port is bound."""

    def __init__(
        self,
        folder: str | os.PathLike[str],
        *,
        theme: str,
        announce: Callable[[str], None] = print,
    ) -> None:
        self.folder = folder
        self.theme = theme
        self.announce = announce
        self.started = time.perf_counter()
        self.dev: DevServer | None = None

    def app(self, hosts: list[str] | None) -> Starlette:
        dev = DevServer(self.folder, theme=self.theme, allowed_hosts=hosts, announce=self.announce)
        dev.start()
        self.dev = dev
        return dev.app

    def banner(self, url: str) -> str:
        assert self.dev is not None and self.dev.rebuilder.demo is not None  # app() made sure
        ms = (time.perf_counter() - self.started) * 1000
        root = self.dev.project.root
        watched = ", ".join(
            f"{name}/" for name in ("frontend", "backend", "demo") if (root / name).is_dir()
        )
        return (
            f"{stories_on(self.dev.rebuilder.demo, url)}"
            f"  (built in {ms:.0f} ms, watching {watched}; Ctrl-C to stop)"
        )

    def stopping(self) -> None:
        if self.dev is not None:
            self.dev.events.close()  # open event streams would hold the shutdown

    def close(self) -> None:
        if self.dev is not None:
            self.dev.stop()


__all__ = ["DevServer", "DevSite"]
