"""Every template, built, in one real Gradio 6 app: what a Gradio user sees of a component.

For each template a row holds an input instance, an instance used only as an output, the
template's example value in ``gr.Examples`` and a button whose handler hands the input's
value to the output. In Chromium:

- the output-only instance is read-only (its model's ``disabled`` is true and no control in
  it takes input), the input stays editable;
- the example cell shows the value as text or a thumbnail, never ``[object Object]``, and a
  click on it puts the example into the input;
- the handler receives the input's value (``preprocess``) and the output shows what it
  returned (``postprocess``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from livery.component.build import BuildResult
from tests.component.projects import NAMES, TEMPLATES, import_built
from tests.component.servers import launch_gradio

pytestmark = [
    pytest.mark.build,
    pytest.mark.browser,
    pytest.mark.interop,
    pytest.mark.filterwarnings("ignore::Warning:gradio.queueing"),
]
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
gr = pytest.importorskip("gradio")

CONTROLS = "input:not(:disabled), button:not(:disabled), textarea:not(:disabled), select"
"""Controls that take input; a read-only component has none (hidden ones do not count)."""


@pytest.fixture(scope="module")
def received() -> dict[str, list[Any]]:
    """What each template's handler received, by template."""
    return {template: [] for template in TEMPLATES}


@pytest.fixture(scope="module")
def app(built: dict[str, BuildResult], received: dict[str, list[Any]]) -> Iterator[str]:
    with gr.Blocks() as blocks:
        for template in TEMPLATES:
            cls = getattr(import_built(built[template], "_in_gradio_"), NAMES[template])
            Box = cls.to_gradio()

            def copy(value: Any, template: str = template) -> Any:
                received[template].append(value)
                return value

            with gr.Row():
                source = Box(label=f"{template} in", elem_id=f"{template}-input")
                shown = Box(label=f"{template} out", elem_id=f"{template}-output")
                gr.Examples([[cls().example_value()]], inputs=[source])
                gr.Button(f"Copy {template}", elem_id=f"{template}-copy").click(copy, source, shown)
    with launch_gradio(blocks) as url:
        yield url


@pytest.fixture(scope="module")
def page(browser: Any, app: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(app)
    for template in TEMPLATES:
        for side in ("input", "output"):
            page.wait_for_selector(
                f"#{template}-{side} .livery-root[data-livery-mounted]",
                state="attached",
                timeout=30_000,
            )
    yield page
    context.close()
    assert problems == []


def model_value(page: Any, template: str, side: str, name: str = "value") -> Any:
    return page.evaluate(
        "([selector, name]) => document.querySelector(selector).liveryModel.get(name)",
        [f"#{template}-{side} .livery-root", name],
    )


def wait_for_value(
    page: Any, template: str, side: str, done: Callable[[Any], bool], seconds: float = 15
) -> Any:
    """The ``side`` instance's value once ``done(value)`` holds (Gradio updates it later)."""
    for _ in range(int(seconds * 20)):
        value = model_value(page, template, side)
        if done(value):
            return value
        page.wait_for_timeout(50)
    raise AssertionError(f"{template} {side}: the value stayed {value!r}")


@pytest.mark.parametrize("template", TEMPLATES)
def test_an_output_only_instance_is_read_only(page: Any, template: str) -> None:
    assert model_value(page, template, "output", "disabled") is True
    assert model_value(page, template, "input", "disabled") is False
    controls = page.locator(f"#{template}-output").locator(CONTROLS)
    assert controls.locator("visible=true").count() == 0


@pytest.mark.parametrize("template", TEMPLATES)
def test_the_example_cell_shows_the_value_and_fills_the_input(
    page: Any, template: str, received: dict[str, list[Any]]
) -> None:
    row = page.locator(".row", has=page.locator(f"#{template}-input"))
    cell = row.locator(".gallery-item, tr.tr-body").first
    cell.wait_for()
    assert "[object Object]" not in cell.inner_text()
    if template == "image":
        assert cell.locator("img").count() == 1
    else:
        assert cell.inner_text().strip()
    before = model_value(page, template, "input")
    cell.click()
    example = wait_for_value(page, template, "input", lambda value: value != before)

    received[template].clear()
    page.locator(f"#{template}-copy").click()
    wait_for_value(page, template, "output", lambda value: value == example)
    assert len(received[template]) == 1
    if template == "image":  # a file Gradio serves, not bytes inside the JSON value
        assert example["mime"] == "image/png"
        assert "/gradio_api/file=" in example["url"]
