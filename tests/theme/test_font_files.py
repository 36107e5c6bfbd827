"""The font-file provider: real ``@fontsource`` packages from the npm registry, cached once per
session (``font_cache`` in tests/conftest.py), and a loopback registry that serves what a
broken or hostile one would (a corrupted tarball, a path outside the package, a link)."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import socket
import tarfile
import threading
import warnings
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from livery.errors import FontUnavailableWarning
from livery.gallery.registry import preview_css
from livery.theme import Theme
from livery.theme.fontfiles import cache_root, face_rules, font_set, registry, stack_faces
from livery.theme.fonts import GoogleFont

# --- a loopback registry ------------------------------------------------------------------


class FakeRegistry:
    """An npm registry on 127.0.0.1 that answers ``/<package>/latest`` with a release whose
    tarball (``/<slug>.tgz``) and integrity the test chooses."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        files = self.files

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                body = files.get(self.path.replace("%2F", "/").replace("%2f", "/"))
                self.send_response(200 if body is not None else 404)
                self.end_headers()
                self.wfile.write(body or b"")

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def publish(self, package: str, version: str, tarball: bytes, integrity: str) -> None:
        slug = package.rpartition("/")[2]
        manifest = {
            "name": package,
            "version": version,
            "dist": {"tarball": f"{self.url}/{slug}.tgz", "integrity": integrity},
        }
        self.files[f"/{package}/latest"] = json.dumps(manifest).encode()
        self.files[f"/{slug}.tgz"] = tarball

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def fake_registry(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeRegistry]:
    fake = FakeRegistry()
    monkeypatch.setenv("LIVERY_NPM_REGISTRY", fake.url)
    yield fake
    fake.close()


