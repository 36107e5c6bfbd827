"""SIGKILL at random moments never costs the previous output: after every kill the file or
folder a command writes is complete, old or new, and the next run clears the scratch left.

Each writer is killed many times at moments spread over its run (measured first); the
moments are seeded, so a failure repeats.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from livery.theme import Theme

LIVERY = [sys.executable, "-m", "livery"]
SAVE_LOOP = """
import sys
from livery.theme import Theme
theme, path = Theme.load("soft"), sys.argv[1]
for index in range(1_000_000):
    theme.set(body_text_color=f"#{index % 0xFFFFFF:06x}").save(path)
    if index == 0:
        print("ready", flush=True)
"""


def _kill_at(command: list[str], moment: float, cwd: Path | None = None) -> None:
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip
    time.sleep(moment)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def _duration(command: list[str], cwd: Path | None = None) -> float:
    started = time.monotonic()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True, timeout=600)
    return time.monotonic() - started


def _moments(duration: float, count: int, seed: str) -> list[float]:
    chance = random.Random(seed)
    return [chance.uniform(0.2, 1.05) * duration for _ in range(count)]


def _scratch(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_theme_save_killed_mid_write_leaves_a_whole_theme(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    Theme.load("soft").save(path)
    chance = random.Random("save")
    for _ in range(20):
        process = subprocess.Popen(
            [sys.executable, "-c", SAVE_LOOP, str(path)], stdout=subprocess.PIPE, text=True
        )
        assert process.stdout is not None and process.stdout.readline() == "ready\n"
        time.sleep(chance.uniform(0, 0.3))
        process.kill()
        process.wait()
        assert Theme.load(path).name == "Soft"  # parses, whole
    Theme.load("soft").save(path)
    assert _scratch(tmp_path) == []


def test_theme_build_killed_leaves_the_previous_stylesheet_or_the_new_one(
    tmp_path: Path,
) -> None:
    out = tmp_path / "theme.css"
    old = "/* the previous build */\n"
    out.write_text(old)
    new = Theme.load("soft").css()
    command = [*LIVERY, "theme", "build", "soft", "-o", str(out)]
    duration = _duration(command)
    for moment in _moments(duration, 25, "build"):
        out.write_text(old)
        _kill_at(command, moment)
        assert out.read_text() in (old, new)
    subprocess.run(command, check=True, capture_output=True)
    assert out.read_text() == new and _scratch(tmp_path) == []


@pytest.mark.usefixtures("node_or_skip")
def test_component_build_killed_leaves_complete_templates(built: dict, tmp_path: Path) -> None:
    source = built["text"].project.root
    root = tmp_path / "text"
    shutil.copytree(source, root, symlinks=True, ignore=shutil.ignore_patterns("dist"))
    package = built["text"].project.package_dir.relative_to(source)
    templates = root / package / "templates"
    complete = sorted(p.name for p in templates.iterdir())
    command = [*LIVERY, "component", "build", str(root)]
    duration = _duration(command)
    for moment in _moments(duration, 8, "component"):
        _kill_at(command, moment)
        assert sorted(p.name for p in templates.iterdir()) == complete
        assert (templates / "index.js").stat().st_size > 0
    subprocess.run(command, check=True, capture_output=True, timeout=600)
    assert [n for n in _scratch(root / package) if n.startswith(".templates-")] == []


def test_gallery_build_killed_leaves_a_whole_site(tmp_path: Path) -> None:
    site = tmp_path / "site"
    command = [*LIVERY, "gallery", "build", "-o", str(site)]
    duration = _duration(command)
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    check: Callable[[], list[str]] = lambda: sorted(  # noqa: E731
        p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()
    )
    for moment in _moments(duration, 6, "gallery"):
        _kill_at(command, moment)
        assert check() == pages
    subprocess.run(command, check=True, capture_output=True, timeout=600)
    assert _scratch(tmp_path) == []
