"""The gallery's components page with real installed components: the built template wheels
(``tests/component/conftest.py``'s ``site``), a package whose import fails and one whose wheel
lacks its front end, on the ``PYTHONPATH`` of a real ``livery gallery`` process (entry points
are found through the dist-info folders there). In Chromium every page is watched
(``guarded_page``): a console error, a CSP violation or a request elsewhere fails the test.
"""

from __future__ import annotations

import functools
import html
import http.server
import json
import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from livery.gallery.pages import CSP, CSP_META

from .conftest import guarded_page

DEMOS = {
    "demo-text": ("DemoText", "livery-sdk-demo-text"),
    "demo-slider": ("DemoSlider", "livery-sdk-demo-slider"),
    "demo-image": ("DemoImage", "livery-sdk-demo-image"),
    "demo-html": ("DemoHtml", "livery-sdk-demo-html"),
    "demo-preact": ("DemoPreact", "livery-sdk-demo-preact"),
}
"""Each template's built component: its card's slug, class name and distribution."""
TEXT_STORIES = ["empty", "with-a-value", "disabled", "error"]
"""The text template's own stories (its demo/app.py), which its wheel ships."""
HOLLOW = '''
from pydantic import RootModel
import livery


class Hollow(livery.Component):
    """Installed without its built front end."""

    class Value(RootModel[str]):
        root: str = ""
'''
XSS = '<img src=x onerror="window.__pwned=1">'
ODD = f'''
from pydantic import RootModel
import livery


class Odd(livery.Component):
    """{XSS} &\\x1b]0;pwned\\x07 a summary from a stranger."""

    class Value(RootModel[str]):
        root: str = {XSS!r}
'''
ODD_JS = "export default { render({ model, el }) { el.textContent = model.get('value'); } };\n"
URL = re.compile(r"https?://127\.0\.0\.1:\d+/")
STATUSES = """() => [...document.querySelectorAll('.component')].map(
  (el) => [el.dataset.component, el.dataset.status])"""


def _dist_info(root: Path, name: str, entry: str, version: str = "0.1") -> None:
    info = root / f"{name}-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name.replace('_', '-')}\nVersion: {version}\n",
        encoding="utf-8",
    )
    (info / "entry_points.txt").write_text(f"[livery.components]\n{entry}\n", encoding="utf-8")


