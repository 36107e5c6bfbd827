"""``compile_custom``: a theme's custom stylesheet, compiled, checked and ready to append.

The steps, each in its own module: read the input (``source``), compile it with libsass and
the theme's ``livery`` module (``scss``, ``prelude``), keep the result inside its stylesheet
(``safety``), and check every ``var(--x)`` against the theme (``check``).
"""

from __future__ import annotations

import os
import sys
import warnings
from dataclasses import dataclass

from livery.errors import UnknownCssVariableError, UnknownCssVariableWarning
from livery.theme.css import source as sources
from livery.theme.css.check import UnknownName, check_css
from livery.theme.css.prelude import prelude
from livery.theme.css.safety import check_output
from livery.theme.css.scss import compile_scss
from livery.theme.dark import DarkSwitch
from livery.theme.resolve import Resolved


@dataclass(frozen=True)
class CustomCss:
    """A compiled custom stylesheet and the unknown variables it uses."""

    css: str
    """The compiled CSS, ready to append to the theme's stylesheet ("" if it is empty)."""
    problems: tuple[UnknownName, ...]


def build_custom(
    resolved: Resolved,
    custom: str | os.PathLike[str],
    *,
    name: str = "",
    dark: DarkSwitch = "class",
    minify: bool = False,
) -> CustomCss:
    """Compile and check ``custom`` (CSS or SCSS text, or a file) against the theme's table.

    ``name`` is the theme's, for the header of its ``livery`` module. Errors (``CssError``)
    stop the build; unknown variables are returned, not raised.
    """
    source = sources.load(custom)
    compiled = compile_scss(source, prelude(resolved, dark, name=name), minify=minify)
    check_output(compiled.css, compiled.files, source.name)
    problems = check_css(resolved, compiled.files, compiled=compiled.css, file=source.name)
    css = compiled.css.strip("\n")
    if css:
        css = css if minify else f"\n{css}\n"
    return CustomCss(css, tuple(problems))


def compile_custom(
    resolved: Resolved,
    custom: str | os.PathLike[str],
    *,
    name: str = "",
    dark: DarkSwitch = "class",
    minify: bool = False,
    strict: bool = False,
) -> str:
    """The compiled custom CSS for a theme's table, to append to ``theme.css(dark=, minify=)``.

    ``custom`` is CSS or SCSS text, or the path of a ``.css``/``.scss``/``.sass`` file. It may
    ``@import "livery"`` for the theme's SCSS variables and ``dark`` mixin, and partials from
    its own folder. Unknown ``var(--x)`` names are ``UnknownCssVariableWarning`` warnings, or
    with ``strict`` one ``UnknownCssVariableError`` listing them all. The result starts with a
    newline unless ``minify`` (and is "" for a stylesheet that compiles to nothing).
    """
    result = build_custom(resolved, custom, name=name, dark=dark, minify=minify)
    if result.problems and strict:
        raise UnknownCssVariableError(result.problems)
    level = _outside_livery()
    for problem in result.problems:
        warnings.warn(UnknownCssVariableWarning(problem), stacklevel=level)
    return result.css


def _outside_livery() -> int:
    """The ``stacklevel`` of the first caller outside Livery (``Theme.css``'s caller)."""
    level, frame = 1, sys._getframe(1)
    while frame.f_back is not None and frame.f_globals.get("__name__", "").startswith("livery."):
        level, frame = level + 1, frame.f_back
    return level
