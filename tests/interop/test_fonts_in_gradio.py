"""A Livery theme's fonts load in a real Gradio 6 app with no request leaving 127.0.0.1:
a font Gradio ships comes from Gradio's own ``static/fonts`` copy (as with Gradio's themes),
one it does not ship from Livery's font cache, which Gradio serves at ``gradio_api/file=``."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

import livery
from livery.theme.fonts import GoogleFont
from tests.component.servers import free_port

gr = pytest.importorskip("gradio")

pytestmark = [pytest.mark.interop, pytest.mark.browser]

FONT_STATE = """async (families) => {
    await document.fonts.ready;
    return families.map((family) => ({
        family,
        check: document.fonts.check(`16px "${family}"`),
        loaded: [...document.fonts].some((f) => f.family === family && f.status === 'loaded'),
    }));
}"""


def app() -> Any:
    with gr.Blocks() as demo:
        gr.Textbox(label="Name", value="Hello, fonts")
        gr.Code(value="print('mono')", language="python")
        gr.Button("Run")
    return demo


def open_app(page: Any, theme: livery.Theme, families: list[str]) -> tuple[list, list[str]]:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    demo = app()
    _, url, _ = demo.launch(  # Gradio 6 takes the theme here (gr.Blocks(theme=…) is deprecated)
        theme=theme, prevent_thread_lock=True, server_name="127.0.0.1", server_port=free_port(),
        quiet=True,
    )  # fmt: skip
    try:
        page.goto(url)
        page.wait_for_selector("button")
        page.wait_for_load_state("networkidle")
        states = page.evaluate(FONT_STATE, families)
    finally:
        demo.close()
    return states, requested


def assert_loaded_locally(states: list[dict], requested: list[str]) -> None:
    assert all(state["check"] and state["loaded"] for state in states), states
    elsewhere = [url for url in requested if urlsplit(url).hostname != "127.0.0.1"]
    assert not elsewhere, f"requests left 127.0.0.1: {elsewhere}"


def test_a_google_font_gradio_does_not_ship_is_served_from_livery_s_cache(page: Any) -> None:
    theme = livery.Theme(
        font=[GoogleFont("Inter", weights=(400, 600)), "ui-sans-serif", "sans-serif"],
        font_mono=[GoogleFont("Fira Code"), "monospace"],
    )
    assert theme._stylesheets == []  # no Google Fonts <link>
    states, requested = open_app(page, theme, ["Inter", "Fira Code"])
    assert_loaded_locally(states, requested)
    served = [url for url in requested if url.endswith(".woff2")]
    assert any("/gradio_api/file=" in url and "inter-latin-400-normal" in url for url in served)
    assert any("fira-code-latin-400-normal" in url for url in served)


def test_a_font_gradio_ships_comes_from_gradio_s_own_copy(page: Any) -> None:
    theme = livery.themes.Soft()  # Montserrat and IBM Plex Mono, both in Gradio's static/fonts
    states, requested = open_app(page, theme, ["Montserrat", "IBM Plex Mono"])
    assert_loaded_locally(states, requested)
    served = [url for url in requested if url.endswith(".woff2")]
    assert any("/static/fonts/Montserrat/Montserrat-Regular.woff2" in url for url in served)
    assert not any("gradio_api/file=" in url for url in served)
