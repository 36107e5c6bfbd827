"""``Component.to_gradio()``: the same component as a Gradio 6 ``gr.HTML`` subclass.

Gradio 6's ``gr.HTML`` runs ``js_on_load`` with the element, ``props`` (a proxy over the
component's value and props: writing ``props.value`` updates Gradio's state), ``trigger``
(fire an event), ``watch`` (hear prop changes coming from Python) and ``server`` (the
component's server functions). That is enough to host a Livery front end: the generated
class's ``js_on_load`` carries the shared model (``static/model.js``, inlined), imports the
built ES module from a Blob URL and calls its ``render({ model, el })`` with the model over
Gradio's side —

- ``get``/``set`` read and write ``props`` (a value Gradio holds as ``""`` for "none" reads as
  ``null`` unless the value is a string);
- ``on("change:x")`` uses ``watch("x", …)``, and ``set`` notifies local listeners too;
- ``save_changes()`` fires Gradio's ``input`` event — Gradio itself fires ``change`` whenever
  the value changes, from the user or from Python, so the model never sends ``change`` again;
- ``send(event)`` calls ``trigger(event)``; a custom message (``model.send({...})``) and
  ``experimental.invoke`` are calls of the server functions ``livery_message`` and
  ``livery_invoke``, whose answers carry the messages Python sent, delivered as ``msg:custom``.

The instance behaves like Gradio's own components: ``value`` is its only positional argument,
``label``, ``info``, ``interactive``, ``visible``, ``elem_id`` … keep Gradio's meaning, and an
instance that is only ever an output of events is read-only unless ``interactive=True`` says
otherwise (the rule Gradio's front end applies, decided here because ``gr.HTML`` never hands
it to ``js_on_load``): the front end reads that as the Livery prop ``disabled``.

A value holding files (``File`` fields) is Gradio's own ``FileData`` on the wire, so
``gradio_client.handle_file`` and Gradio's upload checks work as for ``gr.Image``: the calls run
under ``gradio_files.GRADIO_FILES``, ``api_info`` names ``FileData``, and the adapter converts
to the browser form and uploads through ``gr.HTML``'s ``upload`` (``gradio_files.FILES_JS``).

One Gradio component object serves every session of an app (until a ``gr.update`` for it
makes Gradio build that session a copy). So does its Livery instance (``.livery``):
``on_message`` and commands run on it for every user, one call at a time, and must keep no
per-user state on ``self``; what one call sends is answered to that call only.

The stylesheet goes into ``<head>`` once per component (it is namespaced by its class names),
so neither Gradio's CSS templating nor its HTML templating ever sees the component's text.
On the Python side ``preprocess``/``postprocess`` are the component's ``from_browser`` /
``to_browser``, so a value from the browser is validated against the ``Value`` model, and a
refused one — or any exception the component raises — is a one-line ``gr.Error`` for that
event, not a crash.

Gradio is imported only here, on first use: ``pip install 'livery-sdk[gradio]'`` otherwise.
"""

from __future__ import annotations

import base64
import contextlib
import html as html_text
import json
import threading
from abc import ABCMeta
from collections.abc import Callable
from functools import cache, wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from livery.component.files import use_host
from livery.component.gradio_files import FILE_DATA_TYPE, FILES_JS, GRADIO_FILES
from livery.component.gradio_files import api_info as files_api_info
from livery.component.messages import Message, decode_buffers, encode_buffers
from livery.component.static import fill, import_model
from livery.errors import ComponentError, GradioMissingError, PayloadError

if TYPE_CHECKING:
    from livery.component.base import Component

MOUNT_TEMPLATE = '<div class="livery-root"></div>'
"""The element the module renders into; a constant, so Gradio's re-renders never touch it."""

FILE_MARK = '"x-livery-file"'
"""How a file field's schema is marked (``livery.component.files``)."""

EXAMPLE_TEXT = 60
"""The most characters an example cell shows of a value."""

THUMBNAIL_BYTES = 256 * 1024
"""The largest image file an example cell inlines as its thumbnail."""

