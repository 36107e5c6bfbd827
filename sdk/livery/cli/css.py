"""``livery css …``: compile custom CSS or SCSS on top of a theme."""

from __future__ import annotations

from pathlib import Path

import typer

from livery._files import write_atomic
from livery.cli.console import err, error_line, escape, out
from livery.cli.options import DarkOption, SassCompiler
from livery.cli.paths import check_output_file
from livery.cli.theme_source import THEME_HELP, load_theme
from livery.css import build_custom

app = typer.Typer(help="Compile custom CSS or SCSS on top of a theme.", no_args_is_help=True)


@app.command()
def build(
    source: Path = typer.Argument(..., metavar="FILE", help="A .css, .scss or .sass file."),
    theme_name: str = typer.Option(
        "default", "--theme", "-t", metavar="NAME|PATH", help=THEME_HELP
    ),
    output: Path = typer.Option(None, "-o", "--output", help="Write the stylesheet here."),
    strict: bool = typer.Option(
        False, "--strict", help="Unknown var(--x) names are errors, not warnings."
    ),
    dark: DarkOption = typer.Option(  # type: ignore[valid-type]
        DarkOption["class"], "--dark", help="How dark mode is switched on."
    ),
    minify: bool = typer.Option(False, "--minify", help="Leave out all optional whitespace."),
    compiler: SassCompiler = typer.Option(  # type: ignore[valid-type]
        SassCompiler["libsass"],
        "--compiler",
        help="libsass, or dart-sass (npm sass on Node: @use with modules, sass: built-ins).",
    ),
) -> None:
    """Compile the theme's stylesheet followed by FILE, checked against the theme.

    FILE may @import "livery" (the theme's SCSS variables and a dark mixin) and partials
    from its own folder. Every var(--x) it uses is checked against the theme's variables:
    unknown names are warnings on stderr, or errors with --strict. Without -o the CSS is
    printed; on any error nothing is written.
    """
    if output is not None:
        check_output_file(output)
    theme = load_theme(theme_name)
    custom = build_custom(theme, source, dark=dark.value, minify=minify, compiler=compiler.value)
    for note in custom.notes:
        err.print(f"[yellow]warning:[/] {escape(note)}")
    for problem in custom.problems:
        if strict:
            error_line(str(problem))
        else:
            err.print(f"[yellow]warning:[/] {escape(str(problem))}")
    if strict and custom.problems:
        raise typer.Exit(1)
    css = theme.css(dark=dark.value, minify=minify) + custom.css
    if output is None:
        out.file.write(css)
        return
    write_atomic(output, css)
    err.print(f"wrote {escape(str(output))} ({len(css.encode()):,} bytes)")
