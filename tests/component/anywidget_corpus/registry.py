"""The corpus as test data: every vendored front end, its component, and what a user does.

One ``Entry`` per front end, host-agnostic, so every host's test (playground, standalone,
Gradio here; Jupyter and marimo in ``tests/component/hosts/``) runs the same list:

- ``component(folder, cache)``: the Livery class, its ``template_dir`` ``folder`` holding
  the bundled ``index.js`` (+ ``style.css``); ``write_module(folder, cache)`` writes
  ``<module>.py`` + ``templates/`` instead, for a kernel to import (it imports the classes
  from ``tests.component.anywidget_corpus.widgets``: run it with the repository on its path);
- ``rendered(el)``: waits until the widget shows its initial state (``el`` is a Playwright
  locator for the element the widget renders into);
- ``interact(el)``: what a user does; ``expected``: the value Python then receives, as JSON
  (``to_browser`` of it) — for ``kind="message"``/``"command"`` it is what ``on_message`` /
  the command received (``calls`` of the class);
- ``update`` + ``shows(el)``: a Python-side value and the widget showing it (``None`` for the
  front ends that hold no visible value);
- ``console``: a line the front end logs (the message and command examples only log).

Bundling: every front end but the React one is its file minus its CSS import (what esbuild
does); the React template needs a real build, ``npm`` + the Livery bundler, once per cache.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from livery.component import Component
from livery.component.base import CSS_FILE, JS_FILE
from tests.component.anywidget_corpus import widgets

CORPUS = Path(__file__).parent
REPOSITORY = CORPUS.parents[2]
Locator = Any
"""A Playwright ``Locator`` (the element the widget renders into)."""

REACT_PACKAGES = {"@anywidget/react": "^0.2.2", "react": "^19.0.0", "react-dom": "^19.0.0"}
"""What create-anywidget's React template depends on (``dependencies`` in ``create.js``)."""
ESBUILD = "~0.28.2"


def _text(el: Locator, text: str) -> None:
    """Wait until ``el`` shows ``text`` (one element's whole text); say what it shows if not."""
    try:
        el.get_by_text(text, exact=True).first.wait_for(state="visible", timeout=15_000)
    except Exception:
        raise AssertionError(f"expected {text!r}, the widget shows {el.inner_text()!r}") from None


def _set_value(value: Any) -> Callable[[Locator], None]:
    def interact(el: Locator) -> None:
        el.evaluate(
            "(el, value) => { el.liveryModel.set('value', value); el.liveryModel.save_changes(); }",
            value,
        )

    return interact


def _send(content: Any) -> Callable[[Locator], None]:
    def interact(el: Locator) -> None:
        el.evaluate("(el, content) => el.liveryModel.send(content)", content)

    return interact


def _click(selector: str, x: float | None = None, y: float | None = None) -> Callable[..., None]:
    def interact(el: Locator) -> None:
        target = el.locator(selector).first
        target.click(position=None if x is None else {"x": x, "y": y})

    return interact


_TAP = """(target, [x, y]) => {
  const box = target.getBoundingClientRect(); // (x, y) is inside the border, as offsetX is
  const clientX = box.left + target.clientLeft + x;
  const clientY = box.top + target.clientTop + y;
  const at = { bubbles: true, cancelable: true, clientX, clientY };
  target.dispatchEvent(new MouseEvent("mousedown", at));
  target.dispatchEvent(new MouseEvent("mouseup", at));
}"""


def _tap(selector: str, x: float, y: float) -> Callable[[Locator], None]:
    """A click whose press and release happen in one task.

    Slider2D redraws from the model only while no drag is on: with Playwright's click, press
    and release are separate commands, and a host that answers between them (the playground
    does, locally) has its answer drawn only on the next change. A user's click is slower than
    the playground, a test's is not, hence one task.
    """

    def interact(el: Locator) -> None:
        el.locator(selector).first.evaluate(_TAP, [x, y])

    return interact


