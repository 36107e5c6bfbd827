"""How fast Livery compiles a theme to CSS, next to Gradio, for the twelve built-in themes.

Run with ``python bench/theme_compile.py``. For each theme it times, with ``perf_counter``:

- cold: ``theme.css()`` after clearing the theme's resolution cache (resolve + emit);
- warm: ``theme.css()`` with the cache kept (emit only);
- Gradio: ``gr_theme._get_theme_css()`` on a built Gradio theme (its whole compile);
- build: ``livery.themes.X().css()`` against ``gr.themes.X()._get_theme_css()`` from scratch.

Each figure is the best of a few rounds, with the repetitions per round scaled so the script
runs well under 20 seconds. It ends by checking that both libraries resolve every variable of
every theme, light and dark, to the same literal value.
"""

from __future__ import annotations

import gc
import re
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

import livery.themes
from livery.theme.catalogue import VARIABLES

try:
    import gradio as gr
except ImportError:  # Livery's figures alone
    gr = None

BUILTINS = ("Base", "Default", "Soft", "Glass", "Monochrome", "Origin", "Citrus", "Ocean",
            "Ember", "Cyberpunk", "Neon", "Mario")  # fmt: skip
ROUNDS = 3
SECONDS_PER_FIGURE = 0.25  # 12 themes × 5 figures × 0.25 s ≈ 15 s, plus imports
NAMES = tuple(variable.name for variable in VARIABLES)
_STAR = re.compile(r"\*(\w+)")


def per_call(function: Callable[[], object]) -> float:
    """Seconds per call of ``function``: best round, repetitions scaled to the time budget."""
    start = time.perf_counter()
    function()
    once = max(time.perf_counter() - start, 1e-7)
    repetitions = max(1, int(SECONDS_PER_FIGURE / ROUNDS / once))
    best = float("inf")
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(ROUNDS):
            start = time.perf_counter()
            for _ in range(repetitions):
                function()
            best = min(best, (time.perf_counter() - start) / repetitions)
    finally:
        if gc_was_enabled:
            gc.enable()
    return best


def livery_cold(theme: livery.Theme) -> Callable[[], str]:
    def compile_cold() -> str:
        theme._resolved = None
        return theme.css()

    return compile_cold


def gradio_literal(theme: Any, name: str, dark: bool) -> str:
    """A Gradio theme's value for ``name``, references followed (as the parity tests do)."""
    value = getattr(theme, f"{name}_dark", None) if dark else None
    if value is None:
        value = getattr(theme, name)
    text = str(value).strip()
    if text.endswith(";"):
        text = text[:-1].rstrip()
    return _STAR.sub(lambda match: gradio_literal(theme, match[1], dark), text)


def differing_values(theme: livery.Theme, gr_theme: Any) -> int:
    return sum(
        theme.literal(name, dark=dark) != gradio_literal(gr_theme, name, dark)
        for name in NAMES
        for dark in (False, True)
    )


def speed(gradio_us: float, livery_us: float) -> str:
    ratio = gradio_us / livery_us
    return f"{ratio:.1f}× faster" if ratio >= 1 else f"{1 / ratio:.1f}× slower"


