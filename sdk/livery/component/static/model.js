/**
 * The `model` a Livery component's front end talks to, written once for every host.
 *
 * A component's built ES module exports `{ render({ model, el }) }` (or a function, possibly
 * async, that returns it): anywidget's contract. `createModel(host)` is that model; a host
 * says only where the state lives and where events go:
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
 * The component's widget (`{ render }`) from the module at `url`.
 * @param {string} url
 * @returns {Promise<{ render: (context: { model: AnyModel, el: HTMLElement }) => unknown }>}
 */
export async function loadWidget(url) {
  const loaded = (await import(url)).default;
  const widget = typeof loaded === "function" ? await loaded() : loaded;
  if (!widget || typeof widget.render !== "function") {
    throw new Error("the bundle's default export has no render({ model, el })");
  }
  return widget;
}

/**
 * Render the component whose module is the text `source` into `el`, for hosts that cannot
 * serve it. For tests and tools, `el` then holds `liveryModel`, `liveryCleanup` (what render
 * returned) and `data-livery-mounted`; a failure sets `data-livery-error` and is thrown.
 * @param {HTMLElement} el
 * @param {string} source
 * @param {AnyModel} model
 */
export async function mountSource(el, source, model) {
  const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  try {
    const widget = await loadWidget(url);
    el.liveryCleanup = await widget.render({ model, el });
    el.liveryModel = model;
    el.dataset.liveryMounted = "true";
  } catch (error) {
    el.dataset.liveryError = String((error && error.stack) || error);
    throw error;
  } finally {
    URL.revokeObjectURL(url);
  }
}
