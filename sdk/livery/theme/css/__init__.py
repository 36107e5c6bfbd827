"""Custom CSS and SCSS on top of a theme: compiled with libsass, checked against the theme.

The engine's side works on the resolved table: ``compile_custom(resolved, custom, name=…)`` is
what ``Theme.css(custom=…)`` appends; ``build_custom`` also returns the unknown names instead
of warning; ``check_css(resolved, text)`` checks the ``var(--x)`` names of a stylesheet alone.
The public functions, which take a ``Theme``, and the errors are ``livery.css``'s.
"""

from __future__ import annotations

from livery.theme.css.build import COMPILERS, Compiler, CustomCss, build_custom, compile_custom
from livery.theme.css.check import UnknownName, check_css

__all__ = [
    "COMPILERS",
    "Compiler",
    "CustomCss",
    "UnknownName",
    "build_custom",
    "check_css",
    "compile_custom",
]
