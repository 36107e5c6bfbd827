"""``livery component playground PACKAGE``: an installed component's playground, no project.

The built template wheels are installed into a ``PYTHONPATH`` (the ``site`` fixture) and the
command runs in a process of its own with it, from a folder that holds no project, as a user
who only did ``pip install`` would run it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.build

URL = re.compile(r"(http://127\.0\.0\.1:\d+/)")
STORIES = ["empty", "with-a-value", "disabled", "error"]
"""The text template's stories (its demo/app.py, shipped in the wheel)."""


def _run(args: list[str], site: Path, cwd: Path, **options: Any) -> Any:
    env = {**os.environ, "PYTHONPATH": str(site)}
    command = [sys.executable, "-m", "livery", "component", "playground", *args]
    return subprocess.Popen(command, env=env, cwd=cwd, text=True, **options)


@contextmanager
def playground(name: str, site: Path, cwd: Path) -> Iterator[tuple[str, str]]:
    """The playground of ``name`` on a free port; yields its URL and its announcement."""
    process = _run([name, "--port", "0"], site, cwd, stderr=subprocess.PIPE)
    try:
        assert process.stderr is not None
        line = process.stderr.readline()
        found = URL.search(line)
        assert found, f"the playground did not start: {line}{process.stderr.read()}"
        yield found[1], line.strip()
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.mark.browser
def test_an_installed_component_by_its_import_name(page: Any, site: Path, tmp_path: Path) -> None:
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    with playground("demo_text", site, tmp_path) as (url, banner):
        assert banner.startswith(f"DemoText: 4 stories on {url}")
        page.goto(url + "?theme=ocean")
        page.wait_for_selector("body[data-ready=true]")
        sections = page.locator(".story")
        assert sections.evaluate_all("els => els.map(e => e.dataset.story)") == STORIES
        assert sections.evaluate_all("els => els.map(e => e.dataset.status)") == ["ready"] * 4
        assert page.locator(".component-name").inner_text() == "DemoText from demo_text"
        story = page.locator("[data-story=with-a-value] input")
        assert story.input_value() == "Ada Lovelace"
        assert page.locator("[data-story=disabled] input").is_disabled()
        error = page.locator("[data-story=error]").inner_text()
        assert error.count("A name has at least two letters") == 1
        story.fill("Ada")  # the shipped story's handler (shout) runs in the installed Python
        page.wait_for_selector("[data-story=with-a-value][data-status=ok]")
        assert page.locator("[data-story=with-a-value] .story-json").inner_text() == '"ADA"'
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        page.click("#mode")
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") != background
    assert problems == []


@pytest.mark.parametrize(
    "name", ["livery-sdk-demo-slider", "Livery_SDK_Demo.Slider", "demo-slider"]
)
def test_a_distribution_name_in_any_spelling(name: str, site: Path, tmp_path: Path) -> None:
    with playground(name, site, tmp_path) as (url, banner):
        assert banner.startswith("DemoSlider: 4 stories on")
        stories = httpx.get(url + "api/stories", timeout=30).json()
        assert stories["component"] == "DemoSlider"
        story = stories["stories"][1]
        assert (story["name"], story["state"]["value"]) == ("with a value", 42)
        address = url + "api/stories/with-a-value/events/change"
        answer = httpx.post(address, json={"value": 7}).json()
        assert answer["ok"] and answer["value"] == 10  # the shipped handler snaps to ten


def test_an_unknown_name_lists_the_installed_components(site: Path, tmp_path: Path) -> None:
    process = _run(["no_such_widget"], site, tmp_path, stderr=subprocess.PIPE)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("error: no_such_widget: no such folder or installed component;")
    for package in ("demo_text (livery-sdk-demo-text)", "demo_preact (livery-sdk-demo-preact)"):
        assert package in lines[0]


def test_a_folder_of_that_name_wins(site: Path, tmp_path: Path) -> None:
    (tmp_path / "demo_text").mkdir()  # not a project: the folder is still what is meant
    process = _run(["demo_text"], site, tmp_path, stderr=subprocess.PIPE)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 1
    assert err.strip() == "error: demo_text: no pyproject.toml; is this a component project?"
