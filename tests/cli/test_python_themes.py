"""``livery theme … FILE.py[:NAME]``: a theme your own Python file builds, and what
``livery theme check`` says when it depends on Gradio's ``.set()`` background reset."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import livery

LIVERY = [sys.executable, "-m", "livery"]

BRAND = """\
import livery.themes as themes

theme = themes.Soft(primary_hue="rose").set(
    button_primary_background_fill="*primary_600",
)
"""

SUBCLASS = """\
from livery.themes.base import Base


class Brand(Base):
    def __init__(self):
        super().__init__(primary_hue="emerald")
        super().set(block_radius="*radius_xl")
"""


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*LIVERY, *args], capture_output=True, text=True, cwd=cwd, timeout=60)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_check_warns_when_a_theme_depends_on_the_reset(tmp_path: Path) -> None:
    write(tmp_path, "brand.py", BRAND)
    result = run("theme", "check", "brand.py", cwd=tmp_path)
    assert "Traceback" not in result.stderr
    assert "depends on Gradio's .set() reset of the background fills (1 value)" in result.stderr
    assert (
        "brand.py:3: .set() reset background_fill_primary from '*neutral_50' to 'white'"
        in result.stderr
    )
    assert 'semantics="livery"' in result.stderr
    report = json.loads(run("theme", "check", "brand.py:theme", "--json", cwd=tmp_path).stdout)
    assert report["gradio_resets"] == [
        {"variable": "background_fill_primary", "was": "*neutral_50", "now": "white",
         "where": "brand.py:3"}
    ]  # fmt: skip


def test_a_theme_without_resets_gets_no_warning(tmp_path: Path) -> None:
    write(tmp_path, "brand.py", BRAND.replace("themes.Soft(", 'themes.Soft(semantics="livery", '))
    result = run("theme", "check", "brand.py", cwd=tmp_path)
    assert "reset" not in result.stderr
    subclass = run("theme", "check", str(write(tmp_path, "sub.py", SUBCLASS)), cwd=tmp_path)
    assert "reset" not in subclass.stderr and "Traceback" not in subclass.stderr


def test_every_theme_command_takes_a_python_file(tmp_path: Path) -> None:
    write(tmp_path, "sub.py", SUBCLASS)
    built = run("theme", "build", "sub.py", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    expected = livery.themes.Base(primary_hue="emerald").set(block_radius="*radius_xl").css()
    assert built.stdout == expected
    shown = run("theme", "show", "sub.py:Brand", cwd=tmp_path)
    assert shown.returncode == 0 and "emerald" in shown.stdout
    exported = run("theme", "export", "sub.py", "--format", "gradio", cwd=tmp_path)
    assert json.loads(exported.stdout)["theme"]["block_radius"] == "*radius_xl"


@pytest.mark.parametrize(
    ("argument", "text", "message"),
    [
        ("nothing.py", None, "nothing.py: no such Python file"),
        ("empty.py", "x = 1\n", "empty.py: the file builds no theme"),
        ("two.py", "import livery\na = livery.Theme()\nb = livery.Theme()\n",
         "two.py: the file holds several themes (a, b): add :NAME"),
        ("broken.py:theme", "import livery\n\ntheme = 1 / 0\n",
         "broken.py: running it raised ZeroDivisionError: division by zero (line 3)"),
        ("value.py", "import livery.themes as t\ntheme = t.Base().set(block_radius='1px;}')\n",
         "value.py:2: block_radius = '1px;}': contains ';'"),
        ("wrong.py:count", "count = 3\n", "wrong.py: count is a int, not a theme"),
    ],
)  # fmt: skip
def test_a_bad_python_theme_is_one_line(
    tmp_path: Path, argument: str, text: str | None, message: str
) -> None:
    if text is not None:
        write(tmp_path, argument.partition(":")[0], text)
    result = run("theme", "check", argument, cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"error: {message}"), result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
