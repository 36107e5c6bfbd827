"""Starting and stopping a notebook server for a test session: a free port on 127.0.0.1,
a private temp dir for its config and state, and a wait until it answers."""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

STARTUP_SECONDS = 60


def token() -> str:
    return secrets.token_hex(16)


def private_env(home: Path) -> dict[str, str]:
    """The environment with every config, data and runtime folder inside ``home``, so the
    user's settings neither leak in nor get written to."""
    env = dict(os.environ)
    for name in ("config", "data", "runtime", "settings", "workspaces", "ipython", "cache"):
        (home / name).mkdir(parents=True, exist_ok=True)
    env.update(
        HOME=str(home),
        JUPYTER_CONFIG_DIR=str(home / "config"),
        JUPYTER_RUNTIME_DIR=str(home / "runtime"),
        JUPYTERLAB_SETTINGS_DIR=str(home / "settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"),
        IPYTHONDIR=str(home / "ipython"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        MARIMO_SKIP_UPDATE_CHECK="1",
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


@contextmanager
def running(
    command: Sequence[str], ready_url: str, home: Path, cwd: Path
) -> Iterator[subprocess.Popen[bytes]]:
    """Run ``command`` until the block ends; wait for ``ready_url`` to answer 200 first.
    A server that exits or never answers fails with its own output."""
    log = home / "server.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            list(command), cwd=cwd, env=private_env(home), stdout=output, stderr=output
        )
    try:
        _wait(process, ready_url, log)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait(process: subprocess.Popen[bytes], url: str, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited ({process.returncode}): {log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.25)
    raise RuntimeError(f"server did not answer {url}: {log.read_text()[-3000:]}")


def copy_component(module_path: Path, into: Path) -> str:
    """Copy the folder holding a component's module (its built ``index.js`` included) to
    ``into``, so the kernel imports it from the notebook's folder; the module's name."""
    shutil.copytree(module_path.parent, into, dirs_exist_ok=True)
    return module_path.stem
