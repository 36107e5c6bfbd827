"""Every front end of the anywidget corpus, unchanged, in every host Livery has.

The corpus (``anywidget_corpus/``, vendored verbatim: counters with a ``value`` and a
``count`` trait, create-anywidget's React template, wigglystuff's Knob and Slider2D, the
``initialize`` history widget, ``experimental.invoke`` and ``msg:custom`` examples) runs in:

- the standalone page (no Python): it renders, and what it sends is what the page records;
  a command is refused with one line; a second instance shows a value set in Python;
- the playground (a real server): a click reaches the story handler, whose result comes back
  into the widget; a custom message or a command reaches the component's Python;
- Gradio 6 (a real ``gr.Blocks`` launch): a click reaches a ``.change`` handler with every
  trait, whose output (another instance of the component) shows the handler's result.

- JupyterLab and marimo (``to_anywidget()``, real servers from ``hosts/``): a click reaches
  the kernel (read back by running code in it), and a Python assignment shows in the widget.

Each host runs the same steps (``registry.drive``). The React template is built with npm and
esbuild (marked ``build``); node_modules are kept in pytest's cache between runs.
"""

from __future__ import annotations

import ast
import json
import os
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest

from livery.component import Component, Story
from livery.component.playground import Demo
from livery.component.project import Project
from livery.component.standalone import mount_html
from tests.component.anywidget_corpus.registry import ENTRIES, Entry, drive
from tests.component.hosts.jupyter import run_in_jupyter
from tests.component.hosts.marimo import probe, run_in_marimo
from tests.component.servers import launch_gradio, serve_playground

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
STANDALONE = "#livery-root"


def _param(entry: Entry) -> Any:
    marks = [pytest.mark.browser]
    if entry.needs_build:
        marks.append(pytest.mark.build)
    return pytest.param(entry, id=entry.name, marks=marks)


EVERY_ENTRY = [_param(entry) for entry in ENTRIES]


