"""The exception families Livery raises.

Every error a user can cause is a ``LiveryError``: the command line prints its message as one
line and exits 1, without a traceback. Messages name the file, the variable, the value and the
reason, so that the line alone says what to fix.
"""

from __future__ import annotations

_MAX_VALUE_CHARS = 60


def _shorten(value: object) -> str:
    text = value if isinstance(value, str) else repr(value)
    if len(text) > _MAX_VALUE_CHARS:
        text = text[: _MAX_VALUE_CHARS - 1] + "…"
    return repr(text) if isinstance(value, str) else text


class LiveryError(Exception):
    """Base class of every error caused by user input."""


class ThemeError(LiveryError):
    """A theme, a theme file or a theme value is not usable.

    ``source`` is the file (or theme name) the problem came from, ``variable`` the setting or
    variable, ``value`` the offending value, ``reason`` what is wrong with it.
    """

    def __init__(
        self,
        reason: str,
        *,
        source: str | None = None,
        variable: str | None = None,
        value: object = None,
    ) -> None:
        self.reason = reason
        self.source = source
        self.variable = variable
        self.value = value
        super().__init__(reason)

    def with_source(self, source: str | None) -> ThemeError:
        """Return this error attributed to ``source`` unless it already names one."""
        if self.source is None and source is not None:
            self.source = source
        return self

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        if self.variable is not None and self.value is not None:
            return f"{where}{self.variable} = {_shorten(self.value)}: {self.reason}"
        if self.variable is not None:
            return f"{where}{self.variable}: {self.reason}"
        return f"{where}{self.reason}"


class InvalidValueError(ThemeError):
    """A value is not valid for its variable's kind, or could escape its declaration."""


class UnknownVariableError(ThemeError):
    """A name is not a theme variable (the message suggests the closest names)."""


class ThemeReferenceError(ThemeError):
    """A ``*reference`` points nowhere, forms a cycle, or misuses a ``_dark`` name."""


class ThemeFileError(ThemeError):
    """A theme file cannot be read, parsed or written."""


class UnknownThemeError(ThemeError):
    """No theme of that name is in the library."""
