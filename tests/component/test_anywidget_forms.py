"""Real anywidget front ends mount unchanged in Livery's hosts, in all three module forms.

The corpus (``anywidget_corpus/``, vendored verbatim, see its README) covers
``export default { render }``, an older named ``export function render``, and
``export default () => ({ initialize, render })``. Each mounts in a real Chromium through the
standalone page (``mount_html`` → ``mountSource``), and a click or ``model.set`` +
``save_changes`` reaches the host; the Gradio host (``mount_script``, played by a page that
calls ``js_on_load`` the way ``gr.HTML`` does) and the playground (a real server, every
event a round trip through Python) run ``initialize`` once before ``render`` too.
A module exporting nothing usable fails with one line naming what it does export.

No Node.js: a hand-made "bundle" is the corpus file minus its CSS import (what esbuild does).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest
from pydantic import RootModel

from livery.component import Component, Story
from livery.component.gradio import mount_script
from livery.component.playground import Demo
from livery.component.project import Project
from livery.component.standalone import mount_html
from tests.component.servers import serve_playground

CORPUS = Path(__file__).parent / "anywidget_corpus"
ROOT = "#livery-root"
EXPECTED = (
    "an anywidget front end exports default { render } (or { initialize, render }), "
    "a default function returning it, or a named render function"
)

# Not corpus: counts the hooks' calls and cleanups, so the order can be asserted.
PROBE = """\
const log = (window.hookLog ??= []);
export default async () => {
  log.push("setup");
  return {
    initialize({ model, experimental }) {
      log.push(`initialize ${model.get("value")} ${typeof experimental.invoke}`);
      model.on("change:value", () => log.push(`heard ${model.get("value")}`));
      return Promise.resolve(() => log.push("initialize cleanup"));
    },
    render({ model, el, experimental }) {
      log.push(`render ${typeof experimental.invoke}`);
      el.textContent = "probe";
      return () => log.push("render cleanup");
    },
  };
};
"""


def bundle(source: str) -> str:
    """What a bundler makes of a front end: its CSS imports go to the stylesheet."""
    return re.sub(r'^import "[^"]+\.css";\n', "", source, flags=re.MULTILINE)


def component(tmp_path: Path, source: str, value: type = int) -> type[Component]:
    """A component whose built front end is ``source``."""
    folder = tmp_path / "built"
    folder.mkdir(exist_ok=True)
    (folder / "index.js").write_text(bundle(source), encoding="utf-8")

    class Widget(Component):
        Value = RootModel[value]  # type: ignore[valid-type]
        events = ("change",)
        template_dir = folder

    return Widget


def corpus(name: str) -> str:
    return (CORPUS / name).read_text(encoding="utf-8")


def mounted(page: Any, selector: str = ROOT) -> Any:
    page.wait_for_selector(f"{selector}[data-livery-mounted]", state="attached")
    return page


def events(page: Any) -> Any:
    return page.evaluate("() => window.liveryEvents")


# --- the corpus on the standalone page -----------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("name", ["create_anywidget_vanilla.js", "readme_named_render.js"])
def test_a_counter_mounts_and_its_click_reaches_the_host(
    open_page: Callable[..., Any], tmp_path: Path, name: str
) -> None:
    page = mounted(open_page(mount_html(component(tmp_path, corpus(name))(0))))
    button = page.locator(f"{ROOT} button")
    assert button.inner_text() == "count is 0"
    button.click()
    button.click()
    assert button.inner_text() == "count is 2"
    assert events(page) == [{"event": "change", "value": 1}, {"event": "change", "value": 2}]


@pytest.mark.browser
def test_the_template_widget_keeps_its_class(open_page: Callable[..., Any], tmp_path: Path) -> None:
    widget = component(tmp_path, corpus("create_anywidget_vanilla.js"))
    page = mounted(open_page(mount_html(widget(0))))
    assert "counter" in page.locator(ROOT).get_attribute("class").split()


@pytest.mark.browser
def test_initialize_runs_before_render_and_both_hear_model_set(
    open_page: Callable[..., Any], tmp_path: Path
) -> None:
    """The blog's history widget: ``initialize``'s listener, registered first, has pushed the
    new value by the time ``render``'s listener shows the history."""
    widget = component(tmp_path, corpus("blog_value_history.js"))
    page = mounted(open_page(mount_html(widget(0))))
    root = page.locator(ROOT)
    assert root.inner_text() == "The history is"
    for value in (1, 2):
        page.evaluate(
            """(value) => {
              const model = document.querySelector("#livery-root").liveryModel;
              model.set("value", value);
              model.save_changes();
            }""",
            value,
        )
    assert root.inner_text() == "The history is 1,2"
    assert events(page) == [{"event": "change", "value": 1}, {"event": "change", "value": 2}]


