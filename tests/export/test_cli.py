"""``livery theme export`` as a user runs it: a real process, its files, output and exit code."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import livery
from livery.theme import FORMATS

LIVERY = [sys.executable, "-m", "livery"]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*LIVERY, *args], capture_output=True, text=True, cwd=cwd, timeout=60)


def test_export_scss_to_a_file(tmp_path: Path) -> None:
    result = run("theme", "export", "soft", "--format", "scss", "-o", "x.scss", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = (tmp_path / "x.scss").read_text()
    assert written == FORMATS["scss"](livery.Theme.load("soft"))
    assert "wrote x.scss" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("format", list(FORMATS))
def test_every_format_prints_without_o(format: str) -> None:
    result = run("theme", "export", "ocean", "-f", format)
    assert result.returncode == 0, result.stderr
    assert result.stdout == FORMATS[format](livery.Theme.load("ocean"))


def test_export_of_a_theme_file_to_dtcg(tmp_path: Path) -> None:
    source = tmp_path / "rose.toml"
    livery.themes.Soft(primary_hue="rose").save(source)
    target = tmp_path / "out" / "rose.resolver.json"
    result = run("theme", "export", str(source), "--format", "dtcg", "-o", str(target))
    assert result.returncode == 0, result.stderr
    document = json.loads(target.read_text())
    assert document["sets"]["livery"]["sources"] == [{"$ref": "rose.tokens.json"}]
    light = json.loads((target.parent / "rose.tokens.json").read_text())
    assert light["primary-500"]["$value"]["hex"] == "#f43f5e"
    assert (target.parent / "rose.dark.tokens.json").is_file()
    assert result.stderr.count("wrote ") == 3


def test_an_unknown_format_is_a_usage_error() -> None:
    result = run("theme", "export", "soft", "--format", "less")
    assert result.returncode == 2
    assert "css" in result.stderr and "tailwind" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_help_lists_every_format() -> None:
    result = run("theme", "export", "--help")
    assert result.returncode == 0
    assert "css|scss|dtcg|tailwind|gradio|toml" in result.stdout


def _one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def test_a_failed_export_leaves_the_existing_file_untouched(tmp_path: Path) -> None:
    target = tmp_path / "theme.scss"
    target.write_text("// the previous export\n")
    bad = tmp_path / "bad.toml"
    bad.write_text('[variables]\nloader_color = "*nowhere"\n')
    line = _one_error_line(run("theme", "export", str(bad), "-f", "scss", "-o", str(target)))
    assert "*nowhere" in line
    assert target.read_text() == "// the previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.toml", "theme.scss"]


def test_an_export_to_a_path_under_a_file_fails_cleanly(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder")
    target = blocker / "theme.css"
    line = _one_error_line(run("theme", "export", "soft", "-f", "tailwind", "-o", str(target)))
    assert str(target) in line and "is a file, not a folder" in line
    assert blocker.read_text() == "not a folder"
    assert [p.name for p in tmp_path.iterdir()] == ["blocker"]
