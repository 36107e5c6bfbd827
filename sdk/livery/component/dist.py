"""Build the project's wheel and sdist with ``python -m build --no-isolation``.

No isolated build environment: that would download hatchling from an index on every build
(slow, and impossible offline). The build backend comes from the environment Livery runs in,
so ``build`` and ``hatchling`` must be installed there; a clear error says so otherwise.
Both are built from the source folder, which already holds the built ``templates/``.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

from livery.component.process import run_tool
from livery.component.project import Project
from livery.errors import BuildError

_TIMEOUT_S = 300
_NEEDED = ("build", "hatchling")
_BUILD = (sys.executable, "-m", "build", "--no-isolation", "--sdist", "--wheel")
_SUCCESS = re.compile(r"Successfully built (.+)$", re.MULTILINE)
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def build_distributions(project: Project) -> tuple[Path, ...]:
    """Write the wheel and sdist into ``dist/``; return their paths."""
    missing = [name for name in _NEEDED if importlib.util.find_spec(name) is None]
    if missing:
        raise BuildError(
            f"building the wheel needs {' and '.join(missing)} in Livery's environment: "
            f"pip install {' '.join(missing)}"
        )
    out = project.dist_dir
    result = run_tool(
        [*_BUILD, "--outdir", str(out), str(project.root)],
        cwd=project.root,
        what="the wheel and sdist build",
        timeout_s=_TIMEOUT_S,
    )
    if result.returncode != 0:
        raise BuildError(f"wheel/sdist build failed: {_reason(result.stderr + result.stdout)}")
    built = _SUCCESS.search(_ANSI.sub("", result.stdout))
    if built is None:
        raise BuildError("wheel/sdist build: python -m build did not say what it built")
    return tuple(out / name.strip() for name in built.group(1).split(" and "))


def _reason(output: str) -> str:
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    for line in reversed(lines):
        if line.startswith("ERROR") or "Error" in line:
            return line.removeprefix("ERROR").strip()
    return lines[-1] if lines else "no output"
