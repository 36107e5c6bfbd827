/**
 * The `model` a Livery component's front end talks to, written once for every host.
 *
 * A component's built ES module is an anywidget front end: it exports `default { initialize,
 * render }`, or a default function (possibly async) returning that, or — older anywidget —
 * named `render`/`initialize` functions. `loadWidget` accepts all three; `renderWidget` runs
 * `initialize({ model, experimental })` once per model, then `render({ model, el,
 * experimental })`, and keeps both cleanups. `createModel(host)` is that model; a host says
 * only where the state lives and where events go:
 * - the playground (`playground/static/story-model.js`): state in the page, every event a
 *   round trip through Python;
 * - the standalone page (`standalone.py`): state in the page, events recorded for a test;
 * - Gradio (`gradio.py`): state in gr.HTML's `props`, events through its `trigger`, and
 *   values set from Python heard through its `watch`.
 *
 * The standalone page and Gradio's `js_on_load` have no server to fetch this file from: they
 * import its text from a Blob URL. So it stays one module that imports nothing.
 */

/**
 * What a `change:name` listener hears.
 * @typedef {{ name: string, new: unknown }} ChangeEvent
 */

/**
 * The model given to `render({ model, el })` (anywidget's `AnyModel`).
 * @typedef {object} AnyModel
 * @property {(name: string) => unknown} get the current `value`, or a prop
 * @property {(name: string, value: unknown) => void} set change it here; `change:name`
 *   listeners hear it, the host does not (call `save_changes` for that)
 * @property {() => void} save_changes the value changed in the browser: tell the host
 * @property {(event: string, callback: (change: ChangeEvent) => void) => void} on listen
 *   (`change:name`)
 * @property {(event?: string, callback?: Function) => void} off stop one listener, every
 *   listener of `event`, or (no arguments) all of them
 * @property {(event: string, payload?: unknown) => unknown} send fire one of the
 *   component's events with the current value (or `payload`)
 */

/**
 * Where a model's state lives and where its events go.
 * @typedef {object} Host
 * @property {(name: string) => unknown} read
 * @property {(name: string, value: unknown) => void} write
 * @property {() => unknown} save what `save_changes()` does
 * @property {(event: string, payload: unknown) => unknown} send what `send()` does
 * @property {(name: string, changed: () => void) => void} [watch] hear `name` change
 *   outside the model (the host calls `changed` after it did)
 */

/**
 * A model over `host`. A listener that throws is logged; the others still hear the change.
 * @param {Host} host
 * @returns {AnyModel}
 */
export function createModel(host) {
  const listeners = new Map();
  const watched = new Set();
  const emit = (name, value) => {
    for (const callback of [...(listeners.get(`change:${name}`) ?? [])]) {
      try {
        callback({ name, new: value });
      } catch (error) {
        console.error(error);
      }
    }
  };
  return {
    get: (name) => host.read(name),
    set(name, value) {
      if (Object.is(host.read(name), value)) return;
      host.write(name, value);
      emit(name, value);
    },
    save_changes: () => host.save(),
    on(event, callback) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(callback);
      const name = event.startsWith("change:") ? event.slice("change:".length) : null;
      if (host.watch && name !== null && !watched.has(name)) {
        watched.add(name);
        host.watch(name, () => emit(name, host.read(name)));
      }
    },
    off(event, callback) {
      if (event === undefined) listeners.clear();
      else if (callback === undefined) listeners.delete(event);
      else listeners.get(event)?.delete(callback);
    },
    send: (event, payload) => host.send(event, payload),
  };
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

/** What `experimental` holds for the hooks: Livery's hosts do not offer anywidget's `invoke`. */
const EXPERIMENTAL = Object.freeze({
  invoke: () => Promise.reject(new Error("experimental.invoke is not supported by Livery yet")),
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
  if (!initialized.has(model)) {
    const ran =
      typeof widget.initialize === "function"
        ? Promise.resolve(widget.initialize({ model, experimental: EXPERIMENTAL }))
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
    renderCleanup = await widget.render({ model, el, experimental: EXPERIMENTAL });
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
