"""``livery.Component``: the Python half of a component.

A component is a Python class plus a built front-end ES module. The class says what the value
looks like (a pydantic model, ``Value``), how a browser value becomes a Python value and back
(``preprocess`` / ``postprocess``), which events the front end sends, which props it takes,
and where its built ``index.js`` and ``style.css`` are. Hosts — the playground, Gradio through
``to_gradio()``, visual tests — only use this class's public methods, so a component written
once runs in all of them.

Values from a browser are untrusted: ``validate_payload`` checks them against ``Value`` in
strict JSON mode and any problem becomes a ``PayloadError`` naming the component, the event
and the field, never an exception from deep inside pydantic.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from pydantic import BaseModel, RootModel, ValidationError

from livery.component import traits
from livery.component.messages import (
    Buffers,
    Message,
    collect_commands,
    split_reply,
)
from livery.component.props import BaseProps, props_model
from livery.component.validation import describe, handler_error
from livery.errors import (
    AssetsMissingError,
    ComponentDefinitionError,
    PayloadError,
    PropsError,
)

JS_FILE = "index.js"
MAP_FILE = "index.js.map"
"""The bundle's source map, next to it: errors are shown at their source line."""
CSS_FILE = "style.css"
TEMPLATES_FOLDER = "templates"
_EVENT_NAME = re.compile(r"^[a-z][a-z0-9_]*$")

Payload = Any
"""JSON data as a browser sends and receives it: dicts, lists, strings, numbers, None."""


