"""A warm ``livery`` for killing many times: one process imports the CLI once, then forks a
child per run, so a run costs its work and not another interpreter start.

Run as ``python -m tests.faults.warm``. It reads one JSON line per request on stdin:
``{"run": [args…], "cwd": "…"}`` answers ``{"pid": N}`` once the child runs ``livery args…``
in its own session (so a SIGKILL of its group takes esbuild and every other helper process
with it); ``{"save": "path"}`` starts a child saving a theme to ``path`` over and over;
``{"wait": N}`` answers ``{"code": C}`` when that child has ended (``-9``: killed).
The child's output goes to /dev/null: the tests look at the files, not at what it printed.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType

# Imported before forking: what every run needs, loaded once.
import livery.component.build
import livery.gallery.static_site  # noqa: F401
from livery.cli import main as livery_main
from livery.theme import Theme

_ROOT = Path(__file__).resolve().parents[2]


def _child(request: dict[str, object]) -> None:
    os.setsid()
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    code = 0
    try:
        if "save" in request:
            _save_forever(Path(str(request["save"])))
        os.chdir(str(request["cwd"]))
        sys.argv = ["livery", *map(str, request["run"])]  # type: ignore[call-overload]
        livery_main()
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 1
    except BaseException:
        code = 1
    os._exit(code)


def _save_forever(path: Path) -> None:
    theme = Theme.load("soft")
    for index in range(1_000_000):
        theme.set(body_text_color=f"#{index % 0xFFFFFF:06x}").save(path)


def serve() -> None:
    for line in sys.stdin:
        request = json.loads(line)
        if "wait" not in request:
            pid = os.fork()
            if pid == 0:
                _child(request)
            answer: dict[str, int] = {"pid": pid}
        else:
            _, status = os.waitpid(request["wait"], 0)
            answer = {"code": os.waitstatus_to_exitcode(status)}
        print(json.dumps(answer), flush=True)


class WarmLivery:
    """The fork server, from a test: ``run`` starts a command, ``kill_at`` kills it after a
    moment, ``duration`` times a whole run."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.faults.warm"],
            cwd=_ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def __enter__(self) -> WarmLivery:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=30)

    def _ask(self, request: dict[str, object]) -> dict[str, int]:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())

    def run(self, args: list[str], cwd: Path) -> int:
        """Start ``livery args…`` in ``cwd``; its pid (and process group)."""
        return self._ask({"run": args, "cwd": str(cwd)})["pid"]

    def save(self, path: Path) -> int:
        """Start saving a theme to ``path`` again and again; its pid."""
        return self._ask({"save": str(path)})["pid"]

    def wait(self, pid: int) -> int:
        return self._ask({"wait": pid})["code"]

    def duration(self, args: list[str], cwd: Path) -> float:
        """How long a whole run takes (it must succeed)."""
        started = time.monotonic()
        code = self.wait(self.run(args, cwd))
        assert code == 0, f"livery {' '.join(args)} failed ({code})"
        return time.monotonic() - started

    def kill_at(self, args: list[str], cwd: Path, moment: float) -> None:
        """Run ``livery args…`` and SIGKILL its whole process group ``moment`` s in."""
        self.kill(self.run(args, cwd), moment)

    def kill(self, pid: int, moment: float) -> None:
        """SIGKILL the process group ``pid`` ``moment`` s from now, and reap it."""
        time.sleep(moment)
        with contextlib.suppress(ProcessLookupError):  # it had finished
            os.killpg(pid, signal.SIGKILL)
        self.wait(pid)


if __name__ == "__main__":
    serve()
