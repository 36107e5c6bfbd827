"""Traits, binary values, custom messages and commands: anywidget's contract, in Python and in
the playground.

A component whose ``Value`` has fields ``x``, ``y`` and ``data`` (bytes) has those traits: the
front end reads and sets each by name, hears ``change:x``, gets a ``DataView`` for ``data``,
and every trait is validated by pydantic and reaches the Python handler. ``model.send(content)``
reaches ``on_message``; what Python ``send``s back is heard as ``msg:custom``;
``experimental.invoke`` runs an ``@command`` method. The playground applies answers in the
order the events were sent, so a slow handler's result is not lost to a later echo.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any, ClassVar

import pytest
from pydantic import BaseModel, RootModel

from livery.component import Component, Story, command
from livery.component.playground import Demo
from livery.component.project import Project
from livery.errors import ComponentDefinitionError, HandlerError, PayloadError
from tests.component.servers import serve_playground

FRONT_END = """\
export default {
  render({ model, el, experimental }) {
    const out = document.createElement("output");
    const show = () => {
      const data = model.get("data");
      const bytes = `${data.byteLength}:${data.getUint8(0)}`;
      out.textContent = `${model.get("x")},${model.get("y")} ${bytes}`;
    };
    model.on("change:x", () => { window.heard.push(`x=${model.get("x")}`); show(); });
    model.on("change:y", show);
    model.on("change:data", show);
    model.on("msg:custom", (msg, buffers) => {
      window.heard.push(`msg ${JSON.stringify(msg)} ${buffers.map((b) => b.getUint8(0))}`);
    });
    window.heard = [];
    window.api = { model, experimental };
    show();
    el.append(out);
  },
};
"""


class Point(BaseModel):
    x: float = 0.0
    y: float = 0.0
    data: bytes = b"\x07"


class Pad(Component):
    """A point and a blob: three traits."""

    Value = Point
    events = ("input", "change", "release")
    props: ClassVar[dict[str, Any]] = {"width": 200}

    def on_message(self, content: Any, buffers: list[bytes]) -> None:
        if content == "boom":
            raise RuntimeError("no boom here\nsecond line")
        self.send({"echo": content, "sizes": [len(b) for b in buffers]}, [b"\x2a"])

    @command
    def scale(self, msg: Any, buffers: list[bytes]) -> Any:
        return {"x": msg["x"] * 2}, [bytes([len(buffers)])]

    @command
    def plain(self, msg: Any, buffers: list[bytes]) -> Any:
        return f"hello {msg}"

    @command
    def fails(self, msg: Any, buffers: list[bytes]) -> Any:
        raise KeyError(msg)


# -- Python ----------------------------------------------------------------------------------


def test_the_value_fields_are_the_traits_and_bytes_are_binary() -> None:
    assert Pad.trait_names() == ("x", "y", "data")
    assert Pad.binary_names() == ("data",)
    assert Pad.front_end_spec() == {
        "fields": ["x", "y", "data"],
        "binary": ["data"],
        "events": ["input", "change", "release"],
    }
    assert Pad.command_names() == ("scale", "plain", "fails")


def test_a_root_value_has_no_field_traits_and_bytes_root_is_binary() -> None:
    class Blob(Component):
        Value = RootModel[bytes]

    assert Blob.trait_names() == () and Blob.binary_names() == ("value",)
    blob = Blob(b"\xff\x00")
    assert blob.to_browser(b"\xff\x00") == "/wA="
    assert blob.from_browser("change", "/wA=") == b"\xff\x00"
    assert blob.from_browser("change", "_wA=") == b"\xff\x00"  # URL-safe base64 too


def test_binary_traits_travel_as_base64_and_bad_base64_is_one_line() -> None:
    pad = Pad()
    assert pad.to_browser(Point(x=1, data=b"\xff")) == {"x": 1.0, "y": 0.0, "data": "/w=="}
    assert pad.from_browser("input", {"x": 2.5, "y": 1, "data": "AAE="}) == Point(
        x=2.5, y=1, data=b"\x00\x01"
    )
    with pytest.raises(PayloadError, match=r"^Pad: event 'input': data: .*base64"):
        pad.from_browser("input", {"data": "***"})
    with pytest.raises(PayloadError, match=r"^Pad: event 'input': x: "):
        pad.from_browser("input", {"x": "2"})  # strict: a string is not a number


@pytest.mark.parametrize(
    ("fields", "said"),
    [
        ({"value": (int, 0)}, "cannot be named 'value'"),
        ({"label": (str, "")}, "Value field 'label' has the name of a prop"),
    ],
)
def test_a_trait_named_like_the_value_or_a_prop_is_refused(fields: dict, said: str) -> None:
    from pydantic import create_model

    model = create_model("Clash", **fields)
    with pytest.raises(ComponentDefinitionError, match=said):

        class Clash(Component):
            Value = model


def test_messages_reach_on_message_and_replies_queue_in_order() -> None:
    pad = Pad()
    pad.receive_message("hi", [b"ab", b"c"])
    pad.send("second")
    assert pad.take_messages() == [({"echo": "hi", "sizes": [2, 1]}, [b"\x2a"]), ("second", [])]
    assert pad.take_messages() == []
    with pytest.raises(
        HandlerError,
        match=r"^Pad: event 'msg:custom': on_message raised "
        r"RuntimeError: no boom here$",
    ):
        pad.receive_message("boom", [])


def test_commands_answer_with_a_response_and_buffers() -> None:
    pad = Pad()
    assert pad.invoke("scale", {"x": 2}, [b"a", b"b"]) == ({"x": 4}, [b"\x02"])
    assert pad.invoke("plain", "you", []) == ("hello you", [])
    with pytest.raises(PayloadError, match=r"no command 'nope' \(commands: scale, plain, fails\)"):
        pad.invoke("nope", None, [])
    with pytest.raises(HandlerError, match=r"^Pad: event 'invoke': fails raised KeyError: 'k'$"):
        pad.invoke("fails", "k", [])


# -- the playground --------------------------------------------------------------------------

received: list[Any] = []


def keep(point: Point) -> Point:
    received.append(point)
    return point


def slow_double(point: Point) -> Point:
    time.sleep(0.4)
    return point.model_copy(update={"x": point.x * 2})


@pytest.fixture
def pad_page(browser: Any, tmp_path: Path) -> Iterator[Callable[..., Any]]:
    (tmp_path / "index.js").write_text(FRONT_END, encoding="utf-8")
    Pad.template_dir = tmp_path
    context = browser.new_context()
    problems: list[str] = []
    with ExitStack() as stack:

        def _open(*stories: Story) -> Any:
            project = Project(tmp_path, "pad", tmp_path / "index.js", None)
            url = stack.enter_context(serve_playground(Demo(project, Pad, stories)))
            page = context.new_page()
            page.on("pageerror", lambda error: problems.append(str(error)))
            page.goto(url)
            page.wait_for_selector("body[data-ready=true]")
            return page

        yield _open
        context.close()
    Pad.template_dir = None
    received.clear()
    assert problems == []


def run(page: Any, script: str) -> Any:
    return page.evaluate(
        f"async () => {{ const {{ model, experimental }} = window.api; {script} }}"
    )


@pytest.mark.browser
def test_each_trait_is_read_set_heard_and_reaches_python(pad_page: Callable[..., Any]) -> None:
    page = pad_page(Story("point", value=Point(x=1, y=2, data=b"\x05\x06"), handler=keep))
    output = page.locator(".story-mount output")
    assert output.inner_text() == "1,2 2:5"
    run(page, 'model.set("x", 3); model.set("data", new Uint8Array([9, 8, 7]));')
    assert output.inner_text() == "3,2 3:9"
    assert page.evaluate("() => window.heard") == ["x=3"]
    run(page, "model.save_changes(); await model.pending;")
    # save_changes fires input and change, as in Gradio; the handler runs on the first event
    assert received == [Point(x=3, y=2, data=b"\x09\x08\x07")]
    assert run(page, 'return model.get("data") instanceof DataView') is True


@pytest.mark.browser
def test_custom_messages_and_commands_round_trip(pad_page: Callable[..., Any]) -> None:
    page = pad_page(Story("point", value=Point()))
    run(
        page,
        "await model.send({ hello: 1 }, undefined, [new Uint8Array([1, 2])]); await model.pending;",
    )
    assert page.evaluate("() => window.heard") == ['msg {"echo":{"hello":1},"sizes":[2]} 42']
    answer = run(
        page,
        'const [response, buffers] = await experimental.invoke("scale", { x: 4 }, '
        "{ buffers: [new Uint8Array([1]), new ArrayBuffer(2)] });"
        "return [response, buffers.map((b) => b.getUint8(0))];",
    )
    assert answer == [{"x": 8}, [2]]
    said = run(page, 'return experimental.invoke("fails", "k").catch((e) => e.message);')
    assert said == "Pad: event 'invoke': fails raised KeyError: 'k'"


@pytest.mark.browser
def test_answers_apply_in_the_order_events_were_sent(pad_page: Callable[..., Any]) -> None:
    """The slider story: a slow ``release`` handler's result must survive the ``input`` echo
    that was sent after it and answered first."""
    page = pad_page(Story("slow", value=Point(x=1), handler=slow_double, event="release"))
    run(
        page,
        'model.set("x", 5); model.send("release"); model.set("y", 1); '
        'model.send("input"); await model.pending;',
    )
    assert (
        page.locator(".story-mount output").inner_text() == "10,0 1:7"
    )  # the handler's result, as Gradio applies an output
    assert page.locator('[data-story="slow"]').get_attribute("data-status") == "ok"


@pytest.mark.browser
def test_a_component_may_style_its_element_under_the_playground_policy(
    pad_page: Callable[..., Any],
) -> None:
    page = pad_page(Story("point", value=Point()))
    color = run(
        page,
        'const div = document.createElement("div");'
        'div.innerHTML = `<span style="color: rgb(1, 2, 3)">x</span><style>.q{}</style>`;'
        "document.body.append(div);"
        "return getComputedStyle(div.querySelector('span')).color;",
    )
    assert color == "rgb(1, 2, 3)"
