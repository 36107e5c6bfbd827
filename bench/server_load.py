"""Livery's three servers under load, with hostile theme folders: errors, requests/s, p50/p99.

Run with ``python bench/server_load.py [--seconds 20] [--connections 64]``. It writes a hostile
theme folder — 1,000 theme files, a few with 10 MB descriptions, broken files (bad TOML, a
binary, an unknown variable, an empty file, a FIFO) — then starts, each in its own process on
a free 127.0.0.1 port:

- a bare starlette app answering "hello": the peer, the most this client gets on this machine;
- ``livery gallery --themes DIR`` (the index, detail pages, a preview stylesheet, the data
  file), measured once every theme is graded (the time that took is printed);
- ``livery component playground`` and ``livery component dev`` on a freshly created and built
  ``text`` component (the page and the files it loads).

Each gets C keep-alive connections for S seconds (default 64 for 20 s): a small client on
asyncio streams that counts every non-2xx answer and every failed request as an error. A broken file
must never take a server down: the run checks each server still answers at the end. The goal
(issue 15) is 0 errors and p99 ≤ 200 ms; each line says whether it is met. Everything runs on
127.0.0.1 and stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

LIVERY = [sys.executable, "-m", "livery"]
ENV = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
P99_GOAL_MS = 200.0
ADDRESS = re.compile(r"http://127\.0\.0\.1:\d+")
THEME = """[theme]
name = "Load {number}"
description = "{description}"
tags = ["load"]

[settings]
primary_hue = "#{colour:06x}"
"""


def hostile_folder(folder: Path, count: int = 1000) -> None:
    """``count`` themes, three with 10 MB descriptions, and broken files of every kind."""
    for number in range(count):
        description = "x" * (10 * 1024 * 1024) if number % 400 == 7 else f"theme {number}"
        text = THEME.format(number=number, description=description, colour=number * 2654 % 0xFFFFFF)
        (folder / f"load-{number:04d}.toml").write_text(text, encoding="utf-8")
    (folder / "broken.toml").write_text("[theme\nname = ", encoding="utf-8")
    (folder / "binary.toml").write_bytes(os.urandom(4096))
    (folder / "empty.toml").write_text("", encoding="utf-8")
    (folder / "unknown.toml").write_text(
        '[theme]\nname = "Unknown"\n[variables]\nno_such_variable = "red"\n', encoding="utf-8"
    )
    (folder / "gradio.json").write_text('{"theme": {"body_background_fill": ";;"}}')
    os.mkfifo(folder / "pipe.toml")


class Server:
    """A Livery server command in its own process; its address read from its output."""

    def __init__(self, command: list[str], cwd: Path | None = None) -> None:
        self.process = subprocess.Popen(
            command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=ENV
        )
        self.url = self._address()

    def _address(self, timeout: float = 180) -> str:
        assert self.process.stdout is not None
        deadline = time.monotonic() + timeout
        seen = []
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError("the server stopped:\n" + "".join(seen))
            seen.append(line)
            found = ADDRESS.search(line)
            if found:
                return found[0] + "/"
        raise RuntimeError("no address printed:\n" + "".join(seen))

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


async def _get(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: str, path: str
) -> int:
    """One keep-alive GET on an open connection; its status. The body is read whole (by
    Content-Length or chunk by chunk) and not decoded: the client should cost little."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept-Encoding: gzip\r\n\r\n".encode())
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    headers = head.lower()
    found = re.search(rb"\r\ncontent-length: *(\d+)", headers)
    if found:
        await reader.readexactly(int(found[1]))
    elif b"transfer-encoding: chunked" in headers:
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    return status


async def _load(urls: list[str], connections: int, seconds: float) -> dict[str, float]:
    """``connections`` keep-alive connections, each asking for the next URL as soon as it has
    an answer, for ``seconds``. A small client on asyncio streams, not httpx: on this 2-core
    machine httpx itself tops out near 150 requests/s, which would be all the figures said."""
    times: list[float] = []
    errors = 0
    deadline = time.monotonic() + seconds
    parts = [httpx.URL(url) for url in urls]
    address = (parts[0].host, parts[0].port)
    host = f"{address[0]}:{address[1]}"
    paths = [part.raw_path.decode() for part in parts]

    async def worker(offset: int) -> None:
        nonlocal errors
        index = offset
        reader, writer = await asyncio.open_connection(*address)
        try:
            while time.monotonic() < deadline:
                path = paths[index % len(paths)]
                index += 1
                started = time.perf_counter()
                try:
                    ok = 200 <= await _get(reader, writer, host, path) < 300
                except (OSError, asyncio.IncompleteReadError, ValueError):
                    ok = False
                    writer.close()
                    reader, writer = await asyncio.open_connection(*address)
                times.append(time.perf_counter() - started)
                errors += not ok
        finally:
            writer.close()

    await asyncio.gather(*(worker(n) for n in range(connections)))
    ordered = sorted(times) or [0.0]
    return {
        "requests": len(times),
        "errors": errors,
        "per_s": len(times) / seconds,
        "p50_ms": statistics.median(ordered) * 1000,
        "p99_ms": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000,
        "max_ms": ordered[-1] * 1000,
    }


