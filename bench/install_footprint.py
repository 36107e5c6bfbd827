"""What installing Livery costs: packages and megabytes, runtime against the authoring tools.

Run with ``python bench/install_footprint.py`` (needs the network or pip's cache: every
environment is a fresh venv filled from PyPI, with Livery's wheel built from this checkout).
Four environments, measured in the same run:

- ``gradio``: Gradio 6 alone, the peer a Gradio app already pays for;
- ``gradio + livery-sdk``: what a Gradio app adds with Livery's runtime; the goal is at most
  10 packages and 15 MB beyond Gradio's own;
- ``livery-sdk``: the runtime alone (a Jupyter or plain-CSS user);
- ``livery-sdk[authoring]``: building, publishing, servers and visual testing.

Sizes are the bytes of each environment's ``site-packages`` on disk (pip itself left out of
both counts).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOAL_PACKAGES = 10
GOAL_MB = 15.0
LEFT_OUT = {"pip", "setuptools", "wheel"}


def build_wheel(out: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (wheel,) = out.glob("livery_sdk-*.whl")
    return wheel


def environment(folder: Path, *requirements: str) -> tuple[set[str], float]:
    """A fresh venv with ``requirements``: its packages and the MB of its site-packages."""
    venv.EnvBuilder(with_pip=True).create(folder)
    python = folder / "bin" / "python"
    subprocess.run(
        [python, "-m", "pip", "install", "-q", *requirements], check=True, capture_output=True
    )
    listing = subprocess.run(
        [python, "-m", "pip", "list", "--format", "json"],
        check=True,
        capture_output=True,
        text=True,
    )
    packages = {item["name"].lower() for item in json.loads(listing.stdout)} - LEFT_OUT
    site = next(folder.glob("lib/python*/site-packages"))
    pip_bytes = sum(_size(path) for path in site.glob("pip*"))
    return packages, (_size(site) - pip_bytes) / 1e6


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(item.stat().st_size for item in path.rglob("*") if item.is_file())


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="livery-footprint-") as scratch:
        root = Path(scratch)
        wheel = str(build_wheel(root / "wheel"))
        measured = {
            "gradio": environment(root / "gradio", "gradio>=6.31,<7"),
            "gradio + livery-sdk": environment(root / "both", "gradio>=6.31,<7", wheel),
            "livery-sdk": environment(root / "runtime", wheel),
            "livery-sdk[authoring]": environment(
                root / "authoring", f"livery-sdk[authoring] @ file://{wheel}"
            ),
        }
    print(f"{'environment':<24} {'packages':>9} {'MB':>8}")
    for name, (packages, megabytes) in measured.items():
        print(f"{name:<24} {len(packages):>9} {megabytes:>8.1f}")

    gradio, gradio_mb = measured["gradio"]
    both, both_mb = measured["gradio + livery-sdk"]
    added = sorted(both - gradio)
    added_mb = both_mb - gradio_mb
    runtime, runtime_mb = measured["livery-sdk"]
    authoring, authoring_mb = measured["livery-sdk[authoring]"]
    print()
    print(
        f"beyond Gradio: {len(added)} packages, {added_mb:.1f} MB "
        f"(goal ≤ {GOAL_PACKAGES} packages, ≤ {GOAL_MB:.0f} MB): {', '.join(added)}"
    )
    print(
        f"runtime vs authoring: {len(runtime)} vs {len(authoring)} packages, "
        f"{runtime_mb:.1f} vs {authoring_mb:.1f} MB "
        f"({authoring_mb / runtime_mb:.1f}× the megabytes)"
    )
    met = len(added) <= GOAL_PACKAGES and added_mb <= GOAL_MB
    print("goal met" if met else "goal NOT met")


if __name__ == "__main__":
    main()
