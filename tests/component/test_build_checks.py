"""What ``livery component build`` catches before a component's users do, for real.

A backend that does not import (or whose entry point names no component), a bundle without
the front-end contract's exports: each is one line naming the file, and the previous assets
survive. An empty stylesheet builds. A ``render`` that throws is shown, in the real playground
and the dev overlay, where its source threw it (``frontend/…:line:col``, through the bundle's
source map, whose VLQ decoding is checked on its own too).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from livery.component.build import build_project
from livery.component.playground import create_app, load_demo
from livery.component.project import Project
from livery.component.sourcemap import Position, SourceMap, decode_vlq, locate_in_stack
from livery.errors import BuildError
from tests.component.servers import serve_app, serve_playground
from tests.component.test_playground import own_imports

pytestmark = pytest.mark.build
LIVERY = (sys.executable, "-m", "livery")
CONTRACT = "a component needs export default { render } or export function render"
BACKEND = Path("backend") / "demo_text" / "__init__.py"


def assets(project: Path) -> dict[str, bytes]:
    folder = Project.find(project).templates_dir
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def failure(project: Path) -> str:
    """The one line a build of ``project`` fails with (run from inside it, as users do)."""
    with pytest.raises(BuildError) as caught:
        build_project(".", package=False)
    assert len(caught.value.lines) == 1, caught.value.lines
    return caught.value.lines[0]


def replace_line(path: Path, number: int, text: str) -> None:
    lines = path.read_text().splitlines()
    lines[number - 1] = text
    path.write_text("\n".join(lines) + "\n")


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if text in line)


# --- 1. the backend is imported ------------------------------------------------------------


def test_a_backend_syntax_error_is_file_line_and_keeps_the_assets(
    text_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(text_project)
    before = assets(text_project)
    number = line_of(BACKEND, "MAX_CHARS = 10_000")
    replace_line(BACKEND, number, "def broken(:")
    assert failure(text_project) == f"{BACKEND.as_posix()}:{number}: SyntaxError: invalid syntax"
    assert assets(text_project) == before

    cli = subprocess.run([*LIVERY, "component", "build"], capture_output=True, text=True)
    assert cli.returncode == 1
    errors = [line for line in cli.stderr.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {BACKEND.as_posix()}:{number}: SyntaxError: invalid syntax"]
    assert "Traceback" not in cli.stderr
    assert assets(text_project) == before


def test_an_import_error_names_the_line_that_imports(
    text_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(text_project)
    before = assets(text_project)
    number = line_of(BACKEND, "MAX_CHARS = 10_000")
    replace_line(BACKEND, number, "import no_such_module_anywhere")
    assert failure(text_project) == (
        f"{BACKEND.as_posix()}:{number}: ModuleNotFoundError: "
        "No module named 'no_such_module_anywhere'"
    )
    replace_line(BACKEND, number, "import os; os._exit(3)")  # no Python error to report
    assert failure(text_project) == "importing backend/demo_text exited (3)"
    assert assets(text_project) == before


def test_an_error_in_a_submodule_names_the_submodule(
    text_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(text_project)
    helper = BACKEND.parent / "limits.py"
    helper.write_text('"""Limits."""\n\nMAX_CHARS = 10_000 // 0\n')
    number = line_of(BACKEND, "MAX_CHARS = 10_000")
    replace_line(BACKEND, number, "from demo_text.limits import MAX_CHARS")
    assert failure(text_project) == (
        f"{helper.as_posix()}:3: ZeroDivisionError: integer division or modulo by zero"
    )
    assert not (helper.parent / "__pycache__").exists(), "the check writes no bytecode"


def test_the_entry_point_must_name_a_component_class(
    text_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(text_project)
    before = assets(text_project)
    pyproject = Path("pyproject.toml")
    original = pyproject.read_text()
    assert 'demo_text = "demo_text:DemoText"' in original

    pyproject.write_text(original.replace('"demo_text:DemoText"', '"demo_text:MAX_CHARS"'))
    assert failure(text_project) == (
        'pyproject.toml: the livery.components entry point demo_text = "demo_text:MAX_CHARS" '
        "names int, not a livery.Component subclass"
    )
    pyproject.write_text(original.replace('"demo_text:DemoText"', '"demo_text:DemoTxet"'))
    assert failure(text_project) == (
        'pyproject.toml: the livery.components entry point demo_text = "demo_text:DemoTxet": '
        "demo_text has no attribute 'DemoTxet'"
    )
    assert assets(text_project) == before

    pyproject.write_text(original)
    assert build_project(".", package=False).assets  # and the real class builds


# --- 2. the bundle's exports ---------------------------------------------------------------


def test_a_bundle_without_render_names_what_it_exports(
    text_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(text_project)
    before = assets(text_project)
    entry = Path("frontend") / "index.js"
    entry.write_text("export const foo = 1;\nexport function draw() {}\n")
    assert failure(text_project) == f"frontend/index.js exports only 'draw', 'foo'; {CONTRACT}"
    entry.write_text("document.title = 'side effects only';\n")
    assert failure(text_project) == f"frontend/index.js exports nothing; {CONTRACT}"
    assert assets(text_project) == before
    assert not any(name.endswith(".json") for name in before)


@pytest.mark.parametrize(
    "source",
    [
        "export function render({ el }) { el.textContent = 'hi'; }\n",
        "export default () => ({ render({ el }) { el.textContent = 'hi'; } });\n",
    ],
    ids=["named render", "default factory"],
)
def test_both_shapes_of_the_contract_build(text_project: Path, source: str) -> None:
    (text_project / "frontend" / "index.js").write_text(source)
    result = build_project(text_project, package=False)
    assert [path.name for path in result.assets] == ["index.js", "index.js.map", "style.css"]


# --- 3. an empty stylesheet ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["", "\n  \n", "// styles come later\n/* a block\n   comment */\n"]
)
def test_an_empty_stylesheet_builds_with_no_css(text_project: Path, text: str) -> None:
    (text_project / "frontend" / "style.scss").write_text(text)
    result = build_project(text_project, package=False)
    assert result.warnings == []
    assert [path.name for path in result.assets] == ["index.js", "index.js.map"]


# --- 4. source maps ------------------------------------------------------------------------


def test_vlq_segments_decode() -> None:
    assert decode_vlq("AAAA") == [0, 0, 0, 0]
    assert decode_vlq("CADF") == [1, 0, -1, -2]
    assert decode_vlq("gB") == [16]
    assert decode_vlq("2H") == [123]
    assert decode_vlq("hB") == [-16]
    with pytest.raises(ValueError, match="'!' is not a Base64 VLQ digit"):
        decode_vlq("A!")
    with pytest.raises(ValueError, match="ends in the middle of a number"):
        decode_vlq("Ag")


def encode_vlq(value: int) -> str:
    """The spec's encoding, written out plainly: sign in the lowest bit, 5 bits per digit."""
    digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    rest = (-value << 1) | 1 if value < 0 else value << 1
    text = ""
    while True:
        digit, rest = rest & 31, rest >> 5
        text += digits[digit | (32 if rest else 0)]
        if not rest:
            return text


