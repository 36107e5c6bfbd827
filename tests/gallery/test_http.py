"""The gallery over HTTP: pages, headers, downloads, the builder API, path traversal, and a
folder of hostile themes. A real uvicorn on a free 127.0.0.1 port."""

from __future__ import annotations

import http.client
import json
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

import livery
from livery.gallery.app import create_app
from livery.gallery.pages import CSP

from .conftest import XSS_DESCRIPTION, XSS_NAME, XSS_TAG, Gallery

PAGES = ("", "themes/soft/", "themes/aurora/", "compare/", "compare/?t=soft,ocean", "builder/",
         "builder/?from=citrus", "data/themes.json", "data/pairs.css", "assets/gallery.css",
         "assets/kitchen-sink.css", "assets/js/index.js", "themes/soft/scoped.css")  # fmt: skip


@pytest.mark.parametrize("path", PAGES)
def test_every_page_is_served_with_the_policy(gallery: Gallery, path: str) -> None:
    response = gallery.get(path)
    assert response.status_code == 200, response.text[:200]
    assert response.headers["content-security-policy"] == CSP
    assert response.headers["x-content-type-options"] == "nosniff"


def test_errors_carry_the_policy_too(gallery: Gallery) -> None:
    for path in ("nope", "themes/nope/", "themes/soft/nope.css", "api/build"):
        response = gallery.get(path)
        assert response.status_code in (404, 405)
        assert response.headers["content-security-policy"] == CSP


def test_pages_have_no_inline_script_or_style(gallery: Gallery) -> None:
    for path in ("", "themes/soft/", "compare/", "builder/?from=soft"):
        html = gallery.get(path).text
        assert "<style" not in html
        assert not re.search(r"\sstyle=", html)
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), "inline script"
        assert not re.search(r"\son[a-z]+=", html), "event handler attribute"
        assert "http://" not in html.replace(gallery.url, "") and "https://" not in html


def test_index_shows_every_builtin(gallery: Gallery) -> None:
    html = gallery.get("").text
    for slug in livery.theme.library.entries():
        assert f'data-slug="{slug}"' in html
        assert f'href="themes/{slug}/"' in html
    themes = gallery.themes()
    assert {theme["grade"] for theme in themes} <= {"AAA", "AA", "fails"}
    assert all(len(theme["swatches"]["primary"]) == 11 for theme in themes)


@pytest.mark.parametrize("path", ("", "themes/soft/", "data/themes.json"))
def test_compressed_responses_match_the_plain_ones(gallery: Gallery, path: str) -> None:
    """The large pages are gzipped once and kept: the same bytes as the plain response."""
    plain = gallery.get(path, headers={"accept-encoding": "identity"})
    packed = [gallery.get(path, headers={"accept-encoding": "gzip"}) for _ in range(2)]
    assert "content-encoding" not in plain.headers
    for response in packed:
        assert response.headers["content-encoding"] == "gzip"
        assert "accept-encoding" in response.headers["vary"].lower()
        assert response.headers["content-type"] == plain.headers["content-type"]
        assert response.headers["content-security-policy"] == CSP
        assert response.content == plain.content  # httpx has decompressed it


@pytest.mark.parametrize("slug", ["soft", "aurora", "monochrome"])
def test_downloads_load_back(gallery: Gallery, slug: str, tmp_path: Path) -> None:
    original = livery.Theme.load(slug)
    files = {}
    for suffix in (".css", ".toml", ".gradio.json", ".tokens.json"):
        response = gallery.get(f"themes/{slug}/{slug}{suffix}")
        assert response.status_code == 200
        disposition = response.headers["content-disposition"]
        assert disposition == f'attachment; filename="{slug}{suffix}"'
        files[suffix] = tmp_path / f"{slug}{suffix}"
        files[suffix].write_bytes(response.content)
    assert livery.Theme.load(files[".toml"]) == original
    assert livery.Theme.from_gradio(files[".gradio.json"]).css() == original.css()
    assert files[".css"].read_text() == original.css()
    tokens = json.loads(files[".tokens.json"].read_text())
    assert isinstance(tokens, dict) and tokens


