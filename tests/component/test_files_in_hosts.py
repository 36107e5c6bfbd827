"""The built image template's file value in real hosts: Gradio 6 driven by ``gradio_client``,
and the playground driven by Chromium.

- Gradio: ``Client(url).predict(handle_file(png), api_name=…)`` uploads the file the way every
  Gradio file component is uploaded, and the handler receives a ``File`` it reads; a path the
  client did not upload is refused; a handler's image comes back as a file the client
  downloads; in the Gradio page, a file chosen in Chromium goes up through ``gr.HTML``'s
  ``upload`` and reaches the handler the same way.
- Playground: choosing a file uploads it (``model.upload``), the preview shows it from
  ``/api/files/<token>`` and the story's handler reads its bytes. (Needs the upload routes and
  ``host.upload`` wired into the playground.)
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from livery.component.build import BuildResult
from livery.component.playground import load_demo
from tests.component.projects import import_built
from tests.component.servers import launch_gradio, serve_playground
from tests.component.test_playground import own_imports

pytestmark = [
    pytest.mark.build,
    pytest.mark.filterwarnings("ignore::Warning:gradio.queueing"),
]
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")


@pytest.fixture(scope="module")
def image_module(built: dict[str, BuildResult]) -> ModuleType:
    """The built ``image`` project's package (``DemoImage``, ``gradient_png``)."""
    return import_built(built["image"], "_files_test_")


@pytest.fixture
def png(image_module: ModuleType, tmp_path: Path) -> Path:
    path = tmp_path / "tiny.png"
    path.write_bytes(image_module.gradient_png(8, 6))
    return path


# -- Gradio -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gradio_app(image_module: ModuleType) -> Iterator[str]:
    """A Blocks with the image as input (``/describe``) and as output (``/make``)."""
    gr = pytest.importorskip("gradio")
    Image = image_module.DemoImage.to_gradio()

    def describe(image: Any) -> str:
        data = image.read_bytes()
        return f"{image.name} {image.mime} {len(data)} {data[:4]!r}"

    def make() -> bytes:
        return image_module.gradient_png(5, 5)

    with gr.Blocks() as demo:
        picture = Image(label="Photo")
        text = gr.Textbox()
        made = Image(label="Made")
        gr.Button("Describe").click(describe, picture, text, api_name="describe")
        gr.Button("Make").click(make, None, made, api_name="make")
    with launch_gradio(demo, show_error=False) as url:
        yield url


@pytest.mark.interop
def test_handle_file_reaches_preprocess_as_a_file(gradio_app: str, png: Path) -> None:
    from gradio_client import Client, handle_file

    client = Client(gradio_app, verbose=False)
    parameters = client.view_api(print_info=False, return_format="dict")["named_endpoints"]
    assert parameters["/describe"]["parameters"][0]["python_type"]["type"] == "filepath"
    answer = client.predict(handle_file(png), api_name="/describe")
    head = repr(b"\x89PNG")
    assert answer == f"tiny.png image/png {png.stat().st_size} {head}"


@pytest.mark.interop
def test_gradio_refuses_what_is_not_an_image(gradio_app: str, tmp_path: Path) -> None:
    from gradio_client import Client, handle_file

    fake = tmp_path / "fake.png"
    fake.write_text("not a png")
    client = Client(gradio_app, verbose=False)
    with pytest.raises(Exception, match=r"the bytes of fake\.png are not image/png"):
        client.predict(handle_file(fake), api_name="/describe")


@pytest.mark.interop
def test_a_path_the_client_did_not_upload_is_refused(gradio_app: str) -> None:
    """Sent as raw API data (``gradio_client`` would upload its own copy of the file)."""
    started = httpx.post(
        f"{gradio_app}gradio_api/call/describe",
        json={"data": [{"path": "/etc/passwd", "meta": {"_type": "gradio.FileData"}}]},
    )
    events = httpx.get(f"{gradio_app}gradio_api/call/describe/{started.json()['event_id']}")
    assert "event: error" in events.text and "root:" not in events.text


@pytest.mark.interop
def test_a_handler_image_is_downloaded_by_the_client(
    gradio_app: str, image_module: ModuleType
) -> None:
    from gradio_client import Client

    result = Client(gradio_app, verbose=False).predict(api_name="/make")
    assert Path(result).read_bytes() == image_module.gradient_png(5, 5)


@pytest.mark.interop
@pytest.mark.browser
def test_a_file_chosen_in_the_gradio_page_reaches_the_handler(
    browser: Any, gradio_app: str, png: Path
) -> None:
    """``model.upload`` goes through ``gr.HTML``'s ``upload``; the value Gradio holds is its
    ``FileData``, previewed from Gradio's file route and handed to the handler as a file."""
    page = browser.new_page()
    try:
        page.goto(gradio_app)
        picture = page.locator(".livery-root").first
        picture.locator("input[type=file]").set_input_files(str(png))
        page.wait_for_function(
            """() => { const img = document.querySelector('.livery-root img');
                       return img && img.complete && img.naturalWidth === 8; }"""
        )
        page.get_by_role("button", name="Describe").click()
        answer = page.get_by_role("textbox")
        head = repr(b"\x89PNG")
        expected = f"tiny.png image/png {png.stat().st_size} {head}"
        deadline = time.monotonic() + 20
        while answer.input_value() != expected:
            assert time.monotonic() < deadline, f"the handler answered {answer.input_value()!r}"
            time.sleep(0.1)
    finally:
        page.close()


# -- the playground -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def image_playground(built: dict[str, BuildResult]) -> Iterator[str]:
    with own_imports("demo_image"), serve_playground(load_demo(built["image"].project.root)) as url:
        yield url


@pytest.mark.browser
def test_a_chosen_file_is_uploaded_previewed_and_handled(
    browser: Any, image_playground: str, png: Path
) -> None:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    try:
        page.goto(image_playground)
        page.wait_for_selector("body[data-ready=true]")
        section = page.locator('[data-story="with-a-value"]')
        section.locator("input[type=file]").set_input_files(str(png))
        # The story's handler read the uploaded bytes: it names the image after their count.
        preview = section.locator("img")
        expected = f"{png.stat().st_size} bytes"
        deadline = time.monotonic() + 10
        while preview.get_attribute("alt") != expected:
            assert time.monotonic() < deadline, f"alt is {preview.get_attribute('alt')!r}"
            time.sleep(0.05)
        assert preview.get_attribute("src").startswith("/api/files/")
        page.wait_for_function(
            """() => { const img = document.querySelector('[data-story="with-a-value"] img');
                       return img.complete && img.naturalWidth === 8; }"""
        )
        served = httpx.get(image_playground.rstrip("/") + preview.get_attribute("src"))
        assert served.content == png.read_bytes()
    finally:
        context.close()
    assert problems == []
