"""Custom CSS and SCSS on top of a theme, public: compile, check, and the errors they raise.

``compile_custom(theme, custom)`` is what ``Theme.css(custom=…)`` appends and ``livery css
build`` writes; ``build_custom`` returns the unknown ``var(--x)`` names instead of warning;
``check_css(theme, text)`` checks the names of a stylesheet alone. The work is the engine's
(``livery.theme.css``), on the theme's resolved table; these take the ``Theme`` itself.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING

from livery.errors import (
    CssError,
    CssFileError,
    CssImportError,
    CssWarning,
    SassWarning,
    ScssError,
    UnknownCssVariableError,
    UnknownCssVariableWarning,
    UnsafeCssError,
)
from livery.theme import css as engine
from livery.theme.css import COMPILERS, Compiler, CustomCss, UnknownName

if TYPE_CHECKING:
    from livery.theme import DarkSwitch, Theme

__all__ = [
    "COMPILERS",
    "Compiler",
    "CssError",
    "CssFileError",
    "CssImportError",
    "CssWarning",
    "CustomCss",
    "SassWarning",
    "ScssError",
    "UnknownCssVariableError",
    "UnknownCssVariableWarning",
    "UnknownName",
    "UnsafeCssError",
    "build_custom",
    "check_css",
    "compile_custom",
]


def compile_custom(
    theme: Theme,
    custom: str | os.PathLike[str],
    *,
    dark: DarkSwitch = "class",
    minify: bool = False,
    strict: bool = False,
    compiler: Compiler = "libsass",
) -> str:
    """The compiled custom CSS for ``theme``, to append to ``theme.css(dark=, minify=)``.

    ``custom`` is CSS or SCSS text, or a ``.css``/``.scss``/``.sass`` file, which may ``@import
    "livery"`` (the theme's SCSS variables and ``dark`` mixin) and partials from its folder.
    Unknown ``var(--x)`` names warn (``UnknownCssVariableWarning``), or with ``strict`` raise.
    ``compiler="dart-sass"`` uses Dart Sass (npm ``sass`` on Node) instead of libsass.
    """
    return engine.compile_custom(
        theme.resolved(),
        custom,
        name=theme.name,
        dark=dark,
        minify=minify,
        strict=strict,
        compiler=compiler,
    )


def build_custom(
    theme: Theme,
    custom: str | os.PathLike[str],
    *,
    dark: DarkSwitch = "class",
    minify: bool = False,
    compiler: Compiler = "libsass",
) -> CustomCss:
    """Compile and check ``custom`` against ``theme``: the CSS and the unknown names.

    Errors (``CssError``) stop the build; unknown variables are returned, not raised.
    """
    return engine.build_custom(
        theme.resolved(), custom, name=theme.name, dark=dark, minify=minify, compiler=compiler
    )


def check_css(
    theme: Theme | None,
    sources: str | Mapping[str, str],
    *,
    compiled: str | None = None,
    file: str = "<css>",
) -> list[UnknownName]:
    """The ``var(--x)`` uses in ``sources`` that are neither ``theme``'s variables nor declared.

    ``sources`` is one stylesheet's text (reported as ``file``) or file names mapped to texts;
    ``compiled``, the CSS that SCSS made of them, adds names built by interpolation. ``theme``
    may be ``None``: every theme defines the same variables.
    """
    resolved = None if theme is None else theme.resolved()
    return engine.check_css(resolved, sources, compiled=compiled, file=file)
