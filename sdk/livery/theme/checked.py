"""Pydantic models whose validation problems are Livery errors: one line, no traceback."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from livery.errors import InvalidValueError


def as_theme_error(error: ValidationError) -> InvalidValueError:
    """One line for the first problem pydantic found: the field, the value, the reason."""
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or error.title
    value = first.get("input")
    reason = first["msg"].removeprefix("Value error, ")
    shown = value if isinstance(value, (str, int, float)) and not isinstance(value, bool) else None
    return InvalidValueError(reason, variable=where, value=shown)


class CheckedModel(BaseModel):
    """Base for Livery's models: building one with bad values raises ``InvalidValueError``."""

    def __init__(self, **fields: Any) -> None:
        try:
            super().__init__(**fields)
        except ValidationError as error:
            raise as_theme_error(error) from None
