"""``livery theme build --fonts``: where a built stylesheet's hosted fonts come from.

``--fonts DIR`` writes the woff2 files into DIR (from Livery's font cache, fetched once) and
points the ``@font-face`` rules at them by a path relative to the CSS file, so the folder pair
can be copied anywhere; ``--fonts cdn`` links Google Fonts instead (the only way a built
stylesheet asks another origin for anything); ``--fonts none`` writes no font rule. Without
``--fonts`` the stylesheet keeps its usual rules (Gradio's ``static/fonts`` paths).
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import typer

from livery.cli.console import err, escape
from livery.errors import ThemeFileError
from livery.theme import GoogleFont, Theme
from livery.theme.fontfiles import copy_files, face_rules, font_sets, hosted_fonts

CDN = "cdn"
NONE = "none"
HELP = (
    "Hosted fonts: DIR (write the woff2 files there, the CSS refers to them relatively), "
    "'cdn' (link Google Fonts) or 'none'. Default: Gradio's static/fonts paths."
)


def font_rules(theme: Theme, fonts: str, css_file: Path | None, *, minify: bool) -> str:
    """The text the stylesheet starts with for ``--fonts`` (writing the files for a DIR);
    a font that cannot be had is a warning on stderr, and the stack falls back."""
    stack = (*theme.font, *theme.font_mono)
    if fonts == NONE:
        return ""
    if fonts == CDN:
        imports = [
            f"@import url('{GoogleFont(name, weights=sorted(weights)).stylesheet_url()}');"
            for name, weights in hosted_fonts(stack).items()
        ]
        return ("" if minify else "\n").join(imports) + ("" if minify or not imports else "\n")
    folder = Path(fonts)
    if folder.exists() and not folder.is_dir():
        raise typer.BadParameter(
            f"{fonts} is a file, not a folder for the fonts", param_hint="--fonts"
        )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        sets = font_sets(stack)
    for warning in caught:
        err.print(f"[yellow]warning:[/] {escape(str(warning.message))}")
    try:
        copy_files(sets, folder)
    except OSError as error:
        reason = f"cannot write the font files: {error.strerror or error}"
        raise ThemeFileError(reason, source=str(folder)) from None
    base = Path(os.path.abspath(css_file.parent if css_file else Path.cwd()))
    prefix = Path(os.path.relpath(os.path.abspath(folder), base)).as_posix()
    rules = face_rules(sets, "" if prefix == "." else prefix, minify=minify)
    return rules if minify or not rules else rules + "\n"
