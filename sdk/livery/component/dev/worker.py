"""The dev server's worker process: the user's Python, loaded and served away from the server.

``python -m livery.component.dev.worker PROJECT SOCKET THEME``. The worker imports Livery,
starlette and uvicorn, then waits for a ``load`` line on stdin, so the dev server can keep one
warm and a Python reload costs only the demo's own import. On ``load`` it runs ``load_demo``
and every story's state once; whatever that raises (``SystemExit`` and ``KeyboardInterrupt``
too) is one JSON line ``{"error": "file:line: Type: message"}`` on stdout and the end of the
process. A good demo is served as the playground in dev mode (its page loads ``dev.js``; the
event stream it opens is the parent's) on the Unix socket ``SOCKET``, then reported as
``{"component": name, "stories": count}``.

stdout is only this report: the user's prints (and anything else written to file descriptor
1) go to stderr, which the worker shares with the dev server's terminal. When stdin reaches
its end the dev server has gone, and so does the worker.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import threading
from typing import IO

import uvicorn

from livery._web import STOP_GRACE_S
from livery.component.dev.describe import describe
from livery.component.playground.app import create_app
from livery.component.playground.demo import load_demo
from livery.component.playground.page import story_views
from livery.component.project import Project

LOAD = "load"
"""The line that tells a waiting worker to load the demo."""


def main(argv: list[str] | None = None) -> int:
    folder, address, theme = argv if argv is not None else sys.argv[1:]
    report = os.fdopen(os.dup(1), "w", encoding="utf-8")  # the dev server's channel
    os.dup2(2, 1)  # the user's prints reach the terminal, never the channel
    sys.stdout = sys.stderr
    if sys.stdin.readline().strip() != LOAD:
        return 0  # a spare the dev server no longer needs
    project = Project.find(folder)
    try:
        demo = load_demo(project.root)
        story_views(demo)  # every story's state: a failing postprocess shows up now
    except BaseException as error:  # the user's code, SystemExit included: one line
        _send(report, {"error": _line(project, error)})
        return 1

    app = create_app(demo, theme=theme, dev_routes=[])
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(address)
    listener.listen(128)
    config = uvicorn.Config(
        app,
        log_level="warning",
        lifespan="off",
        access_log=False,
        timeout_graceful_shutdown=STOP_GRACE_S,
    )
    threading.Thread(target=_end_with_parent, daemon=True).start()
    _send(report, {"component": demo.component.name, "stories": len(demo.stories)})
    uvicorn.Server(config).run(sockets=[listener])  # SIGTERM: finish open requests, stop
    return 0


def _line(project: Project, error: BaseException) -> str:
    try:
        return describe(project, error)
    except Exception:  # an exception whose str() raises: its type is all there is to say
        return type(error).__name__


def _send(report: IO[str], message: dict[str, object]) -> None:
    report.write(json.dumps(message, ensure_ascii=False) + "\n")
    report.flush()


def _end_with_parent() -> None:
    """Exit once stdin ends: the dev server is gone (even killed), so nobody is served."""
    sys.stdin.buffer.read()
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