def test_preview_css_is_scoped_and_fetches_nothing(gallery: Gallery) -> None:
    css = gallery.get("themes/soft/scoped.css").text
    faces, variables = css.split(".lv-t-soft{", 1)
    assert ".lv-t-soft.dark," in variables
    assert "@import" not in css and "url(http" not in css
    # Soft's Montserrat and IBM Plex Mono, as the gallery's own copies (/fonts/…)
    sources = re.findall(r"src:url\('([^']+)'\)", faces)
    assert "../../fonts/montserrat-latin-400-normal.woff2" in sources
    assert all(re.fullmatch(r"\.\./\.\./fonts/[a-z0-9-]+\.woff2", src) for src in sources)
    assert faces.count("@font-face") == len(sources) and "unicode-range:" in faces


TRAVERSALS = (
    "/assets/../../etc/passwd",
    "/assets/..%2f..%2fetc%2fpasswd",
    "/assets/%2e%2e/%2e%2e/etc/passwd",
    "/assets/%2e%2e%2f%2e%2e%2fpyproject.toml",
    "/assets//etc/passwd",
    "/assets/%2fetc%2fpasswd",
    "/assets/..\\..\\etc\\passwd",
    "/assets/js/../../templates/base.html",
    "/assets/.hidden",
    "/assets/%00gallery.css",
    "/assets/",
    "/themes/../../etc/passwd",
    "/themes/soft/..%2f..%2fpyproject.toml",
    "/etc/passwd",
    "//etc/passwd",
)


@pytest.mark.parametrize("path", TRAVERSALS)
def test_path_traversal_is_a_404(gallery: Gallery, path: str) -> None:
    host, port = gallery.url.removeprefix("http://").rstrip("/").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    connection.request("GET", path)  # sent as written: no client-side normalisation
    response = connection.getresponse()
    body = response.read()
    connection.close()
    assert response.status == 404, path
    assert b"root:" not in body and b"[project]" not in body and b"{% block" not in body


def test_asset_types_are_limited(tmp_path: Path) -> None:
    from livery.gallery.render import static_dir
    from livery.gallery.routes.files import safe_static_path

    root = static_dir()
    assert safe_static_path(root, "gallery.css") == (root / "gallery.css").resolve()
    assert safe_static_path(root, "js/index.js") is not None
    for bad in ("../README.md", "/etc/passwd", "js/../../README.md", ".", "", "a\\b", "js//x"):
        assert safe_static_path(root, bad) is None, bad


def test_builder_api(gallery: Gallery) -> None:
    request = {"from": "soft", "settings": {"primary_hue": "rose"}, "variables": {}}
    response = gallery.post("api/build", json=request)
    assert response.status_code == 200
    data = response.json()
    assert set(data) >= {"css", "toml", "python", "grade", "state"}
    assert ".lv-builder{" in data["css"] and 'primary_hue = "rose"' in data["toml"]
    assert "src:url('../../fonts/" in data["css"]  # the base theme's fonts, self-hosted
    css = gallery.get("api/build.css", params={"s": data["state"]})
    assert css.status_code == 200 and css.text == data["css"]
    toml = gallery.get("api/build.toml", params={"s": data["state"]})
    assert toml.headers["content-disposition"] == 'attachment; filename="soft.toml"'
    assert livery.Theme.from_toml(toml.text).primary_hue.name == "rose"

    bad = gallery.post("api/build", json={"from": "soft", "variables": {"body_text_color": "x;}"}})
    assert bad.status_code == 200 and bad.json()["ok"] is False
    assert "body_text_color" in bad.json()["error"]
    plain, as_json = {"content-type": "text/plain"}, {"content-type": "application/json"}
    assert gallery.post("api/build", content=b"{}", headers=plain).status_code == 415
    assert gallery.post("api/build", content=b"nope", headers=as_json).status_code == 400
    assert gallery.post("api/build", json={"from": "x" * 20_000}).status_code == 413
    assert gallery.get("api/build.css", params={"s": "{"}).status_code == 400


