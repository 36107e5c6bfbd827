"""``Component.to_gradio()``: the same component as a Gradio 6 ``gr.HTML`` subclass.

Gradio 6's ``gr.HTML`` runs ``js_on_load`` with the element, ``props`` (a proxy over the
component's value and props: writing ``props.value`` updates Gradio's state), ``trigger``
(fire an event) and ``watch`` (hear prop changes coming from Python). That is enough to host
a Livery front end: the generated class's ``js_on_load`` carries the shared model
(``static/model.js``, inlined), imports the built ES module from a Blob URL and calls its
``render({ model, el })`` with the model over Gradio's side —

- ``get``/``set`` read and write ``props`` (a value Gradio holds as ``""`` for "none" reads as
  ``null`` unless the value is a string);
- ``on("change:x")`` uses ``watch("x", …)``, and ``set`` notifies local listeners too;
- ``save_changes()`` fires Gradio's ``input`` event — Gradio itself fires ``change`` whenever
  the value changes, from the user or from Python, so the model never sends ``change`` again;
- ``send(event)`` calls ``trigger(event)``.

The stylesheet goes into ``<head>`` once per component (it is namespaced by its class names),
so neither Gradio's CSS templating nor its HTML templating ever sees the component's text.
On the Python side ``preprocess``/``postprocess`` are the component's ``from_browser`` /
``to_browser``, so a value from the browser is validated against the ``Value`` model, and a
refused one is a ``gr.Error`` for that event, not a crash.

Gradio is imported only here, on first use: ``pip install 'livery[gradio]'`` otherwise.
"""

from __future__ import annotations

from abc import ABCMeta
from functools import cache
from typing import TYPE_CHECKING, Any

from livery.component.static import fill, import_model
from livery.errors import GradioMissingError, PayloadError

if TYPE_CHECKING:
    from livery.component.base import Component

MOUNT_TEMPLATE = '<div class="livery-root"></div>'
"""The element the module renders into; a constant, so Gradio's re-renders never touch it."""

_ADAPTER = """\
const spec = __SPEC__;
const read = (name) => {
  const value = props[name];
  return name === "value" && value === "" && !spec.stringValue ? null : value;
};
const model = createModel({
  read,
  write(name, value) {
    props[name] = value;
  },
  save() {
    trigger("input");
  },
  send(event, payload) {
    if (event !== "change") trigger(event, payload === undefined ? {} : { payload });
  },
  watch,
});
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
``trigger``, ``watch``), the stylesheet, and the mount."""


def import_gradio() -> Any:
    """The ``gradio`` module, or ``GradioMissingError`` saying how to get it."""
    try:
        import gradio
    except ImportError:
        raise GradioMissingError(
            "to_gradio() needs Gradio 6: pip install 'livery[gradio]'"
        ) from None
    major = gradio.__version__.split(".")[0]
    if major != "6":
        raise GradioMissingError(
            f"to_gradio() needs Gradio 6, not {gradio.__version__}: pip install 'livery[gradio]'"
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
    }
    # The event names appear quoted in the script, which is how gr.HTML recognises them.
    body = import_model() + fill(_ADAPTER, SPEC=spec)
    # gr.HTML runs js_on_load as a plain function: the awaits need an async one.
    return f"(async () => {{\n{body}}})().catch((error) => console.error(error));\n"


def accepts_string(component: type[Component]) -> bool:
    """Whether the value is a string (then Gradio's ``""`` is a value, not "no value")."""
    return component.api_info().get("type") == "string"


@cache
def gradio_class(component: type[Component]) -> type:
    """The ``gr.HTML`` subclass for ``component`` (one per component class)."""
    gr = import_gradio()
    from gradio.component_meta import ComponentMeta, updateable
    from gradio.events import EventListener

    html: type = gr.HTML
    string_value = accepts_string(component)

    def __init__(self: Any, value: Any = None, *, label: str | None = None, **options: Any) -> None:
        layout = {name: options.pop(name) for name in list(options) if name in _LAYOUT}
        self.livery = component(value=value, label=label or "", **options)
        props = self.livery.props.model_dump(mode="json", exclude={"label"})
        html.__init__(
            self,
            value=value,
            label=label,
            html_template=MOUNT_TEMPLATE,
            css_template="",
            js_on_load=mount_script(self.livery),
            apply_default_css=False,
            **layout,
            **props,
        )

    def preprocess(self: Any, payload: Any) -> Any:
        """The browser's value, validated and preprocessed by the Livery component."""
        if payload == "" and not string_value:
            payload = None
        try:
            return self.livery.from_browser(None, payload)
        except PayloadError as error:
            raise gr.Error(str(error)) from None

    def postprocess(self: Any, value: Any) -> Any:
        """A handler's result as the front end's value (``to_browser``)."""
        try:
            return self.livery.to_browser(value)
        except PayloadError as error:
            raise gr.Error(str(error)) from None

    def api_info(self: Any) -> dict[str, Any]:
        return component.api_info()

    def example_payload(self: Any) -> Any:
        return self.livery.example_payload()

    def example_value(self: Any) -> Any:
        return self.livery.example_value()

    attrs: dict[str, Any] = {
        "__init__": updateable(__init__),
        "__module__": component.__module__,
        "__qualname__": component.name,
        "__doc__": f"{component.name} (a Livery component) as a Gradio 6 component.\n\n"
        + (component.__doc__ or ""),
        "preprocess": preprocess,
        "postprocess": postprocess,
        "api_info": api_info,
        "example_payload": example_payload,
        "example_value": example_value,
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


_LAYOUT = frozenset(
    {
        "every",
        "inputs",
        "show_label",
        "scale",
        "min_width",
        "visible",
        "elem_id",
        "elem_classes",
        "render",
        "key",
        "preserved_by_key",
        "min_height",
        "max_height",
        "container",
        "padding",
        "autoscroll",
    }
)
"""``gr.HTML`` arguments that are about the page, not the component: passed to Gradio."""
