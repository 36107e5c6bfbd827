"""Issue 15: the dev server runs the user's Python in a worker process it restarts.

It used to import ``demo/app.py`` itself, so ``sys.exit(3)`` at import left it answering 500
forever (even after the fix), an endless loop wedged it and ``os._exit(7)`` killed it. Each
case here breaks a copy of the built ``text`` project under one running dev server (real
uvicorn on a free port, real worker processes), checks that the previous demo goes on serving
with the error said in one line, then fixes the file and checks the server recovers.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from livery.component.dev.server import DevServer
from livery.component.dev.workers import LOAD_TIMEOUT_ENV
from tests.component.servers import serve_app

pytestmark = pytest.mark.build
MARKER = "# the demo as it was"


class Dev:
    """A running dev server, its address, what it printed, and its project."""

    def __init__(self, server: DevServer, url: str, lines: list[str], root: Path) -> None:
        self.server, self.url, self.lines, self.root = server, url, lines, root
        self.demo = root / "demo" / "app.py"
        self.original = self.demo.read_text()

    def wait(self, found: Callable[[], bool], timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while not found():
            assert time.monotonic() < deadline, "\n".join(self.lines)
            time.sleep(0.05)

    def save(self, text: str, expect: str) -> str:
        """Write ``demo/app.py`` like an editor and wait for the line that contains ``expect``."""
        seen = len(self.lines)
        self.demo.write_text(text)
        self.wait(lambda: any(expect in line for line in self.lines[seen:]))
        return next(line for line in self.lines[seen:] if expect in line)

    def restore(self) -> None:
        self.save(self.original + f"\n{MARKER} {time.monotonic()}\n", "python reloaded")

    def serving(self) -> None:
        """The page and the stories answer (from whichever worker is current)."""
        assert httpx.get(self.url, timeout=30).status_code == 200
        stories = httpx.get(self.url + "api/stories", timeout=30).json()["stories"]
        assert [story["slug"] for story in stories][:2] == ["empty", "with-a-value"]

    def event(self) -> httpx.Response:
        return httpx.post(
            self.url + "api/stories/with-a-value/events/change",
            json={"value": "ada"},
            timeout=30,
        )

    def alive(self, pid: int) -> bool:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True


@pytest.fixture(scope="module")
def dev(built: dict, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dev]:
    import shutil

    root = tmp_path_factory.mktemp("dev-worker") / "text"
    shutil.copytree(built["text"].project.root, root, symlinks=True)
    lines: list[str] = []
    previous = os.environ.get(LOAD_TIMEOUT_ENV)
    os.environ[LOAD_TIMEOUT_ENV] = "3"
    try:
        server = DevServer(root, allowed_hosts=["127.0.0.1"], announce=lines.append)
        server.start()
        with serve_app(server.app) as url:
            try:
                yield Dev(server, url + "/", lines, root)
            finally:
                server.stop()
    finally:
        if previous is None:
            os.environ.pop(LOAD_TIMEOUT_ENV, None)
        else:
            os.environ[LOAD_TIMEOUT_ENV] = previous


def test_the_server_imports_none_of_the_users_code(dev: Dev) -> None:
    import sys

    files = [getattr(module, "__file__", None) or "" for module in list(sys.modules.values())]
    assert not [file for file in files if file.startswith(str(dev.root))]  # its copy's files
    assert dev.server.workers.current is not None
    assert dev.server.workers.current.pid != os.getpid()
    dev.serving()


def test_sys_exit_at_import_is_an_error_line_and_the_old_demo_serves(dev: Dev) -> None:
    line = dev.save(dev.original + "\nimport sys\nsys.exit(3)\n", "error")
    assert f"demo/app.py:{dev.original.count(chr(10)) + 3}: SystemExit: 3" in line
    errors = dev.server.rebuilder.current_errors()
    assert errors and "SystemExit: 3" in errors[0]["lines"][0]  # what the page's overlay shows
    dev.serving()
    dev.restore()
    assert dev.server.rebuilder.current_errors() == []
    dev.serving()


def test_an_endless_loop_at_import_is_killed_after_the_timeout(dev: Dev) -> None:
    serving = dev.server.workers.current
    assert serving is not None
    spare = set(dev.server.workers.pids()) - {serving.pid}  # the one that will loop
    line = dev.save(dev.original + "\nwhile True:\n    pass\n", "error")
    assert "demo/app.py did not finish loading in 3 s (an endless loop at import?)" in line
    assert spare and not any(dev.alive(pid) for pid in spare)  # killed, not left spinning
    assert dev.server.workers.current is serving
    dev.serving()
    dev.restore()
    dev.serving()


def test_os_exit_at_import_leaves_the_server_up(dev: Dev) -> None:
    line = dev.save(dev.original + "\nimport os\nos._exit(7)\n", "error")
    assert "demo/app.py ended its process (exit code 7) while loading" in line
    dev.serving()
    dev.restore()
    dev.serving()


def test_a_worker_that_dies_in_a_handler_is_started_again(dev: Dev) -> None:
    flag = dev.root / "exited-once"
    dying = dev.original.replace(
        "    return text.upper()",
        f"    import os, pathlib\n    flag = pathlib.Path({str(flag)!r})\n"
        "    if not flag.exists():\n        flag.touch()\n        os._exit(1)\n"
        "    return text.upper()",
    )
    assert dying != dev.original
    dev.save(dying, "python reloaded")
    dead = dev.server.workers.current
    assert dead is not None
    answer = dev.event()
    assert answer.status_code == 502 and "ended while answering" in answer.text
    dev.wait(lambda: any("the demo's process ended (exit code 1)" in x for x in dev.lines))
    dev.wait(lambda: dev.server.workers.current not in (None, dead))
    assert dev.event().json() == {"ok": True, "value": "ADA", "messages": []}
    dev.restore()


def test_stop_leaves_no_worker_process(built: dict, tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "text"
    shutil.copytree(built["text"].project.root, root, symlinks=True)
    server = DevServer(root, announce=lambda line: None)
    server.start()
    pids = server.workers.pids()
    assert len(pids) == 2  # the one serving, and a warm spare
    server.stop()
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.killpg(pid, 0)


def test_the_proxy_streams_bodies_and_reuses_connections_safely(dev: Dev) -> None:
    """What the dev server forwards to its worker (HTTP/1.1 on a Unix socket): a chunked
    body arrives whole, one over the limit gets the worker's 413, an answer has one
    ``server`` and one ``date`` header and the security headers, and a connection the worker
    closed while idle is never reused."""
    dev.serving()
    url = dev.url + "api/stories/with-a-value/events/change"
    headers = {"content-type": "application/json"}

    def chunks(size: int, piece: int) -> Iterator[bytes]:
        yield b'{"value": "'
        for _ in range(size // piece):
            yield b"a" * piece
        yield b'"}'

    with httpx.Client(timeout=60) as client:
        small = client.post(url, content=chunks(9_000, 100), headers=headers)  # 90 pieces
        assert small.status_code == 200, small.text
        assert small.json().get("value") == "A" * 9_000, small.text[:300]  # the handler shouts
        big = client.post(url, content=chunks(40 << 20, 1 << 16), headers=headers)
        assert big.status_code == 413, big.text
        assert big.json()["error"] == "the event is larger than 32 MB"
        page = client.get(dev.url)
        assert page.status_code == 200
        assert len(page.headers.get_list("server")) == 1
        assert len(page.headers.get_list("date")) == 1
        assert "default-src 'none'" in page.headers["content-security-policy"]
        time.sleep(5.5)  # longer than the worker's keep-alive: it has closed the kept ones
        assert [client.get(dev.url).status_code for _ in range(3)] == [200, 200, 200]
    dev.serving()
