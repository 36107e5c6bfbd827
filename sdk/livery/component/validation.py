"""One line an author can act on, from a pydantic ``ValidationError`` or a handler's exception.

pydantic's own message is several lines with URLs; a host shows the problem next to the
event that caused it, so the line names the field, the reason and (shortened) what came in.
"""

from __future__ import annotations

from pydantic import ValidationError

from livery.errors import HandlerError

_MAX_INPUT_CHARS = 40


def describe(error: ValidationError, whole: str = "value") -> str:
    """``field: reason (got …)`` for the first problem, and how many more there are.

    A problem with the whole model rather than one field is named ``whole``.
    """
    problems = error.errors(include_url=False)
    if not problems:
        return str(error).splitlines()[0]
    first = problems[0]
    where = ".".join(str(part) for part in first["loc"]) or whole
    reason = first["msg"].removeprefix("Value error, ").removeprefix("Assertion failed, ")
    text = f"{where}: {reason}"
    if first["type"] not in ("missing", "value_error", "assertion_error") and "input" in first:
        text += f" (got {_shorten(first['input'])})"
    more = len(problems) - 1
    if more:
        text += f" (and {more} more problem{'s' * (more != 1)})"
    return text


def _shorten(value: object) -> str:
    text = repr(value)
    if len(text) > _MAX_INPUT_CHARS:
        text = text[: _MAX_INPUT_CHARS - 1] + "…"
    return text


def handler_error(component: str, name: str, error: Exception, event: str | None) -> HandlerError:
    """``name raised KindOfError: first line`` for code of the component's own that failed."""
    reason = next(iter(str(error).splitlines()), "")
    return HandlerError(
        f"{name} raised {type(error).__name__}" + (f": {reason}" if reason else ""),
        component=component,
        event=event,
    )
