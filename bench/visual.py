"""Snapshots per second for the engine's visual suite: the kitchen sink × every built-in theme ×
light and dark, rendered and compared with the baselines in tests/visual/__snapshots__.

Run with ``python bench/visual.py [--jobs N] [--rounds R]``. One Chromium and N pages at once
(``livery.testing.matrix``, as ``livery component test`` uses it): each page loads the kitchen
sink once, then switches theme and mode in place for every snapshot; each PNG is compared with
its baseline by ``livery.testing.snapshot.check`` (never updating it). The matrix runs R times
(default 3) in one browser. It prints:

- the first round's worth of snapshots, taken while the pages are being opened (each costs
  ~0.8 s of CPU to open and load, paid once per run);
- the rest, once every page is open and warm: the figure the target is checked against;
- all rounds and the launch, the median time per step, and the CPU time per snapshot of this
  process, Playwright's driver and Chromium together, which does not depend on what else the
  machine runs (the wall-clock rates do: the load average at the start is printed too).

Every snapshot must equal its baseline: that is what shows switching themes in place renders
exactly what a fresh page does. The script exits 1 if one does not.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from livery.gallery.kitchen_sink import kitchen_sink_css, kitchen_sink_html
from livery.testing.matrix import Rendered, Scene, Shot, default_concurrency, render
from livery.testing.page import theme_css
from livery.testing.snapshot import Outcome, check
from livery.theme.library import entries

ROOT = Path(__file__).resolve().parents[1]
BASELINES = ROOT / "tests" / "visual" / "__snapshots__"
VIEWPORT = (960, 1500)
"""As tests/visual/test_kitchen_sink.py renders it."""
TARGET = 15.0
"""Snapshots per second on a 2-core machine (issue 6)."""


def baseline(theme: str, mode: str) -> Path:
    """Where tests/visual/test_kitchen_sink.py keeps this snapshot's baseline."""
    return BASELINES / f"test_kitchen_sink[{theme}-{mode}]" / "kitchen-sink.png"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", "-j", type=int, default=default_concurrency(),
                        help="pages at once (default: %(default)s on this machine)")  # fmt: skip
    parser.add_argument("--rounds", "-r", type=int, default=3, help="times to run the matrix")
    args = parser.parse_args()

    names = sorted(name for name, entry in entries().items() if entry.origin == "built-in")
    themes = {name: theme_css(name) for name in names}
    scene = Scene("kitchen-sink", kitchen_sink_html(), kitchen_sink_css(), VIEWPORT)
    matrix = [Shot(scene.key, name, mode) for name in names for mode in ("light", "dark")]
    shots = matrix * args.rounds
    missing = [shot for shot in matrix if not baseline(shot.theme, shot.mode).is_file()]
    if missing:
        print(f"no baseline for {len(missing)} snapshots: run pytest tests/visual first")
        return 1

    try:
        load_average: float | None = os.getloadavg()[0]
    except (AttributeError, OSError):
        load_average = None
    lock = threading.Lock()
    ready: list[float] = []
    finished: list[float] = []
    compare_seconds: list[float] = []

    with tempfile.TemporaryDirectory(prefix="livery-bench-visual-") as folder:
        results = Path(folder)

        def process(rendered: Rendered) -> tuple[Rendered, Outcome | None]:
            shot = rendered.shot
            started = time.perf_counter()
            outcome = None
            if rendered.png is not None:
                outcome = check(
                    rendered.png,
                    baseline(shot.theme, shot.mode),
                    results / f"{shot.theme}-{shot.mode}",
                    name="kitchen-sink",
                )
            with lock:
                compare_seconds.append(time.perf_counter() - started)
                finished.append(time.perf_counter())
            return rendered, outcome

        cpu_before = _cpu_seconds()
        start = time.perf_counter()
        done = render(
            [scene],
            shots,
            themes,
            process,
            concurrency=args.jobs,
            on_ready=lambda: ready.append(time.perf_counter()),
        )

    failures = [
        (rendered, outcome)
        for rendered, outcome in done
        if outcome is None or outcome.status != "passed"
    ]
    finished.sort()
    size = len(matrix)
    first_round = finished[size - 1] - ready[0]
    warm = (len(shots) - size) / (finished[-1] - finished[size - 1]) if args.rounds > 1 else None
    overall = len(shots) / (finished[-1] - ready[0])
    figure = warm if warm is not None else size / first_round
    renders = [rendered for rendered, _ in done]
    cpu_after = _cpu_seconds()
    cpu = cpu_after - cpu_before if cpu_after is not None and cpu_before is not None else None
    load = f", load average {load_average:.1f} at the start" if load_average is not None else ""

    print(
        f"kitchen sink × {len(names)} built-in themes × light/dark: {size} snapshots a round, "
        f"{args.rounds} rounds; one Chromium, {args.jobs} pages at once; "
        f"{os.cpu_count()} CPUs{load}"
    )
    rows = [(f"first {size} (pages opened meanwhile)", size / first_round, "")]
    if warm is not None:
        rows.append((f"next {len(shots) - size} (pages warm)", warm, ""))
    rows.append(
        (
            f"all {len(shots)}",
            overall,
            f" (in {finished[-1] - ready[0]:.2f} s, after a {ready[0] - start:.2f} s launch)",
        )
    )
    for label, rate, note in rows:
        print(f"  {label + ':':<36}{rate:5.1f} snapshots/s{note}")
    print(
        f"  per snapshot (medians, pages overlap): switch theme "
        f"{_ms([r.switch_seconds for r in renders])}, capture "
        f"{_ms([r.capture_seconds for r in renders])}, compare {_ms(compare_seconds)}"
    )
    if cpu is not None:
        per = cpu / len(shots)
        print(
            f"  CPU per snapshot (this process, the driver and Chromium, launch included): "
            f"{per * 1000:.0f} ms, so at most {(os.cpu_count() or 1) / per:.0f}/s on idle cores"
        )
    print(f"  baselines: {len(shots) - len(failures)}/{len(shots)} identical")
    for rendered, outcome in failures[:5]:
        reason = outcome.message if outcome is not None else rendered.error
        print(f"    {rendered.shot.theme}-{rendered.shot.mode}: {reason}")
    met = figure >= TARGET
    which = "pages warm" if warm is not None else "one round"
    print(
        f"target ≥ {TARGET:.0f} snapshots/s ({which}, {args.jobs} pages): "
        f"{'met' if met else 'NOT met'} ({figure:.1f})"
    )
    return 1 if failures else 0


def _cpu_seconds() -> float | None:
    """CPU time of this process and every finished child (the driver, Chromium's processes)."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.0f} ms" if values else "n/a"


if __name__ == "__main__":
    sys.exit(main())
