"""``to_anywidget()`` in real notebook hosts: JupyterLab and marimo, in a real Chromium.

The first component is the corpus counter (``anywidget_corpus/create_anywidget_vanilla.js``, a
``RootModel[int]``, vendored verbatim) with a one-rule stylesheet that paints its button with
the theme's accent colour. In each host it renders, a click reaches Python (the kernel reads
the new value), a Python assignment updates the widget, and the theme's variables apply
(the button's computed colour is the default theme's ``--color-accent``).

The second, ``Probe`` (written here, not corpus), has a ``BaseModel`` value with an ``int``
and a ``bytes`` field, a prop, two ``@command`` methods and an ``on_message`` that answers: its
fields are traits of their own (``widget.count``), the bytes field reaches the front end as a
``DataView`` and comes back as ``bytes``, ``experimental.invoke`` runs the command (a failing
one rejects with its one-line error), and a custom message with buffers gets its answer.

One server per host for the session (``hosts/``); one notebook per host and component.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.component.hosts.jupyter import JupyterNotebook, run_in_jupyter
from tests.component.hosts.marimo import MarimoApp, probe, run_in_marimo
from tests.component.test_anywidget_forms import bundle, corpus

pytestmark = pytest.mark.browser

ACCENT = "rgb(249, 115, 22)"
"""The default theme's ``--color-accent`` (``--primary-500``, #f97316)."""

STYLE = ".counter button { background: var(--color-accent); color: white; }\n"

MODULE = '''\
from pydantic import RootModel

from livery.component import Component


class Counter(Component):
    """The corpus counter."""

    Value = RootModel[int]
    events = ("change",)
    template_dir = "built"
'''


PROBE_MODULE = '''\
from pydantic import BaseModel

from livery.component import Component, command


class Reading(BaseModel):
    count: int = 0
    data: bytes = b""


class Probe(Component):
    """Fields, bytes, commands and messages."""

    Value = Reading
    props = {"step": 1}
    template_dir = "built"

    @command
    def echo(self, msg, buffers):
        return {"got": msg, "count": self.value.count}, [bytes(reversed(buffers[0]))]

    @command
    def explode(self, msg, buffers):
        raise RuntimeError("boom")

    def on_message(self, content, buffers):
        self.send({"pong": content["ping"], "count": self.value.count}, [buffers[0] * 2])
'''

PROBE_JS = """\
const bytes = (view) => [...new Uint8Array(view.buffer, view.byteOffset, view.byteLength)];
export default {
  render({ model, el, experimental }) {
    const line = (name) => {
      const out = document.createElement("output");
      out.dataset.out = name;
      el.append(out);
      return out;
    };
    const button = (label, onclick) => {
      const b = document.createElement("button");
      b.textContent = label;
      b.onclick = onclick;
      el.append(b);
    };
    const state = line("state");
    const show = () => {
      state.textContent = `count ${model.get("count")} data ${bytes(model.get("data"))} ` +
        `step ${model.get("step")} value ${JSON.stringify(model.get("value").count)}`;
    };
    show();
    model.on("change:value", show);
    button("add", () => {
      const count = model.get("count") + model.get("step");
      model.set("count", count);
      model.set("data", new Uint8Array([count, 255]));
      model.save_changes();
    });
    const reply = line("reply");
    button("echo", async () => {
      const [response, buffers] = await experimental.invoke("echo", { n: 7 }, {
        buffers: [new Uint8Array([1, 2, 3])],
      });
      reply.textContent = `${JSON.stringify(response)} ${bytes(buffers[0])}`;
    });
    button("explode", () =>
      experimental.invoke("explode", {}).catch((error) => (reply.textContent = error.message)),
    );
    const pong = line("pong");
    model.on("msg:custom", (content, buffers) => {
      pong.textContent = `${JSON.stringify(content)} ${bytes(buffers[0])}`;
    });
    button("ping", () => model.send({ ping: "hi" }, undefined, [new Uint8Array([4, 5])]));
  },
};
"""


def probe_module(folder: Path, name: str) -> Path:
    """The ``Probe`` component as a module file next to its front end."""
    built = folder / "built"
    built.mkdir(parents=True)
    (built / "index.js").write_text(PROBE_JS, "utf-8")
    module = folder / f"{name}.py"
    module.write_text(PROBE_MODULE, "utf-8")
    return module


