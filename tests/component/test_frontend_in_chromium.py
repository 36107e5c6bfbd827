"""The built front ends in a real Chromium: they mount, react to the user, and what they send
is a value the Python class accepts."""

from __future__ import annotations

import base64
import importlib
import os
import re
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from livery.component import Component
from livery.component.build import BuildResult, build_project
from livery.component.standalone import mount_html
from tests.component.projects import NAMES

pytestmark = [pytest.mark.build, pytest.mark.browser]
PYTEST = (sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider")


@pytest.fixture(scope="module")
def classes(built: dict[str, BuildResult]) -> dict[str, type[Component]]:
    """Each built template's component class, imported from its project's backend/."""
    found = {}
    for template, result in built.items():
        sys.path.insert(0, str(result.project.root / "backend"))
        try:
            module = importlib.import_module(result.project.package)
        finally:
            sys.path.pop(0)
        found[template] = getattr(module, NAMES[template])
    return found


@pytest.fixture
def mount(themed_page: Callable[..., Any]) -> Callable[..., Any]:
    """``mount(instance, mode)``: a themed page with the component mounted in it."""

    def _mount(instance: Component, mode: str = "light") -> Any:
        cls = type(instance)
        page = themed_page("default", mode, html=mount_html(instance), css=cls.css())
        page.wait_for_selector("[data-livery-mounted], [data-livery-error]", state="attached")
        assert page.get_attribute("#livery-root", "data-livery-error") is None
        return page

    return _mount


def events(page: Any) -> list[dict[str, Any]]:
    return page.evaluate("() => window.liveryEvents")


def test_text_sends_what_it_is_typed(classes, mount) -> None:
    cls = classes["text"]
    page = mount(cls(value="Ada", label="Name", placeholder="Type"))
    box = page.locator("input")
    assert box.input_value() == "Ada"
    assert page.get_by_text("Name").is_visible()
    box.fill("Grace")
    box.press("Enter")
    sent = events(page)
    assert sent[-2] == {"event": "change", "value": "Grace"}
    assert sent[-1] == {"event": "submit", "value": "Grace"}
    assert cls().from_browser("submit", sent[-1]["value"]) == "Grace"


def test_text_shows_disabled_and_error(classes, mount) -> None:
    page = mount(classes["text"](value="x", disabled=True, error="Too short"), "dark")
    assert page.locator("input").is_disabled()
    assert page.get_by_role("alert").inner_text() == "Too short"


def test_slider_moves_by_keyboard(classes, mount) -> None:
    cls = classes["slider"]
    page = mount(cls(value=40, minimum=0, maximum=50, step=5, label="Volume"))
    page.locator("input").press("ArrowRight")  # a key is a move and a release at once
    assert events(page)[-2:] == [
        {"event": "change", "value": 45},
        {"event": "release", "value": 45},
    ]
    assert page.locator("output").inner_text() == "45"
    assert cls(maximum=50).from_browser("change", 45) == 45.0


def test_image_upload_sends_the_uploaded_file(classes, mount, tmp_path: Path) -> None:
    """The standalone page's host stores a chosen file as a blob: URL; the value names it
    (what Python then checks is covered in test_files_in_hosts)."""
    cls = classes["image"]
    module = sys.modules[cls.__module__]
    png = tmp_path / "tiny.png"
    png.write_bytes(module.gradient_png(8, 6))
    page = mount(cls(label="Photo"))
    page.locator("input[type=file]").set_input_files(str(png))
    page.wait_for_function("() => window.liveryEvents.length > 0")
    sent = events(page)[-1]
    assert sent["event"] == "change"
    value = sent["value"]
    assert value["url"].startswith("blob:")
    assert (value["name"], value["mime"], value["size"]) == (
        "tiny.png",
        "image/png",
        png.stat().st_size,
    )
    assert page.locator("img").get_attribute("src") == value["url"]
    page.get_by_role("button", name="Remove").click()
    assert events(page)[-2:] == [
        {"event": "change", "value": None},
        {"event": "clear", "value": None},
    ]


def test_image_refuses_other_files_in_the_browser(classes, mount, tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("not an image")
    page = mount(classes["image"]())
    page.locator("input[type=file]").set_input_files(str(text))
    assert (
        "notes.txt is not a PNG, JPEG, GIF or WebP image" in page.get_by_role("alert").inner_text()
    )
    assert events(page) == []


def test_html_is_shown_without_scripts_or_handlers(classes, mount) -> None:
    hostile = (
        '<p id="ok">Hello <b>there</b></p><img src="x" onerror="window.pwned = 1">'
        '<script>window.pwned = 2</script><a id="bad" href=" javascript:alert(1)">x</a>'
        f'<img id="fine" src="data:image/png;base64,{base64.b64encode(b"x").decode()}">'
    )
    page = mount(classes["html"](value=hostile, label="Report"))
    assert page.locator("#ok").inner_text() == "Hello there"
    assert page.evaluate("() => window.pwned") is None
    assert page.locator("script").count() == 1  # only the mounting script itself
    assert page.locator("img[onerror]").count() == 0
    assert page.locator("#bad").get_attribute("href") is None
    assert page.locator("#fine").get_attribute("src").startswith("data:image/png")


def test_preact_rating_by_click_and_keys(classes, mount) -> None:
    cls = classes["preact"]
    page = mount(cls(value=2, stars=5, label="How was it?"))
    stars = page.get_by_role("radio")
    assert stars.count() == 5
    stars.nth(3).click()
    assert events(page)[-1] == {"event": "change", "value": 4}
    page.get_by_role("radiogroup").press("ArrowLeft")
    assert events(page)[-1] == {"event": "change", "value": 3}
    assert page.locator("[aria-checked=true]").get_attribute("aria-label") == "3 of 5"
    assert cls().from_browser("change", 3) == 3


def _project_tests(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The project's own ``pytest tests`` as its author runs it, as CI would (``CI=true``)."""
    return subprocess.run(
        [*PYTEST, "tests", *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "CI": "true"},
    )


@pytest.fixture(scope="module")
def project_runs(
    built: dict[str, BuildResult],
) -> dict[str, tuple[subprocess.CompletedProcess[str], ...]]:
    """Every template's tests run twice (``--update-snapshots``, then plainly), two projects at
    a time: each run is a Chromium of its own, mostly waiting on screenshots."""

    def both(template: str) -> tuple[subprocess.CompletedProcess[str], ...]:
        root = built[template].project.root
        return _project_tests(root, "--update-snapshots"), _project_tests(root)

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(sorted(NAMES), pool.map(both, sorted(NAMES))))


@pytest.mark.parametrize("template", sorted(NAMES))
def test_generated_tests_pass_with_the_plugin(
    template: str, built: dict[str, BuildResult], project_runs: dict
) -> None:
    """Each project's own tests as its author runs them: the first run with
    ``--update-snapshots`` writes the baselines, the next run (as in CI) passes against them."""
    first, again = project_runs[template]
    assert first.returncode == 0, first.stdout + first.stderr
    snapshots = list((built[template].project.root / "tests" / "__snapshots__").glob("*/*.png"))
    assert snapshots
    assert again.returncode == 0, again.stdout + again.stderr
    assert re.search(r"\d+ passed", again.stdout)
    assert "skipped" not in again.stdout and "failed" not in again.stdout


def test_generated_visual_test_fails_on_a_style_change_until_updated(text_project: Path) -> None:
    """The project's snapshot test notices a changed style, and accepts it after an update
    (the light stories: the whole matrix passing is the test above)."""

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*PYTEST, "tests/test_visual.py", "-k", "light", *args],
            cwd=text_project,
            capture_output=True,
            text=True,
            timeout=180,
            env={**os.environ, "CI": "true"},
        )

    assert run("--update-snapshots").returncode == 0
    style = text_project / "frontend" / "style.scss"
    style.write_text(style.read_text() + "\ninput { background: #ff00ff !important; }\n")
    build_project(text_project)
    changed = run()
    assert changed.returncode == 1, changed.stdout + changed.stderr
    assert re.search(r"\d+ failed", changed.stdout)
    assert run("--update-snapshots").returncode == 0
    accepted = run()
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
