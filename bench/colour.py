"""How fast Livery's colour science is: seed → theme, the contrast audit, and its repair.

Run with ``python bench/colour.py`` (well under 30 seconds). Every figure is the median of
several runs, timed with ``perf_counter``:

- seed → theme: ``livery.themes.Base(primary_hue=…, secondary_hue=…, neutral_hue=…)`` for five
  varied seed triples, then everything a complete theme needs: its three palettes, the derived
  accessible defaults in both modes (``resolved()``) and the audit — with every colour cache
  cleared first, so nothing is remembered from the previous run. Target ≤ 5 ms. Two rows per
  triple split it: the three palettes alone, and the derived defaults (palettes already grown).
- audit: ``theme.audit()`` (both modes) of an already-resolved theme, cold (the measuring caches
  cleared) and warm (caches kept). Target ≤ 2 ms.
- repair: ``theme.repair_contrast(level)`` of Gradio's Default at AA and AAA, and how many
  variables it changed (reported, no target).
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable

import livery.theme.colour.audit
import livery.theme.colour.contrast
import livery.theme.colour.palette
import livery.theme.model
import livery.themes

SEED_TRIPLES = {
    "violet/teal/slate": ("#8b5cf6", "#14b8a6", "#64748b"),
    "yellow/blue/grey": ("#facc15", "hsl(221 83% 53%)", "#808080"),
    "green/amber/stone": ("oklch(0.63 0.17 149)", "#f59e0b", "#78716c"),
    "red/red/zinc": ("#ef4444", "rgb(220 38 38)", "#71717a"),
    "near-black/grey/grey": ("#0a0a0a", "#6b6b6b", "#9a9a9a"),
}
RUNS = 21
SEED_TARGET_MS = 5.0
AUDIT_TARGET_MS = 2.0


def clear_caches() -> None:
    """Forget every palette, derived default table, measured pair and parsed colour."""
    livery.theme.colour.palette.palette.cache_clear()
    livery.theme.model._defaults.cache_clear()
    livery.theme.colour.audit._worst.cache_clear()
    livery.theme.colour.contrast.colours_in.cache_clear()


def median_ms(function: Callable[[], object], before: Callable[[], object] | None = None) -> float:
    """Median wall time of ``function`` in milliseconds; ``before`` runs untimed each time."""
    times = []
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(RUNS):
            if before is not None:
                before()
            start = time.perf_counter()
            function()
            times.append(time.perf_counter() - start)
    finally:
        if gc_was_enabled:
            gc.enable()
    return statistics.median(times) * 1000


def seed_to_theme(triple: tuple[str, str, str]) -> Callable[[], object]:
    primary, secondary, neutral = triple

    def build() -> object:
        theme = livery.themes.Base(
            primary_hue=primary, secondary_hue=secondary, neutral_hue=neutral
        )
        theme.resolved()
        report = theme.audit("AA")
        assert report.passed, f"{triple}: {len(report.failures)} failures"
        return report

    return build


def palettes_only(triple: tuple[str, str, str]) -> Callable[[], object]:
    return lambda: [livery.palette(seed) for seed in triple]


def defaults_only(
    triple: tuple[str, str, str],
) -> tuple[Callable[[], object], Callable[[], object]]:
    """(setup, timed): the palettes are grown untimed, then the theme's tables are derived."""
    primary, secondary, neutral = triple

    def setup() -> None:
        clear_caches()
        palettes_only(triple)()

    def derive() -> object:
        theme = livery.themes.Base(
            primary_hue=primary, secondary_hue=secondary, neutral_hue=neutral
        )
        return theme.resolved()

    return setup, derive


def verdict(value: float, target: float) -> str:
    return f"met (≤ {target:g} ms)" if value <= target else f"NOT met (> {target:g} ms)"


def main() -> None:
    # Warm the interpreter: imports, the built-in theme files, coloraide's first conversions.
    seed_to_theme(SEED_TRIPLES["violet/teal/slate"])()
    livery.themes.Default().repair_contrast("AA")

    rows: list[tuple[str, str, str]] = []
    seed_times = []
    for label, triple in SEED_TRIPLES.items():
        ms = median_ms(seed_to_theme(triple), before=clear_caches)
        seed_times.append(ms)
        rows.append(("seed → theme, cold", label, f"{ms:8.2f} ms"))
    for label, triple in SEED_TRIPLES.items():
        ms = median_ms(palettes_only(triple), before=clear_caches)
        rows.append(("  of which 3 palettes", label, f"{ms:8.2f} ms"))
    for label, triple in SEED_TRIPLES.items():
        setup, derive = defaults_only(triple)
        ms = median_ms(derive, before=setup)
        rows.append(("  of which derived defaults", label, f"{ms:8.2f} ms"))

    audited = {
        "default": livery.themes.Default(),
        "aurora": livery.Theme.load("aurora"),
        "seeded violet/teal/slate": livery.themes.Base(
            primary_hue="#8b5cf6", secondary_hue="#14b8a6", neutral_hue="#64748b"
        ),
    }
    audit_cold, audit_warm = [], []
    for label, theme in audited.items():
        theme.resolved()  # the audit alone is timed, not the theme's resolution

        def forget(theme: livery.Theme = theme) -> None:
            livery.theme.colour.audit._worst.cache_clear()
            livery.theme.colour.contrast.colours_in.cache_clear()
            theme.resolved()

        cold = median_ms(lambda theme=theme: theme.audit("AA"), before=forget)
        warm = median_ms(lambda theme=theme: theme.audit("AA"))
        audit_cold.append(cold)
        audit_warm.append(warm)
        rows.append(("audit, both modes, cold", label, f"{cold:8.2f} ms"))
        rows.append(("audit, both modes, warm", label, f"{warm:8.2f} ms"))

    repairs = []
    for level in ("AA", "AAA"):
        default = livery.themes.Default()
        changes = len(default.repair_contrast(level).changes)
        ms = median_ms(lambda level=level: livery.themes.Default().repair_contrast(level))
        repairs.append((level, ms, changes))
        rows.append((f"repair Default at {level}", f"{changes} changes", f"{ms:8.2f} ms"))

    width = max(len(what) for what, _, _ in rows)
    case_width = max(len(case) for _, case, _ in rows)
    print(f"Livery colour benchmark (median of {RUNS} runs)")
    print(f"{'measure':<{width}}  {'case':<{case_width}}  {'time':>11}")
    for what, case, figure in rows:
        print(f"{what:<{width}}  {case:<{case_width}}  {figure:>11}")
    print()
    worst_seed = max(seed_times)
    print(
        f"seed → complete theme (cold): median {statistics.median(seed_times):.2f} ms, "
        f"worst triple {worst_seed:.2f} ms; target ≤ {SEED_TARGET_MS:g} ms: "
        f"{verdict(worst_seed, SEED_TARGET_MS)}"
    )
    print(
        f"audit, both modes: cold worst {max(audit_cold):.2f} ms "
        f"({verdict(max(audit_cold), AUDIT_TARGET_MS)}), warm worst {max(audit_warm):.2f} ms "
        f"({verdict(max(audit_warm), AUDIT_TARGET_MS)})"
    )
    for level, ms, changes in repairs:
        print(f"repair of Default at {level}: {ms:.1f} ms, {changes} changes (no target)")


if __name__ == "__main__":
    main()
