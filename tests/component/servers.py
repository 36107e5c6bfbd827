"""Real servers for browser tests, each on a free loopback port and stopped afterwards: any
ASGI app under uvicorn (the playground, the upload routes), and a Gradio app."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn

from livery.component.playground import Demo, create_app


def free_port() -> int:
    """A port nothing listens on now (the server takes it a moment later)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serve_app(app: Any) -> Iterator[str]:
    """Serve the ASGI ``app`` with uvicorn in a thread; yields its URL (no trailing slash)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    config = uvicorn.Config(app, log_level="warning", lifespan="off", timeout_graceful_shutdown=1)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 20
        while not server.started:
            assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
            time.sleep(0.02)
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
    assert not thread.is_alive(), "the server did not stop (an open connection held it)"


@contextmanager
def serve_playground(demo: Demo) -> Iterator[str]:
    """Serve ``demo``'s playground; yields its URL."""
    with serve_app(create_app(demo, allowed_hosts=["127.0.0.1"])) as url:
        yield url + "/"


@contextmanager
def launch_gradio(blocks: Any, *, show_error: bool = True) -> Iterator[str]:
    """Launch the Gradio ``blocks`` without blocking; yields its URL and closes it."""
    _, url, _ = blocks.launch(
        prevent_thread_lock=True,
        server_name="127.0.0.1",
        server_port=free_port(),
        quiet=True,
        show_error=show_error,
    )
    try:
        yield url
    finally:
        blocks.close()
