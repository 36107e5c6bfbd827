/**
 * The playground's side of the shared `model` (`./model.js`): state in the page, events to
 * Python.
 *
 * Every event goes to Python: `send(event)` (and `save_changes()`, which is the "change"
 * event) POSTs the value to the server, which validates and preprocesses it, runs the story's
 * handler and postprocesses the result. The value that comes back is applied with `set`, so
 * the component hears `change:value` like any other update. A refused value or a failing
 * handler comes back as one line for the page to show; the model's state is left as it was.
 *
 * Only the answer to the latest event is applied: while a user types, answers to earlier
 * keystrokes may arrive late and must not overwrite newer text.
 */

import { createModel } from "./model.js";

/**
 * @typedef {{ ok: boolean, value?: unknown, error?: string }} EventResult
 * @typedef {import("./model.js").AnyModel & {
 *   pending: Promise<void>,
 *   snapshot: () => object,
 * }} StoryModel the model, the request in flight (tests and tools can await it) and a copy of
 *   the whole state (the dev server remounts a story with it)
 */

/**
 * @param {object} options
 * @param {object} options.state the story's initial state (value and props)
 * @param {string[]} options.events the events the component declares
 * @param {string} options.endpoint the story's event URL prefix (…/events/)
 * @param {(result: EventResult) => void} options.onResult
 * @param {() => void} options.onSend called when an event leaves for the server
 * @returns {StoryModel}
 */
export function storyModel({ state, events, endpoint, onResult, onSend }) {
  const values = { ...state };
  let sent = 0;
  const model = createModel({
    read: (name) => values[name],
    write(name, value) {
      values[name] = value;
    },
    save() {
      if (events.includes("change")) model.send("change");
    },
    send(event, payload) {
      const value = payload === undefined ? values.value : payload;
      const ticket = ++sent;
      onSend?.();
      model.pending = post(endpoint + encodeURIComponent(event), value).then((result) => {
        if (ticket !== sent) return; // a newer event's answer is on its way
        if (result.ok) model.set("value", result.value);
        onResult?.(result);
      });
      return model.pending;
    },
  });
  model.pending = Promise.resolve();
  model.snapshot = () => ({ ...values });
  return model;
}

/** @returns {Promise<EventResult>} */
async function post(url, value) {
  let response;
  try {
    response = await fetch(url, {
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
