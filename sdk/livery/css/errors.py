"""The custom-CSS exception family: every problem names the file and, when known, the line.

``CssError`` is a ``LiveryError``, so the command line prints it as one line and exits 1.
Unknown ``var(--x)`` names are warnings (``UnknownCssVariableWarning``, itself a ``CssError``
so that ``-W error`` turns it into an error the command line reports like any other) unless
``strict`` makes them one ``UnknownCssVariableError``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from livery.errors import LiveryError

if TYPE_CHECKING:
    from livery.css.check import UnknownName


class CssError(LiveryError):
    """Custom CSS or SCSS cannot be used. ``file`` and ``line`` say where, when known."""

    def __init__(self, reason: str, *, file: str | None = None, line: int | None = None) -> None:
        self.reason = reason
        self.file = file
        self.line = line
        super().__init__(reason)

    def __str__(self) -> str:
        if self.file is not None and self.line is not None:
            return f"{self.file}:{self.line}: {self.reason}"
        if self.file is not None:
            return f"{self.file}: {self.reason}"
        return self.reason


class CssFileError(CssError):
    """A stylesheet or partial cannot be read (missing, too large, not UTF-8)."""


class ScssError(CssError):
    """libsass refused the stylesheet: a syntax error, an undefined variable, an ``@error``…"""


class CssImportError(ScssError):
    """An ``@import``/``@use`` reaches outside the stylesheet's folder, or is not supported."""


class UnsafeCssError(CssError):
    """The compiled CSS could leave its stylesheet (``</style``) or load other files."""


class UnknownCssVariableError(CssError):
    """``strict``: the stylesheet uses ``var(--x)`` names the theme does not define.

    ``problems`` lists every one; the message is the first and how many more there are.
    """

    def __init__(self, problems: Sequence[UnknownName]) -> None:
        self.problems = tuple(problems)
        first = self.problems[0]
        more = len(self.problems) - 1
        reason = first.message
        if more:
            reason += f" (and {more} more unknown variable{'s' * (more != 1)})"
        super().__init__(reason, file=first.file, line=first.line)


class CssWarning(CssError, UserWarning):
    """Base class of the warnings custom CSS gives (a ``UserWarning`` and a ``LiveryError``)."""


class UnknownCssVariableWarning(CssWarning):
    """A ``var(--x)`` name the theme does not define (the message suggests the closest)."""

    def __init__(self, problem: UnknownName) -> None:
        self.problem = problem
        super().__init__(problem.message, file=problem.file, line=problem.line)