_ADAPTER = """\
const spec = __SPEC__;
__FILES_JS__
// A value holding files is Gradio's FileData in props and the browser form in the model; the
// conversion is kept while props.value is the same, so fields read as the same object.
let gradioValue = undefined;
let browserValue = undefined;
const browserForm = (value) => {
  if (!spec.files) return value;
  if (value !== gradioValue) [gradioValue, browserValue] = [value, fromGradio(value)];
  return browserValue;
};
const read = (name) => {
  if (name === "label" && props.show_label === false) return "";
  // gr.update(interactive=…) reaches the page as props.interactive: it decides over disabled.
  if (name === "disabled" && typeof props.interactive === "boolean") return !props.interactive;
  const value = props[name];
  if (name !== "value") return value;
  return value === "" && !spec.stringValue ? null : browserForm(value);
};
const encoded = (buffers) => buffers.map((buffer) => toBase64(buffer));
const decoded = (texts) => (texts ?? []).map((text) => fromBase64(text));
let model = null;
const answered = (reply) => {
  for (const message of reply?.messages ?? []) {
    model.deliver(message.content, decoded(message.buffers));
  }
  if (reply?.error) throw new Error(reply.error);
  return reply;
};
model = createModel(
  {
    read,
    write(name, value) {
      props[name] = name === "value" && spec.files ? toGradio(value) : value;
    },
    save() {
      trigger("input");
    },
    send(event, payload) {
      if (event !== "change") trigger(event, payload === undefined ? {} : { payload });
    },
    watch(name, changed) {
      watch(name === "disabled" ? ["disabled", "interactive"] : name, changed);
    },
    upload: (file) => uploadFile(file),
    async message(content, buffers) {
      answered(await server.livery_message({ content, buffers: encoded(buffers) }));
    },
    async invoke(name, msg, buffers) {
      const reply = answered(
        await server.livery_invoke({ name, msg, buffers: encoded(buffers) }),
      );
      return [reply.response, decoded(reply.buffers)];
    },
  },
  spec.model,
);
if (spec.css) {
  const selector = `style[data-livery-component="${CSS.escape(spec.name)}"]`;
  if (!document.head.querySelector(selector)) {
    const style = document.createElement("style");
    style.dataset.liveryComponent = spec.name;
    style.textContent = spec.css;
    document.head.append(style);
  }
}
const el = element.querySelector(".livery-root") ?? element;
await mountSource(el, spec.source, model);
"""
"""What ``js_on_load`` runs after ``import_model()``: Gradio's side of the model (``props``,
``trigger``, ``watch``, ``server``), the stylesheet, and the mount."""

_LOCKS: WeakKeyDictionary[Component, threading.Lock] = WeakKeyDictionary()
_LOCKS_LOCK = threading.Lock()


def _calls(instance: Component) -> threading.Lock:
    """The lock held while a message or command of ``instance`` runs and its replies are
    taken: the instance serves every session, so one call must not take another's replies.
    (Kept outside the block, which Gradio deep-copies for a session's ``gr.update``.)"""
    with _LOCKS_LOCK:
        return _LOCKS.setdefault(instance, threading.Lock())


def import_gradio() -> Any:
    """The ``gradio`` module, or ``GradioMissingError`` saying how to get it."""
    try:
        import gradio
    except ImportError:
        raise GradioMissingError(
            "to_gradio() needs Gradio 6: pip install 'livery-sdk[gradio]'"
        ) from None
    major = gradio.__version__.split(".")[0]
    if major != "6":
        raise GradioMissingError(
            f"to_gradio() needs Gradio 6, not {gradio.__version__}: "
            "pip install 'livery-sdk[gradio]'"
        )
    return gradio


def mount_script(instance: Component) -> str:
    """The ``js_on_load`` that mounts ``instance``'s built front end (assets read now)."""
    component = type(instance)
    spec = {
        "name": component.name,
        "source": component.js(),
        "css": component.css(),
        "events": list(component.events),
        "stringValue": accepts_string(component),
        "files": has_files(component),
        "model": component.front_end_spec(),
    }
    # The event names appear quoted in the script, which is how gr.HTML recognises them.
    body = import_model() + fill(_ADAPTER.replace("__FILES_JS__", FILES_JS), SPEC=spec)
    # gr.HTML runs js_on_load as a plain function: the awaits need an async one.
    return f"(async () => {{\n{body}}})().catch((error) => console.error(error));\n"