@pytest.fixture(scope="session")
def npm_cache(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the React template's node_modules live between runs: pytest's cache (a session
    folder when the cache plugin is off)."""
    cache = getattr(request.config, "cache", None)
    if cache is None:
        return tmp_path_factory.mktemp("corpus-react")
    return Path(cache.mkdir("livery-corpus-react"))


@pytest.fixture
def corpus(tmp_path: Path, npm_cache: Path) -> Callable[[Entry], type[Component]]:
    """``corpus(entry)``: the entry's component, built into this test's folder; its Python
    side's ``calls`` start empty."""

    def _make(entry: Entry) -> type[Component]:
        calls = getattr(entry.base, "calls", None)
        if calls is not None:
            calls.clear()
        return entry.component(tmp_path / "built", npm_cache)

    return _make


def console_of(page: Any) -> list[str]:
    lines: list[str] = []
    page.on("console", lambda message: lines.append(message.text))
    return lines


def received_of(entry: Entry, values: list[Any]) -> Callable[[], list[Any]]:
    """What Python got: the values for a value entry, the class's calls otherwise."""
    if entry.kind == "value":
        return lambda: values
    return lambda: list(entry.base.calls)  # type: ignore[attr-defined]


# --- the standalone page -------------------------------------------------------------------


@pytest.mark.parametrize("entry", EVERY_ENTRY)
def test_standalone_page(
    page: Any,
    open_page: Callable[..., Any],
    corpus: Callable[[Entry], type[Component]],
    entry: Entry,
) -> None:
    widget = corpus(entry)
    logs = console_of(page)  # open_page shows its pages in this page
    refused = entry.kind == "command"  # the page has no Python to run a command
    page = open_page(mount_html(widget(entry.value, **entry.props)), errors=refused)
    if refused:
        page.wait_for_selector(f"{STANDALONE}[data-livery-error]", state="attached")
        error = page.locator(STANDALONE).get_attribute("data-livery-error").splitlines()[0]
        assert error.endswith("is not supported by this host"), error
        return
    page.wait_for_selector(f"{STANDALONE}[data-livery-mounted]", state="attached")
    el = page.locator(STANDALONE)

    def recorded() -> list[Any]:
        events = page.evaluate("() => window.liveryEvents ?? []")
        if entry.kind == "value":
            return [event["value"] for event in events if event["event"] == "change"]
        return [
            (event["content"], event["buffers"])
            for event in events
            if event["event"] == "msg:custom"
        ]

    if entry.kind == "message":
        # No Python answers here: the message is recorded, and nothing comes back.
        entry.rendered(el)
        entry.interact(el)
        page.wait_for_function("() => (window.liveryEvents ?? []).length > 0")
        assert recorded() == entry.expected
        assert entry.console not in logs
        return

    def show(value: Any) -> Any:
        """No Python pushes here: a page holding an instance with ``value`` shows it."""
        again = open_page(mount_html(widget(value, **entry.props)))
        again.wait_for_selector(f"{STANDALONE}[data-livery-mounted]", state="attached")
        return again.locator(STANDALONE)

    drive(entry, el, recorded, lambda: logs, show if entry.shows_initial else None)


# --- the playground ------------------------------------------------------------------------


@pytest.fixture
def playground(browser: Any, tmp_path: Path) -> Iterator[Callable[[Demo], Any]]:
    """``playground(demo)``: the playground page of ``demo`` on a free loopback port and its
    console lines from the start; a console error fails the test."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    problems: list[str] = []
    with ExitStack() as servers:

        def _open(demo: Demo) -> Any:
            url = servers.enter_context(serve_playground(demo))
            page = context.new_page()
            logs = console_of(page)
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda error: problems.append(str(error)))
            page.goto(url)
            page.wait_for_selector("body[data-ready=true]")
            return page, logs

        yield _open
        context.close()
    assert problems == []


@pytest.mark.parametrize("entry", EVERY_ENTRY)
def test_playground(
    playground: Callable[[Demo], Any],
    corpus: Callable[[Entry], type[Component]],
    tmp_path: Path,
    entry: Entry,
) -> None:
    widget = corpus(entry)
    shape = widget(entry.value, **entry.props)
    values: list[Any] = []

    def handler(value: Any) -> Any:
        values.append(shape.to_browser(value))
        return entry.update

    story = Story(
        "corpus",
        value=entry.value,
        props=entry.props,
        handler=handler if widget.events else None,
    )
    project = Project(tmp_path, "corpus", tmp_path / "index.js", None)
    page, logs = playground(Demo(project, widget, (story,)))
    el = page.locator('[data-story="corpus"] .story-mount')
    # The story handler answered with entry.update: it comes back into the same widget.
    drive(entry, el, received_of(entry, values), lambda: logs, lambda value: el)
    if entry.kind == "value":
        page.wait_for_selector('[data-story="corpus"][data-status=ok]')


# --- Gradio 6 ------------------------------------------------------------------------------


@pytest.fixture
def gradio_app(browser: Any) -> Iterator[Callable[..., Any]]:
    """``gradio_app(blocks)``: ``blocks`` launched on a free loopback port, a page on it and
    its console lines; both closed after the test, and a console error fails it."""
    gr = pytest.importorskip("gradio")
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    problems: list[str] = []
    launched = ExitStack()

    def _open(blocks: Any) -> Any:
        url = launched.enter_context(launch_gradio(blocks))
        page = context.new_page()
        logs = console_of(page)
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: problems.append(str(error)))
        page.goto(url)
        return page, logs

    _open.gr = gr  # type: ignore[attr-defined]
    yield _open
    context.close()
    launched.close()
    assert problems == []


@pytest.mark.interop
@pytest.mark.filterwarnings("ignore::Warning:gradio.queueing")
@pytest.mark.parametrize("entry", EVERY_ENTRY)
def test_gradio(
    gradio_app: Callable[..., Any], corpus: Callable[[Entry], type[Component]], entry: Entry
) -> None:
    gr = gradio_app.gr  # type: ignore[attr-defined]
    widget = corpus(entry)
    shape = widget(entry.value, **entry.props)
    Box = widget.to_gradio()
    values: list[Any] = []

    def handler(value: Any) -> Any:
        values.append(shape.to_browser(value))
        return entry.update

    with gr.Blocks() as blocks:
        source = Box(value=entry.value, elem_id="source", **entry.props)
        if entry.kind == "value":
            shown = Box(value=entry.value, elem_id="shown", **entry.props)
            source.change(handler, source, shown)
    page, logs = gradio_app(blocks)
    for elem_id in ("source", "shown") if entry.kind == "value" else ("source",):
        page.wait_for_selector(
            f"#{elem_id} .livery-root[data-livery-mounted]", state="attached", timeout=30_000
        )
    # The handler's output is the other instance: that is where its result must show.
    drive(
        entry,
        page.locator("#source .livery-root"),
        received_of(entry, values),
        lambda: logs,
        lambda value: page.locator("#shown .livery-root"),
    )


# --- JupyterLab and marimo (to_anywidget) -------------------------------------------------


@pytest.fixture(scope="module")
def notebook_context(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    yield context
    context.close()


def kernel_setup(entry: Entry, module: Path) -> str:
    """The cell that makes ``entry``'s widget, ``raw``, and ``shape`` (an instance whose
    ``to_browser`` turns what Python received into JSON)."""
    cls = entry.base.__name__
    arguments = f"{entry.value!r}, **{entry.props!r}"
    return (
        f"import json\nfrom {module.stem} import {cls}\n"
        f"shape = {cls}({arguments})\n"
        f"raw = {cls}.to_anywidget()({arguments})\n"
    )


def kernel_received(entry: Entry) -> str:
    """A Python expression for what the kernel received, as JSON text."""
    if entry.kind == "value":
        return "json.dumps([shape.to_browser(raw.python_value())])"
    cls = entry.base.__name__
    return f"json.dumps([[c, [b.hex() for b in bs]] for c, bs in {cls}.calls])"


def parse_received(entry: Entry, text: str) -> list[Any]:
    found = json.loads(text)
    return found if entry.kind == "value" else [tuple(call) for call in found]


def console_text(lines: list[str]) -> list[str]:
    """The notebook hosts' console lines are ``type: text``: the texts."""
    return [line.split(": ", 1)[-1] for line in lines]


