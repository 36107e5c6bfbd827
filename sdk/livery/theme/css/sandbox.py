"""Run libsass in a child process, with a time limit and a memory limit.

A stylesheet is a program: ``@while true {}`` never ends, a few thousand nested imports
overflow libsass's stack and kill the process it runs in, and a loop that builds strings can
take all memory. Compiled in Livery's own process, any of these would hang or crash the CLI,
the gallery or a component build. So one long-lived child (``python -m
livery.theme.css.sandbox``) compiles, one request at a time, over JSON lines on its stdin and
stdout; a request that takes longer than the limit kills it, a crash is reported, and the next
request starts a fresh child. The child costs one start-up (about 0.3 s) per process, not one
per stylesheet.

``LIVERY_SASS_TIMEOUT`` (seconds, default 30) sets the time limit.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, Any, Final

from livery import errors
from livery.errors import CssError, ScssError
from livery.theme.css.scss import libsass
from livery.theme.css.source import Source

DEFAULT_TIMEOUT_S: Final = 30.0
MEMORY_LIMIT: Final = 2 * 1024**3
"""The child's address-space limit (bytes): enough for any real stylesheet."""


def compile_in_child(source: Source, livery: str, *, minify: bool) -> tuple[str, dict[str, str]]:
    """libsass's CSS for ``source`` and the files it read, compiled in the child process.

    Raises the ``CssError`` the compile raised, or a ``ScssError`` when it ran out of time
    or crashed.
    """
    libsass(source.name)  # missing here means missing in the child: say so without one
    request = {
        "name": source.name,
        "text": source.text,
        "folder": None if source.folder is None else str(source.folder),
        "indented": source.indented,
        "livery": livery,
        "minify": minify,
    }
    answer = _CHILD.ask(request, timeout_s(), source.name)
    if "error" in answer:
        raise _error(answer["error"])
    return answer["css"], answer["files"]


def timeout_s() -> float:
    """The time limit of one compile: ``LIVERY_SASS_TIMEOUT`` seconds, else 30."""
    text = os.environ.get("LIVERY_SASS_TIMEOUT", "")
    try:
        value = float(text) if text else DEFAULT_TIMEOUT_S
    except ValueError:
        value = DEFAULT_TIMEOUT_S
    return value if value > 0 else DEFAULT_TIMEOUT_S


def _error(data: dict[str, Any]) -> CssError:
    kind = getattr(errors, str(data.get("kind")), ScssError)
    if not (isinstance(kind, type) and issubclass(kind, CssError)):
        kind = ScssError
    return kind(str(data["reason"]), file=data.get("file"), line=data.get("line"))


class _Child:
    """The one compiling child process, started on first use and after a kill or crash."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen[str] | None = None

    def ask(self, request: dict[str, Any], timeout: float, name: str) -> dict[str, Any]:
        with self._lock:
            process = self._running()
            assert process.stdin is not None and process.stdout is not None
            try:
                process.stdin.write(json.dumps(request) + "\n")
                process.stdin.flush()
            except OSError:
                self._stop()
                raise ScssError("the Sass compiler stopped unexpectedly", file=name) from None
            line = _read_line(process.stdout, timeout)
            if line is None:
                self._stop()
                raise ScssError(
                    f"Sass did not finish within {timeout:g} s (an endless @while or "
                    "@for loop?); set LIVERY_SASS_TIMEOUT to allow longer",
                    file=name,
                )
            if not line:
                self._stop()
                raise ScssError(
                    "the Sass compiler crashed on this stylesheet (imports or nesting too "
                    "deep, or out of memory)",
                    file=name,
                )
            return json.loads(line)

    def _running(self) -> subprocess.Popen[str]:
        if self._process is None or self._process.poll() is not None:
            self._process = subprocess.Popen(
                [sys.executable, "-m", "livery.theme.css.sandbox"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
                encoding="utf-8",
                errors="surrogateescape",
                env=_child_env(),
            )
        return self._process

    def _stop(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.wait()
            self._process = None


def _child_env() -> dict[str, str]:
    """The parent's environment, with Livery's own package first on the child's path (the
    parent may have imported it from a source checkout that is not installed)."""
    env = dict(os.environ)
    package_root = str(Path(__file__).resolve().parents[3])
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, env.get("PYTHONPATH")]))
    return env


def _read_line(stream: IO[str], timeout: float) -> str | None:
    """One line from ``stream``; "" at end of file, ``None`` when ``timeout`` passes first."""
    found: list[str] = []
    reader = threading.Thread(target=lambda: found.append(stream.readline()), daemon=True)
    reader.start()
    reader.join(timeout)
    return None if reader.is_alive() else found[0]


_CHILD: Final = _Child()


def _serve() -> None:
    """The child's loop: one JSON request per line in, one JSON answer per line out."""
    import resource

    from livery.theme.css.scss import compile_scss

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    sys.setrecursionlimit(10_000)
    for line in sys.stdin:
        request = json.loads(line)
        folder = request["folder"]
        source = Source(
            request["name"],
            request["text"],
            None if folder is None else Path(folder),
            request["indented"],
        )
        try:
            compiled = compile_scss(source, request["livery"], minify=request["minify"])
            answer: dict[str, Any] = {"css": compiled.css, "files": compiled.files}
        except CssError as error:
            answer = {
                "error": {
                    "kind": type(error).__name__,
                    "reason": error.reason,
                    "file": error.file,
                    "line": error.line,
                }
            }
        except MemoryError:
            answer = {"error": {"kind": "ScssError", "reason": "Sass ran out of memory"}}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    _serve()
