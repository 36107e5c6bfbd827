"""Run a build tool in a project's folder: its output as text, a time limit, one clear error.

A tool that hangs (npm waiting on a network, a stuck build backend) must not hang Livery:
past its limit it is stopped and the build fails with ``BuildError`` naming what timed out.
"""

from __future__ import annotations

import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

from livery.errors import BuildError


def run_tool(
    command: Sequence[str],
    *,
    cwd: Path,
    what: str,
    timeout_s: float,
    env: Mapping[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run ``command`` in ``cwd`` and return what it did; ``what`` names it in the error."""
    try:
        return subprocess.run(
            list(command), cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout_s
        )
    except subprocess.TimeoutExpired:
        raise BuildError(f"{what} took over {timeout_s} s") from None