@pytest.fixture(scope="module")
def pythonpath(site: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The built wheels, two broken components and one whose text is markup."""
    broken = tmp_path_factory.mktemp("broken-components")
    _dist_info(broken, "broken_widget", "broken_widget = no_such_module_xyz:Thing")
    (broken / "hollow_widget").mkdir()
    (broken / "hollow_widget" / "__init__.py").write_text(HOLLOW, encoding="utf-8")
    _dist_info(broken, "hollow_widget", "hollow_widget = hollow_widget:Hollow")
    (broken / "odd_widget" / "templates").mkdir(parents=True)
    (broken / "odd_widget" / "__init__.py").write_text(ODD, encoding="utf-8")
    (broken / "odd_widget" / "templates" / "index.js").write_text(ODD_JS, encoding="utf-8")
    _dist_info(broken, "odd_widget", "odd<i>widget = odd_widget:Odd", version="1<b>2")
    return os.pathsep.join([str(site), str(broken)])


def _env(pythonpath: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": pythonpath}


@pytest.fixture(scope="module")
def shipped_stories(pythonpath: str) -> dict[str, list[str]]:
    """Each demo card's story slugs as its installed package ships them (``_demo.py``)."""
    code = (
        "import importlib, json, sys\n"
        "print(json.dumps({name: [s.slug for s in importlib.import_module(name + '._demo')"
        ".stories] for name in sys.argv[1:]}))"
    )
    packages = [slug.replace("-", "_") for slug in DEMOS]
    found = subprocess.run(
        [sys.executable, "-c", code, *packages],
        env=_env(pythonpath),
        capture_output=True,
        text=True,
        check=True,
    )
    return {name.replace("_", "-"): slugs for name, slugs in json.loads(found.stdout).items()}


@pytest.fixture(scope="module")
def server(pythonpath: str) -> Iterator[str]:
    """``livery gallery --port 0`` in a process of its own; yields its URL."""
    process = subprocess.Popen(
        [sys.executable, "-m", "livery", "gallery", "--port", "0"],
        env=_env(pythonpath),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        found = URL.search(line)
        assert found, f"the gallery did not start: {line}{process.stdout.read()}"
        yield found[0]
    finally:
        process.terminate()
        process.wait(timeout=20)


def _open(browser: Any, origin: str) -> tuple[Any, Any, Any]:
    """The components page of the site at ``origin``, once every story is mounted."""
    context, page, guard = guarded_page(browser, origin)
    page.goto(origin + "components/")
    page.wait_for_selector("body[data-ready=true]")
    return context, page, guard


def until(page: Any, script: str, arg: object, timeout: float = 8.0) -> Any:
    """Poll ``script`` (a function of ``arg``) until it returns something truthy
    (``wait_for_function`` uses ``eval``, which the gallery's policy refuses)."""
    deadline = time.monotonic() + timeout
    while not (result := page.evaluate(script, arg)):
        assert time.monotonic() < deadline, f"never true: {script}"
        page.wait_for_timeout(50)
    return result


BACKGROUND_IS = """([selector, colour, same]) =>
  (getComputedStyle(document.querySelector(selector)).backgroundColor === colour) === same"""


def test_the_page_lists_every_installed_component(server: str) -> None:
    response = httpx.get(server + "components", follow_redirects=True, timeout=30)
    assert response.status_code == 200
    assert response.headers["content-security-policy"] == CSP
    html = response.text
    for slug, (class_name, distribution) in DEMOS.items():
        assert f'id="component-{slug}"' in html
        assert class_name in html
        assert f"pip install {distribution}</code>" in html
        assert f"{distribution} 0.1.0" in html
    assert "A one-line text input with a label, a placeholder and an error message." in html
    assert "<code>change</code>, <code>submit</code>" in html  # DemoText's events
    assert "<code>placeholder</code>" in html  # one of its props
    assert '<code class="component-value-type">number</code>' in html  # DemoSlider's value
    assert "object {url, name, mime, size}" in html  # DemoImage's file value
    index = httpx.get(server, timeout=30).text
    assert '<a href="components/">Components</a>' in index
    assert httpx.get(server + "components/demo-text/index.js", timeout=30).status_code == 200
    assert httpx.get(server + "components/demo-text/nope.py", timeout=30).status_code == 404
    assert httpx.get(server + "components/nothing/index.js", timeout=30).status_code == 404


@pytest.mark.browser
def test_stories_mount_in_the_chosen_theme_and_mode(
    browser: Any, server: str, shipped_stories: dict[str, list[str]]
) -> None:
    assert shipped_stories["demo-text"] == TEXT_STORIES
    context, page, guard = _open(browser, server)
    try:
        statuses = dict(page.evaluate(STATUSES))
        assert {slug: statuses[slug] for slug in DEMOS} == dict.fromkeys(DEMOS, "ready")
        for slug in DEMOS:
            stories = page.locator(f"#component-{slug} .component-story")
            shown = stories.evaluate_all("els => els.map(e => e.dataset.story)")
            assert shown == shipped_stories[slug]
            mounted = stories.evaluate_all(
                "els => els.map(e => e.querySelector('.component-mount').childElementCount)"
            )
            assert all(count > 0 for count in mounted), (slug, mounted)
        install = page.locator("#component-demo-text .component-install").inner_text()
        assert install == "pip install livery-sdk-demo-text"
        example = page.locator("#component-demo-text [data-story=with-a-value] input")
        assert example.input_value() == "Ada Lovelace"
        assert page.locator("#component-demo-text [data-story=disabled] input").is_disabled()

        stage = "#component-demo-text [data-story=with-a-value] .component-stage"
        border = f"{stage} input"

        def colours() -> tuple[str, str]:
            return (
                page.eval_on_selector(stage, "el => getComputedStyle(el).backgroundColor"),
                page.eval_on_selector(border, "el => getComputedStyle(el).borderTopColor"),
            )

        light = colours()
        page.select_option("#component-theme", "cyberpunk")
        until(page, BACKGROUND_IS, [stage, light[0], False])
        themed = colours()
        assert themed != light
        assert "lv-t-cyberpunk" in page.get_attribute(stage, "class")

        page.select_option("#component-theme", "default")
        until(page, BACKGROUND_IS, [stage, light[0], True])
        page.click("#component-dark")
        dark = colours()
        assert dark[0] != light[0]
        assert page.locator(f"{stage}.dark").count() == 1
        page.click("#component-dark")
        assert colours() == light

        example.fill("Ada")  # the story's model hears the browser, as in any host
        events = page.evaluate("window.liveryEvents")
        assert {"component": "demo-text", "event": "change", "value": "Ada"} in events
        guard.check(page)
    finally:
        context.close()


@pytest.mark.browser
def test_text_from_a_package_is_shown_as_text(browser: Any, server: str) -> None:
    context, page, guard = _open(browser, server)
    try:
        odd = page.locator("#component-odd-i-widget")
        assert odd.get_attribute("data-status") == "ready"
        assert (
            odd.locator(".component-summary").inner_text()
            == f"{XSS} & ]0;pwned a summary from a stranger."  # ESC and BEL: gone
        )
        assert odd.locator(".badge").inner_text() == "odd-widget 1<b>2"
        assert odd.locator(".component-facts code").first.text_content() == (
            "odd<i>widget = odd_widget:Odd"
        )
        mounted = odd.locator("[data-story=example] .component-mount")
        assert mounted.inner_text() == XSS  # the value, shown by the component as text
        assert odd.locator("img, i, b").count() == 0
        assert page.evaluate("window.__pwned") is None
        guard.check(page)
    finally:
        context.close()


@pytest.mark.browser
def test_a_broken_component_is_an_error_card(browser: Any, server: str) -> None:
    context, page, guard = _open(browser, server)
    try:
        broken = page.locator("#component-broken-widget")
        assert broken.get_attribute("data-status") == "error"
        assert broken.locator(".error-reason").inner_text() == (
            "broken_widget: cannot import no_such_module_xyz:Thing: "
            "ModuleNotFoundError: No module named 'no_such_module_xyz'"
        )
        hollow = page.locator("#component-hollow-widget .error-reason").inner_text()
        assert hollow.startswith("Hollow: ")
        assert hollow.endswith("is missing: build the front end with 'livery component build'")
        assert "\n" not in hollow
        assert page.locator("#component-broken-widget .component-story").count() == 0
        assert page.locator("#component-demo-text").get_attribute("data-status") == "ready"
        guard.check(page)
    finally:
        context.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.mark.browser
def test_the_static_site_has_the_page(browser: Any, pythonpath: str, tmp_path: Path) -> None:
    output = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "livery", "gallery", "build", "--output", str(output)],
        env=_env(pythonpath),
        check=True,
        capture_output=True,
        timeout=300,
    )
    for relative in ("index.html", "model.js", "demo-text/index.js", "demo-text/style.css"):
        assert (output / "components" / relative).is_file(), relative
    text = html.unescape((output / "components" / "index.html").read_text(encoding="utf-8"))
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP_META}">' in text
    assert "pip install livery-sdk-demo-text" in text

    handler = functools.partial(_QuietHandler, directory=str(output))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}/"
    try:
        context, page, guard = _open(browser, url)
        try:
            statuses = dict(page.evaluate(STATUSES))
            assert {slug: statuses[slug] for slug in DEMOS} == dict.fromkeys(DEMOS, "ready")
            assert statuses["broken-widget"] == "error"
            story = page.locator("#component-demo-text [data-story=with-a-value] input")
            assert story.input_value() == "Ada Lovelace"
            guard.check(page)
        finally:
            context.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