@pytest.mark.browser
def test_hooks_run_once_in_order_and_cleanup_undoes_both(
    open_page: Callable[..., Any], tmp_path: Path
) -> None:
    page = mounted(open_page(mount_html(component(tmp_path, PROBE)(5))))
    assert page.locator(ROOT).inner_text() == "probe"
    page.evaluate("() => document.querySelector('#livery-root').liveryModel.set('value', 6)")
    page.evaluate("() => document.querySelector('#livery-root').liveryCleanup()")
    assert page.evaluate("() => window.hookLog") == [
        "setup",
        "initialize 5 function",
        "render function",
        "heard 6",
        "render cleanup",
        "initialize cleanup",
    ]


# --- a module that is not a front end ------------------------------------------------------


def failure(open_page: Callable[..., Any], tmp_path: Path, source: str) -> str:
    page = open_page(mount_html(component(tmp_path, source)(0)), errors=True)
    page.wait_for_selector(f"{ROOT}[data-livery-error]", state="attached")
    return page.locator(ROOT).get_attribute("data-livery-error").splitlines()[0]


@pytest.mark.browser
@pytest.mark.parametrize(
    ("source", "said"),
    [
        ("export const foo = 1;\nexport function bar() {}\n", "the module exports bar, foo"),
        ("console.log('no exports');\n", "the module exports nothing"),
        ("export default { view() {} };\n", "the module exports default (default { view })"),
        ("export function initialize() {}\n", "the module exports initialize"),
        (
            "export default async () => ({ draw() {} });\n",
            "the module exports default, and its default function returned { draw }",
        ),
    ],
)
def test_a_module_with_no_render_says_what_it_exports_in_one_line(
    open_page: Callable[..., Any], tmp_path: Path, source: str, said: str
) -> None:
    assert failure(open_page, tmp_path, source) == f"Error: {said}; {EXPECTED}"


# --- the Gradio host -----------------------------------------------------------------------

GRADIO_HOST = """\
(script) => {
  // What gr.HTML gives js_on_load: the element, trigger, a props proxy, server, upload, watch.
  const element = document.getElementById("host");
  const props = { value: 0 };
  window.triggered = [];
  const trigger = (event, data) => window.triggered.push([event, data ?? null]);
  const watch = () => {};
  Function("element", "trigger", "props", "server", "upload", "watch", script)(
    element, trigger, props, {}, null, watch,
  );
}
"""


@pytest.mark.browser
def test_gradio_host_runs_initialize_once_before_render(
    open_page: Callable[..., Any], tmp_path: Path
) -> None:
    page = open_page('<div id="host"><div class="livery-root"></div></div>')
    page.evaluate(GRADIO_HOST, mount_script(component(tmp_path, PROBE)(0)))
    mounted(page, "#host .livery-root")
    assert page.evaluate("() => window.hookLog") == [
        "setup",
        "initialize 0 function",
        "render function",
    ]


@pytest.mark.browser
def test_gradio_host_mounts_the_named_render_counter(
    open_page: Callable[..., Any], tmp_path: Path
) -> None:
    page = open_page('<div id="host"><div class="livery-root"></div></div>')
    page.evaluate(
        GRADIO_HOST, mount_script(component(tmp_path, corpus("readme_named_render.js"))(0))
    )
    mounted(page, "#host .livery-root")
    page.locator("#host button").click()
    assert page.locator("#host button").inner_text() == "count is 1"
    assert page.evaluate("() => window.triggered") == [["input", None]]


# --- the playground ------------------------------------------------------------------------


@pytest.fixture
def playground(browser: Any, tmp_path: Path) -> Iterator[Callable[[str], Any]]:
    """``playground(source)``: the playground page on a free loopback port, showing one story
    (value 0) of a component built from ``source``; a console error fails the test."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    problems: list[str] = []
    with ExitStack() as servers:

        def _open(source: str) -> Any:
            widget = component(tmp_path, source)
            project = Project(tmp_path, "widget", tmp_path / "index.js", None)
            url = servers.enter_context(
                serve_playground(Demo(project, widget, (Story("at zero", value=0),)))
            )
            page = context.new_page()
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda error: problems.append(str(error)))
            page.goto(url)
            page.wait_for_selector("body[data-ready=true]")
            return page

        yield _open
        context.close()
    assert problems == []


@pytest.mark.browser
def test_playground_runs_initialize_once_before_render(
    playground: Callable[[str], Any],
) -> None:
    page = playground(PROBE)
    story = page.locator('[data-story="at-zero"]')
    assert story.locator(".story-mount").inner_text() == "probe"
    assert page.evaluate("() => window.hookLog") == [
        "setup",
        "initialize 0 function",
        "render function",
    ]


@pytest.mark.browser
def test_playground_history_widget_round_trips_through_python(
    playground: Callable[[str], Any],
) -> None:
    page = playground(corpus("blog_value_history.js"))
    story = page.locator('[data-story="at-zero"]')
    page.evaluate(
        """() => {
          const model = document.querySelector('[data-story="at-zero"] .story-mount').liveryModel;
          model.set("value", 3);
          model.save_changes();
        }"""
    )
    page.wait_for_selector('[data-story="at-zero"][data-status=ok]')
    assert story.locator(".story-mount").inner_text() == "The history is 3"
    assert story.locator(".story-json").inner_text() == "3"
