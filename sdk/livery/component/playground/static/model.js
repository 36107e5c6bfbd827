/**
 * The playground's `model`: what a component's `render({ model, el })` talks to.
 *
 * The anywidget-style contract of Livery components: get(name), set(name, value),
 * save_changes(), on("change:name", callback), off(...), send(event, payload). Here every
 * event goes to Python: `send(event)` (and `save_changes()`, which is the "change" event)
 * POSTs the value to the server, which validates and preprocesses it, runs the story's
 * handler and postprocesses the result. The value that comes back is applied with `set`, so
 * the component hears `change:value` like any other update. A refused value or a failing
 * handler comes back as one line for the page to show; the model's state is left as it was.
 *
 * Only the answer to the latest event is applied: while a user types, answers to earlier
 * keystrokes may arrive late and must not overwrite newer text.
 */

export class StoryModel {
  #state;
  #listeners = new Map();
  #sent = 0;

  /**
   * @param {object} options
   * @param {object} options.state the story's initial state (value and props)
   * @param {string[]} options.events the events the component declares
   * @param {string} options.endpoint the story's event URL prefix (…/events/)
   * @param {(result: {ok: boolean, value?: unknown, error?: string}) => void} options.onResult
   * @param {() => void} options.onSend called when an event leaves for the server
   */
  constructor({ state, events, endpoint, onResult, onSend }) {
    this.#state = { ...state };
    this.events = events;
    this.endpoint = endpoint;
    this.onResult = onResult;
    this.onSend = onSend;
    /** The request in flight (tests and tools can await it). */
    this.pending = Promise.resolve();
  }

  /** A copy of the whole state (the dev server remounts a story with it). */
  snapshot() {
    return { ...this.#state };
  }

  get(name) {
    return this.#state[name];
  }

  set(name, value) {
    if (Object.is(this.#state[name], value)) return;
    this.#state[name] = value;
    for (const callback of [...(this.#listeners.get(`change:${name}`) ?? [])]) {
      try {
        callback({ name, new: value });
      } catch (error) {
        console.error(error);
      }
    }
  }

  /** The value changed in the browser: Python hears it as the "change" event. */
  save_changes() {
    if (this.events.includes("change")) this.send("change");
  }

  on(event, callback) {
    if (!this.#listeners.has(event)) this.#listeners.set(event, new Set());
    this.#listeners.get(event).add(callback);
  }

  off(event, callback) {
    if (event === undefined) this.#listeners.clear();
    else if (callback === undefined) this.#listeners.delete(event);
    else this.#listeners.get(event)?.delete(callback);
  }

  /** Fire `event` with the current value (or `payload`): a round trip through Python. */
  send(event, payload) {
    const value = payload === undefined ? this.#state.value : payload;
    const ticket = ++this.#sent;
    this.onSend?.();
    this.pending = this.#post(event, value).then((result) => {
      if (ticket !== this.#sent) return; // a newer event's answer is on its way
      if (result.ok) this.set("value", result.value);
      this.onResult?.(result);
    });
    return this.pending;
  }

  async #post(event, value) {
    let response;
    try {
      response = await fetch(this.endpoint + encodeURIComponent(event), {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ value: value === undefined ? null : value }),
      });
    } catch (error) {
      return { ok: false, error: `the playground server did not answer (${error.message})` };
    }
    try {
      return await response.json();
    } catch {
      return { ok: false, error: `the server answered ${response.status} without JSON` };
    }
  }
}
