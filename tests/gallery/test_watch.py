"""Theme files added, changed, broken and deleted while the gallery runs: no restart needed."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import livery

from .conftest import Gallery, good_theme, start_gallery


@pytest.fixture
def watched(tmp_path: Path) -> Iterator[tuple[Gallery, Path]]:
    folder = tmp_path / "themes"
    folder.mkdir()
    running = start_gallery([folder], include_library=False)
    yield running, folder
    running.stop()


def eventually(check: Callable[[], Any], timeout: float = 6.0) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        assert time.monotonic() < deadline, "the gallery did not pick up the change"
        time.sleep(0.1)


def by_slug(gallery: Gallery) -> dict[str, dict[str, Any]]:
    return {theme["slug"]: theme for theme in gallery.themes()}


def test_new_changed_broken_and_deleted_files(watched: tuple[Gallery, Path]) -> None:
    gallery, folder = watched
    assert gallery.themes() == []

    (folder / "fresh.toml").write_text(good_theme("Fresh"))
    theme = eventually(lambda: by_slug(gallery).get("fresh"))
    assert theme["name"] == "Fresh" and theme["error"] is None
    assert 'data-slug="fresh"' in gallery.get("").text

    first_css = gallery.get("themes/fresh/scoped.css").text
    (folder / "fresh.toml").write_text(good_theme("Fresh again", primary="teal"))
    eventually(lambda: by_slug(gallery)["fresh"]["name"] == "Fresh again")
    assert gallery.get("themes/fresh/scoped.css").text != first_css

    (folder / "fresh.toml").write_text(good_theme("Broken", body_text_color="red;}"))
    broken = eventually(lambda: by_slug(gallery)["fresh"]["error"])
    assert "body_text_color" in broken
    assert 'class="card card-error"' in gallery.get("").text

    (folder / "fresh.toml").unlink()
    eventually(lambda: "fresh" not in by_slug(gallery))
    assert gallery.get("themes/fresh/").status_code == 404


def test_moves_and_gradio_json(watched: tuple[Gallery, Path], tmp_path: Path) -> None:
    gallery, folder = watched
    outside = tmp_path / "dump.json"
    outside.write_text(json.dumps(livery.themes.Ocean().to_gradio()))
    outside.rename(folder / "ocean-dump.json")
    theme = eventually(lambda: by_slug(gallery).get("ocean-dump"))
    assert theme["error"] is None
    (folder / "ocean-dump.json").rename(folder / "renamed.json")
    eventually(lambda: "renamed" in by_slug(gallery) and "ocean-dump" not in by_slug(gallery))
