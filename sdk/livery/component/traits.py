"""A component's traits: the named pieces of state a front end reads, sets and hears change.

anywidget front ends talk in traits: ``model.get("count")``, ``model.on("change:x")``. A
Livery component keeps one ``Value`` model as the single source of truth, and its traits are
that model's fields: a ``Value`` with fields ``x`` and ``y`` has the traits ``x`` and ``y``
(and ``value``, the whole object); a ``RootModel`` value is the one trait ``value``. So every
trait is validated by pydantic with the rest of the value, and reaches a Python handler as part
of it. Props are traits too, read-only: the host sets them.

Binary traits are ``bytes`` fields (or ``RootModel[bytes]``): in JSON they travel as base64,
and the front end sees a ``DataView``, as in anywidget. ``validate_json`` and ``dump`` read and
write them so.
"""

from __future__ import annotations

import base64
import binascii
import json
from functools import cache, lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict, RootModel

from livery.errors import ComponentDefinitionError

_BASE64 = ConfigDict(val_json_bytes="base64", ser_json_bytes="base64")


def trait_names(value: type[BaseModel]) -> tuple[str, ...]:
    """The value's fields a front end may address by name (none for a ``RootModel``)."""
    if issubclass(value, RootModel):
        return ()
    return tuple(value.model_fields)


@lru_cache(maxsize=256)
def binary_names(value: type[BaseModel]) -> tuple[str, ...]:
    """The traits holding bytes (``"value"`` itself for ``RootModel[bytes]``); kept per class,
    since every story state and every message asks and a JSON schema takes a while."""
    schema = value.model_json_schema()
    if issubclass(value, RootModel):
        return ("value",) if _is_binary(schema) else ()
    properties = schema.get("properties", {})
    return tuple(name for name in value.model_fields if _is_binary(properties.get(name, {})))


def check_traits(owner: str, value: type[BaseModel], props: type[BaseModel]) -> None:
    """A trait can be named neither ``value`` (the whole value) nor like a prop."""
    for name in trait_names(value):
        if name == "value":
            raise ComponentDefinitionError(
                "a Value field cannot be named 'value' (model.get('value') is the whole value)",
                component=owner,
            )
        if name in props.model_fields:
            raise ComponentDefinitionError(
                f"Value field {name!r} has the name of a prop: model.get({name!r}) would be "
                "ambiguous",
                component=owner,
            )


def validate_json(value: type[BaseModel], text: str) -> BaseModel:
    """``text`` (JSON from a browser) as a ``value``, strictly, binary traits read as base64."""
    binary = binary_names(value)
    if not binary:
        return value.model_validate_json(text, strict=True)
    if issubclass(value, RootModel):
        data = json.loads(text)
        if isinstance(data, str):
            data = _unb64(data)
        return value.model_validate(data, strict=True)
    wire = _wire(value).model_validate_json(text, strict=True)
    # Already validated: rebuild it as the component's own class, which handlers compare to.
    return value.model_construct(_fields_set=wire.model_fields_set, **dict(wire))


def dump(model: BaseModel) -> Any:
    """``model`` as JSON data, binary traits as base64."""
    binary = binary_names(type(model))
    if not binary:
        return model.model_dump(mode="json")
    if isinstance(model, RootModel):
        root = model.root
        return _b64(root) if isinstance(root, bytes) else model.model_dump(mode="json")
    data = model.model_dump(mode="json", exclude=set(binary))
    for name in binary:
        field = getattr(model, name)
        data[name] = _b64(field) if isinstance(field, bytes) else field
    return data


@cache
def _wire(value: type[BaseModel]) -> type[BaseModel]:
    """A subclass of ``value`` reading its ``bytes`` fields from base64 JSON text (pydantic's
    JSON default is UTF-8 text, which cannot hold arbitrary bytes)."""
    config = ConfigDict(**{**value.model_config, **_BASE64})  # type: ignore[typeddict-item]
    namespace = {
        "model_config": config,
        "__module__": value.__module__,
        "__qualname__": value.__qualname__,
    }
    return type(value.__name__, (value,), namespace)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes | str:
    """Standard or URL-safe base64; text that is neither stays text for pydantic to refuse."""
    try:
        return base64.b64decode(text.replace("-", "+").replace("_", "/"), validate=True)
    except binascii.Error:
        return text


def _is_binary(schema: dict[str, Any]) -> bool:
    if schema.get("format") == "binary":
        return True
    return any(_is_binary(option) for option in schema.get("anyOf", ()))
