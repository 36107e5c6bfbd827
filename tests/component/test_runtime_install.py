"""What a user of a published component gets: every template built, published with ``livery
component publish`` to a real pypiserver, then ``pip install``-ed from it into a fresh virtual
environment next to Gradio 6, with Livery's runtime only (``livery-sdk``, no extras).

In that environment no authoring tool is installed (twine, hatchling, build, watchdog, nodeenv,
Playwright), a Gradio app themed by Livery shows every component, a value typed into one
reaches the Python handler and comes back, and an authoring command says in one line what to
install. Dependencies come from PyPI as for any user (pip's cache makes the second run fast).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from livery.component.build import BuildResult
from livery.component.publish import find_release
from tests.component.index import Index, open_index
from tests.component.projects import NAMES
from tests.component.servers import free_port

pytestmark = [pytest.mark.build, pytest.mark.interop]
pytest.importorskip("pypiserver", reason="the test index is a pypiserver")

AUTHORING_ONLY = {"twine", "hatchling", "build", "watchdog", "nodeenv", "playwright", "pixelmatch"}
"""Packages of the ``authoring`` extra that neither the runtime nor Gradio brings."""

ROSE_500 = "#f43f5e"

APP = """\
import importlib, sys
import gradio as gr
from livery import themes

theme = themes.Soft(primary_hue="rose")
with gr.Blocks() as demo:
    for spec in sys.argv[2:]:
        module, name = spec.split(":")
        Box = getattr(importlib.import_module(module), name).to_gradio()
        source = Box(elem_id=module + "-in", label=module)
        shown = Box(elem_id=module + "-out")
        source.change(lambda value: value, source, shown)
_, url, _ = demo.launch(
    prevent_thread_lock=True, server_name="127.0.0.1", server_port=int(sys.argv[1]),
    theme=theme, quiet=True,
)
print(url, flush=True)
sys.stdin.read()  # serve until the test closes stdin
"""


@pytest.fixture(scope="module")
def index(
    built: dict[str, BuildResult], livery_wheel: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Index]:
    """An index with Livery's wheel and every template, each published by the command line."""
    with open_index(tmp_path_factory.mktemp("index")) as index:
        (index.packages / livery_wheel.name).write_bytes(livery_wheel.read_bytes())
        env = {**os.environ, "TWINE_USERNAME": "me", "TWINE_PASSWORD": "any"}
        for result in built.values():
            published = subprocess.run(
                [sys.executable, "-m", "livery", "component", "publish", str(result.project.root),
                 "--repository-url", index.url],
                capture_output=True, text=True, env=env, timeout=180,
            )  # fmt: skip
            assert published.returncode == 0, published.stderr
        yield index


@pytest.fixture(scope="module")
def runtime(
    index: Index,
    built: dict[str, BuildResult],
    livery_wheel: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> Path:
    """A fresh venv: Gradio 6 and every published component, from the index and PyPI (Livery
    named by its wheel too, so that no other index's ``livery-sdk`` can stand in for it)."""
    env_dir = tmp_path_factory.mktemp("runtime") / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    distributions = [distribution(result) for result in built.values()]
    install = subprocess.run(
        [python, "-m", "pip", "install", "-q", "--extra-index-url", index.simple,
         str(livery_wheel), "gradio>=6.31,<7", *distributions],
        capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert install.returncode == 0, install.stderr[-3000:]
    return env_dir


def distribution(result: BuildResult) -> str:
    return find_release(result.project).name


def installed(env_dir: Path) -> set[str]:
    listing = subprocess.run(
        [env_dir / "bin" / "python", "-m", "pip", "list", "--format", "json"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return {package["name"].lower() for package in json.loads(listing.stdout)}


def test_the_runtime_brings_no_authoring_tool(runtime: Path, built: dict[str, Any]) -> None:
    packages = installed(runtime)
    assert "livery-sdk" in packages
    assert {distribution(result) for result in built.values()} <= packages
    assert not packages & AUTHORING_ONLY


def test_an_authoring_command_says_what_to_install(runtime: Path, tmp_path: Path) -> None:
    for command in (("component", "build", str(tmp_path)), ("gallery", "--port", "0")):
        result = subprocess.run(
            [runtime / "bin" / "livery", *command], capture_output=True, text=True, timeout=60
        )
        assert result.returncode == 1, result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        assert "pip install 'livery-sdk[authoring]'" in lines[0]
        assert lines[0].startswith(f"error: livery {command[0]}"), lines[0]


@pytest.fixture(scope="module")
def gradio_app(runtime: Path, built: dict[str, BuildResult]) -> Iterator[str]:
    specs = [f"{result.project.package}:{NAMES[name]}" for name, result in built.items()]
    process = subprocess.Popen(
        [runtime / "bin" / "python", "-c", APP, str(free_port()), *specs],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "GRADIO_ANALYTICS_ENABLED": "False"},
    )  # fmt: skip
    try:
        url = process.stdout.readline().strip()  # type: ignore[union-attr]
        assert url.startswith("http://127.0.0.1:"), process.stderr.read()  # type: ignore[union-attr]
        yield url
    finally:
        process.stdin.close()  # type: ignore[union-attr]
        process.terminate()
        process.wait(timeout=20)


@pytest.mark.browser
def test_every_component_runs_in_a_themed_gradio_app(
    gradio_app: str, page: Any, built: dict[str, BuildResult]
) -> None:
    page.goto(gradio_app)
    for result in built.values():
        for side in ("in", "out"):
            page.wait_for_selector(
                f"#{result.project.package}-{side} .livery-root[data-livery-mounted]",
                state="attached",
                timeout=30_000,
            )
    accent = page.evaluate(
        "getComputedStyle(document.querySelector('.gradio-container'))"
        ".getPropertyValue('--primary-500').trim()"
    )
    assert accent == ROSE_500
    text = built["text"].project.package
    page.locator(f"#{text}-in input").fill("Ada")
    page.wait_for_function(
        f"() => document.querySelector('#{text}-out input').value === 'Ada'", timeout=15_000
    )