def test_host_header_is_checked_on_loopback() -> None:
    from starlette.testclient import TestClient

    app = create_app(allowed_hosts=["127.0.0.1", "localhost"], watch=False)
    with TestClient(app, base_url="http://127.0.0.1") as client:
        assert client.get("/data/version.json").status_code == 200
        assert client.get("/data/version.json", headers={"host": "evil.example"}).status_code == 400


def test_hostile_gallery_keeps_serving_with_error_cards(hostile_gallery: Gallery) -> None:
    html = hostile_gallery.get("").text
    assert html.count('class="card card-error"') == 12
    for raw in (XSS_NAME, XSS_DESCRIPTION, XSS_TAG, "<svg onload=alert(6)>", "<b onmouseover"):
        assert raw not in html
    assert "&lt;script&gt;window.__pwned=" in html
    assert "&lt;img src=x onerror=" in html
    assert "&lt;svg onload=alert(6)&gt;.toml" in html
    assert "not valid TOML" in html and "MB" in html and "cycle" in html
    themes = {theme["slug"]: theme for theme in hostile_gallery.themes()}
    assert themes["xss"]["name"] == XSS_NAME and themes["xss"]["error"] is None
    for slug in themes:
        assert re.fullmatch(r"[a-z0-9-]+", slug)
        page = hostile_gallery.get(f"themes/{slug}/")
        assert page.status_code == 200
        assert XSS_NAME not in page.text and "<svg onload" not in page.text
    assert hostile_gallery.get("builder/?from=xss").status_code == 200


def test_hostile_valid_theme_downloads_stay_data(hostile_gallery: Gallery) -> None:
    css = hostile_gallery.get("themes/xss/scoped.css").text
    assert "<" not in css and "alert" not in css
    toml = hostile_gallery.get("themes/xss/xss.toml").text
    assert livery.Theme.from_toml(toml).name == XSS_NAME


# --- the command line -----------------------------------------------------------------------


def _livery(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "livery", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _outward_address() -> str | None:
    """An address of this machine that is not loopback, if it has one."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))  # TEST-NET: nothing is sent
            address = probe.getsockname()[0]
    except OSError:
        return None
    return None if address.startswith("127.") else address


def test_cli_serves_on_loopback_by_default() -> None:
    process = _livery("gallery", "--port", "0")
    try:
        line = process.stdout.readline() if process.stdout else ""
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert match, line + (process.stderr.read() if process.poll() is not None else "")
        port = int(match.group(1))
        with socket.create_connection(("127.0.0.1", port), timeout=5):
            pass
        outward = _outward_address()
        if outward is not None:
            with pytest.raises(OSError), socket.create_connection((outward, port), timeout=2):
                pass
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_cli_port_in_use_is_one_error_line() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        process = _livery("gallery", "--port", str(port))
        _, stderr = process.communicate(timeout=30)
    assert process.returncode == 1
    assert stderr.strip().startswith("error: cannot listen on 127.0.0.1:")
    assert len(stderr.strip().splitlines()) == 1


def test_cli_help() -> None:
    for args in (["gallery", "--help"], ["gallery", "build", "--help"]):
        process = _livery(*args)
        stdout, _ = process.communicate(timeout=30)
        assert process.returncode == 0 and "Usage:" in stdout


def test_server_module_defaults() -> None:
    from livery import _web
    from livery.gallery import server

    assert server.DEFAULT_HOST == "127.0.0.1"
    assert _web.is_loopback("127.0.0.1") and not _web.is_loopback("0.0.0.0")
    started = time.perf_counter()
    with _web.bind("127.0.0.1", 0) as sock:
        assert _web.url_of(sock).startswith("http://127.0.0.1:")
    assert time.perf_counter() - started < 1
