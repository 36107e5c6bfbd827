"""What the interop tests build and read: Gradio's and Livery's theme of one name, the
kitchen-sink app both are served with, one loopback server holding many mounted apps, and the
served ``/theme.css`` read back as the table of values a browser computes from it.

Kept apart from the tests so ``test_launch_theme`` (no browser) and ``test_launch_matrix``
(Chromium) compare the same things the same way.
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import livery
import livery.themes
from livery.theme import VARIABLES
from tests.component.servers import free_port

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

BUILTINS = (
    "Base",
    "Default",
    "Soft",
    "Glass",
    "Monochrome",
    "Origin",
    "Citrus",
    "Ocean",
    "Ember",
    "Cyberpunk",
    "Neon",
    "Mario",
)
"""Gradio 6.31's twelve ``gr.themes`` classes, each mirrored by ``livery.themes``."""

NAMES = tuple(variable.name for variable in VARIABLES)

Table = dict[tuple[str, bool], str]

_VAR = re.compile(r"var\(--([\w-]+)\)")
_LIGHT = ":root {"
_DARK = ":root.dark, :root .dark {"


# --- the served stylesheet, read as a browser reads it ------------------------------------------


def _block(css: str, opener: str) -> str:
    """The text inside the rule that starts with ``opener``, up to its own closing brace.

    Braces and semicolons inside strings and nested blocks belong to the value they are in:
    Gradio writes a theme's ``custom_css`` (rules, braces and all) as a ``--custom-css``
    variable, and a browser keeps that as one declaration instead of ending the rule there.
    """
    start = css.index(opener) + len(opener)
    depth, quote, index = 0, "", start
    while index < len(css):
        char = css[index]
        if quote:
            if char == "\\":
                index += 1
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char in "{([":
            depth += 1
        elif char in "})]":
            if depth == 0:
                return css[start:index]
            depth -= 1
        index += 1
    raise AssertionError(f"{opener!r} is never closed")


def _declarations(block: str) -> dict[str, str]:
    """``--name: value`` pairs of a rule's body, split at top-level semicolons only."""
    found: dict[str, str] = {}
    depth, quote, begin = 0, "", 0
    parts = []
    for index, char in enumerate(block):
        if quote:
            if char == quote and block[index - 1] != "\\":
                quote = ""
        elif char in "\"'":
            quote = char
        elif char in "{([":
            depth += 1
        elif char in "})]":
            depth -= 1
        elif char == ";" and depth == 0:
            parts.append(block[begin:index])
            begin = index + 1
    parts.append(block[begin:])
    for part in parts:
        name, colon, value = part.strip().partition(":")
        if colon and name.startswith("--"):
            found[name[2:]] = value.strip()
    return found


def served_table(css: str) -> Table:
    """Every theme variable's value as a browser computes it from ``css``: the dark block
    re-declares over the light one, each ``var(--x)`` is the value of ``x`` in that mode."""
    light = _declarations(_block(css, _LIGHT))
    dark_only = _declarations(_block(css, _DARK))
    modes = {False: light, True: {**light, **dark_only}}

    def value(name: str, dark: bool, depth: int = 0) -> str:
        assert depth < 50, f"reference cycle at --{name}"
        text = modes[dark][name]
        return _VAR.sub(lambda match: value(match[1], dark, depth + 1), text)

    return {
        (name, dark): value(name.replace("_", "-"), dark)
        for name in NAMES
        for dark in (False, True)
    }


def differences(expected: Table, actual: Table) -> str:
    """The variables whose values differ, one line each, for an assertion message."""
    lines = [
        f"  {name}{' (dark)' if dark else ''}: Gradio {expected[name, dark]!r}, "
        f"Livery {actual.get((name, dark))!r}"
        for name, dark in expected
        if actual.get((name, dark)) != expected[name, dark]
    ]
    return f"{len(lines)} values differ:\n" + "\n".join(lines)


# --- the two themes of one name -----------------------------------------------------------------


