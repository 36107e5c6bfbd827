"""``livery theme …``: list, show, build, export, import and check themes (one function each)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import typer
from rich.table import Table

from livery._files import write_atomic
from livery.cli import theme_fonts
from livery.cli.console import err, escape, out
from livery.cli.options import DarkOption, choices
from livery.cli.paths import check_output_file, check_output_folder
from livery.cli.theme_source import THEME_HELP, load_theme
from livery.errors import LiveryError
from livery.theme import (
    FORMATS,
    LEVELS,
    TAILWIND_MODES,
    VARIABLES,
    AuditReport,
    Check,
    Theme,
    entries,
    tailwind_export,
    write_export,
    write_files,
)

app = typer.Typer(help="Build, inspect and convert themes.", no_args_is_help=True)


ExportFormat = choices("ExportFormat", FORMATS)
TailwindMode = choices("TailwindMode", TAILWIND_MODES)
"""The export formats, as the registry in ``livery.theme.formats`` lists them."""
Level = choices("Level", LEVELS)
"""The WCAG levels the contrast audit checks against."""


@app.command("list")
def list_themes() -> None:
    """List the themes in the library (built-in and installed packages)."""
    table = Table("name", "origin", "hues", "description", box=None, pad_edge=False)
    for name, entry in entries().items():
        try:
            theme = Theme.load(entry)
        except LiveryError as error:
            table.add_row(escape(name), escape(entry.origin), "—", f"[red]{escape(str(error))}[/]")
            continue
        table.add_row(escape(name), escape(entry.origin), _hues(theme), escape(theme.description))
    out.print(table)


@app.command()
def show(
    theme_name: str = typer.Argument(..., metavar="NAME|PATH", help=THEME_HELP),
    variables: bool = typer.Option(
        False, "--variables", help="Also list every variable's light and dark value."
    ),
) -> None:
    """Show a theme's metadata, core settings and the variables it sets."""
    theme = load_theme(theme_name)
    out.print(f"[bold]{escape(theme.name)}[/]  {escape(theme.description)}")
    if theme.tags:
        out.print(f"tags: {escape(', '.join(theme.tags))}")
    if theme.author:
        out.print(f"author: {escape(theme.author)}")
    out.print(f"hues: {_hues(theme)}")
    for scale in ("text_size", "spacing_size", "radius_size"):
        size = getattr(theme, scale)
        out.print(f"{scale}: {escape(size.name or ' '.join(size.expand()))}")
    out.print(f"font: {escape(theme.value('font'))}")
    out.print(f"font_mono: {escape(theme.value('font_mono'))}")
    resolved = theme.resolved()
    changes = len(resolved.dark_changes())
    out.print(f"{len(theme.overrides)} variables set, {changes} re-declared in dark mode")
    if variables:
        table = Table("variable", "light", "dark", box=None, pad_edge=False)
        for variable in VARIABLES:
            light = resolved.light[variable.name].raw
            dark = resolved.dark.get(variable.name)
            table.add_row(variable.name, escape(light), escape(dark.raw) if dark else "")
        out.print(table)
    elif theme.overrides:
        table = Table("variable", "value", box=None, pad_edge=False)
        for name, value in theme.overrides.items():
            table.add_row(name, "(as in light mode)" if value is None else escape(value))
        out.print(table)