@cache
def has_files(component: type[Component]) -> bool:
    """Whether the value holds files (``File`` fields): they travel as Gradio's FileData."""
    return FILE_MARK in json.dumps(component.api_info())


@cache
def accepts_string(component: type[Component]) -> bool:
    """Whether the value is a string (then Gradio's ``""`` is a value, not "no value")."""
    return component.api_info().get("type") == "string"


def gradio_files() -> contextlib.AbstractContextManager[Any]:
    """Values validated and dumped inside name files as Gradio does (``gradio_files``)."""
    return use_host(GRADIO_FILES)


# --- interactivity ------------------------------------------------------------------------------


def _root(block: Any) -> Any:
    """The outermost block above ``block`` (the ``gr.Blocks`` holding the app's events)."""
    while getattr(block, "parent", None) is not None:
        block = block.parent
    return block


def effective_interactive(block: Any, value: Any) -> bool:
    """Whether the user may change ``block``'s value, by Gradio's rule: ``interactive`` when
    set; otherwise yes for an input of any event, no for an output of one, and for a block in
    no event only while it holds no value (Gradio's front end decides the same)."""
    if block.interactive is not None:
        return bool(block.interactive)
    fns = getattr(_root(block), "fns", None) or {}
    if any(block in fn.inputs for fn in fns.values()):
        return True
    if any(block in fn.outputs for fn in fns.values()):
        return False
    return value in (None, "", 0, []) or value is False


# --- examples -------------------------------------------------------------------------------


def example_html(payload: Any) -> str:
    """What an example cell shows for ``payload`` (``gr.HTML``'s cells render HTML): a
    thumbnail for an image, escaped short text for anything else, never ``[object Object]``."""
    image = _image_source(payload)
    if image is not None:
        return f'<img src="{html_text.escape(image)}" alt="" style="max-height:4em">'
    return html_text.escape(_short(_text(payload)))


def _image_source(payload: Any) -> str | None:
    """An image URL in ``payload``: a ``data:image/…`` string, or a file value (``url`` with
    an image ``mime_type``/``type``, or base64 ``data`` with an image ``type``)."""
    if isinstance(payload, str):
        return payload if payload.startswith("data:image/") else None
    if not isinstance(payload, dict):
        return None
    kind = str(payload.get("mime_type") or payload.get("type") or payload.get("mime") or "")
    if not kind.startswith("image/"):
        return None
    if isinstance(payload.get("url"), str):
        return str(payload["url"])
    if isinstance(payload.get("data"), str):
        data = str(payload["data"])
        return data if data.startswith("data:") else f"data:{kind};base64,{data}"
    if _is_file_data(payload) and isinstance(payload.get("path"), str):
        # An example's file has no URL yet (Gradio caches it later): inline a small one.
        path = Path(payload["path"])
        if path.is_file() and path.stat().st_size <= THUMBNAIL_BYTES:
            return f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"
    return None


def _is_file_data(payload: dict[str, Any]) -> bool:
    meta = payload.get("meta")
    return isinstance(meta, dict) and meta.get("_type") == FILE_DATA_TYPE


def _text(payload: Any) -> str:
    if payload is None:
        return ""
    if isinstance(payload, str):
        return payload
    if isinstance(payload, bool):
        return "yes" if payload else "no"
    if isinstance(payload, (int, float)):
        return str(payload)
    if isinstance(payload, dict) and _is_file_data(payload):
        return str(payload.get("orig_name") or Path(str(payload.get("path", ""))).name)
    if isinstance(payload, dict):
        return ", ".join(f"{key}: {_text(item)}" for key, item in payload.items())
    if isinstance(payload, list):
        return ", ".join(_text(item) for item in payload)
    return str(payload)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXAMPLE_TEXT else text[: EXAMPLE_TEXT - 1] + "…"


# --- errors ---------------------------------------------------------------------------------


