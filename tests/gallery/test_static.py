"""``livery gallery build``: a static site whose every link resolves to a written file."""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

import livery
from livery.errors import BuildFolderError
from livery.gallery.static_site import MARKER, build

from .conftest import good_theme, write_hostile


class Links(HTMLParser):
    """Every URL a page refers to: href, src and the gallery's data-css."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src", "data-css") and value:
                self.urls.append(value)


def resolve(site: Path, page: Path, url: str) -> Path | None:
    """The file a relative URL on ``page`` points to (``None`` for in-page anchors)."""
    if url.startswith("#"):
        return None
    assert not re.match(r"^[a-z]+:", url), f"{page}: absolute URL {url}"
    assert not url.startswith("/"), f"{page}: root-relative URL {url}"
    base = "http://site/" + page.relative_to(site).as_posix()
    target = urlsplit(urljoin(base, url)).path
    path = site / unquote(target).lstrip("/")
    return path / "index.html" if target.endswith("/") else path


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("static")
    hostile = root / "hostile"
    write_hostile(hostile)
    output = root / "site"
    build(output, [hostile])
    return output


def test_every_link_resolves(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    checked = 0
    for page in pages:
        parser = Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for url in parser.urls:
            target = resolve(site, page, url)
            if target is None:
                continue
            assert target.is_file(), f"{page.relative_to(site)}: broken link {url}"
            checked += 1
    assert checked > 200


def test_script_imports_resolve(site: Path) -> None:
    for script in (site / "assets" / "js").glob("*.js"):
        for module in re.findall(r'from "(\./[^"]+)"', script.read_text()):
            assert (script.parent / module).is_file(), f"{script.name} imports {module}"


def test_site_contents(site: Path) -> None:
    assert (site / MARKER).is_file()
    for slug in livery.theme.library.entries():
        folder = site / "themes" / slug
        assert (folder / "index.html").is_file() and (folder / "scoped.css").is_file()
        for suffix in (".css", ".toml", ".gradio.json", ".tokens.json"):
            assert (folder / f"{slug}{suffix}").is_file()
    assert livery.Theme.load(site / "themes/soft/soft.toml") == livery.Theme.load("soft")
    assert livery.Theme.from_gradio(site / "themes/ocean/ocean.gradio.json").name == "Ocean"
    builder = (site / "builder" / "index.html").read_text()
    assert 'id="builder-offline"' in builder and "livery gallery" in builder
    assert "api/" not in builder
    index = (site / "index.html").read_text()
    assert 'data-live="false"' in index
    assert '<meta http-equiv="Content-Security-Policy"' in index
    assert "&lt;script&gt;" in index and "<script>window" not in index
    assert not list(site.parent.glob(".site.*")), "no temporary folder is left behind"


def test_rebuild_replaces_and_refuses_foreign_folders(tmp_path: Path) -> None:
    output = tmp_path / "site"
    build(output, [])
    (output / "stale.html").write_text("old")
    build(output, [])
    assert not (output / "stale.html").exists() and (output / "index.html").is_file()

    foreign = tmp_path / "documents"
    foreign.mkdir()
    (foreign / "thesis.txt").write_text("precious")
    with pytest.raises(BuildFolderError, match="not empty"):
        build(foreign, [])
    assert (foreign / "thesis.txt").read_text() == "precious"


def test_cli_build(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "livery", "gallery", "build", "-o", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "wrote" in result.stderr and (tmp_path / "out" / "index.html").is_file()
    again = subprocess.run(
        [sys.executable, "-m", "livery", "gallery", "build", "-o", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert again.returncode == 1 and again.stderr.startswith("error: ")


def test_a_pool_of_processes_writes_the_same_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from livery.gallery import static_site

    folder = tmp_path / "themes"
    folder.mkdir()
    for name, hue in (("one", "red"), ("two", "#0d9488"), ("three", "lime")):
        (folder / f"{name}.toml").write_text(good_theme(name.title(), primary=hue))
    build(tmp_path / "serial", [folder], include_library=False, workers=1)
    monkeypatch.setattr(static_site, "PARALLEL_FROM", 1)
    build(tmp_path / "pooled", [folder], include_library=False, workers=2)

    def contents(site: Path) -> dict[Path, bytes]:
        return {
            path.relative_to(site): path.read_bytes() for path in site.rglob("*") if path.is_file()
        }

    serial, pooled = contents(tmp_path / "serial"), contents(tmp_path / "pooled")
    assert serial == pooled and len(serial) > 20
