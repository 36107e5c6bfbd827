"""Mount a component's built ES module in a plain HTML page, with no server and no Python.

``mount_html(instance)`` is a fragment for any page (a ``themed_page`` in a visual test, a
static preview): the module is imported from a Blob URL and ``render({ model, el })`` is
called with the shared model (``static/model.js``) over state kept in the page.
``model.set``/``save_changes`` update it and notify ``on("change:x")`` listeners; ``send``,
``save_changes`` and custom messages are recorded in ``window.liveryEvents`` so a browser test
can check what the component would send. Nothing goes back to Python (commands are refused):
that is the playground's job.

The fragment is inlined in ``<script>``: every ``<`` in the JSON it embeds is escaped, so
neither the bundle nor a value can close the element.
"""

from __future__ import annotations

from livery.component.base import Component
from livery.component.files import INLINE_FILES, use_host
from livery.component.static import fill, import_model

_ADAPTER = """\
const state = __STATE__;
const events = (window.liveryEvents ??= []);
const model = createModel({
  read: (name) => state[name],
  write(name, value) {
    state[name] = value;
  },
  save() {
    events.push({ event: "change", value: state.value });
  },
  send(event, payload) {
    events.push({ event, value: payload === undefined ? state.value : payload });
  },
  async upload(file) {
    const mime = file.type || "application/octet-stream";
    return { url: URL.createObjectURL(file), name: file.name, mime, size: file.size };
  },
  async message(content, buffers) {
    events.push({ event: "msg:custom", content, buffers: buffers.map(toBase64) });
  },
}, __SPEC__);
await mountSource(document.getElementById(__ID__), __SOURCE__, model);
"""


def mount_html(instance: Component, element_id: str = "livery-root") -> str:
    """An element and a module script that mounts ``instance``'s built front end in it.

    Wait for ``[data-livery-mounted]`` before looking at it; a failure to load or render sets
    ``data-livery-error`` to the error instead. Raises ``AssetsMissingError`` if the front end
    was never built.
    """
    component = type(instance)
    with use_host(INLINE_FILES):  # no server: the page's files are data: URLs
        state = instance.state()
    adapter = fill(
        _ADAPTER,
        SOURCE=component.js(),
        STATE=state,
        SPEC=component.front_end_spec(),
        ID=element_id,
    )
    script = import_model() + adapter
    return (
        f'<div id="{_attribute(element_id)}" class="livery-root"></div>\n'
        f'<script type="module">\n{script}</script>\n'
    )


def _attribute(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
