"""The dev server: a watcher, a rebuilder, the event stream, and the user's Python in a worker.

``DevServer`` owns them for one project (tests and the benchmark drive it in a thread). Its
application answers ``/dev/events`` itself and forwards every other request to the worker
process serving the current demo (``workers``, ``proxy``): the server never imports the
user's code, so a ``sys.exit()``, an endless loop or an ``os._exit()`` in it cannot stop or
wedge the server. ``DevSite`` is what ``livery component dev`` serves
(``livery.component.playground.serve`` with ``reload``): it prints the address, one short line
per rebuild and no traceback for the user's mistakes.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route

from livery._web import SecurityHeaders, security_headers
from livery.component.base import CSS_FILE, JS_FILE
from livery.component.dev.events import Broadcaster
from livery.component.dev.proxy import Proxy
from livery.component.dev.rebuild import Rebuilder, Step
from livery.component.dev.watch import DEBOUNCE_S, JS, PYTHON, STYLE, Batch, Watcher
from livery.component.dev.workers import Worker, Workers
from livery.component.playground.app import CSP, asset_routes, bundle_file
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
        self.workers = Workers(self.project, self.theme, on_death=self._worker_died)
        self.rebuilder = Rebuilder(self.project, self.workers.load)
        self.events = Broadcaster(hello=lambda: {"errors": self.rebuilder.current_errors()})
        self.watcher = Watcher(self.project, self.on_batch, debounce_s=debounce_s)
        middleware = [Middleware(SecurityHeaders, headers=security_headers(CSP))]
        if allowed_hosts:
            middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts))
        self.app: Starlette = Starlette(
            routes=[
                Route(EVENTS_PATH, self.events.endpoint),
                *asset_routes(),  # files the user's code has no part in: answered here
                Route("/component/{name}", self._bundle),
                Mount("/", app=Proxy(lambda: self.workers.current)),
            ],
            middleware=middleware,
        )

    def _bundle(self, request: Request) -> Response:
        templates = self.project.templates_dir
        return bundle_file(request.path_params["name"], templates / JS_FILE, templates / CSS_FILE)

    def start(self) -> None:
        """Build styles, bundle and demo, then watch. A demo that cannot load at all (there
        is no page to show the error in) is a ``DemoError``."""
        self.workers.warm()  # its imports overlap the first builds
        for step in self.rebuilder.initial():
            if not step.ok:
                self.announce(step.line())
        if self.workers.current is None:
            self.workers.stop()
            raise DemoError(self.rebuilder.errors[PYTHON][0])
        self.watcher.start()

    def stop(self) -> None:
        self.watcher.stop()
        self.events.close()
        self.workers.stop()

    def _worker_died(self, worker: Worker, code: int) -> None:
        """The demo's process ended while serving (an ``os._exit`` in a handler): say so and
        load the demo again in a fresh one."""
        how = f"killed by signal {-code}" if code < 0 else f"exit code {code}"
        self.announce(f"the demo's process ended ({how}); starting it again")
        self.on_steps([self.rebuilder.build_python("restart")])

    def on_batch(self, batch: Batch) -> None:
        self.on_steps(self.rebuilder.run(batch))

    def on_steps(self, steps: list[Step]) -> None:
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
        current = self.dev.workers.current if self.dev is not None else None
        assert current is not None and current.ready is not None  # app() made sure
        ms = (time.perf_counter() - self.started) * 1000
        root = self.dev.project.root
        watched = ", ".join(
            f"{name}/" for name in ("frontend", "backend", "demo") if (root / name).is_dir()
        )
        return (
            f"{stories_on(current.ready.component, current.ready.stories, url)}"
            f"  (built in {ms:.0f} ms, watching {watched}; Ctrl-C to stop)"
        )

    def stopping(self) -> None:
        if self.dev is not None:
            self.dev.events.close()  # open event streams would hold the shutdown

    def close(self) -> None:
        if self.dev is not None:
            self.dev.stop()


__all__ = ["DevServer", "DevSite"]
