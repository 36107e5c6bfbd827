"""The ``range`` template, built, in real hosts: two thumbs a keyboard moves, ``low`` never
past ``high``, and Python handlers that receive a ``(low, high)`` tuple.

- a standalone page (no Python): each thumb is a labelled slider the arrow keys move, every
  move sends ``change`` with both ends, and a thumb pushed against the other stays put;
- the playground: a move goes through Python (the story's handler gets the tuple and its
  answer comes back into the thumbs);
- a Gradio 6 app: a ``.change`` handler gets the tuple.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from livery.component import Component
from livery.component.build import BuildResult
from livery.component.playground import load_demo
from livery.component.standalone import mount_html
from tests.component.projects import NAMES, import_built
from tests.component.servers import launch_gradio, serve_playground
from tests.component.test_playground import own_imports

pytestmark = [pytest.mark.build, pytest.mark.browser]


@pytest.fixture(scope="module")
def Range(built: dict[str, BuildResult]) -> type[Component]:
    """The built range project's component class."""
    return getattr(import_built(built["range"], "_range_test_"), NAMES["range"])


@pytest.fixture
def mount(themed_page: Callable[..., Any]) -> Callable[[Component], Any]:
    """``mount(instance)``: a themed page with the component mounted from its build."""

    def _mount(instance: Component) -> Any:
        page = themed_page("default", "light", html=mount_html(instance), css=type(instance).css())
        page.wait_for_selector("[data-livery-mounted], [data-livery-error]", state="attached")
        assert page.get_attribute("#livery-root", "data-livery-error") is None
        return page

    return _mount


def sent(page: Any) -> list[dict[str, Any]]:
    """What the front end sent, in order (the standalone host records it)."""
    return page.evaluate("() => window.liveryEvents")


def test_each_thumb_moves_by_keyboard_and_python_gets_the_pair(Range, mount) -> None:
    price = Range(value=(20, 60), label="Price", minimum=0, maximum=100, step=5)
    page = mount(price)
    low = page.get_by_role("slider", name="Price: low")
    high = page.get_by_role("slider", name="Price: high")
    assert (low.input_value(), high.input_value()) == ("20", "60")

    low.press("ArrowRight")
    high.press("ArrowLeft")
    high.press("ArrowLeft")
    assert sent(page) == [
        {"event": "change", "value": {"low": 25, "high": 60}},
        {"event": "change", "value": {"low": 25, "high": 55}},
        {"event": "change", "value": {"low": 25, "high": 50}},
    ]
    assert page.locator("output").inner_text() == "25 – 50"
    assert price.from_browser("change", sent(page)[-1]["value"]) == (25.0, 50.0)
    low.press("Home")
    high.press("End")
    assert price.from_browser("change", sent(page)[-1]["value"]) == (0.0, 100.0)


def test_low_cannot_pass_high(Range, mount) -> None:
    page = mount(Range(value=(40, 45), label="Price", step=5))
    low = page.get_by_role("slider", name="Price: low")
    high = page.get_by_role("slider", name="Price: high")

    low.press("ArrowRight")  # up to high: both ends meet
    low.press("ArrowRight")  # and no further
    low.press("End")
    high.press("ArrowLeft")  # high cannot go below low either
    assert sent(page) == [{"event": "change", "value": {"low": 45, "high": 45}}]
    assert (low.input_value(), high.input_value()) == ("45", "45")

    high.press("ArrowRight")
    low.press("End")  # as far as high has gone
    assert sent(page)[-1] == {"event": "change", "value": {"low": 50, "high": 50}}


def test_a_value_less_instance_starts_at_both_ends(Range, mount) -> None:
    page = mount(Range(label="Price", minimum=10, maximum=20))
    assert page.locator("output").inner_text() == "–"
    page.get_by_role("slider", name="Price: high").press("ArrowLeft")
    assert sent(page) == [{"event": "change", "value": {"low": 10, "high": 19}}]


def test_a_disabled_range_takes_no_input(Range, mount) -> None:
    page = mount(Range(value=(2, 6), label="Hours", maximum=12, disabled=True))
    assert page.get_by_role("slider").count() == 2
    for thumb in page.get_by_role("slider").all():
        assert thumb.is_disabled()


def test_the_playground_runs_the_story_handler_on_the_pair(
    built: dict[str, BuildResult], browser: Any
) -> None:
    """The "with a value" story keeps the ends at least ten apart: pushing low up to high
    sends (60, 60) and Python answers (60, 70), which moves the high thumb."""
    with (
        own_imports("demo_range"),
        serve_playground(load_demo(built["range"].project.root)) as url,
    ):
        page = browser.new_page()
        page.goto(url)
        page.wait_for_selector("body[data-ready=true]")
        section = page.locator('[data-story="with-a-value"]')
        section.get_by_role("slider", name="Price: low").press("End")
        high = section.get_by_role("slider", name="Price: high")
        page.wait_for_function(
            """() => document.querySelector(
                '[data-story="with-a-value"] .story-mount').liveryModel.get("high") === 70"""
        )
        assert high.input_value() == "70"
        assert json.loads(section.locator(".story-json").inner_text()) == {"low": 60, "high": 70}
        page.close()


@pytest.fixture
def gradio_app(Range: type[Component]) -> Iterator[tuple[str, list[Any]]]:
    """A Gradio 6 app with one range whose ``change`` handler records what it receives."""
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    gr = pytest.importorskip("gradio")
    received: list[Any] = []

    def describe(ends: Any) -> str:
        received.append(ends)
        low, high = ends
        return f"{low:g} to {high:g}"

    with gr.Blocks() as blocks:
        price = Range.to_gradio()(value=(20, 60), label="Price", elem_id="price")
        summary = gr.Textbox(label="Chosen", elem_id="summary")
        price.change(describe, price, summary)
    with launch_gradio(blocks) as url:
        yield url, received


@pytest.mark.interop
@pytest.mark.filterwarnings("ignore::Warning:gradio.queueing")
def test_a_gradio_handler_gets_the_pair(gradio_app: tuple[str, list[Any]], browser: Any) -> None:
    url, received = gradio_app
    page = browser.new_page()
    page.goto(url)
    page.wait_for_selector("#price .livery-root[data-livery-mounted]", timeout=30_000)
    page.locator("#price").get_by_role("slider", name="Price: low").press("ArrowRight")
    page.wait_for_function(
        "() => document.querySelector('#summary textarea').value === '21 to 60'",
        timeout=15_000,
    )
    assert received == [(21.0, 60.0)]
    page.close()
