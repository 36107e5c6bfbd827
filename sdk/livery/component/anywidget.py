"""``Component.to_anywidget()``: the same component as an ``anywidget.AnyWidget``, for Jupyter
and marimo.

anywidget already is the protocol Livery's front ends speak, so the generated class is thin:

- **Traits.** One synced traitlet per trait of the component: ``value`` for a ``RootModel``
  value, one per field of a ``BaseModel`` value (``counter.count``), plus one per prop
  (``widget.label``). They hold the browser's form of the value (JSON data; ``bytes`` for
  binary traits, which anywidget carries as buffers and the front end reads as ``DataView``).
  Every assignment, from Python or from the browser, is validated by the component
  (``from_browser``: the ``Value`` model, strictly, then ``preprocess``; the props model for a
  prop). From Python a refused value raises ``TraitError`` with the one-line reason; from the
  browser it is refused with one logged line, the trait keeps its old value and the browser is
  sent it back.
- **Python values.** ``widget.python_value()`` is what an event handler of the component would
  receive (``preprocess``); ``widget.set_python_value(v)`` goes through ``postprocess``.
  ``widget.component`` is the Livery instance, kept in step with the traits, whose handlers,
  ``on_message`` and ``@command`` methods run on it.
- **Messages and commands.** A custom message from the front end reaches the component's
  ``receive_message``; what it sends with ``send`` is delivered at once with anywidget's ``send``
  (``widget.send`` is anywidget's own). Each ``@command`` becomes an anywidget
  ``experimental.command`` running ``invoke``. A declared event other than ``change``
  (``model.send("submit")``) calls the ``widget.on_event("submit", callback)`` callbacks with
  the preprocessed value; ``on_event("change", …)`` hears every value change.
- **Front end.** ``_esm`` inlines ``static/model.js`` and the component's built module (both
  imported from Blob URLs, nothing remote) and renders it with the shared model over
  anywidget's. ``_css`` is the component's stylesheet plus a theme's variables, scoped to the
  widget's root element (``.livery-anywidget``): anywidget adds ``_css`` to the page (or the
  widget's shadow root, in marimo) as it is, and a notebook's own ``:root`` is not ours to set.

anywidget is imported only here, on first use: ``pip install 'livery-sdk[anywidget]'`` otherwise.
"""

from __future__ import annotations

import base64
import binascii
import logging
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from livery.component.static import fill, model_source
from livery.component.validation import describe
from livery.errors import AnywidgetMissingError, ComponentDefinitionError, ComponentError

if TYPE_CHECKING:
    from livery.component.base import Component

LOGGER = logging.getLogger(__name__)

ROOT_CLASS = "livery-anywidget"
"""The class of the element the component renders into; the theme's variables hang off it."""

EVENT_KIND = "livery-event"
"""The ``kind`` of the custom message that carries a declared event to Python."""

COMMAND_KIND = "anywidget-command"
"""The ``kind`` of anywidget's command messages (``anywidget.experimental``'s protocol)."""

ERROR_KEY = "livery-error"
"""A command's response holding this key is a failure: the front end's ``invoke`` rejects."""

