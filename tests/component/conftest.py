"""Fixtures for the component SDK tests: real projects, built once per session.

Building needs Node.js ≥ 18 and npm's registry (or npm's cache, shared by every build: the
first run downloads esbuild and Preact once). Tests that build are marked ``build``.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from livery.component.build import BuildResult, build_project
from livery.component.node import find_node
from livery.component.templates import create, templates
from livery.errors import NodeNotFoundError
from tests.component.hosts.jupyter import jupyter_lab  # noqa: F401  (a session fixture)
from tests.component.hosts.marimo import marimo_server  # noqa: F401  (a session fixture)

TEMPLATES = tuple(templates())
PIP_INSTALL = (sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-index")
NAMES = {name: f"Demo{name.capitalize()}" for name in TEMPLATES}
"""The component each template is built as (``DemoText`` → package ``demo_text``)."""


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "build: builds component projects for real (npm, esbuild, libsass, wheel)"
    )


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a network connection fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("this code must not use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.fixture(scope="session")
def node_or_skip() -> None:
    try:
        find_node()
    except NodeNotFoundError as error:
        pytest.skip(f"needs Node.js: {error}")


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory, node_or_skip: None) -> dict[str, BuildResult]:
    """Every template created and fully built (npm, bundle, styles, wheel, sdist)."""
    root = tmp_path_factory.mktemp("built")

    def build(template: str) -> BuildResult:
        folder = root / template
        create(NAMES[template], template=template, directory=folder)
        return build_project(folder)

    with ThreadPoolExecutor(max_workers=3) as pool:
        results = dict(zip(TEMPLATES, pool.map(build, TEMPLATES)))
    return results


@pytest.fixture
def text_project(built: dict[str, BuildResult], tmp_path: Path) -> Iterator[Path]:
    """A private copy of the built ``text`` project (node_modules included) to break."""
    copy = tmp_path / "text"
    shutil.copytree(built["text"].project.root, copy, symlinks=True)
    yield copy


@pytest.fixture(scope="session")
def site(built: dict[str, BuildResult], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every built wheel installed with ``pip install --no-deps --target`` (a PYTHONPATH)."""
    target = tmp_path_factory.mktemp("site")
    wheels = [
        path for result in built.values() for path in result.distributions if path.suffix == ".whl"
    ]
    subprocess.run(
        [*PIP_INSTALL, "--target", str(target), *map(str, wheels)],
        check=True,
        capture_output=True,
    )
    return target


ORIGIN = "http://livery.test"
"""A private origin the browser tests serve their pages from."""


@pytest.fixture
def open_page(page: Any) -> Iterator[Callable[..., Any]]:
    """``open_page(html)``: ``page`` showing ``html`` from a private origin. A console error
    fails the test unless the test said it expects some (``errors`` collects them)."""
    problems: list[str] = []
    expected = {"errors": False}
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))

    def _open(html: str, errors: bool = False) -> Any:
        expected["errors"] = errors
        document = f"<!doctype html><html><head></head><body>{html}</body></html>"
        page.route(
            f"{ORIGIN}/**", lambda route: route.fulfill(body=document, content_type="text/html")
        )
        page.goto(f"{ORIGIN}/")
        return page

    yield _open
    if not expected["errors"]:
        assert problems == []
