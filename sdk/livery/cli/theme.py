"""``livery theme …``: list, show, build, export and import themes."""

from __future__ import annotations

import time
from enum import Enum
from pathlib import Path

import typer
from rich.table import Table

from livery._files import write_atomic
from livery.cli.console import err, escape, out
from livery.cli.options import DarkSwitch
from livery.errors import LiveryError
from livery.theme import library, tomlfile
from livery.theme.catalogue import VARIABLES
from livery.theme.export import FORMATS
from livery.theme.export import write as write_export
from livery.theme.model import Theme

app = typer.Typer(help="Build, inspect and convert themes.", no_args_is_help=True)


ExportFormat = Enum(  # type: ignore[misc]
    "ExportFormat", {name: name for name in FORMATS}, type=str
)
"""The export formats, as the registry in ``livery.theme.export`` lists them."""


@app.command("list")
def list_themes() -> None:
    """List the themes in the library (built-in and installed packages)."""
    table = Table("name", "origin", "hues", "description", box=None, pad_edge=False)
    for name, entry in library.entries().items():
        try:
            theme = entry.load()
        except LiveryError as error:
            table.add_row(escape(name), escape(entry.origin), "—", f"[red]{escape(str(error))}[/]")
            continue
        table.add_row(escape(name), escape(entry.origin), _hues(theme), escape(theme.description))
    out.print(table)


@app.command()
def show(
    theme_name: str = typer.Argument(..., metavar="NAME|PATH", help="Library name or file."),
    variables: bool = typer.Option(
        False, "--variables", help="Also list every variable's light and dark value."
    ),
) -> None:
    """Show a theme's metadata, core settings and the variables it sets."""
    theme = Theme.load(theme_name)
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
    out.print(
        f"{len(theme.overrides)} variables set, {len(resolved.redeclare)} re-declared in dark mode"
    )
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
            table.add_row(name, escape(value))
        out.print(table)


@app.command()
def build(
    targets: list[str] = typer.Argument(
        None, metavar="[NAME|PATH]...", help="Themes to build (library names or files)."
    ),
    output: Path = typer.Option(
        None, "-o", "--output", help="Output file (one theme) or folder (several or --all)."
    ),
    build_all: bool = typer.Option(False, "--all", help="Build every theme in the library."),
    dark: DarkSwitch = typer.Option(
        DarkSwitch["class"], "--dark", help="How dark mode is switched on."
    ),
    resolve: bool = typer.Option(False, "--resolve", help="Write literal values, not var()."),
    minify: bool = typer.Option(False, "--minify", help="Leave out all optional whitespace."),
) -> None:
    """Compile themes to CSS custom properties.

    One theme without -o prints the CSS. Several themes (or --all) need -o FOLDER and print a
    summary table. Every theme compiles before any file is written.
    """
    names = list(targets or [])
    if build_all:
        names += [name for name in library.entries() if name not in names]
    if not names:
        raise typer.BadParameter("name at least one theme, or pass --all")
    several = len(names) > 1 or build_all
    if several and output is None:
        raise typer.BadParameter("building several themes needs -o FOLDER", param_hint="-o")

    compiled: list[tuple[str, Theme, str, float]] = []
    for name in names:
        started = time.perf_counter()
        theme = Theme.load(name)
        css = theme.css(dark=dark.value, resolve=resolve, minify=minify)
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
            str(len(theme.resolved().redeclare)),
            f"{len(css.encode()):,}",
            f"{seconds * 1000:.1f}",
        )
    out.print(table)
    where = output if several else output.parent
    err.print(f"built {len(compiled)} theme{'s' * (len(compiled) != 1)} into {escape(str(where))}/")


@app.command()
def export(
    theme_name: str = typer.Argument(..., metavar="NAME|PATH", help="Library name or file."),
    format: ExportFormat = typer.Option(
        ...,
        "--format",
        "-f",
        help="css (the stylesheet), scss (variables, maps, dark mixin), dtcg (W3C design "
        "tokens 2025.10), tailwind (v4 @theme), gradio (theme JSON) or toml (theme file).",
    ),
    output: Path = typer.Option(None, "-o", "--output", help="Write to this file."),
) -> None:
    """Export a theme as CSS, SCSS, W3C design tokens, Tailwind v4, Gradio JSON or TOML.

    Without -o the export is printed. With -o it is written atomically: if anything fails,
    an existing file is left as it was.
    """
    theme = Theme.load(theme_name)
    text = FORMATS[format.value](theme)
    if output is None:
        out.file.write(text)
        return
    write_export(text, output)
    err.print(f"wrote {escape(str(output))} ({len(text.encode()):,} bytes)")


@app.command("import")
def import_theme(
    source: Path = typer.Argument(..., metavar="GRADIO.json", help="A Gradio theme JSON file."),
    output: Path = typer.Option(None, "-o", "--output", help="Write the TOML theme here."),
) -> None:
    """Import a Gradio theme JSON file (``gr.Theme.dump``) as a Livery TOML theme file."""
    theme = Theme.from_gradio(source)
    _emit(tomlfile.dumps(theme), output)


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        out.file.write(text)
        return
    write_atomic(output, text)
    err.print(f"wrote {escape(str(output))} ({len(text.encode()):,} bytes)")


def _hues(theme: Theme) -> str:
    names = (theme.primary_hue.name, theme.secondary_hue.name, theme.neutral_hue.name)
    return " / ".join(escape(name or "custom") for name in names)