_ADAPTER = """\
const modelUrl = URL.createObjectURL(new Blob([__MODEL__], { type: "text/javascript" }));
const { arrayBuffer, createModel, loadWidget, renderWidget } = await import(modelUrl).finally(() =>
  URL.revokeObjectURL(modelUrl),
);
const spec = __SPEC__;
const widgetUrl = URL.createObjectURL(new Blob([__SOURCE__], { type: "text/javascript" }));
const loaded = loadWidget(widgetUrl).finally(() => URL.revokeObjectURL(widgetUrl));
const models = new WeakMap();

function liveryModel(model) {
  const known = models.get(model);
  if (known) return known;
  const fields = spec.fields;
  const binary = new Set(spec.binary);
  const whole = (name) => name === "value" && fields.length > 0;
  const pending = new Map(); // a command's id → what resolves its call
  let calls = 0;
  let writing = false; // anywidget's set notifies at once; the shared model notifies itself
  // Binary traits go as DataViews: the one binary form every anywidget host sends as a buffer
  // (marimo would send a Uint8Array as a JSON object).
  const wire = (name, value) =>
    binary.has(name) && (value instanceof ArrayBuffer || ArrayBuffer.isView(value))
      ? new DataView(arrayBuffer(value))
      : value;
  const made = createModel(
    {
      binary: "native",
      read(name) {
        if (!whole(name)) return model.get(name);
        return Object.fromEntries(fields.map((field) => [field, model.get(field)]));
      },
      write(name, value) {
        writing = true;
        try {
          if (!whole(name)) model.set(name, wire(name, value));
          else for (const field of fields) {
            const next = value == null ? null : value[field];
            if (!Object.is(model.get(field), next)) model.set(field, wire(field, next));
          }
        } finally {
          writing = false;
        }
      },
      save: () => model.save_changes(),
      send(event, payload) {
        // Traits already travel with save_changes: "change" needs no message of its own.
        if (event === "change") return;
        model.send({ kind: __EVENT__, event, payload: payload === undefined ? null : payload });
      },
      watch(name, changed) {
        for (const trait of whole(name) ? fields : [name]) {
          model.on(`change:${trait}`, () => {
            if (!writing) changed();
          });
        }
      },
      async message(content, buffers) {
        model.send(content, undefined, buffers);
      },
      async invoke(name, msg, buffers) {
        // anywidget's command protocol over custom messages, so every host that carries
        // them runs commands (marimo gives render no experimental.invoke).
        const id = `livery-${++calls}-${Math.random().toString(36).slice(2)}`;
        const [response, views] = await new Promise((resolve) => {
          pending.set(id, resolve);
          model.send({ id, kind: __COMMAND__, name, msg }, undefined, buffers);
        });
        if (response !== null && typeof response === "object" && __ERROR__ in response) {
          throw new Error(response[__ERROR__]);
        }
        return [response, views];
      },
    },
    spec,
  );
  model.on("msg:custom", (content, buffers) => {
    if (content !== null && typeof content === "object" && content.kind === __RESPONSE__) {
      const answer = pending.get(content.id);
      pending.delete(content.id);
      if (answer) answer([content.response, buffers ?? []]);
      return;
    }
    made.deliver(content, buffers ?? []);
  });
  models.set(model, made);
  return made;
}

export default {
  async render({ model, el }) {
    el.classList.add(__ROOT__, "livery-root");
    if (document.body && document.body.dataset.jpThemeLight === "false") el.classList.add("dark");
    const widget = await loaded;
    const shared = liveryModel(model);
    const cleanup = await renderWidget(widget, shared, el);
    el.liveryModel = shared; // for tests and tools, as mountSource does
    return cleanup;
  },
};
"""
"""The ``_esm``: the shared model (imported from its inlined text) over anywidget's model."""


def import_anywidget() -> Any:
    """The ``anywidget`` module, or ``AnywidgetMissingError`` saying how to get it."""
    try:
        import anywidget
    except ImportError:
        raise AnywidgetMissingError(
            "to_anywidget() needs anywidget: pip install 'livery-sdk[anywidget]'"
        ) from None
    return anywidget


def esm(component: type[Component]) -> str:
    """The ``_esm`` module: the shared model over anywidget's, rendering the built module."""
    return fill(
        _ADAPTER,
        MODEL=model_source(),
        SPEC=component.front_end_spec(),
        SOURCE=component.js(),
        EVENT=EVENT_KIND,
        ERROR=ERROR_KEY,
        COMMAND=COMMAND_KIND,
        RESPONSE=f"{COMMAND_KIND}-response",
        ROOT=ROOT_CLASS,
    )


def css(component: type[Component], theme: str = "default") -> str:
    """The ``_css``: ``theme``'s variables on the widget's root element, then the component's
    stylesheet (a dark notebook adds ``dark`` to that element)."""
    from livery.component.themes import check_theme
    from livery.theme import Theme

    variables = Theme.load(check_theme(theme)).css(
        fonts=False, dark="class", minify=True, scope=f".{ROOT_CLASS}"
    )
    return f"{variables}\n{component.css()}"


