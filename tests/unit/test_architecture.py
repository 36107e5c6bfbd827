"""The architecture holds: import-linter's contracts in pyproject.toml are kept.

Areas import only the areas below them (cli > gallery > component > testing > themes, css,
colour > theme > files > errors), inside the engine data flows one way, and outside the
engine every engine name comes from its façade ``livery.theme``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_every_import_contract_is_kept() -> None:
    result = lint()
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def test_a_lower_layer_importing_a_higher_one_breaks_the_contract(tmp_path: Path) -> None:
    """The check is live: the same contracts over a copy with one upward import fail."""
    copy = tmp_path / "src"
    subprocess.run(["cp", "-r", str(ROOT / "sdk"), str(copy)], check=True)
    (copy / "livery" / "theme" / "values.py").write_text(
        (ROOT / "sdk/livery/theme/values.py").read_text() + "\nfrom livery.theme import model\n"
    )
    config = tmp_path / "pyproject.toml"
    config.write_text((ROOT / "pyproject.toml").read_text())
    result = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", str(config)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(copy), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 1, result.stdout[-2000:] + result.stderr[-2000:]
    assert "livery.theme.values is not allowed to import livery.theme.model" in result.stdout