def counter_module(folder: Path, name: str) -> Path:
    """The counter as a module file next to its built front end (what a kernel imports)."""
    built = folder / "built"
    built.mkdir(parents=True)
    (built / "index.js").write_text(bundle(corpus("create_anywidget_vanilla.js")), "utf-8")
    (built / "style.css").write_text(STYLE, "utf-8")
    module = folder / f"{name}.py"
    module.write_text(MODULE, "utf-8")
    return module


def eventually(read: Callable[[], Any], expected: Any, seconds: float = 20) -> None:
    """``read()`` becomes ``expected`` (a kernel answers asynchronously)."""
    deadline = time.monotonic() + seconds
    seen = read()
    while seen != expected and time.monotonic() < deadline:
        time.sleep(0.2)
        seen = read()
    assert seen == expected


@pytest.fixture(scope="module")
def context(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    yield context
    context.close()


# --- JupyterLab --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def jupyter(
    jupyter_lab: Any,
    context: Any,
    tmp_path_factory: pytest.TempPathFactory,
) -> JupyterNotebook:
    module = counter_module(tmp_path_factory.mktemp("jupyter-counter"), "livery_counter")
    setup = "from livery_counter import Counter\nwidget = Counter.to_anywidget()(value=3)\nwidget"
    return run_in_jupyter(jupyter_lab, context.new_page(), module, setup)


def test_jupyter_renders_the_counter_with_its_python_value(jupyter: JupyterNotebook) -> None:
    assert jupyter.widget().locator("button").inner_text() == "count is 3"


def test_jupyter_click_reaches_python(jupyter: JupyterNotebook) -> None:
    before = int(jupyter.python("print(widget.value)"))
    jupyter.widget().locator("button").click()
    eventually(
        lambda: jupyter.python("print(widget.value, widget.python_value())"),
        f"{before + 1} {before + 1}\n",
    )


def test_jupyter_python_assignment_updates_the_widget(jupyter: JupyterNotebook) -> None:
    jupyter.python("widget.value = 10")
    button = jupyter.widget().locator("button")
    eventually(button.inner_text, "count is 10")


def test_jupyter_theme_variables_apply(jupyter: JupyterNotebook) -> None:
    button = jupyter.widget().locator("button")
    assert button.evaluate("b => getComputedStyle(b).backgroundColor") == ACCENT


def test_jupyter_refuses_an_invalid_value_from_the_browser(jupyter: JupyterNotebook) -> None:
    jupyter.python("widget.value = 1")
    # What a buggy front end would do: set a string where the value is an int.
    jupyter.widget().evaluate(
        """el => {
          el.liveryModel.set("value", "lots");
          el.liveryModel.save_changes();
        }"""
    )
    button = jupyter.widget().locator("button")
    eventually(button.inner_text, "count is 1")
    assert jupyter.python("print(widget.value)") == "1\n"


@pytest.fixture(scope="module")
def jupyter_probe(
    jupyter_lab: Any,
    context: Any,
    tmp_path_factory: pytest.TempPathFactory,
) -> JupyterNotebook:
    module = probe_module(tmp_path_factory.mktemp("jupyter-probe"), "livery_probe")
    setup = (
        "from livery_probe import Probe\n"
        "probe = Probe.to_anywidget()(value={'count': 2, 'data': b'\\x01\\x02'}, step=3)\n"
        "probe"
    )
    return run_in_jupyter(jupyter_lab, context.new_page(), module, setup)


def out(widget: Any, name: str) -> Callable[[], str]:
    return widget.locator(f'[data-out="{name}"]').inner_text


def test_jupyter_fields_and_bytes_are_traits(jupyter_probe: JupyterNotebook) -> None:
    widget = jupyter_probe.widget()
    assert out(widget, "state")() == "count 2 data 1,2 step 3 value 2"
    widget.get_by_role("button", name="add").click()
    eventually(out(widget, "state"), "count 5 data 5,255 step 3 value 5")
    eventually(
        lambda: jupyter_probe.python("print(probe.count, probe.data, probe.python_value())"),
        "5 b'\\x05\\xff' count=5 data=b'\\x05\\xff'\n",
    )
    jupyter_probe.python("probe.count = 40; probe.data = b'\\x09'")
    eventually(out(widget, "state"), "count 40 data 9 step 3 value 40")


def test_jupyter_commands_run_in_python(jupyter_probe: JupyterNotebook) -> None:
    widget = jupyter_probe.widget()
    jupyter_probe.python("probe.count = 6")
    widget.get_by_role("button", name="echo").click()
    eventually(out(widget, "reply"), '{"got":{"n":7},"count":6} 3,2,1')
    widget.get_by_role("button", name="explode").click()
    eventually(out(widget, "reply"), "Probe: event 'invoke': explode raised RuntimeError: boom")