@cache
def anywidget_class(component: type[Component], theme: str = "default") -> type:
    """The ``AnyWidget`` subclass for ``component`` (one per component class and theme)."""
    anywidget = import_anywidget()
    import traitlets

    base: type = anywidget.AnyWidget
    fields = component.trait_names()
    binary = set(component.binary_names())
    props = tuple(component.props_model().model_fields)
    values = fields or ("value",)
    names = (*values, *props)
    commands = component.command_names()
    _check_names(component, base, (*names, *commands))

    def trait(name: str) -> traitlets.TraitType:
        if name in binary:
            return traitlets.Bytes(None, allow_none=True).tag(sync=True, from_json=_bytes)
        return traitlets.Any(None, allow_none=True).tag(sync=True)

    def __init__(self: Any, value: Any = None, **options: Any) -> None:
        self._livery_callbacks = {}
        self.component = component(value=value, **options)
        base.__init__(self, **_initial(self.component, fields, binary))
        self.on_msg(_on_msg)

    def validate_trait(self: Any, proposal: Any) -> Any:
        name, proposed = proposal["trait"].name, proposal["value"]
        if name in props:
            current = {prop: getattr(self, prop) for prop in props}
            self._livery_props(**{**current, name: proposed})
        else:
            self._livery_python(**{name: proposed})
        return proposed

    def follow(self: Any, change: dict[str, Any]) -> None:
        """Keep the Livery instance in step with the traits it was validated against."""
        if change["name"] in props:
            self.component.props = self._livery_props()
            return
        self.component.value = self._livery_python()
        for callback in list(self._livery_callbacks.get("change", ())):
            callback(self.component.value)

    def _livery_python(self: Any, **proposed: Any) -> Any:
        """The preprocessed value of the traits (with ``proposed`` ones), or ``TraitError``."""
        state = {name: proposed.get(name, getattr(self, name)) for name in values}
        data = _wire(state["value"] if not fields else state, binary)
        try:
            return self.component.from_browser(None, data)
        except ComponentError as error:
            raise traitlets.TraitError(str(error)) from None

    def _livery_props(self: Any, **proposed: Any) -> Any:
        data = proposed or {prop: getattr(self, prop) for prop in props}
        try:
            return component.props_model()(**data)
        except ValidationError as error:
            raise traitlets.TraitError(f"{component.name}: prop {describe(error)}") from None

    def set_state(self: Any, sync_data: dict[str, Any]) -> None:
        """The browser's update: applied whole, or refused whole and the browser re-synced."""
        try:
            base.set_state(self, sync_data)
        except traitlets.TraitError as error:
            LOGGER.warning("refused a value from the browser: %s", error)
            self.send_state([name for name in sync_data if name in self.keys])

    def python_value(self: Any) -> Any:
        """The value as a handler of the component receives it (``preprocess``)."""
        return self.component.value

    def set_python_value(self: Any, value: Any) -> None:
        """Show ``value`` (a Python value, through ``postprocess``) in the widget."""
        state = _browser_state(self.component, value, fields, binary)
        with self.hold_sync():
            for name, item in state.items():
                setattr(self, name, item)

    def on_event(self: Any, event: str, callback: Callable[[Any], Any]) -> None:
        """Call ``callback(value)`` when the front end sends ``event`` (``change``: whenever
        the value changes, from the browser or from Python)."""
        self.component._check_event(event)
        self._livery_callbacks.setdefault(event, []).append(callback)

    attrs: dict[str, Any] = {name: trait(name) for name in names}
    attrs.update(
        {
            "__init__": __init__,
            "__module__": component.__module__,
            "__qualname__": component.name,
            "__doc__": f"{component.name} (a Livery component) as an anywidget.\n\n"
            + (component.__doc__ or ""),
            "_esm": esm(component),
            "_css": css(component, theme),
            "_livery_validate": traitlets.validate(*names)(validate_trait),
            "_livery_follow": traitlets.observe(*names)(follow),
            "_livery_python": _livery_python,
            "_livery_props": _livery_props,
            "set_state": set_state,
            "python_value": python_value,
            "set_python_value": set_python_value,
            "on_event": on_event,
            "livery_component": component,
        }
    )
    for name in commands:
        attrs[name] = anywidget.experimental.command(_command(name))
    return type(base)(component.name, (base,), attrs)


def _on_msg(widget: Any, content: Any, buffers: list[Any]) -> None:
    """ipywidgets' ``on_msg`` callback: a custom message or a declared event, then what the
    component sent in answer. A failure is one logged line: the browser cannot be told."""
    if isinstance(content, dict) and content.get("kind") == COMMAND_KIND:
        return  # anywidget's own handler runs the command
    before = widget.component.value
    try:
        if isinstance(content, dict) and content.get("kind") == EVENT_KIND:
            _event(widget, content)
        else:
            widget.component.receive_message(content, [bytes(b) for b in buffers or ()])
    except ComponentError as error:
        LOGGER.warning("%s", error)
    _after_call(widget, before)


