"""Fixtures for the component SDK tests: real projects, built once per session.

Building needs Node.js ≥ 18 and npm's registry (or npm's cache, shared by every build: the
first run downloads esbuild and Preact once). Tests that build are marked ``build``.
"""

from __future__ import annotations

import shutil
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from livery.component.build import BuildResult
from tests.component.hosts.jupyter import jupyter_lab  # noqa: F401  (a session fixture)
from tests.component.hosts.marimo import marimo_server  # noqa: F401  (a session fixture)


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a network connection fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("this code must not use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.fixture
def text_project(built: dict[str, BuildResult], tmp_path: Path) -> Iterator[Path]:
    """A private copy of the built ``text`` project (node_modules included) to break."""
    copy = tmp_path / "text"
    shutil.copytree(built["text"].project.root, copy, symlinks=True)
    yield copy


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
