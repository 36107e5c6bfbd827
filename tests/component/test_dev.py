"""``livery component dev``: saves reach an open page in Chromium without restarting anything.

A copy of the built ``text`` project runs in a ``DevServer`` on a free port; the test edits its
files like an editor would and watches the page: the CSS swapped in place (a marker on
``window`` survives), the stories remounted with the new code, errors (esbuild, libsass,
Python) in an overlay with file:line that the next good save clears, and the server answering
throughout.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from livery.component.dev.rebuild import Step
from livery.component.dev.server import DevServer
from livery.component.dev.watch import JS, PYTHON, STYLE, classify
from livery.component.project import Project
from tests.component.servers import serve_app
from tests.component.test_playground import own_imports

pytestmark = [pytest.mark.build, pytest.mark.browser]
CLASS = ".lv-demo-text"


@pytest.fixture
def dev(text_project: Path) -> Iterator[tuple[DevServer, str, list[str]]]:
    """The dev server of a built ``text`` copy on a free port; yields it, its URL, its lines."""
    lines: list[str] = []
    with own_imports("demo_text"):
        server = DevServer(
            text_project, allowed_hosts=["127.0.0.1", "localhost"], announce=lines.append
        )
        server.start()
        with serve_app(server.app) as url:  # it fails if open event streams hold the shutdown
            try:
                yield server, url + "/", lines
            finally:
                server.stop()


def wait(page: Any, expression: str) -> None:
    """Wait until ``expression`` is true in the page (as a function: the page's policy
    forbids evaluating strings)."""
    page.wait_for_function(f"() => ({expression})", timeout=15_000)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1))


def test_classify(text_project: Path) -> None:
    project = Project.find(text_project)
    root = project.root
    assert classify(project, root / "frontend" / "style.scss") == STYLE
    assert classify(project, root / "frontend" / "_part.scss") == STYLE
    assert classify(project, root / "frontend" / "index.js") == JS
    assert classify(project, root / "frontend" / "sedAb12Cd") is None  # sed -i's scratch file
    assert classify(project, root / "frontend" / ".index.js.swp") is None
    assert classify(project, root / "demo" / "app.py") == PYTHON
    assert classify(project, root / "backend" / "demo_text" / "__init__.py") == PYTHON
    templates = root / "backend" / "demo_text" / "templates"
    assert classify(project, templates / "index.js") is None  # the build's own output
    assert classify(project, root / "node_modules" / "x" / "index.js") is None
    assert Step(STYLE, "style.scss", 41.6).line() == "style.scss → css 42 ms"


def test_saves_reach_the_page(dev: tuple[DevServer, str, list[str]], browser: Any) -> None:
    server, url, lines = dev
    root = server.project.root
    style, script = root / "frontend" / "style.scss", root / "frontend" / "index.js"
    backend = root / "backend" / "demo_text" / "__init__.py"
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(url)
    page.wait_for_selector("body[data-ready=true][data-dev=connected]")
    page.evaluate("window.__marker = 'kept'")
    overlay = page.locator("#dev-overlay")
    assert overlay.is_hidden()

    def label_color() -> str:
        return page.evaluate(f"getComputedStyle(document.querySelector('{CLASS}__label')).color")

    def alive() -> None:
        assert httpx.get(url + "api/stories", timeout=5).status_code == 200

    # A style change: swapped in place, no reload.
    before = label_color()
    edit(style, "color: var(--block-label-text-color);", "color: rgb(1, 2, 3);")
    wait(
        page, f"getComputedStyle(document.querySelector('{CLASS}__label')).color === 'rgb(1, 2, 3)'"
    )
    assert before != "rgb(1, 2, 3)"
    assert page.evaluate("window.__marker") == "kept"
    assert any(re.fullmatch(r"style\.scss → css \d+ ms", line) for line in lines), lines

    # A JS change: every story remounted with the new code, still no reload.
    edit(
        script,
        "root.append(caption, input, message);",
        "root.append(caption, input, message);\n    root.dataset.version = 'two';",
    )
    wait(page, "document.querySelectorAll('[data-version=two]').length === 4")
    assert page.evaluate("window.__marker") == "kept"
    assert page.evaluate("document.body.dataset.generation") == "1"
    assert page.locator(f"{CLASS}__input").count() == 4  # the old renders were cleaned up
    box = page.locator('[data-story="with-a-value"] input')
    box.fill("grace")  # the remounted story still round-trips through Python
    page.wait_for_selector('[data-story="with-a-value"][data-status="ok"]')
    assert box.input_value() == "GRACE"
    alive()

    # A JS syntax error: an overlay with file:line:col; the fix clears it.
    good = script.read_text()
    script.write_text(good.replace("const show = () => {", "const show = () => {{", 1))
    wait(page, "!document.getElementById('dev-overlay').hidden")
    message = page.locator("#dev-overlay-text").inner_text()
    assert re.search(r"frontend/index\.js:\d+:\d+: ", message), message
    assert any(re.match(r"index\.js → error frontend/index\.js:\d+:\d+: ", x) for x in lines)
    alive()
    script.write_text(good)
    wait(page, "document.getElementById('dev-overlay').hidden")

    # An SCSS error: file:line, cleared by the fix.
    good = style.read_text()
    style.write_text(good.replace("color: rgb(1, 2, 3);", "color: rgb(1, 2, 3", 1))
    wait(page, "!document.getElementById('dev-overlay').hidden")
    assert re.search(r"frontend/style\.scss:\d+: ", page.locator("#dev-overlay-text").inner_text())
    alive()
    style.write_text(good.replace("rgb(1, 2, 3)", "rgb(4, 5, 6)"))
    wait(page, "document.getElementById('dev-overlay').hidden")
    wait(
        page, f"getComputedStyle(document.querySelector('{CLASS}__label')).color === 'rgb(4, 5, 6)'"
    )
    assert page.evaluate("window.__marker") == "kept"

    # A Python error: overlay (it survives a reload), the old demo keeps serving; then fixed.
    good = backend.read_text()
    backend.write_text(good + "\n\ndef _broken():\n    return 1 / 0\n\n\n_broken()\n")
    wait(page, "!document.getElementById('dev-overlay').hidden")
    text = page.locator("#dev-overlay-text").inner_text()
    assert re.search(r"backend/demo_text/__init__\.py:\d+: ZeroDivisionError", text), text
    alive()
    page.reload()
    wait(page, "!document.getElementById('dev-overlay').hidden")
    backend.write_text(good.replace('return "Hello, Livery"', 'return "Hello, dev"'))
    wait(page, "document.getElementById('dev-overlay').hidden")
    page.wait_for_selector("body[data-ready=true][data-dev=connected]")
    assert page.evaluate("window.__marker") is None  # a Python change reloads the page
    assert any(re.fullmatch(r"__init__\.py → python reloaded \d+ ms", x) for x in lines), lines
    alive()
    assert not any("Traceback" in line for line in lines)
    context.close()
    assert problems == []
