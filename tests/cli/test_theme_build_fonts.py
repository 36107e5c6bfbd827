"""``livery theme build --fonts``: the woff2 files written beside the CSS and loaded from
disk (file://) by Chromium; the CDN only when asked; offline, a one-line warning."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

LIVERY = [sys.executable, "-m", "livery"]

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><link rel="stylesheet" href="css/soft.css"></head>
<body style="font-family: var(--font)"><p>Sphinx of black quartz, judge my vow</p>
<pre style="font-family: var(--font-mono)">print("mono")</pre>
<p style="font-weight: 700">Bold</p></body></html>
"""

FONT_STATE = """async (families) => {
    await document.fonts.ready;
    const loaded = (family) => [...document.fonts].some(
        (f) => f.family === family && f.status === 'loaded');
    return families.map((family) => loaded(family) && document.fonts.check(`16px "${family}"`));
}"""


def run(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*LIVERY, *args], capture_output=True, text=True, cwd=cwd, timeout=120, env=env
    )


@pytest.mark.browser
def test_fonts_dir_writes_the_files_and_the_page_loads_them_from_disk(
    tmp_path: Path, page: Any
) -> None:
    result = run(
        "theme", "build", "soft", "-o", "site/css/soft.css", "--fonts", "site/fonts", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    css = (tmp_path / "site/css/soft.css").read_text()
    sources = re.findall(r"src: url\('([^']+)'\)", css)
    assert "../fonts/montserrat-latin-400-normal.woff2" in sources
    assert "../fonts/ibm-plex-mono-latin-400-normal.woff2" in sources
    for source in sources:
        assert (tmp_path / "site/css" / source).resolve().is_file(), source
    assert "static/fonts" not in css and "@import" not in css and "url('http" not in css
    (tmp_path / "site/index.html").write_text(PAGE)

    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto((tmp_path / "site/index.html").as_uri())
    page.wait_for_load_state("networkidle")
    assert page.evaluate(FONT_STATE, ["Montserrat", "IBM Plex Mono"]) == [True, True]
    assert all(url.startswith("file://") for url in requested), requested
    assert any(url.endswith("/site/fonts/montserrat-latin-700-normal.woff2") for url in requested)


def test_cdn_links_google_fonts_and_none_writes_no_font_rule(tmp_path: Path) -> None:
    cdn = run("theme", "build", "soft", "--fonts", "cdn", cwd=tmp_path)
    assert cdn.returncode == 0, cdn.stderr
    assert cdn.stdout.startswith(
        "@import url('https://fonts.googleapis.com/css2?family=Montserrat:wght@400;700&display=swap');\n"
        "@import url('https://fonts.googleapis.com/css2?family=IBM+Plex+Mono:wght@400;600&display=swap');\n"
    )
    assert "@font-face" not in cdn.stdout
    none = run("theme", "build", "soft", "--fonts", "none", "--minify", cwd=tmp_path)
    assert none.returncode == 0 and none.stdout.startswith(":root{")
    assert "@font-face" not in none.stdout and "@import" not in none.stdout
    default = run("theme", "build", "soft", cwd=tmp_path)  # unchanged: Gradio's paths
    assert "url('static/fonts/Montserrat/Montserrat-Regular.woff2')" in default.stdout


def test_offline_and_not_cached_warns_in_one_line_and_still_builds(tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {
        **os.environ,
        "LIVERY_CACHE_DIR": str(tmp_path / "empty-cache"),
        "LIVERY_NPM_REGISTRY": f"http://127.0.0.1:{port}",
    }
    result = run(
        "theme", "build", "soft", "-o", "soft.css", "--fonts", "fonts", cwd=tmp_path, env=env
    )
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 2  # Montserrat, IBM Plex Mono
    assert "@fontsource/montserrat: cannot reach 127.0.0.1" in warnings[0]
    assert "Traceback" not in result.stderr
    css = (tmp_path / "soft.css").read_text()
    assert "@font-face" not in css and "--font: 'Montserrat', ui-sans-serif" in css
    assert not list((tmp_path / "fonts").glob("*"))


def test_fonts_naming_a_file_is_a_one_line_error_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("not a folder")
    result = run("theme", "build", "soft", "-o", "soft.css", "--fonts", "taken", cwd=tmp_path)
    assert result.returncode == 2
    assert "taken is a file, not a folder for the fonts" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "soft.css").exists()
