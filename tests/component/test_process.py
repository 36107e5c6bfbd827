"""``run_tool``: what npm and the wheel build run through (output as text, a time limit)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from livery.component.process import run_tool
from livery.errors import BuildError


def test_a_tool_runs_in_the_folder_with_its_output_as_text(tmp_path: Path) -> None:
    script = "import os, sys; print(os.getcwd()); print('said', file=sys.stderr); sys.exit(3)"
    result = run_tool([sys.executable, "-c", script], cwd=tmp_path, what="it", timeout_s=30)
    assert result.returncode == 3
    assert Path(result.stdout.strip()).resolve() == tmp_path.resolve()
    assert result.stderr == "said\n"


def test_a_tool_that_hangs_is_a_build_error_naming_it(tmp_path: Path) -> None:
    hang = [sys.executable, "-c", "import time; time.sleep(30)"]
    with pytest.raises(BuildError, match=r"^npm ci took over 0.5 s$"):
        run_tool(hang, cwd=tmp_path, what="npm ci", timeout_s=0.5)