def to_livery(source: str) -> str:
    """The import switch a Gradio user makes, and nothing else: ``from gradio.themes…`` becomes
    ``from livery.themes…``, ``gr.themes.`` becomes ``livery.themes.``, and
    ``import livery.themes`` follows ``import gradio as gr``."""
    text = re.sub(r"\bfrom gradio\.themes\b", "from livery.themes", source)
    text = text.replace("gr.themes.", "livery.themes.")
    return re.sub(
        r"^import gradio as gr$",
        "import gradio as gr\nimport livery.themes",
        text,
        count=1,
        flags=re.MULTILINE,
    )


PUBLISHED = {
    "chuanhu": Path(__file__).parent / "theme_corpus_py" / "gaizhenbiao-chuanhuchatgpt--presets.py",
}
"""Published Python themes the server mounts too, by key: ChuanhuChatGPT's
``gr.themes.Soft(…).set(…)``, whose page Gradio's ``.set()`` turns white."""


def published_theme(key: str, *, switched: bool) -> Any:
    """The theme a ``PUBLISHED`` file builds, as written or with its imports switched."""
    source = PUBLISHED[key].read_text(encoding="utf-8")
    namespace: dict[str, Any] = {"__name__": "published_theme"}
    exec(compile(to_livery(source) if switched else source, str(PUBLISHED[key]), "exec"), namespace)
    return namespace["theme"]


def livery_theme(name: str) -> livery.Theme:
    """Livery's class of that name (``"Soft"``), a ``PUBLISHED`` theme with its imports
    switched, or a library theme file (``"aurora"``)."""
    if name in PUBLISHED:
        return published_theme(name, switched=True)
    return livery.Theme.load(name) if name.islower() else getattr(livery.themes, name)()


def gradio_theme(name: str) -> Any:
    """Gradio's class of that name; for a Livery original, Gradio's rebuild of its JSON."""
    import gradio as gr

    if name in PUBLISHED:
        return published_theme(name, switched=False)
    if name.islower():
        return gr.Theme.from_dict(livery.Theme.load(name).to_gradio())
    return getattr(gr.themes, name)()


# --- apps and a server ----------------------------------------------------------------------


def get(url: str) -> tuple[int, str, str]:
    """Status, content type and text of a GET (for what a mounted or launched app serves)."""
    import httpx

    response = httpx.get(url, timeout=10)
    return response.status_code, response.headers.get("content-type", ""), response.text


BOX = (
    "color",
    "background-color",
    "background-image",
    "border-top-color",
    "border-top-style",
    "border-top-width",
    "border-bottom-color",
    "border-top-left-radius",
    "box-shadow",
    "font-family",
    "font-size",
    "font-weight",
    "line-height",
    "padding-top",
    "padding-left",
    "width",
    "height",
)
"""What a theme decides about an element: colours, borders, radius, shadow, type, padding, and
the size all that gives it."""

PAGE = ("color", "background-color", "background-image", "font-family")

PARTS: dict[str, dict[str, tuple[str, tuple[str, ...]]]] = {
    "page": {
        "body": ("body", PAGE),
        "app": ("gradio-app", PAGE),
        "container": (".gradio-container", PAGE),
    },
    "primary button": {"button": ("#primary", BOX)},
    "secondary button": {"button": ("#secondary", BOX)},
    "textbox": {
        "block": ("#textbox", BOX),
        "label": ("#textbox label > span", BOX),
        "input": ("#textbox textarea", BOX),
    },
    "number": {"block": ("#number", BOX), "input": ("#number input", BOX)},
    "slider": {
        "track": ("#slider input[type=range]", (*BOX, "accent-color")),
        "number": ("#slider input[type=number]", BOX),
        "reset": ("#slider .reset-button", BOX),
    },
    "checkbox": {
        "box": ("#checkbox input[type=checkbox]", (*BOX, "accent-color")),
        "label": ("#checkbox .label-text", BOX),
    },
    "dropdown": {"wrap": ("#dropdown .wrap", BOX), "input": ("#dropdown input", BOX)},
    "radio": {
        "selected": ("#radio label.selected", BOX),
        "other": ("#radio label:not(.selected)", BOX),
        "dot": ("#radio input:checked", BOX),
    },
    "tabs": {
        "bar": ("#tabs .tab-container:not(.visually-hidden)", BOX),
        "selected": ("#tab-first-button", BOX),
        "other": ("#tab-second-button", BOX),
        "panel": ("#tab-first", BOX),
    },
    "accordion": {"block": ("#accordion", BOX), "header": ("#accordion .label-wrap", BOX)},
    "chatbot": {
        "block": ("#chatbot", BOX),
        "label": ("#chatbot label", BOX),
        "user": ("#chatbot .user", BOX),
        "bot": ("#chatbot .bot", BOX),
    },
    "dataframe": {
        "block": ("#dataframe", BOX),
        "label": ("#dataframe .label p", BOX),
        "header": ("#dataframe th.header-cell", BOX),
        "cell": ("#dataframe .body-cell", BOX),
        "odd row": ("#dataframe .virtual-row.row-odd", BOX),
    },
}
"""``{widget: {part: (selector, properties)}}``: the elements of ``kitchen_sink()`` whose
computed styles the browser tests compare, found by the ``elem_id`` each widget has."""