class Component:
    """Base class of Livery components.

    Subclasses declare:

    - ``Value``: a pydantic model of the value as the browser holds it (``RootModel[str]`` for
      a plain string, a ``BaseModel`` for structured values);
    - ``events``: the events the front end sends with ``model.send(event)``; each carries the
      component's value;
    - ``props``: a pydantic model or a dict of defaults, on top of ``BaseProps`` (label,
      disabled, error);
    - optionally ``template_dir``: the folder holding the built ``index.js`` and
      ``style.css`` (default: ``templates/`` next to the module defining the class).

    and may override ``preprocess``, ``postprocess`` and ``example_value``.

    An instance is one use of the component: ``MyWidget(value=..., label="Name")``. Its
    ``props`` attribute holds the validated props (the class attribute of the same name is the
    declaration they were validated against).
    """

    Value: ClassVar[type[BaseModel]]
    events: ClassVar[tuple[str, ...]] = ("change",)
    props: ClassVar[Any] = None
    template_dir: ClassVar[str | os.PathLike[str] | None] = None
    name: ClassVar[str] = "Component"
    """How messages and hosts name the component (the class name unless set)."""

    _props_model: ClassVar[type[BaseProps]] = BaseProps
    _commands: ClassVar[dict[str, Callable[..., Any]]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Check the declaration when the class is defined, not when a browser first calls."""
        super().__init_subclass__(**kwargs)
        if "name" not in cls.__dict__:
            cls.name = cls.__name__
        _check_name(cls.__name__, cls.name)
        value = getattr(cls, "Value", None)
        if value is not None and not (isinstance(value, type) and issubclass(value, BaseModel)):
            raise ComponentDefinitionError(
                f"Value must be a pydantic model class, not {value!r}", component=cls.name
            )
        cls.events = _check_events(cls.name, cls.events)
        cls._props_model = props_model(cls.name, cls.props)
        if value is not None:
            traits.check_traits(cls.name, value, cls._props_model)
        cls._commands = collect_commands(cls.name, cls)

    def __init__(self, value: Any = None, **props: Any) -> None:
        self.value_model()
        try:
            self.props: BaseProps = self._props_model(**props)  # type: ignore[misc]
        except ValidationError as error:
            problem = _props_problem(error, self._props_model)
            raise PropsError(problem, component=self.name) from None
        self.to_browser(value)  # a value the component cannot show fails here, not in a host
        self.value = value
        self._outbox: list[Message] = []

    # -- the declaration ---------------------------------------------------------------------

    @classmethod
    def value_model(cls) -> type[BaseModel]:
        """The ``Value`` model, or a clear error if the class declares none."""
        value = getattr(cls, "Value", None)
        if value is None:
            raise ComponentDefinitionError(
                "declares no Value model (class Value(pydantic.BaseModel) or RootModel[...])",
                component=cls.name,
            )
        return value

    @classmethod
    def props_model(cls) -> type[BaseProps]:
        """The props model: the declared props on top of ``BaseProps``."""
        return cls._props_model

    @classmethod
    def api_info(cls) -> dict[str, Any]:
        """The JSON schema of the value (what the browser sends and receives)."""
        return cls.value_model().model_json_schema()

    def instance_api_info(self) -> dict[str, Any]:
        """The JSON schema of the value this instance accepts: the class's unless a component
        narrows it by its props (a rating out of ``stars``, say)."""
        return self.api_info()

    @classmethod
    def props_info(cls) -> dict[str, Any]:
        """The JSON schema of the props."""
        return cls._props_model.model_json_schema()

    @classmethod
    def trait_names(cls) -> tuple[str, ...]:
        """The value's fields the front end reads and sets by name (see ``traits``)."""
        return traits.trait_names(cls.value_model())

    @classmethod
    def binary_names(cls) -> tuple[str, ...]:
        """The traits holding bytes: a ``DataView`` in the front end, base64 in JSON."""
        return traits.binary_names(cls.value_model())

    @classmethod
    def command_names(cls) -> tuple[str, ...]:
        """The ``@command`` methods the front end can ``experimental.invoke``."""
        return tuple(cls._commands)

    @classmethod
    def front_end_spec(cls) -> dict[str, Any]:
        """What every host's model (``static/model.js``) is created with."""
        return {
            "fields": list(cls.trait_names()),
            "binary": list(cls.binary_names()),
            "events": list(cls.events),
        }

    # -- values ------------------------------------------------------------------------------

    def preprocess(self, payload: BaseModel | None) -> Any:
        """The Python value an event handler receives for the browser's validated value.

        The default unwraps a ``RootModel`` (``"text"`` rather than ``Value(root="text")``)
        and passes other models through. Raise ``ValueError`` to refuse a value that fits the
        model but not this instance (out of range for its props, say).
        """
        if payload is None:
            return None
        if isinstance(payload, RootModel):
            return payload.root
        return payload

    def postprocess(self, value: Any) -> BaseModel | None:
        """The model to send to the browser for a Python value (``None`` for no value).

        The default accepts an instance of ``Value`` or anything ``Value`` validates from.
        """
        if value is None:
            return None
        model = self.value_model()
        if isinstance(value, model):
            return value
        return model.model_validate(value)

    def example_value(self) -> Any:
        """A typical Python value, for documentation, API pages and examples."""
        try:
            return self.preprocess(self.value_model()())
        except ValidationError:
            raise ComponentDefinitionError(
                "Value has required fields: override example_value()", component=self.name
            ) from None

    def example_payload(self) -> Payload:
        """``example_value()`` as the browser would receive it."""
        return self.to_browser(self.example_value())

    def validate_payload(self, event: str | None, data: Payload) -> BaseModel | None:
        """Check what the browser sent with ``event`` against ``Value``.

        ``None`` means no value. Raises ``PayloadError`` for an unknown event or a value that
        does not fit (strict JSON rules: ``"5"`` is not a number, ``true`` is not a string).
        ``event=None`` is a value a host hands over outside any event of the component's
        (Gradio reads an input component's value for any app event): only the value is checked.
        """
        if event is not None:
            self._check_event(event)
        if data is None:
            return None
        try:
            text = json.dumps(data, allow_nan=False)
        except (TypeError, ValueError) as error:
            raise PayloadError(
                f"not JSON data: {error}", component=self.name, event=event
            ) from None
        try:
            return traits.validate_json(self.value_model(), text)
        except ValidationError as error:
            raise PayloadError(describe(error), component=self.name, event=event) from None
        except Exception as error:  # a validator of the component's own that crashed
            raise PayloadError(
                f"the value model raised {type(error).__name__}: {error}",
                component=self.name,
                event=event,
            ) from None

    def from_browser(self, event: str | None, data: Payload) -> Any:
        """Validate and preprocess what the browser sent: the value a handler receives."""
        payload = self.validate_payload(event, data)
        try:
            return self.preprocess(payload)
        except ValueError as error:
            raise PayloadError(str(error), component=self.name, event=event) from None

    def to_browser(self, value: Any) -> Payload:
        """Postprocess a Python value into JSON data for the front end."""
        try:
            model = self.postprocess(value)
        except ValidationError as error:
            raise PayloadError(f"postprocess: {describe(error)}", component=self.name) from None
        except ValueError as error:
            raise PayloadError(f"postprocess: {error}", component=self.name) from None
        if model is None:
            return None
        if not isinstance(model, self.value_model()):
            raise PayloadError(
                f"postprocess returned {type(model).__name__}, not {self.value_model().__name__}",
                component=self.name,
            )
        return traits.dump(model)

    def call(self, handler: Callable[[Any], Any], event: str, data: Payload) -> Payload:
        """One event's round trip: browser data → ``handler`` → new browser data."""
        return self.to_browser(handler(self.from_browser(event, data)))

    def state(self) -> dict[str, Payload]:
        """What the front end's ``model.get(name)`` reads: the value and every prop."""
        return {"value": self.to_browser(self.value), **self.props.model_dump(mode="json")}

    # -- messages and commands ---------------------------------------------------------------

    def on_message(self, content: Any, buffers: Buffers) -> None:
        """A custom message from the front end (``model.send(content, …, buffers)``).

        The default ignores it. Reply with ``self.send(…)``.
        """

    def send(self, content: Any, buffers: Buffers | None = None) -> None:
        """Send a custom message to the front end (``model.on("msg:custom", …)`` hears it).

        The host delivers it: at once where it has a live channel (Jupyter, marimo), with the
        answer to the call in progress otherwise (the playground, Gradio).
        """
        self._outbox.append((content, [bytes(buffer) for buffer in buffers or ()]))

    def take_messages(self) -> list[Message]:
        """The messages ``send`` queued, in order; the queue is empty afterwards."""
        taken, self._outbox = self._outbox, []
        return taken

    def receive_message(self, content: Any, buffers: Buffers) -> None:
        """What hosts call for a custom message: ``on_message``, its failure a one-line
        ``HandlerError``."""
        try:
            self.on_message(content, buffers)
        except Exception as error:
            raise handler_error(self.name, "on_message", error, "msg:custom") from error

    def invoke(self, name: str, msg: Any, buffers: Buffers) -> Message:
        """Run the command ``name`` for ``experimental.invoke``: ``(response, buffers)``.

        ``PayloadError`` for a name that is not a command, ``HandlerError`` when it raises.
        """
        command = self._commands.get(name)
        if command is None:
            known = ", ".join(self._commands) or "none"
            raise PayloadError(
                f"no command {name!r} (commands: {known})", component=self.name, event="invoke"
            )
        try:
            return split_reply(command(self, msg, buffers))
        except Exception as error:
            raise handler_error(self.name, name, error, "invoke") from error

    def _check_event(self, event: str) -> None:
        if event in self.events:
            return
        if not self.events:
            problem = "this component sends no events (it only displays its value)"
        else:
            problem = f"unknown event (it sends {', '.join(self.events)})"
        raise PayloadError(problem, component=self.name, event=event)

    # -- the built front end -----------------------------------------------------------------

    @classmethod
    def templates_path(cls) -> Path:
        """The folder holding the built ``index.js`` and ``style.css``."""
        module = sys.modules.get(cls.__module__)
        module_file = getattr(module, "__file__", None)
        base = Path(module_file).resolve().parent if module_file else None
        if cls.template_dir is not None:
            folder = Path(cls.template_dir)
            if folder.is_absolute():
                return folder
            if base is not None:
                return base / folder
        if base is None:
            raise AssetsMissingError(
                "cannot locate the built front end of a class defined outside a module file: "
                "set template_dir",
                component=cls.name,
            )
        return base / TEMPLATES_FOLDER

    @classmethod
    def js_path(cls) -> Path:
        """The built ES module; a clear error if the front end was never built."""
        path = cls.templates_path() / JS_FILE
        if not path.is_file():
            raise AssetsMissingError(
                f"{path} is missing: build the front end with 'livery component build'",
                component=cls.name,
            )
        return path

    @classmethod
    def css_path(cls) -> Path | None:
        """The built stylesheet, or ``None`` if the component has none."""
        path = cls.templates_path() / CSS_FILE
        return path if path.is_file() else None

    @classmethod
    def js(cls) -> str:
        """The text of the built ES module."""
        return cls.js_path().read_text(encoding="utf-8")

    @classmethod
    def css(cls) -> str:
        """The text of the built stylesheet ("" if there is none)."""
        path = cls.css_path()
        return path.read_text(encoding="utf-8") if path else ""

    # -- hosts -------------------------------------------------------------------------------

    @classmethod
    def to_gradio(cls) -> type:
        """This component as a Gradio 6 component: a ``gr.HTML`` subclass.

        ``MyWidget.to_gradio()(value=..., label="Name", **props)`` goes into a ``gr.Blocks``
        like any Gradio component; its events are the component's, its values go through
        ``from_browser`` and ``to_browser``. Needs ``pip install 'livery-sdk[gradio]'``.
        """
        from livery.component.gradio import gradio_class

        return gradio_class(cls)

    @classmethod
    def to_anywidget(cls) -> type:
        """This component as an ``anywidget.AnyWidget`` subclass, for Jupyter and marimo.

        The same ES module and stylesheet, with the theme's variables; one trait per field of
        ``Value`` (or ``value``) and per prop. Needs ``pip install 'livery-sdk[anywidget]'``.
        """
        from livery.component.anywidget import anywidget_class

        return anywidget_class(cls)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(value={self.value!r})"


def _check_name(owner: str, name: object) -> None:
    """The name every host and message shows: one short line of printable text (a control
    character would reach terminals, notebooks and log files raw)."""
    if not isinstance(name, str) or not 0 < len(name) <= 100 or not name.isprintable():
        shown = name if isinstance(name, str) else type(name).__name__
        raise ComponentDefinitionError(
            f"name {repr(shown)[:60]} must be 1–100 printable characters "
            "(no control characters or line breaks)",
            component=owner,
        )


def _check_events(owner: str, events: object) -> tuple[str, ...]:
    if isinstance(events, str) or not isinstance(events, (tuple, list)):
        raise ComponentDefinitionError(
            f"events must be a tuple of event names, not {events!r}", component=owner
        )
    for event in events:
        if not isinstance(event, str) or not _EVENT_NAME.match(event):
            raise ComponentDefinitionError(
                f"event name {event!r} must be lowercase letters, digits and '_'",
                component=owner,
            )
    if len(set(events)) != len(events):
        raise ComponentDefinitionError(f"events {events!r} repeat a name", component=owner)
    return tuple(events)


def _props_problem(error: ValidationError, model: type[BaseProps]) -> str:
    first = error.errors(include_url=False)[0]
    if first["type"] == "extra_forbidden":
        name = first["loc"][0] if first["loc"] else "?"
        return f"unknown prop {name!r} (props: {', '.join(model.model_fields)})"
    if not first["loc"]:
        return describe(error, whole="props")
    return f"prop {describe(error)}"
