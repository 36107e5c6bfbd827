"""Issue 15: custom CSS and component styles may not load other files, in any spelling.

The check reads tinycss2's tokens (escapes decoded, as a browser decodes them), so
``@\\69mport`` is ``@import``. Each case of the issue runs through ``compile_custom``, the
theme's ``custom_css`` field, a real ``livery component build`` and a real Chromium, whose
requests to a local server show what a stylesheet would have loaded.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from livery import themes
from livery.css import UnsafeCssError, compile_custom
from livery.errors import InvalidValueError
from livery.theme.model import Theme

LIVERY = [sys.executable, "-m", "livery"]
HOSTILE = {
    "escaped_import": "@\\69mport url(http://{host}/import.css);\n.a { color: red; }\n",
    "remote_background": ".a { background: url(http://{host}/background.png); }\n",
    "remote_https_background": ".a { background:url(https://{host}/https.png); }\n",
    "protocol_relative_font": (
        "@font-face { font-family: Evil; src: url(//{host}/font.woff2); }\n"
        ".a { font-family: Evil; }\n"
    ),
    "escaped_url_function": '.a { background: u\\72l("//{host}/escaped.png"); }\n',
    "image_set_string": '.a { background-image: image-set("//{host}/set.png" 1x); }\n',
    "namespace": "@namespace svg url(http://{host}/ns);\n.a { color: red; }\n",
    "relative_url": ".a { background: url(icon.png); }\n",
    "unknown_at_rule": "@-moz-document url-prefix() { .a { color: red; } }\n",
}
"""The issue's cases (``{host}`` is the recording server's), and their relatives."""


class Recorder:
    """A real HTTP server on a free 127.0.0.1 port that serves one page and records every
    other request: what a stylesheet on that page made the browser load."""

    def __init__(self) -> None:
        self.page = ""
        self.requests: list[str] = []
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if self.path == "/page":
                    body, kind = recorder.page.encode(), "text/html; charset=utf-8"
                else:
                    recorder.requests.append(self.path)
                    body, kind = b"", "text/plain"
                self.send_response(200)
                self.send_header("content-type", kind)
                self.send_header("content-length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.host = f"127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def load(self, page: Any, css: str) -> list[str]:
        """The requests a page holding ``css`` in a ``<style>`` makes."""
        self.requests.clear()
        self.page = f"<!doctype html><style>{css}</style><div class='a'>text</div>"
        page.goto(f"http://{self.host}/page")
        page.wait_for_load_state("networkidle")
        page.evaluate("document.fonts.ready.then(() => true)")
        return [path for path in self.requests if path != "/favicon.ico"]


@pytest.fixture(scope="module")
def recorder() -> Iterator[Recorder]:
    server = Recorder()
    yield server
    server.server.shutdown()


@pytest.fixture(scope="module")
def theme() -> Theme:
    return themes.Default()


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_compile_custom_refuses_loading_css(case: str, theme: Theme) -> None:
    source = HOSTILE[case].replace("{host}", "evil.example")
    with pytest.raises(UnsafeCssError) as caught:
        compile_custom(theme, source)
    message = str(caught.value)
    assert message.startswith("<custom>:1: the compiled CSS contains ")
    assert "\n" not in message
    with pytest.raises(UnsafeCssError):
        theme.css(custom=source)


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_theme_custom_css_refuses_loading_css(case: str) -> None:
    source = HOSTILE[case].replace("{host}", "evil.example")
    with pytest.raises(InvalidValueError) as caught:
        Theme(custom_css=source)
    assert str(caught.value).startswith("custom_css = ")
    assert ": it contains " in str(caught.value)


def test_the_escaped_import_is_named_as_the_browser_reads_it(theme: Theme) -> None:
    with pytest.raises(UnsafeCssError) as caught:
        compile_custom(theme, "\n" + HOSTILE["escaped_import"].replace("{host}", "127.0.0.1:8298"))
    assert str(caught.value) == (
        "<custom>:2: the compiled CSS contains @import: a custom stylesheet cannot load other files"
    )


@pytest.mark.parametrize(
    "source",
    [
        ".a { background: url(data:image/png;base64,iVBORw0KGgo=); }",
        '.a { background: url("data:image/svg+xml,%3csvg%3e%3c/svg%3e"); }',
        ".a { filter: url(#blur); }",
        "@font-face { font-family: Inline; src: url(data:font/woff2;base64,AAAA) format(woff2); }",
        '@font-face { font-family: Local; src: local("Arial"); }',
        "@media (min-width: 10px) { .a { color: red; } }",
        "@supports (display: grid) { .a { display: grid; } }",
        "@keyframes spin { to { transform: rotate(1turn); } }",
        "@layer base { .a { color: var(--body-text-color); } }",
        '.a::after { content: "url(http://not-an-address.example) @import"; }',
        "/* @import url(http://in-a-comment.example); */ .a { color: red; }",
    ],
)
def test_inline_and_arranging_css_is_kept(theme: Theme, source: str) -> None:
    assert compile_custom(theme, source).strip()
    assert Theme(custom_css=source).custom_css == source


def test_chromium_fetches_what_the_check_refuses(recorder: Recorder, page: Any) -> None:
    """The control: these strings, let through, do load files from elsewhere."""
    for case in ("escaped_import", "remote_background", "protocol_relative_font"):
        css = HOSTILE[case].replace("{host}", recorder.host)
        assert recorder.load(page, css), case


@pytest.mark.build
def test_a_component_build_refuses_a_loading_style_and_keeps_its_assets(
    built: dict[str, Any], tmp_path: Path, recorder: Recorder, page: Any
) -> None:
    project = tmp_path / "text"
    shutil.copytree(built["text"].project.root, project, symlinks=True)
    style_css = built["text"].project.templates_dir.relative_to(built["text"].project.root)
    style_css = project / style_css / "style.css"
    before = style_css.read_bytes()
    style = project / "frontend" / "style.scss"
    kept = style.read_text()
    for case in ("escaped_import", "remote_https_background", "protocol_relative_font"):
        hostile = HOSTILE[case].replace("{host}", recorder.host)
        style.write_text(kept + "\n" + hostile)
        cli = subprocess.run(
            [*LIVERY, "component", "build", str(project)], capture_output=True, text=True
        )
        assert cli.returncode == 1, case
        errors = [line for line in cli.stderr.splitlines() if line.startswith("error:")]
        line = len(kept.splitlines()) + 2
        assert len(errors) == 1 and f"frontend/style.scss:{line}: the compiled CSS" in errors[0]
        assert "Traceback" not in cli.stderr
        assert style_css.read_bytes() == before
        assert recorder.host not in style_css.read_text()
        assert recorder.load(page, style_css.read_text()) == []