def _event(widget: Any, content: dict[str, Any]) -> None:
    """A declared event (``model.send("submit")``): its callbacks get the preprocessed value."""
    livery = widget.component
    event = content.get("event")
    livery._check_event(event if isinstance(event, str) else repr(event))
    payload = content.get("payload")
    value = livery.value if payload is None else livery.from_browser(event, payload)
    for callback in list(widget._livery_callbacks.get(event, ())):
        callback(value)


def _command(name: str) -> Callable[..., tuple[Any, list[bytes]]]:
    def run(widget: Any, msg: Any, buffers: list[Any]) -> tuple[Any, list[bytes]]:
        before = widget.component.value
        try:
            reply = widget.component.invoke(name, msg, [bytes(b) for b in buffers or ()])
        except ComponentError as error:
            LOGGER.warning("%s", error)
            reply = ({ERROR_KEY: str(error)}, [])
        _after_call(widget, before)
        return reply

    run.__name__ = name
    return run


def _after_call(widget: Any, before: Any) -> None:
    """After Python code of the component ran: a value it assigned goes to the traits, then
    the messages it sent go to the front end."""
    import traitlets

    after = widget.component.value
    if after is not before:
        try:
            widget.set_python_value(after)
        except (ComponentError, traitlets.TraitError) as error:  # a value it cannot show
            LOGGER.warning("%s: cannot show the value it set: %s", widget.component.name, error)
    for content, buffers in widget.component.take_messages():
        widget.send(content, buffers)


def _check_names(component: type[Component], base: type, names: tuple[str, ...]) -> None:
    """A trait or command named like an attribute of the widget itself would shadow it."""
    taken = set(dir(base)) | {"component", "python_value", "set_python_value", "on_event"}
    for name in names:
        if name in taken:
            raise ComponentDefinitionError(
                f"{name!r} is also an attribute of anywidget.AnyWidget: rename the field, prop "
                "or command to use to_anywidget()",
                component=component.name,
            )


def _initial(instance: Component, fields: tuple[str, ...], binary: set[str]) -> dict[str, Any]:
    """The traits' first values: the instance's value (its defaults if it has none) and
    props."""
    value = instance.value
    if value is None and fields:
        try:
            value = instance.value_model()()
        except ValidationError:
            raise ComponentDefinitionError(
                "Value has required fields: give the widget a value",
                component=instance.name,
            ) from None
    state = _browser_state(instance, value, fields, binary)
    state.update(instance.props.model_dump(mode="json"))
    return state


def _browser_state(
    instance: Component, value: Any, fields: tuple[str, ...], binary: set[str]
) -> dict[str, Any]:
    """The value traits for a Python ``value``: JSON data, ``bytes`` for binary traits."""
    data = instance.to_browser(value)
    if not fields:
        return {"value": _unwire("value", data, binary)}
    data = data or {}
    return {name: _unwire(name, data.get(name), binary) for name in fields}


def _unwire(name: str, item: Any, binary: set[str]) -> Any:
    if name in binary and isinstance(item, str):
        return base64.b64decode(item)
    return item


def _wire(data: Any, binary: set[str]) -> Any:
    """Trait values as the JSON a browser sends: binary ones as base64."""
    if isinstance(data, dict):
        return {name: _b64(item) if name in binary else item for name, item in data.items()}
    return _b64(data) if "value" in binary else data


def _b64(item: Any) -> Any:
    if isinstance(item, (bytes, bytearray, memoryview)):
        return base64.b64encode(bytes(item)).decode("ascii")
    return item


def _bytes(data: Any, widget: Any) -> bytes | None:
    """A binary trait from the browser: ipywidgets hands a buffer over as a ``memoryview``,
    marimo as base64 text."""
    import traitlets

    if data is None:
        return None
    if isinstance(data, str):
        try:
            return base64.b64decode(data, validate=True)
        except binascii.Error:
            raise traitlets.TraitError(
                f"{widget.component.name}: not base64 binary data: {data[:40]!r}"
            ) from None
    return bytes(data)