def test_jupyter_custom_messages_get_answers(jupyter_probe: JupyterNotebook) -> None:
    widget = jupyter_probe.widget()
    jupyter_probe.python("probe.count = 8")
    widget.get_by_role("button", name="ping").click()
    eventually(out(widget, "pong"), '{"pong":"hi","count":8} 4,5,4,5')


# --- marimo ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def marimo(
    marimo_server: Any,
    context: Any,
    tmp_path_factory: pytest.TempPathFactory,
) -> MarimoApp:
    module = counter_module(tmp_path_factory.mktemp("marimo-counter"), "livery_counter_marimo")
    cells = (
        "from livery_counter_marimo import Counter\n"
        "raw = Counter.to_anywidget()(value=3)\n"
        "widget = mo.ui.anywidget(raw)\n"
        "widget",
        probe("value", "(widget.value['value'], raw.python_value())"),
        "set_ten = mo.ui.button(label='set ten', on_click=lambda _: setattr(raw, 'value', 10))\n"
        "set_ten",
    )
    return run_in_marimo(marimo_server, context.new_page(), module, *cells)


def test_marimo_renders_the_counter_with_its_python_value(marimo: MarimoApp) -> None:
    assert marimo.widget().locator("button").inner_text() == "count is 3"


def test_marimo_click_reaches_python(marimo: MarimoApp) -> None:
    before = marimo.widget().locator("button").inner_text().removeprefix("count is ")
    marimo.widget().locator("button").click()
    after = int(before) + 1
    eventually(marimo.probed("value").inner_text, f"({after}, {after})")


def test_marimo_python_assignment_updates_the_widget(marimo: MarimoApp) -> None:
    marimo.page.get_by_role("button", name="set ten").click()
    button = marimo.widget().locator("button")
    eventually(button.inner_text, "count is 10")
    # marimo re-runs cells for changes from the page only: the next click shows Python saw 10.
    button.click()
    eventually(marimo.probed("value").inner_text, "(11, 11)")


def test_marimo_theme_variables_apply(marimo: MarimoApp) -> None:
    button = marimo.widget().locator("button")
    assert button.evaluate("b => getComputedStyle(b).backgroundColor") == ACCENT


@pytest.fixture(scope="module")
def marimo_probe(
    marimo_server: Any,
    context: Any,
    tmp_path_factory: pytest.TempPathFactory,
) -> MarimoApp:
    module = probe_module(tmp_path_factory.mktemp("marimo-probe"), "livery_probe_marimo")
    cells = (
        "from livery_probe_marimo import Probe\n"
        "raw = Probe.to_anywidget()(value={'count': 2, 'data': b'\\x01\\x02'}, step=3)\n"
        "widget = mo.ui.anywidget(raw)\n"
        "widget",
        probe("probe", "(widget.value['count'], raw.data, raw.python_value().count)"),
        "def _set(_):\n"
        "    raw.count = 40\n"
        "    raw.data = b'\\x09'\n"
        "set_forty = mo.ui.button(label='set forty', on_click=_set)\n"
        "set_forty",
    )
    return run_in_marimo(marimo_server, context.new_page(), module, *cells)


def test_marimo_fields_and_bytes_are_traits(marimo_probe: MarimoApp) -> None:
    widget = marimo_probe.widget()
    assert out(widget, "state")() == "count 2 data 1,2 step 3 value 2"
    widget.get_by_role("button", name="add").click()
    eventually(out(widget, "state"), "count 5 data 5,255 step 3 value 5")
    eventually(marimo_probe.probed("probe").inner_text, "(5, b'\\x05\\xff', 5)")
    marimo_probe.page.get_by_role("button", name="set forty").click()
    eventually(out(widget, "state"), "count 40 data 9 step 3 value 40")


def test_marimo_commands_run_in_python(marimo_probe: MarimoApp) -> None:
    widget = marimo_probe.widget()
    widget.get_by_role("button", name="echo").click()
    eventually(out(widget, "reply"), '{"got":{"n":7},"count":40} 3,2,1')
    widget.get_by_role("button", name="explode").click()
    eventually(out(widget, "reply"), "Probe: event 'invoke': explode raised RuntimeError: boom")


def test_marimo_custom_messages_get_answers(marimo_probe: MarimoApp) -> None:
    widget = marimo_probe.widget()
    widget.get_by_role("button", name="ping").click()
    eventually(out(widget, "pong"), '{"pong":"hi","count":40} 4,5,4,5')