def _one_line(name: str, step: str, error: Exception) -> str:
    """``error`` as the one line a ``gr.Error`` shows, naming the component."""
    if isinstance(error, ComponentError):
        text = str(error)
    else:
        detail = " ".join(str(error).split()) or "no message"
        text = f"{name}: {step} raised {type(error).__name__}: {detail}"
    return text


def _messages(messages: list[Message]) -> list[dict[str, Any]]:
    """Queued messages as the adapter delivers them (buffers as base64 text)."""
    return [{"content": body, "buffers": encode_buffers(buffers)} for body, buffers in messages]


# --- the class ------------------------------------------------------------------------------


@cache
def gradio_class(component: type[Component]) -> type:
    """The ``gr.HTML`` subclass for ``component`` (one per component class)."""
    gr = import_gradio()
    from gradio.component_meta import ComponentMeta, updateable
    from gradio.components.base import server
    from gradio.events import EventListener

    html: type = gr.HTML
    string_value = accepts_string(component)

    def __init__(
        self: Any,
        value: Any = None,
        *,
        label: str | None = None,
        info: str | None = None,
        interactive: bool | None = None,
        show_label: bool | None = None,
        container: bool = False,
        scale: int | None = None,
        min_width: int | None = None,
        visible: bool | str = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: int | str | tuple[int | str, ...] | None = None,
        preserved_by_key: list[str] | str | None = "value",
        every: Any = None,
        inputs: Any = None,
        min_height: int | None = None,
        max_height: int | None = None,
        padding: bool = False,
        autoscroll: bool = False,
        **options: Any,  # not **props: Gradio rebuilds a block from its config's keys
    ) -> None:
        props = dict(options)
        # Gradio rebuilds a block for gr.update(interactive=…) from its first arguments plus
        # the update, so interactive, when given, decides over a disabled given before.
        if interactive is not None:
            props["disabled"] = not interactive
        elif props.get("disabled"):
            interactive = False
        page = {
            "container": container,
            "scale": scale,
            "min_width": min_width,
            "visible": visible,
            "elem_id": elem_id,
            "elem_classes": elem_classes,
            "render": render,
            "key": key,
            "preserved_by_key": preserved_by_key,
            "every": every,
            "inputs": inputs,
            "min_height": min_height,
            "max_height": max_height,
            "padding": padding,
            "autoscroll": autoscroll,
        }
        # A prop the component declares under a Gradio argument's name (an image's
        # max_height, say) is both: Gradio lays the block out by it, the front end reads it.
        shared = set(component.props_model().model_fields) & set(page)
        props.update({name: page[name] for name in shared if page[name] is not None})
        # A callable value is Gradio's "compute it on load": the instance starts empty.
        initial = None if callable(value) else value
        self.livery = component(value=initial, label=label or "", **props)
        self.livery_shared = self.livery.props.model_dump(mode="json", include=shared)
        html.__init__(
            self,
            value=value,
            label=label,
            html_template=MOUNT_TEMPLATE,
            css_template="",
            js_on_load=mount_script(self.livery),
            apply_default_css=False,
            show_label=False,  # the front end shows the label itself
            **page,
            **self.livery.props.model_dump(mode="json", exclude={"label", *shared}),
        )
        self.interactive = interactive
        self.info = info
        self.livery_show_label = show_label is not False

    def get_config(self: Any) -> dict[str, Any]:
        """Gradio's config, with the interactivity Gradio would give this block (known only
        now, once every event is wired) among the props ``js_on_load`` reads."""
        config = html.get_config(self)
        interactive = effective_interactive(self, config.get("value"))
        extra: dict[str, Any] = {
            **self.livery_shared,
            "interactive": interactive,
            "disabled": not interactive,
            "show_label": self.livery_show_label,
        }
        if self.info:
            extra["info"] = str(self.info)
        config["props"] = {**(config.get("props") or {}), **extra}
        return config

    def preprocess(self: Any, payload: Any) -> Any:
        """The browser's value, validated and preprocessed by the Livery component."""
        if payload == "" and not string_value:
            payload = None
        try:
            with gradio_files():
                return self.livery.from_browser(None, payload)
        except Exception as error:
            raise gr.Error(_one_line(component.name, "preprocess", error)) from None

    def postprocess(self: Any, value: Any) -> Any:
        """A handler's result as the front end's value (``to_browser``)."""
        try:
            with gradio_files():
                return self.livery.to_browser(value)
        except Exception as error:
            raise gr.Error(_one_line(component.name, "postprocess", error)) from None

    def api_info(self: Any) -> dict[str, Any]:
        """The value's schema as this instance narrows it, files as Gradio's FileData."""
        return files_api_info(self.livery.instance_api_info())

    def example_payload(self: Any) -> Any:
        return self.livery.example_payload()

    def example_value(self: Any) -> Any:
        return self.livery.example_value()

    def process_example(self: Any, value: Any) -> str:
        """An example cell: text or a thumbnail (see ``example_html``)."""
        try:
            with gradio_files():
                payload = self.livery.to_browser(value)
        except Exception as error:
            raise gr.Error(_one_line(component.name, "example", error)) from None
        return example_html(payload)

    @server
    def livery_message(self: Any, data: Any) -> dict[str, Any]:
        """A custom message from the front end: ``on_message``, then what it sent back."""

        def run() -> dict[str, Any]:
            content, buffers = _call_data(component.name, data, "msg:custom")
            self.livery.receive_message(content, buffers)
            return {}

        return _answer(self.livery, run)

    @server
    def livery_invoke(self: Any, data: Any) -> dict[str, Any]:
        """``experimental.invoke``: the command's response and buffers, and what it sent."""

        def run() -> dict[str, Any]:
            name = data.get("name") if isinstance(data, dict) else None
            if not isinstance(name, str):
                raise PayloadError("a command needs a name", component=component.name)
            msg, buffers = _call_data(component.name, data, "invoke", key="msg")
            response, out = self.livery.invoke(name, msg, buffers)
            return {"response": response, "buffers": encode_buffers(out)}

        return _answer(self.livery, run)

    updated = updateable(__init__)

    @wraps(__init__)
    def checked_init(self: Any, *args: Any, **kwargs: Any) -> None:
        # Gradio's own components silently drop extra positional arguments: say so instead.
        if len(args) > 1:
            raise TypeError(
                f"{component.name}() takes the value as its only positional argument, as "
                "Gradio's components do: pass label= and the rest by name"
            )
        updated(self, *args, **kwargs)

    attrs: dict[str, Any] = {
        "__init__": checked_init,
        "__module__": component.__module__,
        "__qualname__": component.name,
        "__doc__": f"{component.name} (a Livery component) as a Gradio 6 component.\n\n"
        + (component.__doc__ or ""),
        "get_config": get_config,
        "preprocess": preprocess,
        "postprocess": postprocess,
        "api_info": api_info,
        "example_payload": example_payload,
        "example_value": example_value,
        "process_example": process_example,
        "livery_message": livery_message,
        "livery_invoke": livery_invoke,
        "livery_component": component,
    }
    known = {getattr(event, "event_name", event) for event in html.EVENTS}
    extra = [EventListener(event_name=event) for event in component.events if event not in known]
    for listener in extra:
        listener.set_doc(component=component.name)
        attrs[listener.event_name] = listener.listener
    attrs["EVENTS"] = [*html.EVENTS, *extra]
    # ComponentMeta.__new__ would also write a .pyi stub next to the file that defines the
    # class (the component's own package): create the class without that side effect.
    return ABCMeta.__new__(ComponentMeta, component.name, (html,), attrs)


def _answer(instance: Component, run: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """A server function's answer: what ``run`` returns (or its one-line error) and the
    messages the instance sent meanwhile, taken under the instance's lock."""
    with _calls(instance):
        try:
            answer = run()
        except ComponentError as error:
            answer = {"error": str(error)}
        return {**answer, "messages": _messages(instance.take_messages())}


def _call_data(name: str, data: Any, event: str, key: str = "content") -> tuple[Any, list[bytes]]:
    """``(content, buffers)`` from what the adapter sent a server function."""
    if not isinstance(data, dict):
        raise PayloadError("a call carries an object", component=name, event=event)
    return data.get(key), decode_buffers(data.get("buffers"), component=name, event=event)
