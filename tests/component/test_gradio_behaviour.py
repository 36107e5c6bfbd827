"""``to_gradio()`` instances behave like Gradio's own components, in a real Gradio 6 app.

Each check is what a Gradio user notices: Gradio's arguments keep their meaning; a component
that is only an output is read-only in the page (``interactive=True`` keeps it editable); the
API page advertises the schema an instance narrows by its props; an example cell shows text,
not ``[object Object]``; a component that raises shows a one-line error naming it, at the
API client too; and the front end's custom messages and ``experimental.invoke`` reach Python
and come back. The front ends are small hand-written modules, so no build is needed.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any, ClassVar

import pytest
from pydantic import BaseModel, RootModel

from livery.component import Component, command
from tests.component.servers import launch_gradio

pytestmark = [
    pytest.mark.interop,
    pytest.mark.filterwarnings("ignore::Warning:gradio.queueing"),  # pandas deprecations
]
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
gr = pytest.importorskip("gradio")

FRONT_END = """\
const shown = (value) =>
  value !== null && typeof value === "object" ? JSON.stringify(value) : (value ?? "");
const bytes = (view) => Array.from(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));

export default {
  render({ model, el, experimental }) {
    const label = document.createElement("span");
    label.className = "label";
    const input = document.createElement("input");
    const reply = document.createElement("output");
    const sync = () => {
      label.textContent = model.get("label") ?? "";
      input.value = shown(model.get("value"));
      input.disabled = Boolean(model.get("disabled"));
    };
    sync();
    model.on("change:value", sync);
    model.on("change:disabled", sync);
    input.addEventListener("input", () => {
      model.set("value", input.value);
      model.save_changes();
    });
    model.on("msg:custom", (content, buffers) => {
      reply.textContent = `${JSON.stringify(content)} ${buffers.map(bytes).join("|")}`;
    });
    const ping = document.createElement("button");
    ping.className = "ping";
    ping.textContent = "ping";
    ping.addEventListener("click", () => {
      model.send({ ping: input.value }, undefined, [new Uint8Array([1, 2, 3])]);
    });
    const echo = document.createElement("button");
    echo.className = "echo";
    echo.textContent = "echo";
    echo.addEventListener("click", async () => {
      try {
        const [response, buffers] = await experimental.invoke(
          "echo",
          { text: input.value },
          { buffers: [new Uint8Array([7, 8, 9])] },
        );
        reply.textContent = `${JSON.stringify(response)} ${buffers.map(bytes).join("|")}`;
      } catch (error) {
        reply.textContent = `error: ${error.message}`;
      }
    });
    el.append(label, input, ping, echo, reply);
  },
};
"""


@pytest.fixture(scope="module")
def kinds(tmp_path_factory: pytest.TempPathFactory) -> SimpleNamespace:
    """Three components over ``FRONT_END``: a text ``Entry`` with a message handler and a
    command, a ``Stars`` rating narrowed by its ``stars`` prop, and a structured ``Card``."""
    folder: Path = tmp_path_factory.mktemp("front_end")
    (folder / "index.js").write_text(FRONT_END, encoding="utf-8")

    class Entry(Component):
        """Text; ``"boom"`` makes preprocess crash (not a ValueError)."""

        class Value(RootModel[str]):
            root: str = ""

        events = ("change", "submit")
        template_dir = folder

        def preprocess(self, payload: Any) -> Any:
            text = super().preprocess(payload)
            if text == "boom":
                raise KeyError("no such word")
            return text

        def on_message(self, content: Any, buffers: list[bytes]) -> None:
            self.send({"pong": content}, buffers=[bytes(reversed(buffers[0]))])

        @command
        def echo(self, msg: Any, buffers: list[bytes]) -> tuple[Any, list[bytes]]:
            if msg["text"] == "fail":
                raise RuntimeError("echo refused")
            self.send({"echoing": msg["text"]})
            return {"echo": msg["text"].upper()}, [bytes(reversed(buffers[0]))]

    class Stars(Component):
        class Value(RootModel[int]):
            root: int = 0

        props: ClassVar[dict[str, Any]] = {"stars": 10}
        template_dir = folder

        def instance_api_info(self) -> dict[str, Any]:
            return {**self.api_info(), "minimum": 0, "maximum": self.props.stars}

    class Card(Component):
        class Value(BaseModel):
            title: str = ""
            count: int = 0

        props: ClassVar[dict[str, Any]] = {"max_height": 320}  # also a gr.HTML argument
        template_dir = folder

    return SimpleNamespace(Entry=Entry, Stars=Stars, Card=Card)


# --- without a browser ---------------------------------------------------------------------


def test_gradio_arguments_keep_their_meaning(kinds: SimpleNamespace) -> None:
    Box = kinds.Entry.to_gradio()
    box = Box(
        "Ada",
        label="Name",
        info="Your given name",
        interactive=False,
        visible=False,
        elem_id="name",
        elem_classes=["wide"],
        scale=2,
        min_width=120,
        show_label=False,
        container=True,
        render=False,
        key="name",
    )
    assert box.value == "Ada" and box.label == "Name" and box.info == "Your given name"
    assert box.interactive is False and box.livery.props.disabled is True
    assert (box.visible, box.elem_id, box.elem_classes) == (False, "name", ["wide"])
    assert (box.scale, box.min_width, box.container, box.key) == (2, 120, True, "name")
    config = box.get_config()
    assert config["info"] == "Your given name"
    assert config["props"]["disabled"] is True and config["props"]["show_label"] is False
    # As gr.Textbox: the value is the only positional argument.
    with pytest.raises(TypeError):
        Box("Ada", "Name")
    assert Box(disabled=True).interactive is False
    assert Box(interactive=True, disabled=True).livery.props.disabled is False


def test_an_instance_advertises_its_narrowed_schema(kinds: SimpleNamespace) -> None:
    Rating = kinds.Stars.to_gradio()
    assert Rating(stars=5).api_info()["maximum"] == 5
    assert Rating().api_info()["maximum"] == 10


def test_example_cells_are_short_escaped_text_or_a_thumbnail(kinds: SimpleNamespace) -> None:
    entry = kinds.Entry.to_gradio()()
    assert entry.process_example("<b>bold</b> & more") == "&lt;b&gt;bold&lt;/b&gt; &amp; more"
    long = entry.process_example("x" * 200)
    assert long.endswith("…") and len(long) == 60
    card = kinds.Card.to_gradio()()
    assert card.process_example({"title": "Ada", "count": 2}) == "title: Ada, count: 2"
    from livery.component.gradio import example_html

    thumbnail = example_html({"data": "iVBORw0KGgo=", "type": "image/png"})
    assert thumbnail.startswith('<img src="data:image/png;base64,iVBORw0KGgo="')
    assert example_html('data:image/png;base64,AAAA" onerror="x').count('"') == 6  # escaped


def test_an_example_file_is_a_thumbnail_or_its_name(tmp_path: Path) -> None:
    from livery.component.gradio import example_html

    picture, notes = tmp_path / "tiny.png", tmp_path / "notes.txt"
    picture.write_bytes(b"\x89PNG")
    notes.write_text("hello")
    meta = {"_type": "gradio.FileData"}
    image = {"path": str(picture), "url": None, "mime_type": "image/png", "meta": meta}
    assert (
        example_html(image)
        == '<img src="data:image/png;base64,iVBORw==" alt="" style="max-height:4em">'
    )
    text = {"path": str(notes), "orig_name": "notes.txt", "mime_type": "text/plain", "meta": meta}
    assert example_html(text) == "notes.txt"  # the name, never the server's path


def test_any_exception_is_a_one_line_gradio_error(kinds: SimpleNamespace) -> None:
    entry = kinds.Entry.to_gradio()()
    with pytest.raises(gr.Error) as raised:
        entry.preprocess("boom")
    assert raised.value.message == "Entry: preprocess raised KeyError: 'no such word'"
    with pytest.raises(gr.Error) as raised:
        entry.postprocess(object())
    assert raised.value.message.startswith("Entry: postprocess: ")
    assert "\n" not in raised.value.message


# --- a real app ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def app(kinds: SimpleNamespace) -> Iterator[str]:
    Entry, Rating, Card = (kinds.Entry.to_gradio(), kinds.Stars.to_gradio(), kinds.Card.to_gradio())
    with gr.Blocks() as blocks:
        source = Entry(value="Ada", label="Source", elem_id="source")
        output = Entry(label="Output", elem_id="output")
        editable = Entry(label="Editable", interactive=True, elem_id="editable")
        fixed = Entry(value="fixed", label="Fixed", interactive=False, elem_id="fixed")
        Entry(label="Hidden label", show_label=False, elem_id="unlabelled")
        unlock, lock = gr.Button("Unlock", elem_id="unlock"), gr.Button("Lock", elem_id="lock")
        unlock.click(lambda: gr.update(interactive=True), None, fixed)
        lock.click(lambda: gr.update(interactive=False), None, fixed)
        source.change(
            lambda text: (text.upper(), text), source, [output, editable], api_name="shout"
        )
        rating = Rating(stars=5, elem_id="rating")
        rating.change(lambda stars: stars, rating, None, api_name="rate")
        card = Card(label="Card", elem_id="card")
        gr.Examples(
            [[{"title": "Ada", "count": 2}], [{"title": "<i>Grace</i>", "count": 3}]], inputs=[card]
        )
        card.change(lambda value: None, card, None, api_name="card")
    with launch_gradio(blocks, show_error=False) as url:  # a gr.Error reaches the client anyway
        yield url


@pytest.fixture
def page(browser: Any, app: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1000, "height": 900})
    page = context.new_page()
    page.goto(app)
    for name in ("source", "output", "editable", "fixed", "unlabelled", "card"):
        page.wait_for_selector(f"#{name} [data-livery-mounted]", state="attached", timeout=30_000)
    yield page
    context.close()


def model_get(page: Any, elem_id: str, name: str) -> Any:
    return page.evaluate(
        f"document.querySelector('#{elem_id} .livery-root').liveryModel.get({name!r})"
    )


@pytest.mark.browser
def test_an_output_only_component_is_read_only(page: Any) -> None:
    assert page.locator("#source input").is_editable()
    assert not page.locator("#output input").is_editable()
    assert not page.locator("#fixed input").is_editable()
    assert page.locator("#editable input").is_editable()  # interactive=True on an output
    assert model_get(page, "output", "interactive") is False
    assert model_get(page, "editable", "interactive") is True
    assert page.locator("#source .label").text_content() == "Source"
    assert page.locator("#unlabelled .label").text_content() == ""  # show_label=False

    # gr.update(interactive=…) from Python, both ways.
    page.locator("#unlock").click()
    page.wait_for_function("() => !document.querySelector('#fixed input').disabled")
    assert model_get(page, "fixed", "disabled") is False
    page.locator("#lock").click()
    page.wait_for_function("() => document.querySelector('#fixed input').disabled")

    page.locator("#source input").fill("grace")
    page.wait_for_function("() => document.querySelector('#output input').value === 'GRACE'")
    assert page.locator("#editable input").input_value() == "grace"
    assert not page.locator("#output input").is_editable()


@pytest.mark.browser
def test_example_cells_show_text(page: Any) -> None:
    page.get_by_text("title: Ada, count: 2").first.wait_for(timeout=10_000)
    # The value's text is shown as text: escaped, never run as HTML.
    assert page.get_by_text("title: <i>Grace</i>, count: 3").count() >= 1
    assert page.locator("i", has_text="Grace").count() == 0
    assert "[object Object]" not in page.locator("body").inner_text()
    page.get_by_text("title: Ada, count: 2").first.click()
    page.wait_for_function(
        "() => document.querySelector('#card input').value === "
        """'{"title":"Ada","count":2}'"""
    )
    # Gradio rebuilds the block for the example's update: its label and props survive.
    assert page.locator("#card .label").text_content() == "Card"
    assert page.locator("#card input").is_editable()


@pytest.mark.browser
def test_custom_messages_and_commands_round_trip(page: Any) -> None:
    source = page.locator("#source")
    source.locator(".ping").click()
    reply = source.locator("output")
    page.wait_for_function(
        "() => document.querySelector('#source output').textContent.includes('pong')"
    )
    assert reply.text_content() == '{"pong":{"ping":"Ada"}} 3,2,1'

    source.locator(".echo").click()
    page.wait_for_function(
        "() => document.querySelector('#source output').textContent.includes('echo\"')"
    )
    assert reply.text_content() == '{"echo":"ADA"} 9,8,7'

    source.locator("input").fill("fail")
    source.locator(".echo").click()
    page.wait_for_function(
        "() => document.querySelector('#source output').textContent.startsWith('error')"
    )
    assert reply.text_content() == (
        "error: Entry: event 'invoke': echo raised RuntimeError: echo refused"
    )


def test_the_api_client_sees_the_one_line_error_and_the_schema(app: str) -> None:
    from gradio_client import Client

    client = Client(app, verbose=False)
    assert client.predict("ada", api_name="/shout") == ("ADA", "ada")
    with pytest.raises(Exception) as raised:
        client.predict("boom", api_name="/shout")
    assert "Entry: preprocess raised KeyError: 'no such word'" in str(raised.value)
    assert "upstream" not in str(raised.value)
    api = client.view_api(print_info=False, return_format="dict")
    (parameter,) = api["named_endpoints"]["/rate"]["parameters"]
    assert parameter["type"]["maximum"] == 5


def test_a_callable_value_is_computed_on_load(kinds: SimpleNamespace) -> None:
    box = kinds.Entry.to_gradio()(lambda: "computed")
    assert box.value == "computed" and box.livery.value is None


def test_a_prop_named_like_a_gradio_argument_is_both(kinds: SimpleNamespace) -> None:
    Card = kinds.Card.to_gradio()
    default, short = Card(), Card(max_height=100)
    assert default.max_height is None and default.get_config()["props"]["max_height"] == 320
    assert short.max_height == 100 and short.livery.props.max_height == 100
    assert short.get_config()["props"]["max_height"] == 100
