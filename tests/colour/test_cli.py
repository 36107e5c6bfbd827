"""``livery theme check`` and ``livery palette`` as a user runs them: a real process."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import livery
from livery.theme.colour.pairs import PAIRS

LIVERY = [sys.executable, "-m", "livery"]
HEX = re.compile(r"#[0-9a-f]{6}")


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*LIVERY, *args], capture_output=True, text=True, cwd=cwd, timeout=60,
        env={**os.environ, "COLUMNS": "200", "NO_COLOR": "1"},
    )  # fmt: skip


def test_check_default_fails_with_a_table_and_a_summary() -> None:
    result = run("theme", "check", "default")
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    fail_rows = [line for line in lines if line.rstrip().endswith("FAIL")]
    assert len(fail_rows) == len(livery.themes.Default().audit().failures)
    primary = next(line for line in fail_rows if "primary button " in line)
    assert "light" in primary and "white" in primary and "#f97316" in primary
    assert "2.80" in primary and "4.5" in primary
    assert any("subdued text on the page" in line and "1.91" in line for line in fail_rows)
    summary = lines[-1]
    assert summary.startswith("Default: ")
    assert f"of {2 * len(PAIRS)} fail at AA" in summary
    assert "grade fails" in summary


def test_check_aurora_passes() -> None:
    result = run("theme", "check", "aurora")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "FAIL" not in result.stdout
    assert "passes at AA" in result.stdout


def test_check_all_lists_every_pair() -> None:
    result = run("theme", "check", "aurora", "--all")
    assert result.returncode == 0
    assert result.stdout.count(" pass") >= 2 * len(PAIRS) - 2  # disabled rows say "info"
    assert "info" in result.stdout


def test_check_json_is_the_full_report() -> None:
    result = run("theme", "check", "default", "--json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["passed"] is False
    assert data["grade"] == "fails"
    assert len(data["checks"]) == 2 * len(PAIRS)
    assert data.pop("gradio_resets") == []  # a built-in, untouched by .set()
    assert data == json.loads(json.dumps(livery.Theme.load("default").audit().to_dict()))
    passing = json.loads(run("theme", "check", "aurora", "--json").stdout)
    assert passing["passed"] is True and passing["grade"] == "AA"


def test_check_at_aaa() -> None:
    aurora = run("theme", "check", "aurora", "--level", "AAA")
    assert aurora.returncode == 1
    assert "FAIL" in aurora.stdout and "at AAA" in aurora.stdout
    beacon = run("theme", "check", "beacon", "--level", "AAA")
    assert beacon.returncode == 0, beacon.stdout
    assert "passes at AAA" in beacon.stdout


def test_fix_writes_a_theme_that_then_checks_clean(tmp_path: Path) -> None:
    target = tmp_path / "fixed.toml"
    result = run("theme", "check", "default", "--fix", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert target.exists()
    _, changes = livery.themes.Default().repair_contrast("AA")
    for change in changes:
        row = next(line for line in result.stdout.splitlines() if change.variable + " " in line)
        assert change.new in row
        assert f"{change.ratio_before:.2f} → {change.ratio_after:.2f}" in row
    assert f"{len(changes)} changes" in result.stderr
    again = run("theme", "check", str(target))
    assert again.returncode == 0, again.stdout
    assert "passes at AA" in again.stdout
    assert livery.Theme.load(target) == livery.Theme.load("default").repair_contrast("AA").theme


def test_fix_at_aaa_checks_clean_at_aaa(tmp_path: Path) -> None:
    target = tmp_path / "fixed.toml"
    fixed = run("theme", "check", "soft", "--level", "AAA", "--fix", "-o", str(target))
    assert fixed.returncode == 0, fixed.stderr
    assert run("theme", "check", str(target), "--level", "AAA").returncode == 0


def test_fix_without_output_is_a_usage_error(tmp_path: Path) -> None:
    result = run("theme", "check", "default", "--fix", cwd=tmp_path)
    assert result.returncode == 2
    assert "-o" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_theme_is_one_error_line() -> None:
    result = run("theme", "check", "nosuch")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("error:")
    assert "nosuch" in lines[0]
    assert "Traceback" not in result.stderr


def test_palette_prints_eleven_shades_and_marks_the_seed() -> None:
    result = run("palette", "#7c3aed")
    assert result.returncode == 0, result.stderr
    rows = [line for line in result.stdout.splitlines() if HEX.search(line) and "oklch(" in line]
    assert len(rows) == 11
    assert [row.split()[0] for row in rows] == [
        "50", "100", "200", "300", "400", "500", "600", "700", "800", "900", "950",
    ]  # fmt: skip
    assert [HEX.search(row)[0] for row in rows] == livery.palette("#7c3aed").expand()
    marked = [row for row in rows if "seed" in row]
    assert len(marked) == 1
    assert marked[0].split()[0] == "700" and "#7c3aed" in marked[0]


def test_palette_of_a_non_colour_is_one_error_line() -> None:
    result = run("palette", "nope")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:")
    assert "nope" in lines[0]
    assert result.stdout == ""