@app.command()
def build(
    targets: list[str] = typer.Argument(
        None,
        metavar="[NAME|PATH]...",
        help="Themes to build (library names, theme files, FILE.py[:NAME]).",
    ),
    output: Path = typer.Option(
        None, "-o", "--output", help="Output file (one theme) or folder (several or --all)."
    ),
    build_all: bool = typer.Option(False, "--all", help="Build every theme in the library."),
    dark: DarkOption = typer.Option(  # type: ignore[valid-type]
        DarkOption["class"], "--dark", help="How dark mode is switched on."
    ),
    resolve: bool = typer.Option(False, "--resolve", help="Write literal values, not var()."),
    minify: bool = typer.Option(False, "--minify", help="Leave out all optional whitespace."),
    fonts: str = typer.Option(None, "--fonts", metavar="DIR|cdn|none", help=theme_fonts.HELP),
) -> None:
    """Compile themes to CSS custom properties.

    One theme without -o prints the CSS. Several themes (or --all) need -o FOLDER and print a
    summary table. Every theme compiles before any file is written.
    """
    names = list(targets or [])
    if build_all:
        names += [name for name in entries() if name not in names]
    if not names:
        raise typer.BadParameter("name at least one theme, or pass --all")
    several = len(names) > 1 or build_all
    if several and output is None:
        raise typer.BadParameter("building several themes needs -o FOLDER", param_hint="-o")
    if output is not None:
        (check_output_folder if several else check_output_file)(output)

    compiled: list[tuple[str, Theme, str, float]] = []
    for name in names:
        started = time.perf_counter()
        theme = load_theme(name)
        css = theme.css(dark=dark.value, resolve=resolve, minify=minify, fonts=fonts is None)
        if fonts is not None:
            css_file = output / f"{Path(name).stem}.css" if several else output
            css = theme_fonts.font_rules(theme, fonts, css_file, minify=minify) + css
        compiled.append((name, theme, css, time.perf_counter() - started))

    if not several and output is None:
        out.file.write(compiled[0][2])
        return
    table = Table("file", "theme", "variables set", "dark re-declared", "bytes", "ms", box=None)
    for name, theme, css, seconds in compiled:
        target = output / f"{Path(name).stem}.css" if several else output
        write_atomic(target, css)
        table.add_row(
            escape(target.name),
            escape(theme.name),
            str(len(theme.overrides)),
            str(len(theme.resolved().dark_changes())),
            f"{len(css.encode()):,}",
            f"{seconds * 1000:.1f}",
        )
    out.print(table)
    where = output if several else output.parent
    err.print(f"built {len(compiled)} theme{'s' * (len(compiled) != 1)} into {escape(str(where))}/")


@app.command()
def export(
    theme_name: str = typer.Argument(..., metavar="NAME|PATH", help=THEME_HELP),
    format: ExportFormat = typer.Option(  # type: ignore[valid-type]
        ...,
        "--format",
        "-f",
        help="css (the stylesheet), scss (variables, maps, dark mixin), dtcg (W3C design "
        "tokens 2025.10), tailwind (v4 @theme), gradio (theme JSON) or toml (theme file).",
    ),
    output: Path = typer.Option(None, "-o", "--output", help="Write to this file."),
    tailwind_mode: TailwindMode = typer.Option(  # type: ignore[valid-type]
        None,
        "--tailwind-mode",
        help="With -f tailwind: namespaced (default; Livery's sizes and neutral palette as "
        "text-lv-*, rounded-lv-*, lv-neutral-*, Tailwind's own scales untouched) or replace "
        "(Livery's scales become text-sm, rounded-md, neutral-*).",
    ),
) -> None:
    """Export a theme as CSS, SCSS, W3C design tokens, Tailwind v4, Gradio JSON or TOML.

    Without -o the export is printed. With -o it is written atomically: if anything fails,
    an existing file is left as it was.
    """
    if tailwind_mode is not None and format.value != "tailwind":
        raise typer.BadParameter(
            f"--tailwind-mode applies to -f tailwind, not -f {format.value}",
            param_hint="--tailwind-mode",
        )
    theme = load_theme(theme_name)
    if tailwind_mode is not None:
        text: str | None = tailwind_export(theme, tailwind_mode.value)
    else:
        text = None if output is not None else FORMATS[format.value](theme)
    if output is None:
        out.file.write(text or "")
        return
    # A format of several files (dtcg: tokens, dark tokens, resolver) writes them all.
    paths = (
        [write_export(text, output)]
        if text is not None
        else write_files(theme, format.value, output)
    )
    for path in paths:
        err.print(f"wrote {escape(str(path))} ({path.stat().st_size:,} bytes)")


