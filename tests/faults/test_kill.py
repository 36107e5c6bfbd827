"""SIGKILL at random moments never costs the previous output: after every kill the file or
folder a command writes is complete, old or new, and the next run clears the scratch left.

Each writer is killed 50 times at moments spread over its run (measured first); the moments
are seeded, so a failure repeats. The runs are forked from one warm process
(``tests.faults.warm``), so each costs its own work and not an interpreter start.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from livery.theme import Theme
from tests.faults.warm import WarmLivery

KILLS = 50
"""How many times each writer is killed (issue 15)."""


@pytest.fixture(scope="module")
def warm() -> Iterator[WarmLivery]:
    with WarmLivery() as server:
        yield server


def _moments(duration: float, seed: str) -> list[float]:
    chance = random.Random(seed)
    return [chance.uniform(0.02, 1.05) * duration for _ in range(KILLS)]


def _scratch(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_theme_save_killed_mid_write_leaves_a_whole_theme(warm: WarmLivery, tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    Theme.load("soft").save(path)
    chance = random.Random("save")
    for _ in range(KILLS):
        warm.kill(warm.save(path), chance.uniform(0.01, 0.3))
        assert Theme.load(path).name == "Soft"  # parses, whole
    Theme.load("soft").save(path)
    assert _scratch(tmp_path) == []


def test_theme_build_killed_leaves_the_previous_stylesheet_or_the_new_one(
    warm: WarmLivery, tmp_path: Path
) -> None:
    out = tmp_path / "theme.css"
    old = "/* the previous build */\n"
    out.write_text(old)
    new = Theme.load("soft").css()
    args = ["theme", "build", "soft", "-o", str(out)]
    duration = warm.duration(args, tmp_path)
    for moment in _moments(duration, "build"):
        out.write_text(old)
        warm.kill_at(args, tmp_path, moment)
        assert out.read_text() in (old, new)
    warm.duration(args, tmp_path)
    assert out.read_text() == new and _scratch(tmp_path) == []


@pytest.mark.usefixtures("node_or_skip")
def test_component_build_killed_leaves_complete_templates(
    warm: WarmLivery, built: dict, tmp_path: Path
) -> None:
    source = built["text"].project.root
    root = tmp_path / "text"
    shutil.copytree(source, root, symlinks=True, ignore=shutil.ignore_patterns("dist"))
    package = built["text"].project.package_dir.relative_to(source)
    templates = root / package / "templates"
    complete = sorted(p.name for p in templates.iterdir())
    args = ["component", "build", str(root)]
    duration = warm.duration(args, tmp_path)
    for moment in _moments(duration, "component"):
        warm.kill_at(args, tmp_path, moment)
        assert sorted(p.name for p in templates.iterdir()) == complete
        assert (templates / "index.js").stat().st_size > 0
    warm.duration(args, tmp_path)
    assert [n for n in _scratch(root / package) if n.startswith(".templates-")] == []


def test_gallery_build_killed_leaves_a_whole_site(warm: WarmLivery, tmp_path: Path) -> None:
    site = tmp_path / "site"
    args = ["gallery", "build", "-o", str(site)]
    warm.duration(args, tmp_path)  # the first run may fetch fonts into the cache
    duration = warm.duration(args, tmp_path)
    pages = _files(site)
    for moment in _moments(duration, "gallery"):
        warm.kill_at(args, tmp_path, moment)
        assert _files(site) == pages
    warm.duration(args, tmp_path)
    assert _scratch(tmp_path) == []
