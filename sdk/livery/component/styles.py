"""Compile a component's ``frontend/style.scss`` as ``livery css build`` does: with libsass,
or with Dart Sass when ``pyproject.toml`` says ``[tool.livery] sass = "dart-sass"``.

The component's stylesheet gets what custom CSS gets (``livery.css``): ``@import "livery"``
for the theme's SCSS variables and ``dark`` mixin, partials from its own folder, and every
``var(--x)`` checked against the theme variables. A component should style itself only
through ``var(--…)`` so that it follows whatever theme the page loads; an unknown name is a
warning (``file:line: unknown theme variable …``), a syntax error a one-line ``BuildError``.
A stylesheet with nothing but comments and whitespace (a fresh project's placeholder) is no
stylesheet: libsass refuses an empty source, so it is not compiled at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from livery.component.project import Project
from livery.css import CssError, build_custom
from livery.errors import BuildError
from livery.theme import Theme

_COMMENTS = re.compile(r"/\*.*?(\*/|$)|//[^\n]*", re.DOTALL)


@dataclass(frozen=True)
class Styles:
    """The compiled stylesheet and the warnings about it."""

    css: str
    warnings: tuple[str, ...]


@cache
def _theme() -> Theme:
    """The theme whose SCSS variables ``@import "livery"`` gives (Gradio's default)."""
    from livery import themes

    return themes.Default()


def compile_style(project: Project) -> Styles:
    """The component's compiled CSS ("" without a stylesheet), minified."""
    if project.style is None:
        return Styles("", ())
    shown = Path(project.display(project.style))
    if _is_blank(project.style):
        return Styles("", ())
    try:
        result = build_custom(_theme(), shown, minify=True, compiler=project.sass_compiler())
    except CssError as error:
        raise BuildError(str(error)) from None
    css = result.css.strip()
    return Styles(css + "\n" if css else "", tuple(str(problem) for problem in result.problems))


def _is_blank(path: Path) -> bool:
    """Only comments and whitespace (anything else, even a stray character, is compiled)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False  # build_custom says what is wrong with the file
    return not _COMMENTS.sub("", text).strip()