def kitchen_sink() -> Any:
    """One of every widget a theme styles, each with an ``elem_id`` (see ``PARTS``), holding
    fixed values so two copies draw the same pixels; inputs are interactive, as a user's are."""
    import gradio as gr

    with gr.Blocks() as demo:
        with gr.Row():
            gr.Button("Run", variant="primary", elem_id="primary")
            gr.Button("Clear", variant="secondary", elem_id="secondary")
        with gr.Row():
            gr.Textbox(label="Name", value="Ada", interactive=True, elem_id="textbox")
            gr.Number(label="Count", value=3, interactive=True, elem_id="number")
        with gr.Row():
            gr.Slider(0, 10, value=4, step=1, label="Level", interactive=True, elem_id="slider")
            gr.Checkbox(value=True, label="Loud", interactive=True, elem_id="checkbox")
        with gr.Row():
            gr.Dropdown(
                ["red", "green", "blue"],
                value="green",
                label="Hue",
                interactive=True,
                elem_id="dropdown",
            )
            gr.Radio(
                ["small", "large"], value="small", label="Size", interactive=True, elem_id="radio"
            )
        with gr.Tabs(elem_id="tabs"):
            with gr.Tab("First", elem_id="tab-first"):
                gr.Markdown("The first tab.")
            with gr.Tab("Second", elem_id="tab-second"):
                gr.Markdown("The second tab.")
        with gr.Accordion("More", open=True, elem_id="accordion"):
            gr.Markdown("Inside the accordion.")
        gr.Chatbot(
            [
                {"role": "user", "content": "Hello"},
                {"role": "assistant", "content": "Hi! How can I help?"},
            ],
            label="Chat",
            height=220,
            elem_id="chatbot",
        )
        gr.Dataframe(
            [[1, "one", 1.5], [2, "two", 2.5], [3, "three", 3.5]],
            headers=["n", "word", "x"],
            label="Table",
            interactive=True,
            elem_id="dataframe",
        )
    return demo


@contextmanager
def serve(app: Any) -> Iterator[str]:
    """Run an ASGI app with uvicorn in a thread on a free loopback port; yield its URL and
    stop it on exit."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive(), "the server stopped while starting"
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def mounted_app(names: tuple[str, ...]) -> Any:
    """A FastAPI app with ``/gradio-<name>/`` (Gradio's theme) and ``/livery-<name>/``
    (Livery's) for each name, both mounted with ``gr.mount_gradio_app(…, theme=…)``."""
    import gradio as gr
    from fastapi import FastAPI

    app = FastAPI()
    for name in names:
        key = name.lower()
        app = gr.mount_gradio_app(
            app, kitchen_sink(), path=f"/gradio-{key}", theme=gradio_theme(name)
        )
        app = gr.mount_gradio_app(
            app, kitchen_sink(), path=f"/livery-{key}", theme=livery_theme(name)
        )
    return app
