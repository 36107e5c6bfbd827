/**
 * The `model` a Livery component's front end talks to, written once for every host.
 *
 * A component's built ES module is an anywidget front end: it exports `default { initialize,
 * render }`, or a default function (possibly async) returning that, or — older anywidget —
 * named `render`/`initialize` functions. `loadWidget` accepts all three; `renderWidget` runs
 * `initialize({ model, experimental })` once per model, then `render({ model, el,
 * experimental })`, and keeps both cleanups. `createModel(host, spec)` is that model: the
 * traits (`value`, each field of the value, the props), binary traits as `DataView`s,
 * `msg:custom` both ways and `experimental.invoke`. A host says only where the state lives and
 * where events, messages and commands go:
 * - the playground (`playground/static/story-model.js`): state in the page, every event,
 *   message and command a round trip through Python;
 * - the standalone page (`standalone.py`): state in the page, events recorded for a test;
 * - Gradio (`gradio.py`): state in gr.HTML's `props`, events through its `trigger`, values
 *   set from Python heard through its `watch`, messages and commands through its `server`;
 * - Jupyter and marimo (`anywidget.py`): anywidget's own model underneath.
 *
 * The standalone page and Gradio's `js_on_load` have no server to fetch this file from: they
 * import its text from a Blob URL. So it stays one module that imports nothing.
 */

/**
 * What a `change:name` listener hears.
 * @typedef {{ name: string, new: unknown }} ChangeEvent
 */

/**
 * The model given to `render({ model, el })` (anywidget's `AnyModel`, plus `upload`).
 * @typedef {object} AnyModel
 * @property {(name: string) => unknown} get a trait: `value`, a field of the value, or a prop
 *   (a binary trait reads as a `DataView`)
 * @property {(name: string, value: unknown) => void} set change it here; `change:name`
 *   listeners hear it, the host does not (call `save_changes` for that)
 * @property {() => void} save_changes the value changed in the browser: tell the host
 * @property {(event: string, callback: Function) => void} on listen: `change:name`, or
 *   `msg:custom` (called with the content and its buffers as `DataView`s)
 * @property {(event?: string, callback?: Function) => void} off stop one listener, every
 *   listener of `event`, or (no arguments) all of them
 * @property {(content: unknown, callbacks?: unknown, buffers?: ArrayBuffer[]) => unknown} send
 *   a declared event's name fires that event (the second argument is its payload, the current
 *   value by default); anything else is a custom message to Python
 * @property {(file: Blob) => Promise<unknown>} upload store a file with the host: what comes
 *   back goes into a file value
 * @property {(content: unknown, buffers?: ArrayBuffer[]) => void} deliver for hosts: a custom
 *   message from Python, heard by `msg:custom` listeners
 */

/**
 * What a model is created with, from Python (`Component.front_end_spec()`).
 * @typedef {{ fields?: string[], binary?: string[], events?: string[] }} Spec
 */

/**
 * Where a model's state lives and where its events go.
 * @typedef {object} Host
 * @property {(name: string) => unknown} read
 * @property {(name: string, value: unknown) => void} write
 * @property {() => unknown} save what `save_changes()` does
 * @property {(event: string, payload: unknown) => unknown} send fire a declared event
 * @property {(name: string, changed: () => void) => void} [watch] hear `name` change
 *   outside the model (the host calls `changed` after it did)
 * @property {(content: unknown, buffers: ArrayBuffer[]) => Promise<void>} [message] a custom
 *   message to Python (the host delivers replies with `model.deliver`)
 * @property {(name: string, msg: unknown, buffers: ArrayBuffer[]) =>
 *   Promise<[unknown, ArrayBuffer[]]>} [invoke] run a Python command
 * @property {(file: Blob) => Promise<unknown>} [upload]
 * @property {"native"} [binary] the host stores binary traits as buffers itself (anywidget);
 *   otherwise they are kept as base64 text, which is how JSON hosts carry them
 */

const unsupported = (what) => Promise.reject(new Error(`${what} is not supported by this host`));

/** `buffer` (an ArrayBuffer, a typed array or a DataView) as its own ArrayBuffer. */
export function arrayBuffer(buffer) {
  if (buffer instanceof ArrayBuffer) return buffer;
  if (ArrayBuffer.isView(buffer)) {
    return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
  }
  throw new TypeError(`not binary data: ${describe(buffer)}`);
}

