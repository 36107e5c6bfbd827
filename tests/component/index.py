"""A real package index for the tests: pypiserver on a free 127.0.0.1 port, over a folder."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.component.servers import free_port


@dataclass
class Index:
    """A running pypiserver."""

    url: str
    process: subprocess.Popen[bytes]
    packages: Path

    @property
    def simple(self) -> str:
        return self.url + "simple/"


def start_index(folder: Path, *auth: str) -> Index:
    """pypiserver over ``folder/packages``; ``auth``: its options (``-P . -a .``: open)."""
    packages = folder / "packages"
    packages.mkdir(parents=True)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "pypiserver", "run", "-i", "127.0.0.1", "-p", str(port),
         "--disable-fallback", "--log-stream", "none", *auth, str(packages)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 30
    while True:
        assert process.poll() is None, "pypiserver exited"
        try:
            if httpx.get(url + "health", timeout=2).status_code == 200:
                return Index(url, process, packages)
        except httpx.TransportError:
            pass
        assert time.monotonic() < deadline, "pypiserver did not start"
        time.sleep(0.05)


def stop_index(index: Index) -> None:
    index.process.terminate()
    try:
        index.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        index.process.kill()


@contextmanager
def open_index(folder: Path) -> Iterator[Index]:
    """An index anyone may upload to, for the block."""
    index = start_index(folder, "-P", ".", "-a", ".")
    try:
        yield index
    finally:
        stop_index(index)
