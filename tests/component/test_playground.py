"""The playground: the built ``text`` project's stories in a real server and a real Chromium.

Events go through Python (validation, ``preprocess``, the story's handler, ``postprocess``)
and the new value comes back into the component; a refused value is one line next to its
story, never a crash; the page runs under a strict policy with no inline code.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from livery.component import Story
from livery.component.build import BuildResult
from livery.component.playground import Demo, DemoError, create_app, load_demo
from livery.errors import AssetsMissingError
from tests.component.servers import serve_playground

pytestmark = pytest.mark.build
LIVERY = (sys.executable, "-m", "livery")


@contextmanager
def own_imports(package: str) -> Iterator[None]:
    """Undo what loading a demo does to ``sys.path`` and ``sys.modules`` (other tests import
    the same package name from other folders)."""
    path = list(sys.path)
    mine = {name for name in sys.modules if name == package or name.startswith(package + ".")}
    saved = {name: sys.modules[name] for name in mine}
    try:
        yield
    finally:
        sys.path[:] = path
        for name in [n for n in sys.modules if n == package or n.startswith(package + ".")]:
            del sys.modules[name]
        sys.modules.update(saved)


@pytest.fixture(scope="module")
def demo(built: dict[str, BuildResult]) -> Iterator[Demo]:
    """The built ``text`` project's demo (the template's "with a value" story shouts)."""
    with own_imports("demo_text"):
        yield load_demo(built["text"].project.root)


@pytest.fixture(scope="module")
def client(demo: Demo) -> Iterator[TestClient]:
    with TestClient(create_app(demo)) as test_client:
        yield test_client


def post(client: TestClient, story: str, event: str, value: Any) -> Any:
    return client.post(f"/api/stories/{story}/events/{event}", json={"value": value})


# --- the API -------------------------------------------------------------------------------


def test_an_event_runs_the_story_handler(client: TestClient) -> None:
    answer = post(client, "with-a-value", "change", "grace hopper")
    assert answer.status_code == 200
    assert answer.json() == {"ok": True, "value": "GRACE HOPPER", "messages": []}


def test_other_events_and_stories_echo_the_validated_value(client: TestClient) -> None:
    assert post(client, "with-a-value", "submit", "grace").json() == {
        "ok": True,
        "value": "grace",
        "messages": [],
    }
    assert post(client, "empty", "change", "ada").json() == {
        "ok": True,
        "value": "ada",
        "messages": [],
    }
    assert post(client, "empty", "change", None).json() == {"ok": True, "value": "", "messages": []}


def test_a_bad_payload_is_one_line_not_a_crash(client: TestClient) -> None:
    answer = post(client, "with-a-value", "change", 5)
    assert answer.status_code == 200
    assert answer.json() == {
        "ok": False,
        "error": "DemoText: event 'change': value: Input should be a valid string (got 5)",
    }
    unknown = post(client, "empty", "explode", "x").json()
    assert unknown == {
        "ok": False,
        "error": "DemoText: event 'explode': unknown event (it sends change, submit)",
    }
    too_long = post(client, "empty", "change", "x" * 10_001).json()
    assert too_long["ok"] is False and "at most 10000 characters" in too_long["error"]


def test_malformed_requests_are_refused(client: TestClient) -> None:
    url = "/api/stories/empty/events/change"
    assert client.post(url, content=b"{", headers={"content-type": "application/json"}).json() == {
        "ok": False,
        "error": "the request is not JSON",
    }
    assert client.post(url, json=["value"]).status_code == 400
    assert client.post(url, content=b'{"value": 1}').status_code == 415  # no JSON type
    assert post(client, "no-such-story", "change", "x").status_code == 404
    assert client.get(url).status_code == 405


def test_a_failing_handler_is_reported_and_the_server_keeps_serving(demo: Demo) -> None:
    def explode(text: str) -> str:
        raise RuntimeError(f"cannot handle {text!r}\nsecond line")

    broken = replace(demo, stories=(Story("boom", handler=explode), *demo.stories))
    with TestClient(create_app(broken)) as test_client:
        answer = post(test_client, "boom", "change", "x").json()
        assert answer == {
            "ok": False,
            "error": "DemoText: event 'change': explode raised RuntimeError: cannot handle 'x'",
        }
        assert post(test_client, "with-a-value", "change", "a").json()["value"] == "A"


def test_page_assets_and_policy(client: TestClient, demo: Demo) -> None:
    page = client.get("/")
    assert page.status_code == 200
    policy = page.headers["content-security-policy"]
    script = policy.split("script-src")[1].split(";")[0]
    assert script == " 'self'"  # no inline script, no eval, no Blob URLs
    # styles may be inline (front ends set style= and add <style>), as anywidget hosts allow
    assert "style-src 'self' 'unsafe-inline';" in policy
    assert "img-src 'self' data: blob:;" in policy and "connect-src 'self';" in policy
    html = page.text
    assert re.findall(r"<script[^>]*>", html) == [
        '<script type="module" src="static/playground.js">'
    ]
    assert "<style" not in html and " style=" not in html
    assert not re.search(r"<[^>]+\son[a-z]+=", html)  # no inline event handlers
    for story in demo.stories:
        assert f'data-story="{story.slug}"' in html
    assert 'data-state="{&#34;value&#34;:&#34;Ada Lovelace&#34;' in html

    bundle = client.get(re.search(r'data-bundle="([^"]+)"', html).group(1))
    assert bundle.headers["content-type"].startswith("text/javascript")
    assert bundle.text == demo.component.js()
    assert client.get("/component/style.css").text == demo.component.css()
    soft = client.get("/themes/soft.css").text  # Soft's fonts as this server's /fonts/ files
    assert soft.startswith("@font-face{font-family:'Montserrat'") and ":root{" in soft
    assert client.get("/themes/nope.css").status_code == 404
    for bad in ("/static/..%2Fapp.py", "/static/app.py", "/component/../demo.py", "/static/"):
        assert client.get(bad).status_code == 404, bad
    assert client.get("/?theme=soft&mode=dark").text.count('<body class="dark"') == 1
    listing = client.get("/api/stories").json()
    assert listing["component"] == "DemoText" and listing["events"] == ["change", "submit"]
    assert [story["slug"] for story in listing["stories"]] == [s.slug for s in demo.stories]


# --- in Chromium ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(demo: Demo) -> Iterator[str]:
    """The playground on a free 127.0.0.1 port, in a thread."""
    with serve_playground(demo) as url:
        yield url


@pytest.fixture
def playground(browser: Any, server: str) -> Iterator[Any]:
    """The playground page, loaded; fails the test on a console error or a policy violation."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(server)
    page.wait_for_selector("body[data-ready=true]")
    yield page
    context.close()
    assert problems == []


