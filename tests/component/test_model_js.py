"""The front end's ``model`` is one file: every host loads ``static/model.js`` as it is and adds
only where the state lives and where events go.

A hand-written ES module stands in for a built bundle, so nothing here needs Node.js; the
Gradio host is played by a page that calls ``js_on_load`` the way ``gr.HTML`` does.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pydantic import RootModel
from starlette.testclient import TestClient

import livery.component
from livery.component import Component
from livery.component.gradio import mount_script
from livery.component.playground import create_app
from livery.component.standalone import mount_html
from livery.component.static import MODEL_JS, fill, model_source, script_json

WIDGET = """\
export default {
  render({ model, el }) {
    const input = document.createElement("input");
    input.value = model.get("value") ?? "";
    model.on("change:value", ({ new: value }) => { input.value = value ?? ""; });
    input.addEventListener("input", () => {
      model.set("value", input.value);
      model.save_changes();
    });
    el.append(input);
    return () => input.remove();
  },
};
"""


@pytest.fixture
def echo(tmp_path: Path) -> type[Component]:
    """A component whose "built" front end is ``WIDGET``."""
    (tmp_path / "index.js").write_text(WIDGET, encoding="utf-8")

    class Echo(Component):
        Value = RootModel[str]
        events = ("change", "submit")
        template_dir = tmp_path

    return Echo


def test_the_model_is_one_file_in_the_package() -> None:
    assert MODEL_JS.parent == Path(livery.component.__file__).parent / "static"
    assert model_source() == MODEL_JS.read_text(encoding="utf-8")
    for name in ("createModel", "loadWidget", "mountSource", "@typedef {object} AnyModel"):
        assert name in model_source()


def test_inline_hosts_embed_the_file_and_do_not_reimplement_it(echo: type[Component]) -> None:
    inlined = script_json(MODEL_JS.read_text(encoding="utf-8"))
    for script in (mount_html(echo("hi")), mount_script(echo("hi"))):
        assert script.count(inlined) == 1
        adapter = script.replace(inlined, "").replace(script_json(WIDGET), "")
        for part in ("save_changes", "off(", "listeners", ".render("):
            assert part not in adapter


def test_the_playground_serves_the_file() -> None:
    with TestClient(create_app(lambda: None)) as client:  # the static files need no demo
        served = client.get("/static/model.js")
        assert served.headers["content-type"].startswith("text/javascript")
        assert served.text == MODEL_JS.read_text(encoding="utf-8")
        assert 'from "./model.js"' in client.get("/static/story-model.js").text
        assert 'from "./model.js"' in client.get("/static/playground.js").text


def test_fill_is_one_pass() -> None:
    assert fill("a(__X__, __Y__)", X="__Y__", Y=1) == 'a("__Y__", 1)'


# --- in Chromium ---------------------------------------------------------------------------


@pytest.mark.browser
def test_standalone_host(open_page: Callable[[str], Any], echo: type[Component]) -> None:
    page = open_page(mount_html(echo("hi")))
    page.wait_for_selector("[data-livery-mounted]", state="attached")
    box = page.locator("#livery-root input")
    assert box.input_value() == "hi"
    box.fill("typed")
    page.evaluate("() => document.getElementById('livery-root').liveryModel.send('submit')")
    page.evaluate("() => document.getElementById('livery-root').liveryModel.set('value', 'set')")
    assert box.input_value() == "set"
    assert page.evaluate("() => window.liveryEvents") == [
        {"event": "change", "value": "typed"},
        {"event": "submit", "value": "typed"},
    ]


GRADIO_HOST = """\
(script) => {
  // What gr.HTML gives js_on_load: the element, trigger, a props proxy, server, upload, watch.
  const element = document.getElementById("host");
  const props = { value: "hi" };
  const watchers = [];
  window.triggered = [];
  window.fromPython = (value) => {
    props.value = value;
    for (const [name, callback] of watchers) if (name === "value") callback();
  };
  const trigger = (event, data) => window.triggered.push([event, data ?? null]);
  const watch = (name, callback) => watchers.push([name, callback]);
  Function("element", "trigger", "props", "server", "upload", "watch", script)(
    element, trigger, props, {}, null, watch,
  );
}
"""


@pytest.mark.browser
def test_gradio_host(open_page: Callable[[str], Any], echo: type[Component]) -> None:
    page = open_page('<div id="host"><div class="livery-root"></div></div>')
    page.evaluate(GRADIO_HOST, mount_script(echo("hi")))
    page.wait_for_selector("#host .livery-root[data-livery-mounted]", state="attached")
    box = page.locator("#host input")
    assert box.input_value() == "hi"
    box.fill("typed")
    root = "document.querySelector('#host .livery-root').liveryModel"
    page.evaluate(f"() => {{ {root}.send('change'); {root}.send('submit', 5); }}")
    page.evaluate("() => window.fromPython('from python')")
    assert box.input_value() == "from python"
    assert page.evaluate("() => window.triggered") == [["input", None], ["submit", {"payload": 5}]]
