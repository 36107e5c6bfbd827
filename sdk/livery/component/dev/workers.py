"""The dev server's side of its worker processes: start one warm, load, swap, restart, stop.

The dev server never imports the user's code: each load of ``demo/app.py`` happens in a
``Worker`` (``livery.component.dev.worker``), a process in its own process group serving the
playground on a Unix socket in a private temporary folder (no port to guess, no DNS
rebinding; only this user can connect). ``Workers`` keeps the one serving (``current``) and a
warm spare that has imported Livery already, so a reload costs the demo's own import.

A load that fails leaves ``current`` serving: an exception is the worker's one line; no answer
within ``LIVERY_DEV_LOAD_TIMEOUT`` seconds (an endless loop) kills its process group; a process
that ends without answering (``os._exit``) is said with its exit code. A good load becomes
``current``, and the previous worker is stopped (SIGTERM: uvicorn finishes open requests, then
SIGKILL for the whole group). A worker that dies while serving is reported to ``on_death``
(the dev server loads the demo again).
"""

from __future__ import annotations

import contextlib
import itertools
import json
import math
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from livery.component.playground.demo import DEMO_FILE
from livery.component.project import Project
from livery.errors import DemoError

LOAD_TIMEOUT_ENV = "LIVERY_DEV_LOAD_TIMEOUT"
DEFAULT_LOAD_TIMEOUT_S = 15.0
STOP_GRACE_S = 3.0
"""How long a replaced worker may take to finish its open requests before it is killed."""
_DEMO = DEMO_FILE.as_posix()


def load_timeout() -> float:
    """``LIVERY_DEV_LOAD_TIMEOUT`` (seconds a demo may take to load), checked."""
    raw = os.environ.get(LOAD_TIMEOUT_ENV, "").strip()
    if not raw:
        return DEFAULT_LOAD_TIMEOUT_S
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value > 0):
        raise DemoError(
            f"{LOAD_TIMEOUT_ENV}={raw!r}: give the seconds a demo may take to load (a number > 0)"
        )
    return value


@dataclass(frozen=True)
class Ready:
    """What a worker that loaded the demo reported."""

    component: str
    stories: int


class Worker:
    """One worker process: started warm, told to ``load`` once, then serving ``address``."""

    def __init__(self, project: Project, theme: str, address: str) -> None:
        self.address = address
        self.ready: Ready | None = None
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "livery.component.dev.worker",
                str(project.root),
                address,
                theme,
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            start_new_session=True,  # its own process group: whatever the demo starts dies too
        )

    @property
    def pid(self) -> int:
        return self.process.pid

    def load(self, timeout: float) -> Ready | str:
        """Load the demo: what the worker reported, or the one line saying why it did not."""
        assert self.process.stdin is not None and self.process.stdout is not None
        with contextlib.suppress(OSError):  # already gone: the report below says how
            self.process.stdin.write(b"load\n")
            self.process.stdin.flush()
        answers: queue.Queue[bytes] = queue.Queue()
        stdout = self.process.stdout
        threading.Thread(target=lambda: answers.put(stdout.readline()), daemon=True).start()
        try:
            line = answers.get(timeout=timeout)
        except queue.Empty:
            self.kill()
            return f"{_DEMO} did not finish loading in {timeout:g} s (an endless loop at import?)"
        if not line:
            try:
                code = self.process.wait(timeout=STOP_GRACE_S)
            except subprocess.TimeoutExpired:  # it closed stdout but lives on
                self.kill()
                return f"{_DEMO} closed the dev server's channel while loading"
            self.kill()
            return f"{_DEMO} ended its process ({_exit_status(code)}) while loading"
        report = json.loads(line)
        if "error" in report:
            self.kill()
            return str(report["error"])
        self.ready = Ready(str(report["component"]), int(report["stories"]))
        return self.ready

    def stop(self, grace: float = STOP_GRACE_S) -> None:
        """Let it finish its open requests (SIGTERM), then kill its whole group."""
        if self.process.poll() is None:
            self._signal(signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=grace)
        self.kill()

    def kill(self) -> None:
        """Kill the process and everything it started, and release its pipes."""
        self._signal(signal.SIGKILL)
        self.process.wait()
        for pipe in (self.process.stdin, self.process.stdout):
            if pipe is not None:
                with contextlib.suppress(OSError):
                    pipe.close()
        with contextlib.suppress(OSError):
            os.unlink(self.address)

    def _signal(self, number: int) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, number)


def _exit_status(code: int) -> str:
    return f"killed by signal {-code}" if code < 0 else f"exit code {code}"


class Workers:
    """The worker serving the current demo, a warm spare, and the ones being stopped."""

    def __init__(
        self, project: Project, theme: str, *, on_death: Callable[[Worker, int], None]
    ) -> None:
        self.project = project
        self.theme = theme
        self.on_death = on_death
        """Called (from a watching thread) with a serving worker that died and its exit code."""
        self.timeout = load_timeout()
        self.current: Worker | None = None
        self._spare: Worker | None = None
        self._others: set[Worker] = set()
        """Workers loading or being stopped: ``stop`` ends them too."""
        self._folder = Path(tempfile.mkdtemp(prefix="livery-dev-"))  # mode 0700: ours only
        self._names = itertools.count()
        self._loading = threading.Lock()  # one load at a time
        self._state = threading.Lock()
        self._stopped = False

    def warm(self) -> None:
        """Start the spare now, so that its imports overlap the first build."""
        with self._state:
            if self._spare is None and not self._stopped:
                self._spare = self._spawn()

    def load(self) -> list[str]:
        """Load the demo in a fresh worker and serve it: the errors (none: it is serving)."""
        with self._loading:
            with self._state:
                if self._stopped:
                    return ["the dev server is stopping"]
                worker = self._spare or self._spawn()
                self._spare = self._spawn()  # its imports overlap this load: saves in quick
                self._others.add(worker)  # succession find it warm
            result = worker.load(self.timeout)
            with self._state:
                self._others.discard(worker)
                if isinstance(result, str) or self._stopped:
                    worker.kill()
                    return [result] if isinstance(result, str) else []
                old, self.current = self.current, worker
                if old is not None:
                    self._others.add(old)
            threading.Thread(target=self._watch, args=(worker,), daemon=True).start()
            if old is not None:
                threading.Thread(target=self._retire, args=(old,), daemon=True).start()
            return []

    def stop(self) -> None:
        """Stop every worker (no process is left) and remove their sockets' folder."""
        with self._state:
            self._stopped = True
            workers = [w for w in (self.current, self._spare, *self._others) if w is not None]
            self.current = self._spare = None
        for worker in workers:
            worker.stop(grace=1.0)
        shutil.rmtree(self._folder, ignore_errors=True)

    def pids(self) -> list[int]:
        """Every worker process this holds (for tests and tools)."""
        with self._state:
            workers = [w for w in (self.current, self._spare, *self._others) if w is not None]
        return [worker.pid for worker in workers]

    def _spawn(self) -> Worker:
        return Worker(self.project, self.theme, str(self._folder / f"{next(self._names)}.sock"))

    def _watch(self, worker: Worker) -> None:
        code = worker.process.wait()
        with self._state:
            died = worker is self.current and not self._stopped
            if died:
                self.current = None
        if died:
            worker.kill()  # anything it started, and its socket
            self.on_death(worker, code)

    def _retire(self, worker: Worker) -> None:
        worker.stop()
        with self._state:
            self._others.discard(worker)


__all__ = ["Ready", "Worker", "Workers", "load_timeout"]