def story(page: Any, slug: str) -> Any:
    return page.locator(f'[data-story="{slug}"]')


@pytest.mark.browser
def test_typing_round_trips_through_python(playground: Any) -> None:
    section = story(playground, "with-a-value")
    box = section.locator("input")
    assert box.input_value() == "Ada Lovelace"
    box.fill("grace hopper")
    playground.wait_for_selector('[data-story="with-a-value"][data-status="ok"]')
    assert box.input_value() == "GRACE HOPPER"  # the handler's value came back into the DOM
    assert section.locator(".story-json").inner_text() == '"GRACE HOPPER"'
    assert section.locator(".story-error").is_hidden()

    other = story(playground, "empty").locator("input")
    other.press_sequentially("ada", delay=20)  # no handler: the value stays as typed
    playground.wait_for_selector('[data-story="empty"][data-status="ok"]')
    assert other.input_value() == "ada"


@pytest.mark.browser
def test_the_slider_story_shows_its_handler_result(
    built: dict[str, BuildResult], browser: Any
) -> None:
    """Moving the slider sends ``change`` (the story snaps it to ten) and ``release`` (answered
    with the value as sent): the snapped value must win, whatever answers first. (One move:
    step by step, each step's answer may come back before the next key and snap it back.)"""
    with (
        own_imports("demo_slider"),
        serve_playground(load_demo(built["slider"].project.root)) as url,
    ):
        page = browser.new_page()
        page.goto(url)
        page.wait_for_selector("body[data-ready=true]")
        section = story(page, "with-a-value")
        slider = section.locator("input[type=range]")
        slider.fill("47")  # one input (→ change) and one change (→ release), both in flight
        page.evaluate(
            """() => document.querySelector('[data-story="with-a-value"] .story-mount')
                     .liveryModel.pending"""
        )
        assert section.locator(".story-json").inner_text() == "50"
        assert slider.input_value() == "50"
        page.close()


