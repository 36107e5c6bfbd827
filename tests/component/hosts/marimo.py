"""A real marimo server for the session, and ``run_in_marimo``: a component's widget in a
marimo app, with Python state read back from the page.

``marimo run`` serves a folder (read-only apps, as users deploy them) on a free port with a
random token; each test writes its notebook into its own subfolder, next to a copy of the
component's folder (marimo puts a notebook's folder on ``sys.path``). marimo's kernels share
the server's process, so every component module needs a name of its own in a session.

Cells are plain code: ``marimo_file`` wraps each in ``@app.cell``, and marimo works out what
each cell defines and uses. A cell reads Python state back into the page with ``probe``: a
``<span data-probe="name">`` marimo re-renders whenever a value it depends on changes — a
widget wrapped in ``mo.ui.anywidget`` re-runs the cells that read its ``.value``.
"""

from __future__ import annotations

import sys
import textwrap
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.component.hosts.servers import copy_component, running, token
from tests.component.servers import free_port

BIN = Path(sys.executable).parent
TIMEOUT_MS = 60_000


@dataclass
class MarimoServer:
    """A running ``marimo run`` over a folder."""

    url: str
    token: str
    root: Path


@dataclass
class MarimoApp:
    """A marimo app open in the page, its cells run."""

    page: Any
    console: list[str]
    """The page's console messages and errors, for a failing test to show."""

    def probed(self, name: str) -> Any:
        """The element a ``probe(name, …)`` cell shows."""
        return self.page.locator(f'[data-probe="{name}"]')

    def widget(self) -> Any:
        """The element a Livery widget renders into (inside the widget's shadow root)."""
        return self.page.locator(".livery-anywidget").first


@pytest.fixture(scope="session")
def marimo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MarimoServer]:
    """One marimo server for the session."""
    home = tmp_path_factory.mktemp("marimo-home")
    root = tmp_path_factory.mktemp("marimo-root")
    port, secret = free_port(), token()
    command = [
        str(BIN / "marimo"),
        "run",
        str(root),
        "--host=127.0.0.1",
        f"--port={port}",
        "--headless",
        f"--token-password={secret}",
        "--no-sandbox",
        "--watch",  # a folder served with --watch finds notebooks written after the start
    ]
    url = f"http://127.0.0.1:{port}"
    with running(command, f"{url}/health", home, root):
        yield MarimoServer(url=url, token=secret, root=root)


def probe(name: str, expression: str) -> str:
    """A cell showing ``expression``'s ``repr`` in ``[data-probe=name]``."""
    return (
        "import html as _html\n"
        f"mo.Html('<span data-probe=\"{name}\">' + _html.escape(repr({expression})) + '</span>')"
    )


def marimo_file(*cells: str) -> str:
    """A marimo notebook of ``cells`` (``mo`` is imported in a first cell of its own)."""
    parts = ["import marimo", "", "app = marimo.App()", ""]
    for code in ("import marimo as mo", *cells):
        body = textwrap.indent(code.strip("\n"), "    ")
        parts += ["", "@app.cell", "def _():", body, "    return", ""]
    parts += ["", 'if __name__ == "__main__":', "    app.run()", ""]
    return "\n".join(parts)


def run_in_marimo(
    server: MarimoServer, page: Any, component_module_path: Path, *cells: str
) -> MarimoApp:
    """Open a marimo app of ``cells`` next to a copy of the component's folder and wait for
    a Livery widget to render (a cell's last expression should show one)."""
    folder = server.root / f"app_{uuid.uuid4().hex[:8]}"
    copy_component(component_module_path, folder)
    (folder / "widget_app.py").write_text(marimo_file(*cells), encoding="utf-8")
    page.set_default_timeout(TIMEOUT_MS)
    console: list[str] = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: console.append(f"pageerror: {error}"))
    page.goto(f"{server.url}/?file={folder.name}/widget_app.py&access_token={server.token}")
    opened = MarimoApp(page, console)
    try:
        opened.widget().wait_for(state="attached")  # an empty widget is hidden
    except Exception as error:  # say what the app showed instead
        raise AssertionError(
            f"no Livery widget rendered: {error}\npage: {page.locator('body').inner_text()}"
            f"\nconsole: {console}"
        ) from None
    return opened