@app.command("import")
def import_theme(
    source: Path = typer.Argument(..., metavar="GRADIO.json", help="A Gradio theme JSON file."),
    output: Path = typer.Option(None, "-o", "--output", help="Write the TOML theme here."),
) -> None:
    """Import a Gradio theme JSON file (``gr.Theme.dump``) as a Livery TOML theme file."""
    if output is not None:
        check_output_file(output)
    theme = Theme.from_gradio(source, remote_urls=True)  # your own file: trusted
    _emit(theme.to_toml(), output)


@app.command()
def check(
    theme_name: str = typer.Argument(..., metavar="NAME|PATH", help=THEME_HELP),
    level: Level = typer.Option(  # type: ignore[valid-type]
        Level["AA"], "--level", help="WCAG level the pairs must meet."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the full report as JSON."),
    every: bool = typer.Option(False, "--all", help="List every pair, not only failures."),
    fix: bool = typer.Option(False, "--fix", help="Repair failing pairs (needs -o)."),
    output: Path = typer.Option(None, "-o", "--output", help="Where --fix writes the theme."),
    lenient_placeholders: bool = typer.Option(
        False,
        "--lenient-placeholders",
        help="Ask 3:1 of placeholder text (4.5:1 at AAA) instead of what text needs.",
    ),
) -> None:
    """Audit a theme's contrast in light and dark mode; exit 1 if a required pair fails.

    Ratios are WCAG 2.x; APCA Lc is shown for information. Placeholders count as text, as
    WCAG and axe-core judge them. With --fix, failing colours move along OKLCH lightness to
    the nearest passing value and the theme is written to -o.
    """
    if fix and output is None:
        raise typer.BadParameter("--fix needs -o FILE for the repaired theme", param_hint="-o")
    if output is not None:
        check_output_file(output)
    theme = load_theme(theme_name)
    report = theme.audit(level.value, lenient_placeholders=lenient_placeholders)
    if fix:
        _fix(theme, level.value, output, lenient_placeholders)
        return
    if as_json:
        data = report.to_dict()
        data["gradio_resets"] = [reset._asdict() for reset in theme.gradio_resets]
        out.file.write(json.dumps(data, indent=1, ensure_ascii=False) + "\n")
    else:
        _print_report(report, every)
        _print_resets(theme)
    if not report.passed:
        raise typer.Exit(1)


def _print_resets(theme: Theme) -> None:
    """Warn about what Gradio's ``.set()`` reset on the theme: it looks that way in Gradio too,
    but not with ``semantics="livery"``, and probably not as its author meant."""
    resets = theme.gradio_resets
    if not resets:
        return
    err.print(
        f"[yellow]warning:[/] this theme depends on Gradio's .set() reset of the background "
        f"fills ({len(resets)} value{'s' * (len(resets) != 1)}):"
    )
    for reset in resets:
        err.print(f"  {escape(str(reset))}")
    err.print(
        "  Pass these variables to .set() to keep them, or build the theme with "
        'semantics="livery" (only what .set() is given changes).'
    )


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


def _fix(theme: Theme, level: str, output: Path, lenient_placeholders: bool) -> None:
    fixed, changes = theme.repair_contrast(level, lenient_placeholders=lenient_placeholders)
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
    fixed.save(output)
    err.print(f"{len(changes)} change{'s' * (len(changes) != 1)}; wrote {escape(str(output))}")


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        out.file.write(text)
        return
    write_atomic(output, text)
    err.print(f"wrote {escape(str(output))} ({len(text.encode()):,} bytes)")


def _hues(theme: Theme) -> str:
    names = (theme.primary_hue.name, theme.secondary_hue.name, theme.neutral_hue.name)
    return " / ".join(escape(name or "custom") for name in names)