def report(name: str, figures: dict[str, float], alive: bool, peer_per_s: float) -> float:
    """Print one server's line, its rate also as a share of the peer's; return the rate."""
    met = figures["errors"] == 0 and figures["p99_ms"] <= P99_GOAL_MS and alive
    print(
        f"{name:<11} {figures['per_s']:>8.0f} req/s ({figures['per_s'] / peer_per_s:4.2f}× peer)  "
        f"{figures['errors']:>5.0f} errors  "
        f"p50 {figures['p50_ms']:>6.1f} ms  p99 {figures['p99_ms']:>7.1f} ms  "
        f"max {figures['max_ms']:>7.1f} ms  {'still up' if alive else 'DOWN'}  "
        f"goal {'met' if met else 'not met'} (0 errors, p99 ≤ {P99_GOAL_MS:.0f} ms)"
    )
    return figures["per_s"]


def _alive(server: Server) -> bool:
    try:
        return httpx.get(server.url, timeout=10).status_code == 200
    except httpx.HTTPError:
        return False


def gallery(folder: Path, connections: int, seconds: float, peer_per_s: float) -> None:
    server = Server([*LIVERY, "gallery", "--themes", str(folder), "--port", "0"])
    try:
        started = time.monotonic()
        while httpx.get(server.url + "data/version.json", timeout=60).json()["pending"]:
            time.sleep(0.5)  # measure the gallery serving, not the gallery grading at start
        print(f"gallery: every theme graded {time.monotonic() - started:.1f} s after it answered")
        themes = httpx.get(server.url + "data/themes.json", timeout=60).json()["themes"]
        slugs = [theme["slug"] for theme in themes[:: max(1, len(themes) // 8)]][:8]
        urls = [server.url, server.url + "data/themes.json"]
        urls += [f"{server.url}themes/{slug}/" for slug in slugs]
        urls += [f"{server.url}themes/{slugs[0]}/scoped.css"]
        figures = asyncio.run(_load(urls, connections, seconds))
        report("gallery", figures, _alive(server), peer_per_s)
    finally:
        server.stop()


def component_servers(workdir: Path, connections: int, seconds: float, peer_per_s: float) -> None:
    project = workdir / "loadwidget"
    subprocess.run(
        [*LIVERY, "component", "create", "LoadWidget", "--template", "text", "--dir", str(project)],
        check=True, capture_output=True, env=ENV,
    )  # fmt: skip
    subprocess.run([*LIVERY, "component", "build", str(project)], check=True, capture_output=True)
    for name in ("playground", "dev"):
        server = Server([*LIVERY, "component", name, str(project), "--port", "0"])
        try:
            page = httpx.get(server.url, timeout=30).text
            # The page's own files, as a browser loads them (its links are relative).
            assets = sorted(set(re.findall(r'(?:src|href)="/?([^"#:]+)"', page)))[:6]
            urls = [server.url] + [server.url + asset for asset in assets]
            figures = asyncio.run(_load(urls, connections, seconds))
            report(name, figures, _alive(server), peer_per_s)
        finally:
            server.stop()


PEER = """
import sys, uvicorn
from starlette.applications import Starlette
from starlette.responses import Response
from starlette.routing import Route
app = Starlette(routes=[Route("/", lambda request: Response("hello", media_type="text/plain"))])
print("serving on http://127.0.0.1:" + sys.argv[1], flush=True)
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
"""


def peer(connections: int, seconds: float) -> float:
    """A bare starlette app answering "hello" under the same client: the ceiling of this
    machine and client, which the servers' figures are read against: its req/s."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = Server([sys.executable, "-c", PEER, str(port)])
    while not _alive(server):  # it says its address before uvicorn has bound it
        time.sleep(0.1)
    try:
        figures = asyncio.run(_load([server.url], connections, seconds))
        return report("peer", figures, _alive(server), figures["per_s"])
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--connections", type=int, default=64)
    args = parser.parse_args()
    print(f"load average at start: {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "themes"
        folder.mkdir()
        hostile_folder(folder)
        print(f"{args.connections} connections for {args.seconds:g} s per server, 127.0.0.1")
        rate = peer(args.connections, args.seconds)
        gallery(folder, args.connections, args.seconds, rate)
        component_servers(Path(temp), args.connections, args.seconds, rate)
    print(f"load average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
