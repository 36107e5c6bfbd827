"""How fast the component SDK scaffolds and builds a component (the ``text`` template).

Run with ``python bench/component_build.py`` (needs Node.js ≥ 18; the first run fetches
esbuild into npm's cache). Figures are medians of several runs, timed with ``perf_counter``:

- create: ``livery.component.templates.create`` in this process, and ``livery component
  create`` as a user runs it (a new process, so Python's start-up included). Target ≤ 2 s.
- first build: npm install from npm's cache, bundle, styles, wheel and sdist (reported).
- warm bundle + styles: esbuild and libsass into a new ``templates/``, swapped in atomically
  (npm up to date). Target ≤ 300 ms.
- warm full build: the same plus ``python -m build --no-isolation`` for wheel and sdist, in
  this process and as ``livery component build``. Target ≤ 2 s.

Gradio's ``gradio cc build`` of an equivalent component is printed next to it only when it can
run here: ``gradio cc create`` fetches its front-end template from the network, which a bench
must not depend on, so without a prepared Gradio project the comparison is skipped and says so.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from livery.component.build import build_assets, build_project
from livery.component.node import find_node
from livery.component.project import Project
from livery.component.templates import create

RUNS = 7
CREATE_TARGET_S = 2.0
ASSETS_TARGET_S = 0.3
FULL_TARGET_S = 2.0
GRADIO_PROJECT = os.environ.get("LIVERY_BENCH_GRADIO_PROJECT")
"""A folder made by ``gradio cc create`` (with its npm dependencies) to compare against."""


def median(function: Callable[[], object], runs: int = RUNS) -> float:
    """Median wall time of ``function`` in seconds."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def once(command: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - started


def row(what: str, seconds: float, target: float | None = None) -> None:
    verdict = ""
    if target is not None:
        verdict = f"target ≤ {target * 1000:.0f} ms  {'ok' if seconds <= target else 'SLOW'}"
    print(f"  {what:<42} {seconds * 1000:9.1f} ms   {verdict}")


def main() -> None:
    livery = [sys.executable, "-m", "livery"]
    work = Path(tempfile.mkdtemp(prefix="livery-bench-"))
    try:
        print("livery component (text template)")
        counter = iter(range(1000))
        create_s = median(lambda: create("BenchWidget", directory=work / f"c{next(counter)}"))
        row("create (in process)", create_s, CREATE_TARGET_S)
        cli_create_s = once([*livery, "component", "create", "BenchWidget", "-d", "cli"], work)
        row("livery component create (new process)", cli_create_s, CREATE_TARGET_S)

        folder = work / "project"
        create("BenchWidget", directory=folder)
        started = time.perf_counter()
        build_project(folder)
        row("first build (npm install from cache + all)", time.perf_counter() - started)

        project = Project.find(folder)
        node = find_node(folder)
        assets_s = median(lambda: build_assets(project, lambda: node, []))
        row("warm bundle + styles", assets_s, ASSETS_TARGET_S)
        full_s = median(lambda: build_project(folder), runs=5)
        row("warm full build incl. wheel + sdist", full_s, FULL_TARGET_S)
        cli_build_s = statistics.median(
            once([*livery, "component", "build", str(folder)], work) for _ in range(3)
        )
        row("livery component build (new process)", cli_build_s, FULL_TARGET_S)

        print()
        gradio_s = gradio_build()
        if gradio_s is None:
            print(
                "  gradio cc build: not measured (set LIVERY_BENCH_GRADIO_PROJECT to a folder "
                "made by 'gradio cc create', which needs the network, to compare)"
            )
        else:
            row("gradio cc build (same run)", gradio_s)
            print(f"  ratio gradio / livery (full build): {gradio_s / cli_build_s:.1f}×")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def gradio_build() -> float | None:
    gradio = shutil.which("gradio")
    if not GRADIO_PROJECT or gradio is None or not Path(GRADIO_PROJECT).is_dir():
        return None
    return statistics.median(
        once([gradio, "cc", "build", "--no-generate-docs"], Path(GRADIO_PROJECT)) for _ in range(3)
    )


if __name__ == "__main__":
    main()
