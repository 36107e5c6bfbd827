"""A real JupyterLab for the session, and ``run_in_jupyter``: a component's widget in a
notebook, with its kernel at hand.

The server runs ``jupyter lab`` from this venv on a free port, with a random token, its root
in a temp dir and every config folder private (``servers.private_env``). The page exposes
JupyterLab's application (``expose_app_in_browser``), so a test runs the notebook with the
``notebook:run-all-cells`` command and reads Python state by executing code in the
notebook's own kernel, as a user's next cell would.
"""

from __future__ import annotations

import json
import sys
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

_EXECUTE = """\
async (code) => {
  const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
  const future = kernel.requestExecute({ code, store_history: false });
  let out = "";
  let error = null;
  future.onIOPub = (msg) => {
    if (msg.header.msg_type === "stream") out += msg.content.text;
    if (msg.header.msg_type === "error") error = `${msg.content.ename}: ${msg.content.evalue}`;
  };
  await future.done;
  if (error) throw new Error(error);
  return out;
}
"""


@dataclass
class JupyterLab:
    """A running JupyterLab server."""

    url: str
    token: str
    root: Path


@dataclass
class JupyterNotebook:
    """A notebook open in JupyterLab, its cells run."""

    page: Any
    console: list[str]
    """The page's console messages and errors, for a failing test to show."""
    panel: str
    """The notebook panel's element id: a widget is looked for in this notebook only."""

    def python(self, code: str) -> str:
        """What ``code`` prints, run in the notebook's kernel (an error fails the call)."""
        return self.page.evaluate(_EXECUTE, code)

    def widget(self) -> Any:
        """The element a Livery widget renders into."""
        return self.page.locator(f"#{self.panel} .jp-OutputArea-output .livery-anywidget").first

    def close(self) -> None:
        """Shut the notebook's kernel down and close its page."""
        self.page.evaluate("() => window.jupyterapp.shell.currentWidget.sessionContext.shutdown()")
        self.page.close()


@pytest.fixture(scope="session")
def jupyter_lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[JupyterLab]:
    """One JupyterLab for the session."""
    home = tmp_path_factory.mktemp("jupyter-home")
    root = tmp_path_factory.mktemp("jupyter-root")
    port, secret = free_port(), token()
    command = [
        str(BIN / "jupyter"),
        "lab",
        "--no-browser",
        f"--IdentityProvider.token={secret}",
        "--allow-root",  # containers run tests as root
        "--ServerApp.terminals_enabled=False",
        "--ServerApp.ip=127.0.0.1",
        f"--port={port}",
        "--ServerApp.port_retries=0",
        f"--ServerApp.root_dir={root}",
        "--LabApp.expose_app_in_browser=True",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.news_url=",
        "--LabServerApp.extension_manager=readonly",
    ]
    url = f"http://127.0.0.1:{port}"
    with running(command, f"{url}/api/status?token={secret}", home, root):
        yield JupyterLab(url=url, token=secret, root=root)


def notebook(*cells: str) -> dict[str, Any]:
    """An ``.ipynb`` of code cells on this venv's ``python3`` kernel."""
    return {
        "cells": [
            {
                "cell_type": "code",
                "execution_count": None,
                "metadata": {},
                "outputs": [],
                "source": source,
            }
            for source in cells
        ],
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def run_in_jupyter(
    lab: JupyterLab, page: Any, component_module_path: Path, *cells: str
) -> JupyterNotebook:
    """Open a notebook of ``cells`` next to a copy of the component's folder, run them all
    and wait for a Livery widget to render (the last cell should display one)."""
    folder = lab.root / f"nb-{uuid.uuid4().hex[:8]}"
    copy_component(component_module_path, folder)
    (folder / "widget.ipynb").write_text(json.dumps(notebook(*cells)), encoding="utf-8")
    page.set_default_timeout(TIMEOUT_MS)
    console: list[str] = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: console.append(f"pageerror: {error}"))
    # A workspace per notebook: JupyterLab reopens a workspace's earlier notebooks otherwise.
    page.goto(
        f"{lab.url}/lab/workspaces/{folder.name}/tree/{folder.name}/widget.ipynb?token={lab.token}"
    )
    page.wait_for_function(
        "() => window.jupyterapp?.shell?.currentWidget?.sessionContext?.session?.kernel"
    )
    panel = page.evaluate(
        """async () => {
          const panel = window.jupyterapp.shell.currentWidget;
          await panel.sessionContext.ready;
          await panel.context.ready;
          await window.jupyterapp.commands.execute("notebook:run-all-cells");
          return panel.id;
        }"""
    )
    opened = JupyterNotebook(page, console, panel)
    try:
        opened.widget().wait_for(state="attached")  # an empty widget is hidden
    except Exception as error:  # say what the notebook showed instead
        outputs = page.locator(".jp-OutputArea-output").all_inner_texts()
        raise AssertionError(
            f"no Livery widget rendered: {error}\noutputs: {outputs}\nconsole: {console}"
        ) from None
    return opened
