"""Mount a component's built ES module in a plain HTML page, with no server and no Python.

``mount_html(instance)`` is a fragment for any page (a ``themed_page`` in a visual test, a
static preview): the module is imported from a Blob URL and ``render({ model, el })`` is
called with a model that keeps the state in the page. ``model.set``/``save_changes`` update it
and notify ``on("change:x")`` listeners; ``send`` and ``save_changes`` are recorded in
``window.liveryEvents`` so a browser test can check what the component would send. Nothing
goes back to Python: that is the playground's job.

The fragment is inlined in ``<script>``: every ``<`` in the JSON it embeds is escaped, so
neither the bundle nor a value can close the element.
"""

from __future__ import annotations

import json

from livery.component.base import Component

_SCRIPT = """\
const source = __SOURCE__;
const state = __STATE__;
const listeners = new Map();
const events = (window.liveryEvents ??= []);
const model = {
  get: (name) => state[name],
  set(name, value) {
    if (Object.is(state[name], value)) return;
    state[name] = value;
    for (const callback of [...(listeners.get(`change:${name}`) ?? [])]) callback({ new: value });
  },
  save_changes() {
    events.push({ event: "change", value: state.value });
  },
  on(event, callback) {
    if (!listeners.has(event)) listeners.set(event, new Set());
    listeners.get(event).add(callback);
  },
  off(event, callback) {
    if (event === undefined) listeners.clear();
    else if (callback === undefined) listeners.delete(event);
    else listeners.get(event)?.delete(callback);
  },
  send(event, payload) {
    events.push({ event, value: payload === undefined ? state.value : payload });
  },
};
const el = document.getElementById(__ID__);
const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
try {
  const loaded = (await import(url)).default;
  const widget = typeof loaded === "function" ? await loaded() : loaded;
  el.liveryCleanup = await widget.render({ model, el });
  el.liveryModel = model;
  el.dataset.liveryMounted = "true";
} catch (error) {
  el.dataset.liveryError = String(error && error.stack || error);
  throw error;
} finally {
  URL.revokeObjectURL(url);
}
"""


def mount_html(instance: Component, element_id: str = "livery-root") -> str:
    """An element and a module script that mounts ``instance``'s built front end in it.

    Wait for ``[data-livery-mounted]`` before looking at it; a failure to load or render sets
    ``data-livery-error`` to the error instead. Raises ``AssetsMissingError`` if the front end
    was never built.
    """
    script = (
        _SCRIPT.replace("__SOURCE__", _json(type(instance).js()))
        .replace("__STATE__", _json(instance.state()))
        .replace("__ID__", _json(element_id))
    )
    return (
        f'<div id="{_attribute(element_id)}" class="livery-root"></div>\n'
        f'<script type="module">\n{script}</script>\n'
    )


def _json(value: object) -> str:
    return json.dumps(value).replace("<", "\\u003c")


def _attribute(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
