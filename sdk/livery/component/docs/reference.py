"""What the docs read from a component's class, shared by the page and the README section.

Everything comes from the class itself, so the docs cannot drift from the code: the class
docstring, the props (type, default, description), the events, the value's JSON schema (as JSON
and as a readable type), the commands and traits. Both outputs render this one ``Reference``, so
they always say the same thing.
"""

from __future__ import annotations

import ast
import inspect
import itertools
import json
import re
import textwrap
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel

from livery.component.base import Component
from livery.component.names import DISTRIBUTION_NAME
from livery.component.props import BaseProps
from livery.errors import DocsError

_LITERAL = re.compile(r"``(.+?)``")


@dataclass(frozen=True)
class Prop:
    """One prop (or trait) as the docs' tables show it."""

    name: str
    type: str
    default: str
    description: str


@dataclass(frozen=True)
class Reference:
    """Everything the docs say about a component, gathered once for both outputs."""

    name: str
    module: str
    summary: str
    body: str
    props: tuple[Prop, ...]
    props_note: str
    """The props model's own docstring (``BaseProps``'s is not repeated)."""
    events: tuple[str, ...]
    value_type: str
    value_description: str
    schema: dict[str, Any]
    commands: tuple[str, ...]
    traits: tuple[Prop, ...]
    """The value's fields the front end reads by name (``model.get("x")``)."""


def reference(component: type[Component]) -> Reference:
    """What ``component`` declares, in the order a reader wants it (its own props first)."""
    summary, body = _docstring(component)
    schema = component.api_info()
    props = component.props_model()
    module = component.__module__
    if not all(part.isidentifier() for part in module.split(".")):
        raise DocsError(f"module {module!r} cannot be imported by name", component=component.name)
    return Reference(
        name=component.__name__,
        module=module,
        summary=summary,
        body=body,
        props=_props(props),
        props_note="" if props is BaseProps else _own_docstring(props),
        events=component.events,
        value_type=readable_type(schema),
        value_description=str(schema.get("description", "")),
        schema=schema,
        commands=component.command_names(),
        traits=_traits(component.trait_names(), schema),
    )


def _docstring(component: type[Component]) -> tuple[str, str]:
    """The class's own docstring (never the base class's) as its summary and the rest."""
    summary, _, body = _own_docstring(component).partition("\n\n")
    return " ".join(summary.split()), body.strip()


def _own_docstring(cls: type) -> str:
    return inspect.cleandoc(cls.__dict__.get("__doc__") or "")


def _props(model: type[BaseProps]) -> tuple[Prop, ...]:
    schema = model.model_json_schema()
    properties = schema.get("properties", {})
    notes = _attribute_docstrings(model)
    own = [name for name in model.model_fields if name not in BaseProps.model_fields]
    props = []
    for name in [*own, *BaseProps.model_fields]:
        field = model.model_fields[name]
        if field.is_required():
            default = "required"
        else:
            default = _shown_value(field.get_default(call_default_factory=True))
        description = field.description or notes.get(name, "")
        props.append(Prop(name, readable_type(properties.get(name, {})), default, description))
    return tuple(props)


def _traits(names: Sequence[str], schema: dict[str, Any]) -> tuple[Prop, ...]:
    properties = schema.get("properties", {})
    defs = schema.get("$defs", {})
    traits = []
    for name in names:
        field = properties.get(name, {})
        default = _shown_value(field["default"]) if "default" in field else "required"
        description = str(field.get("description", ""))
        traits.append(Prop(name, readable_type(field, defs), default, description))
    return tuple(traits)


def _shown_value(value: object) -> str:
    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        return repr(value)


def _attribute_docstrings(model: type[BaseModel]) -> dict[str, str]:
    """``name: type = default`` followed by a string, in the model and its bases' source (how
    ``BaseProps`` documents ``label``, ``disabled`` and ``error``); the nearest class wins."""
    found: dict[str, str] = {}
    for cls in reversed(model.__mro__):
        if isinstance(cls, type) and issubclass(cls, BaseModel) and cls is not BaseModel:
            found.update(_class_attribute_docstrings(cls))
    return found