def test_vlq_decoding_inverts_the_spec_encoding() -> None:
    values = [*range(-300, 300), 2**20 + 7, -(2**31), 2**31 - 1]
    assert decode_vlq("".join(encode_vlq(value) for value in values)) == values


def test_positions_map_back_through_a_hand_written_map(tmp_path: Path) -> None:
    # Counted from 0: generated line 0 col 0 → a.js 0:0, col 4 → b.js 2:2; line 1 col 2 →
    # b.js 4:4 (the source, its line and column carry over from the line before).
    (tmp_path / "map.json").write_text(
        json.dumps({"version": 3, "sources": ["a.js", "b.js"], "mappings": "AAAA,ICEE;EAEE"})
    )
    source_map = SourceMap.load(tmp_path / "map.json")
    assert source_map.original(1, 1) == Position((tmp_path / "a.js").resolve(), 1, 1)
    assert source_map.original(1, 4) == Position((tmp_path / "a.js").resolve(), 1, 1)
    assert source_map.original(1, 9) == Position((tmp_path / "b.js").resolve(), 3, 3)
    assert source_map.original(2, 3) == Position((tmp_path / "b.js").resolve(), 5, 5)
    assert source_map.original(2, 1) is None  # before the line's first segment
    assert source_map.original(3, 1) is None


def write_failing_render(project: Path) -> tuple[str, str]:
    """A render that throws for the "disabled" story, from a second file; returns where the
    error is raised (``frontend/explode.js:2:9``) and its message."""
    frontend = project / "frontend"
    (frontend / "explode.js").write_text(
        "export function explode(name) {\n  throw new Error(`${name} is not ready`);\n}\n"
    )
    entry = frontend / "index.js"
    text = entry.read_text()
    call = '    if (model.get("disabled")) explode("the disabled story");\n'
    text = text.replace("  render({ model, el }) {\n", "  render({ model, el }) {\n" + call)
    text = 'import { explode } from "./explode.js";\n' + text
    entry.write_text(text)
    return "frontend/explode.js:2:9", "the disabled story is not ready"


def test_the_build_writes_a_small_map_without_source_copies(text_project: Path) -> None:
    where, _ = write_failing_render(text_project)
    build_project(text_project, package=False)
    templates = Project.find(text_project).templates_dir
    bundle = (templates / "index.js").read_text()
    data = json.loads((templates / "index.js.map").read_text())
    assert "sourcesContent" not in data
    column = bundle.index("new Error(") + 1
    stack = f"Error: x\n    at explode (blob:null/1234-abcd:1:{column})\n    at render (…)"
    assert locate_in_stack(stack, r"blob:[^\s)]+", templates / "index.js.map", text_project) == (
        where
    )