@pytest.mark.parametrize("entry", EVERY_ENTRY)
def test_jupyter(
    jupyter_lab: Any, notebook_context: Any, tmp_path: Path, npm_cache: Path, entry: Entry
) -> None:
    module = entry.write_module(tmp_path / "widget", npm_cache)
    setup = kernel_setup(entry, module) + "raw"
    notebook = run_in_jupyter(jupyter_lab, notebook_context.new_page(), module, setup)
    received = kernel_received(entry)

    def show(value: Any) -> Any:
        notebook.python(f"raw.set_python_value({value!r})")
        return notebook.widget()

    try:
        drive(
            entry,
            notebook.widget(),
            lambda: parse_received(entry, notebook.python(f"print({received})")),
            lambda: console_text(notebook.console),
            show,
        )
    finally:
        notebook.close()


@pytest.mark.parametrize("entry", EVERY_ENTRY)
def test_marimo(
    marimo_server: Any, notebook_context: Any, tmp_path: Path, npm_cache: Path, entry: Entry
) -> None:
    # marimo runs every app in the server's process: each entry's module has a name of its own.
    module = entry.write_module(tmp_path / "widget", npm_cache, f"corpus_marimo_{entry.name}")
    cells = (
        kernel_setup(entry, module) + "widget = mo.ui.anywidget(raw)\nwidget",
        # Python state changes without a cell re-running (a command, a message): poll it.
        "tick = mo.ui.refresh(options=[0.5], default_interval=0.5)\ntick",
        "tick.value, widget.value\n" + probe("received", kernel_received(entry)),
        "show_update = mo.ui.button(\n"
        "    label='show update',\n"
        f"    on_click=lambda _: raw.set_python_value({entry.update!r}),\n"
        ")\nshow_update",
    )
    app = run_in_marimo(marimo_server, notebook_context.new_page(), module, *cells)

    def show(value: Any) -> Any:
        app.page.get_by_role("button", name="show update").click()
        return app.widget()

    try:
        drive(
            entry,
            app.widget(),
            lambda: parse_received(entry, ast.literal_eval(app.probed("received").inner_text())),
            lambda: console_text(app.console),
            show,
        )
    finally:
        app.page.close()