@cache
def _class_attribute_docstrings(cls: type) -> dict[str, str]:
    try:
        source = textwrap.dedent(inspect.getsource(cls))
        tree = ast.parse(source)
    except (OSError, TypeError, SyntaxError):  # made by create_model, or no source file
        return {}
    body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
    found = {}
    for statement, following in itertools.pairwise(body):
        if (
            isinstance(statement, ast.AnnAssign)
            and isinstance(statement.target, ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            found[statement.target.id] = " ".join(following.value.value.split())
    return found


def readable_type(schema: dict[str, Any], defs: dict[str, Any] | None = None) -> str:
    """A JSON schema as a short type a person reads: ``string (≤ 10000 characters)``,
    ``{url: string, name?: string}``, ``string | null``."""
    return _type(schema, schema.get("$defs", {}) if defs is None else defs, 0)


def _type(schema: Any, defs: dict[str, Any], depth: int) -> str:
    if not isinstance(schema, dict) or not schema:
        return "any"
    if "$ref" in schema:
        name = str(schema["$ref"]).rpartition("/")[2]
        target = defs.get(name)
        return _type(target, defs, depth + 1) if target is not None and depth < 4 else name
    if "const" in schema:
        return _shown_value(schema["const"])
    if "enum" in schema:
        return " | ".join(_shown_value(value) for value in schema["enum"])
    for key in ("anyOf", "oneOf"):
        if key in schema:
            parts = [_type(part, defs, depth + 1) for part in schema[key]]
            return " | ".join(dict.fromkeys(parts))
    if "allOf" in schema and len(schema["allOf"]) == 1:
        return _type(schema["allOf"][0], defs, depth + 1)
    kind = schema.get("type")
    if isinstance(kind, list):
        return " | ".join(_type({**schema, "type": one}, defs, depth) for one in kind)
    if kind == "array":
        if "prefixItems" in schema:
            items = ", ".join(_type(item, defs, depth + 1) for item in schema["prefixItems"])
            return f"[{items}]"
        return f"list[{_type(schema.get('items', {}), defs, depth + 1)}]"
    if kind == "object":
        return _object(schema, defs, depth)
    limits = _limits(schema)
    name = str(kind) if kind else "any"
    if schema.get("format"):
        name += f" ({schema['format']})"
    return f"{name} ({', '.join(limits)})" if limits else name


def _object(schema: dict[str, Any], defs: dict[str, Any], depth: int) -> str:
    properties = schema.get("properties")
    if isinstance(properties, dict) and properties:
        required = set(schema.get("required", ()))
        fields = ", ".join(
            f"{name}{'' if name in required else '?'}: {_type(value, defs, depth + 1)}"
            for name, value in properties.items()
        )
        return f"{{{fields}}}"
    extra = schema.get("additionalProperties")
    if isinstance(extra, dict):
        return f"dict[string, {_type(extra, defs, depth + 1)}]"
    return "object"


def _limits(schema: dict[str, Any]) -> list[str]:
    limits = []
    for key, sign in (
        ("minimum", "≥"),
        ("exclusiveMinimum", ">"),
        ("maximum", "≤"),
        ("exclusiveMaximum", "<"),
    ):
        if key in schema:
            limits.append(f"{sign} {_shown_value(schema[key])}")
    if "minLength" in schema:
        limits.append(f"≥ {schema['minLength']} characters")
    if "maxLength" in schema:
        limits.append(f"≤ {schema['maxLength']} characters")
    if "pattern" in schema:
        limits.append(f"matching {schema['pattern']}")
    return limits


def gradio_snippet(ref: Reference) -> str:
    """How to use the component in a Gradio 6 app (names are identifiers: nothing to escape)."""
    lines = [
        "import gradio as gr",
        f"from {ref.module} import {ref.name}",
        "",
        f"Widget = {ref.name}.to_gradio()  # a gr.HTML subclass (pip install 'livery[gradio]')",
        "",
        "with gr.Blocks() as demo:",
    ]
    if ref.events:
        lines += [
            '    first = Widget(label="In")',
            '    second = Widget(label="Out")',
            f"    first.{ref.events[0]}(lambda value: value, first, second)",
        ]
    else:
        lines.append('    Widget(label="Shown")')
    return "\n".join([*lines, "", "demo.launch()"])


def checked_distribution(name: str) -> str:
    """``name`` if it can be shown as ``pip install name``, else ``DocsError``."""
    if not DISTRIBUTION_NAME.match(name):
        raise DocsError(f"pyproject.toml: [project] name {name!r} is not a distribution name")
    return name


def blocks(text: str) -> Iterator[tuple[str, list[str]]]:
    """A docstring's paragraphs: ``("p", [text])`` or ``("ul", items)`` for a ``- `` list."""
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        lines = paragraph.splitlines()
        if lines and lines[0].lstrip().startswith("- "):
            items: list[str] = []
            for line in lines:
                if line.lstrip().startswith("- "):
                    items.append(line.lstrip()[2:])
                elif items:
                    items[-1] += " " + line.strip()
            yield "ul", [" ".join(item.split()) for item in items]
        elif paragraph.strip():
            yield "p", [" ".join(paragraph.split())]


def segments(text: str) -> Iterator[tuple[bool, str]]:
    """``text``'s non-empty parts in order, each with whether it was a ````literal````."""
    parts = _LITERAL.split(text)
    return ((index % 2 == 1, part) for index, part in enumerate(parts) if part)