@pytest.fixture
def dead_registry(monkeypatch: pytest.MonkeyPatch) -> str:
    """A registry address nothing listens on: what an offline machine sees."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    monkeypatch.setenv("LIVERY_NPM_REGISTRY", url)
    return url


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("LIVERY_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache" / "fonts"


@pytest.fixture(scope="session")
def bungee() -> tuple[registry.Release, bytes]:
    """The real ``@fontsource/bungee`` release and tarball (small: one weight)."""
    release = registry.latest("@fontsource/bungee")
    return release, registry.download(release)


def sha512(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def tarball(members: dict[str, bytes], links: dict[str, str] | None = None) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        for name, target in (links or {}).items():
            info = tarfile.TarInfo(name)
            info.type = tarfile.SYMTYPE
            info.linkname = target
            archive.addfile(info)
    return buffer.getvalue()


# --- fetching and caching -----------------------------------------------------------------


def test_a_family_is_fetched_with_every_subset_of_the_weights_asked_and_nothing_else(
    fresh_cache: Path,
) -> None:
    found = font_set("Montserrat", [400, 700])
    assert found is not None
    assert found.package == "@fontsource/montserrat" and found.version[0].isdigit()
    assert found.folder == cache_root() / "@fontsource" / f"montserrat@{found.version}"
    subsets = {face.subset for face in found.faces}
    assert {"latin", "latin-ext", "cyrillic", "vietnamese"} <= subsets
    assert {(face.weight, face.subset) for face in found.faces} == {
        (weight, subset) for weight in (400, 700) for subset in subsets
    }
    woff2 = sorted(path.name for path in found.folder.glob("*.woff2"))
    assert woff2 == sorted(face.file for face in found.faces)  # no 100…900, italic, .woff
    assert "montserrat-latin-700-normal.woff2" in woff2
    for path in found.paths():
        assert path.read_bytes()[:4] == b"wOF2"
    assert "OFL" in (found.folder / "LICENSE").read_text(encoding="utf-8", errors="replace")
    latin = next(face for face in found.faces if face.subset == "latin")
    assert latin.unicode_range.startswith("U+0000-00FF,")
    assert not [p for p in found.folder.parent.iterdir() if p.name.startswith(".")]


def test_face_rules_declare_weight_subset_swap_and_a_checked_file(tmp_path: Path) -> None:
    found = font_set("Montserrat", [400])
    assert found is not None
    css = face_rules([found], "../fonts")
    assert css.count("@font-face") == len(found.faces) >= 5
    assert css.count("font-display: swap;") == len(found.faces)
    assert css.count("unicode-range: U+") == len(found.faces)
    assert "src: url('../fonts/montserrat-latin-400-normal.woff2') format('woff2');" in css
    assert "font-family: 'Montserrat';" in css and "font-weight: 400;" in css
    minified = face_rules([found], "../fonts", minify=True)
    assert "\n" not in minified and "font-display:swap" in minified


def test_a_cached_family_needs_no_network(
    monkeypatch: pytest.MonkeyPatch, dead_registry: str
) -> None:
    monkeypatch.delenv("LIVERY_NPM_REGISTRY")
    first = font_set("Montserrat", [400, 700])  # cached by the tests above, or now
    assert first is not None
    monkeypatch.setenv("LIVERY_NPM_REGISTRY", dead_registry)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        again = font_set("Montserrat", [700])
    assert again is not None and {face.weight for face in again.faces} == {700}
    assert again.folder == first.folder


def test_a_new_weight_extends_the_cached_folder(fresh_cache: Path) -> None:
    assert font_set("Silkscreen", [400]) is not None
    both = font_set("Silkscreen", [400, 700])
    assert both is not None and {face.weight for face in both.faces} == {400, 700}
    (folder,) = (fresh_cache / "@fontsource").iterdir()
    assert {p.name for p in folder.glob("*-400-normal.woff2")}
    assert {p.name for p in folder.glob("*-700-normal.woff2")}
    assert [p.name for p in (fresh_cache / "@fontsource").iterdir()] == [folder.name]


def test_a_weight_the_package_lacks_is_not_fetched_again(
    fresh_cache: Path, monkeypatch: pytest.MonkeyPatch, dead_registry: str
) -> None:
    monkeypatch.delenv("LIVERY_NPM_REGISTRY")
    found = font_set("Share Tech Mono", [400, 600])  # it has 400 only
    assert found is not None and {face.weight for face in found.faces} == {400}
    monkeypatch.setenv("LIVERY_NPM_REGISTRY", dead_registry)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert font_set("Share Tech Mono", [400, 600]) == found


# --- offline, corrupted, hostile ----------------------------------------------------------


def test_offline_and_not_cached_is_one_warning_and_the_stack_falls_back(
    fresh_cache: Path, dead_registry: str
) -> None:
    with pytest.warns(FontUnavailableWarning) as caught:
        assert font_set("Inter", [400, 600]) is None
    (warning,) = caught
    message = str(warning.message)
    assert "\n" not in message and "@fontsource/inter" in message
    assert "cannot reach 127.0.0.1" in message and "rest of the font stack" in message
    with warnings.catch_warnings():  # said once: a gallery asks for it on every card
        warnings.simplefilter("error")
        theme = Theme(
            font=[GoogleFont("Inter"), "ui-sans-serif", "sans-serif"], font_mono=["monospace"]
        )
        css = preview_css(theme, ".lv-t-x", "../../fonts")
    assert "@font-face" not in css and "@import" not in css
    assert "--font:'Inter', ui-sans-serif, sans-serif" in css
    assert not fresh_cache.exists() or not any(fresh_cache.rglob("*.woff2"))


def test_a_corrupted_tarball_is_refused_and_nothing_is_cached(
    fresh_cache: Path, fake_registry: FakeRegistry, bungee: tuple[registry.Release, bytes]
) -> None:
    release, data = bungee
    corrupted = bytearray(data)
    corrupted[len(corrupted) // 2] ^= 0xFF
    fake_registry.publish(release.package, release.version, bytes(corrupted), release.integrity)
    with pytest.warns(FontUnavailableWarning, match="does not match its sha512 integrity"):
        assert font_set("Bungee", [400]) is None
    assert not fresh_cache.exists() or not list(fresh_cache.rglob("*"))


def test_the_same_tarball_intact_is_accepted(
    fresh_cache: Path, fake_registry: FakeRegistry, bungee: tuple[registry.Release, bytes]
) -> None:
    release, data = bungee
    fake_registry.publish(release.package, "5.3.0-test", data, release.integrity)
    found = font_set("Bungee", [400])
    assert found is not None and found.version == "5.3.0-test"
    assert (fresh_cache / "@fontsource" / "bungee@5.3.0-test" / "faces.json").is_file()


@pytest.mark.parametrize(
    ("members", "links", "reason"),
    [
        ({"package/../escaped.woff2": b"x"}, {}, "holds a path"),
        ({"/etc/escaped.woff2": b"x"}, {}, "holds a path"),
        ({}, {"package/files/bungee-latin-400-normal.woff2": "/etc/passwd"}, "holds a link"),
    ],
    ids=["parent", "absolute", "link"],
)
def test_a_tarball_reaching_outside_the_package_is_refused(
    fresh_cache: Path,
    fake_registry: FakeRegistry,
    tmp_path: Path,
    members: dict[str, bytes],
    links: dict[str, str],
    reason: str,
) -> None:
    data = tarball({"package/unicode.json": b'{"latin": "U+0000-00FF"}', **members}, links)
    fake_registry.publish("@fontsource/bungee", "9.0.0", data, sha512(data))
    with pytest.warns(FontUnavailableWarning, match=reason):
        assert font_set("Bungee", [400]) is None
    assert not (tmp_path / "escaped.woff2").exists()
    assert not fresh_cache.exists() or not list(fresh_cache.rglob("*.woff2"))


def test_a_failed_update_leaves_the_cached_folder_as_it_was(
    fresh_cache: Path, monkeypatch: pytest.MonkeyPatch, bungee: tuple[registry.Release, bytes]
) -> None:
    release, data = bungee
    fake = FakeRegistry()
    try:
        monkeypatch.setenv("LIVERY_NPM_REGISTRY", fake.url)
        fake.publish(release.package, release.version, data, release.integrity)
        first = font_set("Bungee", [400])
        assert first is not None
        before = {p.name: p.read_bytes() for p in first.folder.iterdir()}
        # the next release is corrupted: asking for a new weight keeps what was there
        fake.publish(release.package, "99.0.0", data[:-100], release.integrity)
        with pytest.warns(FontUnavailableWarning, match="using the weights already cached"):
            kept = font_set("Bungee", [400, 700])
        assert kept is not None and kept.folder == first.folder
        assert {p.name: p.read_bytes() for p in first.folder.iterdir()} == before
        assert [p.name for p in first.folder.parent.iterdir()] == [first.folder.name]
    finally:
        fake.close()


def test_a_half_written_cache_folder_is_ignored(
    fresh_cache: Path, fake_registry: FakeRegistry, bungee: tuple[registry.Release, bytes]
) -> None:
    release, data = bungee
    broken = fresh_cache / "@fontsource" / "bungee@99.0.0"
    broken.mkdir(parents=True)
    (broken / "bungee-latin-400-normal.woff2").write_bytes(b"wOF2 half")  # no faces.json
    fake_registry.publish(release.package, release.version, data, release.integrity)
    found = font_set("Bungee", [400])
    assert found is not None and found.version == release.version
    assert found.paths()[0].read_bytes()[:4] == b"wOF2" and len(found.paths()[0].read_bytes()) > 100


def test_stack_faces_merges_weights_of_one_family_across_stacks() -> None:
    theme = Theme.load("mario")  # Press Start 2P in both stacks
    css = stack_faces((*theme.font, *theme.font_mono), "fonts")
    assert css.count("press-start-2p-latin-400-normal.woff2") == 1
    assert "'Press Start 2P'" in css


def test_a_tarball_over_the_limit_is_refused_before_it_is_read_whole(
    fresh_cache: Path, fake_registry: FakeRegistry, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(registry, "MAX_TARBALL", 10_000)  # 50 MB in use; the check is the same
    data = tarball({"package/unicode.json": b"{}", "package/files/pad.bin": bytes(50_000)})
    fake_registry.publish("@fontsource/bungee", "9.0.0", data + bytes(20_000), sha512(data))
    with pytest.warns(FontUnavailableWarning, match="larger than 10,000 bytes"):
        assert font_set("Bungee", [400]) is None
    assert not fresh_cache.exists() or not list(fresh_cache.rglob("*"))
