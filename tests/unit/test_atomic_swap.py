"""Folders are swapped in one atomic step, and the scratch of killed writers is cleaned up
without touching a live writer's."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from livery._files import new_folder, remove_leftovers, swap_folder, write_atomic

WATCH = """
import os, sys, time
target = sys.argv[1]
seen = set()
end = time.time() + float(sys.argv[2])
while time.time() < end:
    try:
        seen.add(open(os.path.join(target, "version")).read())
    except FileNotFoundError:
        print("MISSING", flush=True)
        sys.exit(1)
print(" ".join(sorted(seen)), flush=True)
"""


def _version_folder(parent: Path, version: str) -> Path:
    folder = new_folder(parent, ".new-")
    (folder / "version").write_text(version)
    (folder / "index.js").write_text(version * 100)
    return folder


def test_a_reader_never_finds_the_folder_missing_while_it_is_swapped(tmp_path: Path) -> None:
    target = tmp_path / "templates"
    swap_folder(_version_folder(tmp_path, "v0"), target)
    reader = subprocess.Popen(
        [sys.executable, "-c", WATCH, str(target), "3"], stdout=subprocess.PIPE, text=True
    )
    for index in range(1, 400):
        swap_folder(_version_folder(tmp_path, f"v{index}"), target)
    output, _ = reader.communicate(timeout=30)
    assert reader.returncode == 0, output
    assert (target / "version").read_text() == "v399"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["templates"]


def test_leftovers_of_dead_writers_go_and_a_live_writers_stay(tmp_path: Path) -> None:
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()
    dead_folder = tmp_path / f".new-{ended.pid}-0badc0de"
    live_folder = tmp_path / f".new-{os.getppid()}-0badf00d"
    dead_file = tmp_path / f".out.css.{ended.pid}-0badc0de.tmp"
    other = tmp_path / ".new-not-a-scratch-name"
    for folder in (dead_folder, live_folder, other):
        folder.mkdir()
    dead_file.write_text("half")
    remove_leftovers(tmp_path, ".new-")
    assert not dead_folder.exists() and live_folder.is_dir() and other.is_dir()
    write_atomic(tmp_path / "out.css", "a { b: c; }")
    assert not dead_file.exists()
    assert (tmp_path / "out.css").read_text() == "a { b: c; }"
