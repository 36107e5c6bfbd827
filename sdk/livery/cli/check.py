"""``livery theme check``: the contrast audit on the command line, and its repair."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path

import typer
from rich.table import Table

from livery.cli.console import err, escape, out
from livery.colour.audit import AuditReport, Check
from livery.theme import tomlfile
from livery.theme.model import Theme


class Level(str, Enum):
    AA = "AA"
    AAA = "AAA"


def check(
    theme_name: str = typer.Argument(..., metavar="NAME|PATH", help="Library name or file."),
    level: Level = typer.Option(Level.AA, "--level", help="WCAG level the pairs must meet."),
    as_json: bool = typer.Option(False, "--json", help="Print the full report as JSON."),
    every: bool = typer.Option(False, "--all", help="List every pair, not only failures."),
    fix: bool = typer.Option(False, "--fix", help="Repair failing pairs (needs -o)."),
    output: Path = typer.Option(None, "-o", "--output", help="Where --fix writes the theme."),
) -> None:
    """Audit a theme's contrast in light and dark mode; exit 1 if a required pair fails.

    Ratios are WCAG 2.x; APCA Lc is shown for information. With --fix, failing colours move
    along OKLCH lightness to the nearest passing value and the theme is written to -o.
    """
    if fix and output is None:
        raise typer.BadParameter("--fix needs -o FILE for the repaired theme", param_hint="-o")
    theme = Theme.load(theme_name)
    report = theme.audit(level.value)
    if fix:
        _fix(theme, level.value, output)
        return
    if as_json:
        out.file.write(json.dumps(report.to_dict(), indent=1, ensure_ascii=False) + "\n")
    else:
        _print_report(report, every)
    if not report.passed:
        raise typer.Exit(1)


def _print_report(report: AuditReport, every: bool) -> None:
    shown = report.checks if every else report.failures
    if shown:
        table = Table("mode", "pair", "foreground", "background", "ratio", "needs", "APCA Lc", "")
        table.box = None
        for item in shown:
            table.add_row(*_row(item))
        out.print(table)
    verdict = "passes" if report.passed else f"{len(report.failures)} of {len(report.checks)} fail"
    out.print(
        f"{escape(report.theme)}: {verdict} at {report.level} "
        f"(grade {report.grade}; APCA Lc is informative)"
    )


def _row(item: Check) -> list[str]:
    ratio = "—" if item.ratio is None else f"{item.ratio:.2f}"
    needs = "—" if item.required is None else f"{item.required:g}"
    lc = "—" if item.apca is None else f"{item.apca:.0f}"
    result = "[green]pass[/]" if item.passes else "[red]FAIL[/]"
    if item.required is None:
        result = "[dim]info[/]"
    return [
        item.mode,
        escape(item.pair.label),
        escape(item.foreground),
        escape(item.background[:40]),
        ratio,
        needs,
        lc,
        result,
    ]


def _fix(theme: Theme, level: str, output: Path) -> None:
    fixed, changes = theme.repair_contrast(level)
    if changes:
        table = Table("variable", "old", "new", "pair", "mode", "ratio", box=None)
        for change in changes:
            table.add_row(
                change.variable,
                escape(change.old),
                escape(change.new),
                escape(change.pair),
                change.mode,
                f"{change.ratio_before:.2f} → {change.ratio_after:.2f}",
            )
        out.print(table)
    tomlfile.save(fixed, output)
    err.print(f"{len(changes)} change{'s' * (len(changes) != 1)}; wrote {escape(str(output))}")