@dataclass(frozen=True)
class Entry:
    """One vendored front end and how a test drives it."""

    name: str
    files: tuple[str, ...]
    """Corpus files: the front end, then its stylesheet if any."""
    base: type[Component]
    value: Any
    rendered: Callable[[Locator], None]
    interact: Callable[[Locator], None]
    expected: Any
    update: Any = None
    shows: Callable[[Locator], None] | None = None
    props: dict[str, Any] = field(default_factory=dict)
    kind: str = "value"
    """``value``: the interaction changes the value; ``message``/``command``: it sends one."""
    console: str | None = None
    needs_build: bool = False
    shows_initial: bool = True
    """Whether an instance created with ``update`` shows it too (the history widget shows
    only the changes it heard)."""

    def assets(self, cache: Path) -> tuple[str, str]:
        """The bundled ES module and stylesheet (``cache``: where a build keeps node_modules)."""
        if self.needs_build:
            return build_react(self.files, cache)
        js = strip_css_imports((CORPUS / self.files[0]).read_text(encoding="utf-8"))
        css = "".join((CORPUS / name).read_text(encoding="utf-8") for name in self.files[1:])
        return js, css

    def write_templates(self, folder: Path, cache: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        js, css = self.assets(cache)
        (folder / JS_FILE).write_text(js, encoding="utf-8")
        if css:
            (folder / CSS_FILE).write_text(css, encoding="utf-8")
        return folder

    def component(self, folder: Path, cache: Path) -> type[Component]:
        """The component class, its built front end in ``folder``."""
        built = self.write_templates(folder, cache)
        return type(self.base.__name__, (self.base,), {"template_dir": built})

    def instance(self, folder: Path, cache: Path, value: Any = ...) -> Component:
        chosen = self.value if value is ... else value
        return self.component(folder, cache)(chosen, **self.props)

    def write_module(self, folder: Path, cache: Path, module: str | None = None) -> Path:
        """``folder/<module>.py`` defining the class over ``folder/templates/`` (what a kernel
        imports with ``folder`` on its path); returns the module's path. The module puts the
        repository on ``sys.path`` first: the classes live in its ``tests`` package."""
        name = module or f"corpus_{self.name}"
        self.write_templates(folder / "templates", cache)
        base = self.base.__name__
        path = folder / f"{name}.py"
        path.write_text(
            f'"""The corpus entry {self.name!r} as an importable module."""\n\n'
            "import sys\n\n"
            f"if {str(REPOSITORY)!r} not in sys.path:\n"
            f"    sys.path.insert(0, {str(REPOSITORY)!r})\n\n"
            f"from tests.component.anywidget_corpus.widgets import {base} as _Base  # noqa: E402\n"
            "\n\n"
            f"class {base}(_Base):\n"
            f'    """{base} over the bundled front end in templates/."""\n',
            encoding="utf-8",
        )
        return path


def strip_css_imports(source: str) -> str:
    """What a bundler makes of a front end's CSS imports: they go to the stylesheet."""
    return re.sub(r'^import "[^"]+\.css";\n', "", source, flags=re.MULTILINE)


def build_react(files: tuple[str, ...], cache: Path) -> tuple[str, str]:
    """create-anywidget's React template bundled by Livery's own npm + esbuild steps.

    ``cache`` is a Livery-like project (package.json, jsconfig.json for the automatic JSX
    runtime, the template under ``frontend/``): npm runs only when package.json changes.
    """
    from livery._node import find_node
    from livery.component.bundle import bundle
    from livery.component.project import Project
    from tests.npm_packages import npm_folder

    jsx = {"compilerOptions": {"jsx": "react-jsx"}}
    dependencies = {**REACT_PACKAGES, "esbuild": ESBUILD}
    npm_folder(cache, "corpus-react", dependencies, {"jsconfig.json": json.dumps(jsx) + "\n"})
    frontend = cache / "frontend"
    frontend.mkdir(exist_ok=True)
    entry = frontend / "widget.jsx"  # the name the template gives it, next to widget.css
    shutil.copyfile(CORPUS / files[0], entry)
    shutil.copyfile(CORPUS / files[1], frontend / "widget.css")
    project = Project(cache, "corpus_react", entry, None)
    out = cache / "out"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    bundle(project, out, find_node)
    css = out / "index.css"  # esbuild moves the CSS import here
    return (out / JS_FILE).read_text(encoding="utf-8"), (
        css.read_text(encoding="utf-8") if css.is_file() else ""
    )


def _counter(name: str, files: tuple[str, ...], **extra: Any) -> Entry:
    return Entry(
        name=name,
        files=files,
        base=widgets.ValueCounter,
        value=0,
        rendered=lambda el: _text(el, "count is 0"),
        interact=_click("button"),
        expected=1,
        update=10,
        shows=lambda el: _text(el, "count is 10"),
        **extra,
    )


ENTRIES: tuple[Entry, ...] = (
    _counter("vanilla_template", ("create_anywidget_vanilla.js",)),
    _counter("readme_named_render", ("readme_named_render.js",)),
    _counter(
        "react_template",
        ("create_anywidget_react.jsx", "create_anywidget_widget.css"),
        needs_build=True,
    ),
    Entry(
        name="docs_count_trait",
        files=("docs_counter_count.js",),
        base=widgets.DocsCounter,
        value={"count": 0},
        rendered=lambda el: _text(el, "count is 0"),
        interact=_click("button"),
        expected={"count": 1},
        update={"count": 10},
        shows=lambda el: _text(el, "count is 10"),
    ),
    Entry(
        name="blog_initialize_history",
        files=("blog_value_history.js",),
        base=widgets.ValueCounter,
        value=0,
        rendered=lambda el: _text(el, "The history is"),
        interact=_set_value(3),
        expected=3,
        update=7,
        shows=lambda el: el.filter(has_text=re.compile(r"The history is .*7")).wait_for(),
        shows_initial=False,
    ),
    Entry(
        name="wigglystuff_knob",
        files=("wigglystuff_knob.js", "wigglystuff_knob.css"),
        base=widgets.Knob,
        value=0.0,
        props={"label": "Gain"},
        rendered=lambda el: _text(el, "0"),
        # The top of the 270° sweep is its middle: 50 of 0..100.
        interact=_click("svg", 40, 6),
        expected=50.0,
        update=25.0,
        shows=lambda el: _text(el, "25"),
    ),
    Entry(
        name="wigglystuff_slider2d",
        files=("wigglystuff_2dslider.js",),
        base=widgets.Slider2D,
        value={"x": 0.5, "y": 0.5},
        props={"width": 200, "height": 200, "x_bounds": (0.0, 1.0), "y_bounds": (0.0, 1.0)},
        rendered=lambda el: _text(el, "X: 0.50, Y: 0.50"),
        # 40 px right of and above the centre, radius 80: three quarters of each range.
        interact=_tap("canvas", 140, 60),
        expected={"x": 0.75, "y": 0.75},
        update={"x": 0.25, "y": 0.5},
        shows=lambda el: _text(el, "X: 0.25, Y: 0.50"),
    ),
    Entry(
        name="changelog_invoke",
        files=("changelog_invoke_echo.js",),
        base=widgets.Echo,
        value=0,
        rendered=lambda el: None,
        interact=lambda el: None,  # it invokes as it renders
        expected=[("hello, world", [])],
        kind="command",
        console="HELLO, WORLD",
    ),
    Entry(
        name="good_parts_msg_custom",
        files=("good_parts_msg_custom.js",),
        base=widgets.CustomMessages,
        value=0,
        rendered=lambda el: None,
        interact=_send({"type": "ping"}),
        expected=[({"type": "ping"}, [])],
        kind="message",
        console=f"new message: {json.dumps(widgets.GOOD_PARTS_MESSAGE, separators=(',', ':'))}",
    ),
)
"""Every front end of the corpus."""

BY_NAME = {entry.name: entry for entry in ENTRIES}


def drive(
    entry: Entry,
    el: Locator,
    received: Callable[[], list[Any]],
    logs: Callable[[], list[str]],
    show: Callable[[Any], Locator] | None = None,
    timeout_s: float = 15,
) -> None:
    """Run ``entry`` in a host, the same steps everywhere (helper for every host's test).

    ``el``: the element the widget renders into; ``received()``: for ``kind="value"`` the
    values (as JSON, ``to_browser``) the host's Python side got from the browser, else the
    class's ``calls``; ``logs()``: the page's console lines so far; ``show(value)``: has
    Python set ``value`` (a host whose handler already answered with ``entry.update`` does
    nothing) and returns the element that must now show it. Fails with one message naming
    the entry and the step.
    """
    page = el.page
    entry.rendered(el)
    entry.interact(el)
    if entry.kind == "value":
        _wait(page, lambda: entry.expected in received(), timeout_s, entry, "interaction", received)
        if entry.shows is not None and show is not None:
            entry.shows(show(entry.update))
        return
    _wait(page, lambda: entry.console in logs(), timeout_s, entry, "console", logs)
    _wait(page, lambda: received() == entry.expected, timeout_s, entry, "Python", received)


def _wait(
    page: Any,
    condition: Callable[[], bool],
    timeout_s: float,
    entry: Entry,
    step: str,
    seen: Callable[[], Any],
) -> None:
    """Poll through Playwright (its console events arrive only while it is called)."""
    for _ in range(int(timeout_s * 20)):
        if condition():
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"{entry.name}: {step} step timed out; saw {seen()!r}")
