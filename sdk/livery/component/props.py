"""A component's props: the settings a host passes next to the value (label, disabled, …).

A component declares ``props`` as a pydantic model or as a dict of defaults (the types then
come from the defaults). Either way the result is one model that includes ``BaseProps``, the
props every host and every story relies on, and refuses names it does not know, so a typo in
``MyWidget(lable="Name")`` is an error instead of a prop that silently does nothing.
"""

from __future__ import annotations

import keyword
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, create_model

from livery.errors import ComponentDefinitionError

RESERVED = frozenset({"value"})
"""Names a prop cannot have: the value travels separately."""


class BaseProps(BaseModel):
    """The props every component has; the front end shows them in its own way."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    label: str = ""
    """A caption for the component ("" for none)."""
    disabled: bool = False
    """The user cannot change the value (the component still shows it)."""
    error: str | None = None
    """A message to show with the component, such as a failed validation."""


def props_model(owner: str, declared: object) -> type[BaseProps]:
    """The props model of the component ``owner`` declared as ``declared``.

    ``declared`` is ``None`` (only the base props), a pydantic model class, or a mapping of
    prop names to default values.
    """
    if declared is None:
        return BaseProps
    if isinstance(declared, type) and issubclass(declared, BaseModel):
        _check_names(owner, declared.model_fields)
        if issubclass(declared, BaseProps):
            return declared
        return create_model(  # type: ignore[call-overload,no-any-return]
            f"{owner}Props", __base__=(declared, BaseProps), __module__=declared.__module__
        )
    if isinstance(declared, Mapping):
        _check_names(owner, declared)
        fields: dict[str, Any] = {
            name: (_annotation(default), default) for name, default in declared.items()
        }
        return create_model(f"{owner}Props", __base__=BaseProps, **fields)  # type: ignore[call-overload,no-any-return]
    raise ComponentDefinitionError(
        f"props must be a pydantic model or a dict of defaults, not {type(declared).__name__}",
        component=owner,
    )


def _check_names(owner: str, names: Mapping[str, object]) -> None:
    for name in names:
        if not isinstance(name, str) or not name.isidentifier() or keyword.iskeyword(name):
            raise ComponentDefinitionError(
                f"prop name {name!r} is not a Python identifier", component=owner
            )
        if name.startswith("_") or name in RESERVED:
            raise ComponentDefinitionError(
                f"{name!r} cannot be a prop (the value is passed on its own; names starting "
                "with '_' are private)",
                component=owner,
            )


def _annotation(default: object) -> Any:
    """The type a dict-declared prop accepts: its default's, or anything for ``None``."""
    if default is None:
        return Any
    return type(default)
