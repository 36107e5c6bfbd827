"""``Component.to_gradio()`` in a real Gradio 6 app, driven by Chromium.

The built ``text`` component is mounted twice in a ``gr.Blocks``: typing into the first
reaches a Python ``.change`` handler with the preprocessed value, whose output updates the
second; Enter reaches ``.submit``. A value the component's model refuses never reaches the
handler: Gradio shows the one-line error instead.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from typing import Any

import pytest

from livery.component import Component, PropsError
from livery.component.build import BuildResult
from tests.component.projects import import_built
from tests.component.servers import launch_gradio

pytestmark = [
    pytest.mark.interop,
    pytest.mark.build,
    pytest.mark.filterwarnings("ignore::Warning:gradio.queueing"),  # pandas deprecations
]
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
gr = pytest.importorskip("gradio")


@pytest.fixture(scope="module")
def text_class(built: dict[str, BuildResult]) -> type[Component]:
    """``DemoText`` imported from the built project's backend/."""
    return import_built(built["text"], "_gradio_test_").DemoText


# --- without a browser ---------------------------------------------------------------------


def test_to_gradio_is_a_cached_gr_html_subclass(text_class: type[Component]) -> None:
    Box = text_class.to_gradio()
    assert Box is text_class.to_gradio()
    assert issubclass(Box, gr.HTML) and Box.__name__ == "DemoText"
    assert Box.livery_component is text_class
    box = Box(value="Ada", label="Name", placeholder="Type", elem_id="name")
    assert box.value == "Ada" and box.label == "Name" and box.elem_id == "name"
    assert box.props == {"disabled": False, "error": None, "placeholder": "Type"}
    assert box.api_info() == text_class.api_info()
    assert box.example_value() == "Hello, Livery"
    assert '"submit"' in box.js_on_load and "livery-root" in box.html_template
    assert callable(box.submit) and callable(box.change)


def test_values_go_through_the_component(text_class: type[Component]) -> None:
    box = text_class.to_gradio()()
    assert box.preprocess("grace") == "grace"
    assert box.preprocess(None) == ""
    assert box.postprocess(42) == "42"
    with pytest.raises(gr.Error, match=r"DemoText: value: Input should be a valid string"):
        box.preprocess(5)
    with pytest.raises(PropsError, match="unknown prop 'colour'"):
        text_class.to_gradio()(colour="red")


def test_no_stub_file_is_written_into_the_package(text_class: type[Component]) -> None:
    package = os.path.dirname(sys.modules[text_class.__module__].__file__)
    assert not [name for name in os.listdir(package) if name.endswith(".pyi")]


def test_a_missing_gradio_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from livery.component.gradio import import_gradio
    from livery.errors import GradioMissingError

    monkeypatch.setitem(sys.modules, "gradio", None)
    with pytest.raises(GradioMissingError, match=r"pip install 'livery-sdk\[gradio\]'"):
        import_gradio()


# --- a real app ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def app(text_class: type[Component]) -> Iterator[tuple[str, list[Any]]]:
    Box = text_class.to_gradio()
    calls: list[Any] = []

    def shout(text: str) -> str:
        calls.append(("change", text))
        return text.upper()

    def submitted(text: str) -> None:
        calls.append(("submit", text))

    with gr.Blocks() as blocks:
        name = Box(value="Ada", label="Name", placeholder="Type a name", elem_id="name")
        shouted = Box(label="Shouted", elem_id="shouted")
        name.change(shout, name, shouted)
        name.submit(submitted, name, None)
    with launch_gradio(blocks) as url:
        yield url, calls


@pytest.fixture
def page(browser: Any, app: tuple[str, list[Any]]) -> Iterator[Any]:
    url, calls = app
    calls.clear()
    context = browser.new_context(viewport={"width": 1000, "height": 700})
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector("#shouted [data-livery-mounted]", state="attached", timeout=30_000)
    page.wait_for_selector("#name [data-livery-mounted]", state="attached", timeout=30_000)
    yield page
    context.close()


@pytest.mark.browser
def test_typing_reaches_python_and_updates_the_other_component(
    page: Any, app: tuple[str, list[Any]]
) -> None:
    _, calls = app
    name, shouted = page.locator("#name input"), page.locator("#shouted input")
    assert name.input_value() == "Ada" and shouted.input_value() == ""
    # As a Gradio component: an input stays editable, an output-only one is read-only.
    assert name.is_editable() and not shouted.is_editable()
    assert page.get_by_text("Shouted").is_visible()
    assert name.get_attribute("placeholder") == "Type a name"
    # The component's stylesheet is in the page, once.
    assert page.locator('style[data-livery-component="DemoText"]').count() == 1

    name.fill("grace hopper")
    page.wait_for_function(
        "() => document.querySelector('#shouted input').value === 'GRACE HOPPER'"
    )
    assert ("change", "grace hopper") in calls
    name.press("Enter")
    wait_until(lambda: ("submit", "grace hopper") in calls)


def wait_until(condition: Any, timeout_s: float = 10) -> None:
    """Wait for something Python-side that the page cannot observe (a handler's call)."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


@pytest.mark.browser
def test_a_refused_value_never_reaches_the_handler(page: Any, app: tuple[str, list[Any]]) -> None:
    _, calls = app
    page.evaluate("document.querySelector('#name .livery-root').liveryModel.set('value', 12345)")
    error = page.get_by_text("Input should be a valid string (got 12345)")
    error.first.wait_for(timeout=10_000)
    assert not [call for call in calls if call[0] == "change"]
    assert page.locator("#shouted input").input_value() == ""