@pytest.mark.browser
def test_a_render_error_shows_its_source_line_in_the_playground(
    text_project: Path, browser: Any
) -> None:
    where, message = write_failing_render(text_project)
    build_project(text_project, package=False)
    with own_imports("demo_text"):
        demo = load_demo(text_project)
        with serve_playground(demo) as url:
            page = browser.new_page()
            try:
                page.goto(url)
                page.wait_for_selector("body[data-ready=true]")
                broken = page.locator('[data-story="disabled"]')
                assert broken.get_attribute("data-status") == "error"
                assert broken.locator(".story-error").text_content() == (
                    f"render failed: {where}: {message}"
                )
                others = page.locator('.story[data-status="ready"]')
                assert others.count() == 3  # the other stories still render
            finally:
                page.close()


@pytest.mark.browser
def test_a_render_error_in_a_standalone_page_maps_to_its_source(
    text_project: Path, open_page: Any
) -> None:
    """The path ``livery component test`` takes: the bundle and ``model.js`` both imported
    from ``blob:`` URLs; the first frame that lies in the bundle is the one mapped."""
    from livery.component.standalone import mount_html

    where, message = write_failing_render(text_project)
    build_project(text_project, package=False)
    with own_imports("demo_text"):
        demo = load_demo(text_project)
        story = demo.story("disabled")
        assert story is not None
        page = open_page(mount_html(story.instance(demo.component)), errors=True)
        page.wait_for_selector("[data-livery-error]", state="attached")
        stack = page.get_attribute("#livery-root", "data-livery-error")
    assert message in stack and "blob:" in stack
    source_map = Project.find(text_project).templates_dir / "index.js.map"
    assert locate_in_stack(stack, r"blob:[^\s)]+", source_map, text_project) == where

    # An error raised inside model.js is shown at the component's line that called it.
    entry = text_project / "frontend" / "index.js"
    entry.write_text(
        entry.read_text().replace(
            'explode("the disabled story")', "model.send({}, undefined, [42])"
        )
    )
    build_project(text_project, package=False)
    with own_imports("demo_text"):
        demo = load_demo(text_project)
        page = open_page(mount_html(demo.story("disabled").instance(demo.component)), errors=True)
        page.wait_for_selector("[data-livery-error]", state="attached")
        stack = page.get_attribute("#livery-root", "data-livery-error")
    assert "not binary data: 42" in stack  # raised by model.js, called by the component
    number = line_of(entry, "model.send({}")
    column = entry.read_text().splitlines()[number - 1].index("send({}") + 1  # as V8 puts it
    assert locate_in_stack(stack, r"blob:[^\s)]+", source_map, text_project) == (
        f"frontend/index.js:{number}:{column}"
    )


def test_the_locate_api_maps_and_refuses(text_project: Path) -> None:
    write_failing_render(text_project)
    build_project(text_project, package=False)
    templates = Project.find(text_project).templates_dir
    column = (templates / "index.js").read_text().index("new Error(") + 1
    with own_imports("demo_text"), TestClient(create_app(load_demo(text_project))) as client:
        answer = client.get(f"/api/locate?line=1&column={column}")
        assert answer.json() == {"where": "frontend/explode.js:2:9"}
        assert client.get("/api/locate?line=99&column=1").json() == {"where": None}
        refused = client.get("/api/locate?line=x")
        assert refused.status_code == 400
        assert refused.json() == {"ok": False, "error": "send ?line=&column= (numbers)"}


@pytest.fixture
def dev_url(text_project: Path) -> Iterator[str]:
    """The dev server of ``text_project`` on a free port."""
    from livery.component.dev.server import DevServer

    with own_imports("demo_text"):
        server = DevServer(text_project, allowed_hosts=["127.0.0.1"], announce=lambda line: None)
        server.start()
        with serve_app(server.app) as url:
            try:
                yield url + "/"
            finally:
                server.stop()


@pytest.mark.browser
def test_the_dev_overlay_shows_a_render_error_at_its_source(
    text_project: Path, dev_url: str, browser: Any
) -> None:
    page = browser.new_page()
    try:
        page.goto(dev_url)
        page.wait_for_selector("body[data-ready=true][data-dev=connected]")
        overlay = page.locator("#dev-overlay")
        assert overlay.is_hidden()

        where, message = write_failing_render(text_project)  # saves: rebuilt and remounted
        page.wait_for_function(
            "(text) => document.getElementById('dev-overlay-text').textContent === text",
            arg=f"{where}: {message}",
            timeout=20_000,
        )
        assert overlay.is_visible()
        assert page.locator('[data-story="disabled"] .story-error').text_content() == (
            f"render failed: {where}: {message}"
        )

        entry = text_project / "frontend" / "index.js"
        entry.write_text(entry.read_text().replace('explode("the disabled story")', "void 0"))
        page.wait_for_selector("#dev-overlay[hidden]", state="attached", timeout=20_000)
        page.wait_for_function(
            "() => document.querySelectorAll('.story[data-status=ready]').length === 4"
        )
    finally:
        page.close()