/** Binary data as base64 text (how JSON hosts carry it). */
export function toBase64(buffer) {
  const bytes = new Uint8Array(arrayBuffer(buffer));
  let text = "";
  for (let start = 0; start < bytes.length; start += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(text);
}

/** Base64 text (standard or URL-safe) as a DataView. */
export function fromBase64(text) {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return new DataView(bytes.buffer);
}

const isBinary = (value) => value instanceof ArrayBuffer || ArrayBuffer.isView(value);

/**
 * A model over `host`. A listener that throws is logged; the others still hear the change.
 * @param {Host} host
 * @param {Spec} [spec]
 * @returns {AnyModel}
 */
export function createModel(host, spec = {}) {
  const fields = new Set(spec.fields ?? []);
  const binary = new Set(spec.binary ?? []);
  const events = spec.events === undefined ? null : new Set(spec.events);
  const native = host.binary === "native";
  const listeners = new Map();
  const watched = new Set();
  const views = new Map(); // a binary trait's DataView, kept while its text is the same
  let seen = host.read("value"); // the value listeners last heard, to tell which fields changed

  const call = (event, ...args) => {
    for (const callback of [...(listeners.get(event) ?? [])]) {
      try {
        callback(...args);
      } catch (error) {
        console.error(error);
      }
    }
  };
  const emit = (name, value) => call(`change:${name}`, { name, new: value });
  const field = (whole, name) =>
    whole !== null && typeof whole === "object" ? whole[name] : undefined;
  const raw = (name) => (fields.has(name) ? field(host.read("value"), name) : host.read(name));
  const view = (name, stored) => {
    if (!binary.has(name) || typeof stored !== "string") {
      return isBinary(stored) && !(stored instanceof DataView)
        ? new DataView(arrayBuffer(stored))
        : stored;
    }
    const cached = views.get(name);
    if (cached && cached.text === stored) return cached.view;
    const fresh = fromBase64(stored);
    views.set(name, { text: stored, view: fresh });
    return fresh;
  };
  const store = (name, value) =>
    binary.has(name) && !native && isBinary(value) ? toBase64(value) : value;
  const get = (name) => view(name, raw(name));
  const valueChanged = () => {
    const next = host.read("value");
    const previous = seen;
    seen = next;
    emit("value", get("value"));
    for (const name of fields) {
      if (!Object.is(field(previous, name), field(next, name))) emit(name, get(name));
    }
  };
  const watch = (name) => {
    const target = fields.has(name) ? "value" : name;
    if (!host.watch || watched.has(target)) return;
    watched.add(target);
    host.watch(target, target === "value" ? valueChanged : () => emit(target, get(target)));
  };
  const buffersOf = (buffers) => [...(buffers ?? [])].map(arrayBuffer);
  const dataViews = (buffers) =>
    [...(buffers ?? [])].map((buffer) => new DataView(arrayBuffer(buffer)));

  const model = {
    get,
    set(name, value) {
      const stored = store(name, value);
      if (fields.has(name)) {
        const whole = host.read("value");
        if (Object.is(field(whole, name), stored)) return;
        host.write("value", { ...(whole ?? {}), [name]: stored });
        valueChanged();
        return;
      }
      if (Object.is(host.read(name), stored)) return;
      host.write(name, stored);
      if (name === "value") valueChanged();
      else emit(name, get(name));
    },
    save_changes: () => host.save(),
    on(event, callback) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(callback);
      if (event.startsWith("change:")) watch(event.slice("change:".length));
    },
    off(event, callback) {
      if (event === undefined) listeners.clear();
      else if (callback === undefined) listeners.delete(event);
      else listeners.get(event)?.delete(callback);
    },
    send(content, payload, buffers) {
      if (typeof content === "string" && (events === null || events.has(content))) {
        return host.send(content, payload);
      }
      if (!host.message) return unsupported("a custom message (model.send)");
      return host.message(content, buffersOf(buffers));
    },
    upload: (file) => (host.upload ? host.upload(file) : unsupported("uploading a file")),
    deliver: (content, buffers) => call("msg:custom", content, dataViews(buffers)),
  };
  Object.defineProperty(model, "experimental", {
    value: Object.freeze({
      /** anywidget's `invoke`: run a Python command, get `[response, buffers]`. */
      invoke(name, msg, options = {}) {
        if (!host.invoke) return unsupported("experimental.invoke");
        const { signal } = options;
        if (signal?.aborted) return Promise.reject(signal.reason);
        const answer = host
          .invoke(name, msg, buffersOf(options.buffers))
          .then(([response, buffers]) => [response, dataViews(buffers)]);
        if (!signal) return answer;
        return new Promise((resolve, reject) => {
          signal.addEventListener("abort", () => reject(signal.reason), { once: true });
          answer.then(resolve, reject);
        });
      },
    }),
  });
  return model;
}

