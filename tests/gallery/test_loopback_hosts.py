"""Bound to any loopback address, a server refuses Host names that are not loopback.

``livery gallery --host …`` (the path the playground and dev server share: ``livery._web.serve``)
runs for real on a free port; a page on another site that rebinds its own name to the address
(DNS rebinding) sends its own name as the Host, which must be refused.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys

import httpx
import pytest

from livery._web import allowed_hosts, is_loopback


def _can_bind(host: str) -> bool:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.bind((host, 0))
    except OSError:
        return False
    return True


@pytest.mark.parametrize("host", ["::1", "127.0.0.2"])
def test_a_loopback_server_refuses_foreign_host_names(host: str) -> None:
    if not _can_bind(host):
        pytest.skip(f"this machine cannot listen on {host}")
    process = subprocess.Popen(
        [sys.executable, "-m", "livery", "gallery", "--host", host, "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        line = process.stdout.readline() if process.stdout else ""
        shown = f"[{host}]" if ":" in host else host
        found = re.search(rf"(http://{re.escape(shown)}:\d+/)", line)
        assert found, line + (process.stderr.read() if process.poll() is not None else "")
        url = found.group(1) + "data/version.json"
        assert httpx.get(url, timeout=30).status_code == 200
        refused = httpx.get(url, headers={"host": "evil.example"}, timeout=30)
        assert refused.status_code in (400, 421)
    finally:
        process.terminate()
        assert process.wait(timeout=15) is not None


def test_loopback_is_any_loopback_address() -> None:
    for host in ("localhost", "127.0.0.1", "127.0.0.2", "127.255.0.9", "::1"):
        assert is_loopback(host), host
        names = allowed_hosts(host)
        assert names is not None and "evil.example" not in names
    assert "[::1]" in (allowed_hosts("::1") or [])
    assert "127.0.0.2" in (allowed_hosts("127.0.0.2") or [])
    for host in ("0.0.0.0", "::", "192.168.1.4", "example.com"):
        assert not is_loopback(host) and allowed_hosts(host) is None


def _serve_and_probe(command: list[str], host: str, path: str, *, stream: str) -> None:
    """Run a server command on ``host``; a loopback name gets 200 and a foreign one 400/421."""
    process = subprocess.Popen(
        [sys.executable, "-m", "livery", *command, "--host", host, "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        pipe = process.stderr if stream == "stderr" else process.stdout
        found = None
        for _ in range(50):  # the dev server prints its build steps first
            line = pipe.readline() if pipe else ""
            found = re.search(rf"(http://{re.escape(host)}:\d+/)", line)
            if found or not line:
                break
        assert found, "no address announced"
        url = found.group(1) + path
        assert httpx.get(url, timeout=30).status_code == 200
        refused = httpx.get(url, headers={"host": "evil.example"}, timeout=30)
        assert refused.status_code in (400, 421)
        rebound = httpx.get(url, headers={"host": f"evil.example:{url.split(':')[2]}"}, timeout=30)
        assert rebound.status_code in (400, 421)
    finally:
        process.terminate()
        assert process.wait(timeout=15) is not None


@pytest.mark.build
def test_the_playground_on_127_0_0_2_refuses_foreign_host_names(built: dict) -> None:
    if not _can_bind("127.0.0.2"):
        pytest.skip("this machine cannot listen on 127.0.0.2")
    project = str(built["text"].project.root)
    _serve_and_probe(["component", "playground", project], "127.0.0.2", "", stream="stderr")


@pytest.mark.build
def test_the_dev_server_on_127_0_0_2_refuses_foreign_host_names(built: dict, tmp_path) -> None:
    import shutil

    if not _can_bind("127.0.0.2"):
        pytest.skip("this machine cannot listen on 127.0.0.2")
    project = tmp_path / "text"
    shutil.copytree(built["text"].project.root, project, symlinks=True)
    _serve_and_probe(["component", "dev", str(project)], "127.0.0.2", "", stream="stderr")