@pytest.mark.browser
def test_a_bad_payload_shows_the_error_next_to_the_story(playground: Any) -> None:
    playground.evaluate(
        """() => document.querySelector('[data-story="with-a-value"] .story-mount')
                 .liveryModel.send('change', 5)"""
    )
    playground.wait_for_selector('[data-story="with-a-value"][data-status="error"]')
    error = story(playground, "with-a-value").locator(".story-error")
    assert error.is_visible()
    assert error.inner_text() == (
        "DemoText: event 'change': value: Input should be a valid string (got 5)"
    )
    assert story(playground, "with-a-value").locator("input").input_value() == "Ada Lovelace"
    assert story(playground, "empty").locator(".story-error").is_hidden()

    # The next good event clears it.
    story(playground, "with-a-value").locator("input").fill("ok")
    playground.wait_for_selector('[data-story="with-a-value"][data-status="ok"]')
    assert error.is_hidden()


@pytest.mark.browser
def test_theme_switcher_and_dark_mode(playground: Any) -> None:
    stage = story(playground, "empty").locator(".stage")

    def background() -> str:
        return stage.evaluate("el => getComputedStyle(el).backgroundColor")

    light = background()
    playground.click("#mode")
    assert playground.evaluate("document.body.classList.contains('dark')")
    assert background() != light
    assert playground.url.endswith("mode=dark")
    with playground.expect_response(re.compile(r"/themes/ocean\.css$")):
        playground.select_option("#theme", "ocean")
    assert playground.get_attribute("#theme-css", "href") == "themes/ocean.css"
    assert "theme=ocean" in playground.url
    playground.reload()
    playground.wait_for_selector("body[data-ready=true]")
    assert playground.evaluate("document.body.classList.contains('dark')")
    assert playground.input_value("#theme") == "ocean"


# --- loading a project ---------------------------------------------------------------------


@pytest.fixture
def source(built: dict[str, BuildResult], tmp_path: Path) -> Iterator[Path]:
    """A copy of the built ``text`` project without node_modules, to break."""
    copy = tmp_path / "text"
    ignore = shutil.ignore_patterns("node_modules", "dist")
    shutil.copytree(built["text"].project.root, copy, symlinks=True, ignore=ignore)
    with own_imports("demo_text"):
        yield copy


def test_demo_problems_are_one_line(source: Path) -> None:
    app_py = source / "demo" / "app.py"
    text = app_py.read_text()

    app_py.write_text(text + "\nraise ValueError('broken demo')\n")
    with pytest.raises(DemoError, match=r"demo/app.py: ValueError: broken demo$"):
        load_demo(source)

    app_py.write_text(text.replace('props={"label": "Name", "disabled": True}', 'props={"x": 1}'))
    with pytest.raises(DemoError, match=r"story 'disabled': DemoText: unknown prop 'x'"):
        load_demo(source)

    app_py.write_text(text + "\nstories = []\n")
    with pytest.raises(DemoError, match=r"'stories' must be a non-empty list of Story"):
        load_demo(source)

    app_py.unlink()
    with pytest.raises(DemoError, match=r"demo/app.py is missing"):
        load_demo(source)


def test_an_unbuilt_project_says_to_build(source: Path) -> None:
    shutil.rmtree(source / "backend" / "demo_text" / "templates")
    with pytest.raises(AssetsMissingError, match=r"livery component build"):
        load_demo(source)


def test_the_command_serves_and_refuses(source: Path, tmp_path: Path) -> None:
    bad_theme = subprocess.run(
        [*LIVERY, "component", "playground", str(source), "--theme", "nope", "--port", "0"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert bad_theme.returncode == 1
    assert bad_theme.stderr.startswith("error: unknown theme 'nope'; choose from ")

    process = subprocess.Popen(
        [*LIVERY, "component", "playground", str(source), "--port", "0", "--theme", "soft"],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = process.stderr.readline()
        found = re.search(r"DemoText: 4 stories on (http://127\.0\.0\.1:\d+/)", line)
        assert found, line
        import httpx

        page = httpx.get(found.group(1), timeout=10)
        assert page.status_code == 200 and 'href="themes/soft.css"' in page.text
        refused = httpx.get(found.group(1), headers={"host": "evil.example"}, timeout=10)
        assert refused.status_code == 400  # DNS rebinding: only loopback names
    finally:
        process.terminate()
        process.wait(timeout=10)