/**
 * What a front end's module gives: its lifecycle hooks. Each may return a cleanup function
 * (or a Promise of one).
 * @typedef {object} Widget
 * @property {(context: { model: AnyModel, experimental: object }) => unknown} [initialize]
 *   once per model, before its first render
 * @property {(context: { model: AnyModel, el: HTMLElement, experimental: object }) => unknown}
 *   render once per view
 */

const EXPECTED =
  "an anywidget front end exports default { render } (or { initialize, render }), " +
  "a default function returning it, or a named render function";

/**
 * The component's widget from the module at `url`, in any of anywidget's three forms. The
 * default function, if that is the form, is called here, once per load. A module with no
 * `render` fails with one line naming what it does export, so the author sees the mismatch.
 * @param {string} url
 * @returns {Promise<Widget>}
 */
export async function loadWidget(url) {
  const module = await import(url);
  const names = Object.keys(module);
  const exported = `the module exports ${names.length ? names.join(", ") : "nothing"}`;
  let widget;
  if (typeof module.render === "function") {
    widget = { initialize: module.initialize, render: module.render }; // older anywidget
  } else if (typeof module.default === "function") {
    widget = await module.default();
    if (!widget || typeof widget.render !== "function") {
      const returned = `its default function returned ${describe(widget)}`;
      throw new Error(`${exported}, and ${returned}; ${EXPECTED}`);
    }
  } else {
    widget = module.default;
  }
  if (!widget || typeof widget.render !== "function") {
    const which =
      module.default === undefined ? exported : `${exported} (default ${describe(module.default)})`;
    throw new Error(`${which}; ${EXPECTED}`);
  }
  return widget;
}

function describe(value) {
  if (value === null || typeof value !== "object") return String(value);
  const keys = Object.keys(value);
  return keys.length ? `{ ${keys.join(", ")} }` : "{}";
}

/** `experimental` for a model a host made without `createModel` (it has no commands). */
const NO_EXPERIMENTAL = Object.freeze({
  invoke: () => unsupported("experimental.invoke"),
});

const initialized = new WeakMap();

/**
 * Show `widget` in `el` over `model`: `initialize` first, once per model (a second view of the
 * same model reuses it), then `render`. Returns one cleanup that undoes the render and then
 * the initialize; a host calls it when the view and its model go away. If `render` fails, the
 * initialize's cleanup runs at once and the error is thrown.
 * @param {Widget} widget
 * @param {AnyModel} model
 * @param {HTMLElement} el
 * @returns {Promise<() => void>}
 */
export async function renderWidget(widget, model, el) {
  const experimental = model.experimental ?? NO_EXPERIMENTAL;
  if (!initialized.has(model)) {
    const ran =
      typeof widget.initialize === "function"
        ? Promise.resolve(widget.initialize({ model, experimental }))
        : Promise.resolve(undefined);
    initialized.set(model, ran);
  }
  const initCleanup = await initialized.get(model);
  const forget = () => {
    initialized.delete(model);
    if (typeof initCleanup === "function") initCleanup();
  };
  let renderCleanup;
  try {
    renderCleanup = await widget.render({ model, el, experimental });
  } catch (error) {
    forget();
    throw error;
  }
  return () => {
    try {
      if (typeof renderCleanup === "function") renderCleanup();
    } finally {
      forget();
    }
  };
}

/**
 * Render the component whose module is the text `source` into `el`, for hosts that cannot
 * serve it. For tests and tools, `el` then holds `liveryModel`, `liveryCleanup` (undoes the
 * render and the initialize) and `data-livery-mounted`; a failure sets `data-livery-error`
 * and is thrown.
 * @param {HTMLElement} el
 * @param {string} source
 * @param {AnyModel} model
 */
export async function mountSource(el, source, model) {
  const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  try {
    const widget = await loadWidget(url);
    el.liveryCleanup = await renderWidget(widget, model, el);
    el.liveryModel = model;
    el.dataset.liveryMounted = "true";
  } catch (error) {
    el.dataset.liveryError = String((error && error.stack) || error);
    throw error;
  } finally {
    URL.revokeObjectURL(url);
  }
}