def main() -> int:
    started = time.perf_counter()
    print(f"Livery theme compile benchmark, Python {sys.version.split()[0]}")
    if gr is None:
        print("gradio is not importable: Livery figures only, no comparison.")
    else:
        print(f"against gradio {gr.__version__}")
    print("µs per compile, best of", ROUNDS, "rounds; bytes of the default stylesheet\n")

    rows = []
    for name in BUILTINS:
        theme = getattr(livery.themes, name)()
        row: dict[str, Any] = {"theme": name}
        row["cold"] = per_call(livery_cold(theme)) * 1e6
        theme.css()
        row["warm"] = per_call(theme.css) * 1e6
        row["build"] = per_call(lambda name=name: getattr(livery.themes, name)().css()) * 1e6
        row["bytes"] = len(theme.css().encode())
        if gr is not None:
            gr_theme = getattr(gr.themes, name)()
            row["gradio"] = per_call(gr_theme._get_theme_css) * 1e6
            row["gradio_build"] = (
                per_call(lambda name=name: getattr(gr.themes, name)()._get_theme_css()) * 1e6
            )
            row["gradio_bytes"] = len(gr_theme._get_theme_css().encode())
            row["differ"] = differing_values(theme, gr_theme)
        rows.append(row)

    if gr is None:
        print(f"{'theme':<11} {'cold':>8} {'warm':>8} {'build':>8} {'bytes':>7}")
        for row in rows:
            print(
                f"{row['theme']:<11} {row['cold']:>8.1f} {row['warm']:>8.1f} "
                f"{row['build']:>8.1f} {row['bytes']:>7}"
            )
        print()
        print(f"compile (resolve+emit): Livery {mean(rows, 'cold'):.0f} µs per theme")
        print(f"emit only: Livery {mean(rows, 'warm'):.0f} µs per theme")
        print(f"build+compile from scratch: Livery {mean(rows, 'build'):.0f} µs per theme")
        print(f"bytes (Default): Livery {rows[1]['bytes']}")
    else:
        print(
            f"{'theme':<11} {'cold':>8} {'warm':>8} {'Gradio':>8} {'G/cold':>7} {'G/warm':>7}"
            f"  {'Livery B':>8} {'Gradio B':>8} {'saving':>7}"
        )
        for row in rows:
            saving = 1 - row["bytes"] / row["gradio_bytes"]
            print(
                f"{row['theme']:<11} {row['cold']:>8.1f} {row['warm']:>8.1f} "
                f"{row['gradio']:>8.1f} {row['gradio'] / row['cold']:>6.1f}× "
                f"{row['gradio'] / row['warm']:>6.1f}×  {row['bytes']:>8} "
                f"{row['gradio_bytes']:>8} {saving:>7.0%}"
            )
        print()
        print("build + compile from scratch (X().css() vs gr.themes.X()._get_theme_css())")
        print(f"{'theme':<11} {'Livery':>8} {'Gradio':>8} {'G/L':>7}")
        for row in rows:
            print(
                f"{row['theme']:<11} {row['build']:>8.1f} {row['gradio_build']:>8.1f} "
                f"{row['gradio_build'] / row['build']:>6.1f}×"
            )
        print()
        for label, ours, theirs in (
            ("compile (resolve+emit)", "cold", "gradio"),
            ("emit only", "warm", "gradio"),
            ("build+compile from scratch", "build", "gradio_build"),
        ):
            livery_us, gradio_us = mean(rows, ours), mean(rows, theirs)
            print(
                f"{label}: Livery {livery_us:.0f} µs, Gradio {gradio_us:.0f} µs per theme "
                f"→ {speed(gradio_us, livery_us)}"
            )
        default = rows[BUILTINS.index("Default")]
        fewer = 1 - default["bytes"] / default["gradio_bytes"]
        print(
            f"bytes (Default): Livery {default['bytes']}, Gradio {default['gradio_bytes']} "
            f"→ {fewer:.0%} fewer"
        )
        differ = sum(row["differ"] for row in rows)
        checked = len(rows) * len(NAMES) * 2
        if differ:
            print(f"resolved values: {differ} of {checked} differ from Gradio's (see the tests)")
        else:
            print(
                f"resolved values: identical to Gradio's for all {len(rows)} themes "
                f"({len(NAMES)} variables × light/dark, {checked} values)"
            )
    print(f"\n(ran in {time.perf_counter() - started:.1f} s)")
    return 0


def mean(rows: list[dict[str, Any]], key: str) -> float:
    return statistics.fmean(row[key] for row in rows)


if __name__ == "__main__":
    sys.exit(main())
