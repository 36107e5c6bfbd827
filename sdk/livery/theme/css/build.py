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
from typing import Final, Literal

from livery.errors import (
    InvalidOptionError,
    SassWarning,
    UnknownCssVariableError,
    UnknownCssVariableWarning,
)
from livery.theme.css import source as sources
from livery.theme.css.check import UnknownName, check_css
from livery.theme.css.dart_sass import compile_dart
from livery.theme.css.prelude import prelude
from livery.theme.css.safety import check_output
from livery.theme.css.sandbox import compile_in_child
from livery.theme.css.scss import Compiled
from livery.theme.dark import DarkSwitch
from livery.theme.resolve import Resolved

Compiler = Literal["libsass", "dart-sass"]
COMPILERS: Final[tuple[Compiler, ...]] = ("libsass", "dart-sass")
"""libsass (the default, in a time-limited child process) or Dart Sass (npm ``sass``, on
Node), which also knows ``@use … with``, ``@forward`` and the ``sass:`` modules."""


@dataclass(frozen=True)
class CustomCss:
    """A compiled custom stylesheet and the unknown variables it uses."""

    css: str
    """The compiled CSS, ready to append to the theme's stylesheet ("" if it is empty)."""
    problems: tuple[UnknownName, ...]
    notes: tuple[str, ...] = ()
    """What the compiler warned about, one line each (Dart Sass's deprecations, ``@warn``)."""


def build_custom(
    resolved: Resolved,
    custom: str | os.PathLike[str],
    *,
    name: str = "",
    dark: DarkSwitch = "class",
    minify: bool = False,
    compiler: Compiler = "libsass",
) -> CustomCss:
    """Compile and check ``custom`` (CSS or SCSS text, or a file) against the theme's table.

    ``name`` is the theme's, for the header of its ``livery`` module. Errors (``CssError``)
    stop the build; unknown variables are returned, not raised.
    """
    if compiler not in COMPILERS:
        raise InvalidOptionError(
            f"compiler must be one of {', '.join(COMPILERS)}, not {str(compiler)[:40]!r}"
        )
    source = sources.load(custom)
    livery = prelude(resolved, dark, name=name)
    if compiler == "dart-sass":
        compiled = compile_dart(source, livery, minify=minify)
    else:
        compiled = Compiled(*compile_in_child(source, livery, minify=minify))
    check_output(compiled.css, compiled.files, source.name)
    problems = check_css(resolved, compiled.files, compiled=compiled.css, file=source.name)
    css = compiled.css.strip("\n")
    if css:
        css = css if minify else f"\n{css}\n"
    return CustomCss(css, tuple(problems), compiled.notes)


def compile_custom(
    resolved: Resolved,
    custom: str | os.PathLike[str],
    *,
    name: str = "",
    dark: DarkSwitch = "class",
    minify: bool = False,
    strict: bool = False,
    compiler: Compiler = "libsass",
) -> str:
    """The compiled custom CSS for a theme's table, to append to ``theme.css(dark=, minify=)``.

    ``custom`` is CSS or SCSS text, or the path of a ``.css``/``.scss``/``.sass`` file. It may
    ``@import "livery"`` for the theme's SCSS variables and ``dark`` mixin, and partials from
    its own folder. Unknown ``var(--x)`` names are ``UnknownCssVariableWarning`` warnings, or
    with ``strict`` one ``UnknownCssVariableError`` listing them all. The result starts with a
    newline unless ``minify`` (and is "" for a stylesheet that compiles to nothing).
    ``compiler="dart-sass"`` compiles with Dart Sass; its warnings are ``SassWarning``s.
    """
    result = build_custom(resolved, custom, name=name, dark=dark, minify=minify, compiler=compiler)
    if result.problems and strict:
        raise UnknownCssVariableError(result.problems)
    level = _outside_livery()
    for problem in result.problems:
        warnings.warn(UnknownCssVariableWarning(problem), stacklevel=level)
    for note in result.notes:
        warnings.warn(SassWarning(note), stacklevel=level)
    return result.css


def _outside_livery() -> int:
    """The ``stacklevel`` of the first caller outside Livery (``Theme.css``'s caller)."""
    level, frame = 1, sys._getframe(1)
    while frame.f_back is not None and frame.f_globals.get("__name__", "").startswith("livery."):
        level, frame = level + 1, frame.f_back
    return level
