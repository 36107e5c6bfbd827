/**
 * The playground's side of the shared `model` (`./model.js`): state in the page, events,
 * custom messages and commands to Python.
 *
 * Every event goes to Python: `send(event)` — and `save_changes()`, which fires `input` and
 * `change` as Gradio does, for those the component declares — POSTs the value to the server,
 * which validates and preprocesses it, runs the story's handler and postprocesses the result.
 * A custom message (`model.send(content)`) goes to the component's `on_message`, a command
 * (`experimental.invoke`) to its `@command` method; what Python sends back with `self.send`
 * arrives with the answer and is delivered as `msg:custom`.
 *
 * Answers are applied in the order the events were sent, so a handler's result is never lost
 * to an answer that merely raced it. Two kinds are skipped: an answer that only echoes the value
 * as it was sent (the user may have typed more since, and the echo would undo it), and one to an
 * event sent again since (while a slider is dragged, only the last position's answer counts). A refused value or a
 * failing handler comes back as one line for the page to show; the state is left as it was.
 */

import { createModel, fromBase64, toBase64 } from "./model.js";

/**
 * @typedef {{ ok: boolean, value?: unknown, error?: string, messages?: [unknown, string[]][],
 *   response?: unknown, buffers?: string[] }} Answer
 * @typedef {import("./model.js").AnyModel & {
 *   pending: Promise<void>,
 *   snapshot: () => object,
 * }} StoryModel the model, the answers still to apply (tests and tools can await it) and a
 *   copy of the whole state (the dev server remounts a story with it)
 */

const SAVED = ["input", "change"];

/**
 * @param {object} options
 * @param {object} options.state the story's initial state (value and props)
 * @param {import("./model.js").Spec} options.spec the component's traits and events
 * @param {string} options.endpoint the story's URL prefix (…/api/stories/<slug>/)
 * @param {(result: Answer) => void} options.onResult
 * @param {() => void} options.onSend called when an event leaves for the server
 * @returns {StoryModel}
 */
export function storyModel({ state, spec, endpoint, onResult, onSend }) {
  const values = { ...state };
  const events = spec.events ?? [];
  const latest = {}; // per event, the number of the last one sent
  const deliver = (answer) => {
    for (const [content, buffers] of answer.messages ?? []) {
      model.deliver(content, buffers.map(fromBase64));
    }
  };
  /** Apply `answer` after every earlier one; `apply` does what is particular to it. */
  const inOrder = (request, apply) => {
    const answered = model.pending.then(async () => {
      const answer = await request;
      if (answer.ok) {
        apply(answer);
        deliver(answer);
      }
      return answer;
    });
    model.pending = answered.then(
      () => undefined,
      () => undefined,
    );
    return answered;
  };
  const model = createModel(
    {
      read: (name) => values[name],
      write(name, value) {
        values[name] = value;
      },
      save() {
        for (const event of SAVED) if (events.includes(event)) model.send(event);
      },
      send(event, payload) {
        const value = payload === undefined ? values.value : payload;
        const sentText = JSON.stringify(value ?? null);
        const ticket = (latest[event] = (latest[event] ?? 0) + 1);
        onSend?.();
        return inOrder(
          post(`${endpoint}events/${encodeURIComponent(event)}`, { value }),
          (answer) => {
            const superseded = ticket !== latest[event]; // a newer answer to it will follow
            const echo = JSON.stringify(answer.value ?? null) === sentText;
            if (!superseded && !echo) model.set("value", answer.value);
          },
        ).then((answer) => onResult?.(answer));
      },
      message(content, buffers) {
        const body = { content, buffers: buffers.map(toBase64) };
        return inOrder(post(`${endpoint}messages`, body), () => {}).then(report);
      },
      async upload(file) {
        const url = new URL("../../uploads", endpoint).href; // …/api/stories/<slug>/ → …/api/uploads
        let response;
        try {
          response = await fetch(url, {
            method: "POST",
            headers: {
              "Content-Type": file.type || "application/octet-stream",
              "X-Livery-File-Name": encodeURIComponent(file.name ?? ""),
            },
            body: file,
          });
        } catch (error) {
          throw new Error(`the playground server did not answer (${error.message})`);
        }
        const answer = await response.json().catch(() => ({
          ok: false,
          error: `the server answered ${response.status} without JSON`,
        }));
        if (!answer.ok) throw new Error(answer.error);
        return answer.file;
      },
      invoke(name, msg, buffers) {
        const body = { msg, buffers: buffers.map(toBase64) };
        const url = `${endpoint}commands/${encodeURIComponent(name)}`;
        return inOrder(post(url, body), () => {}).then((answer) => {
          if (!answer.ok) throw new Error(answer.error);
          return [answer.response, (answer.buffers ?? []).map(fromBase64)];
        });
      },
    },
    spec,
  );
  const report = (answer) => {
    if (!answer.ok) onResult?.(answer);
  };
  model.pending = Promise.resolve();
  model.snapshot = () => ({ ...values });
  return model;
}

/** @returns {Promise<Answer>} */
async function post(url, body) {
  let response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body, (key, value) => (value === undefined ? null : value)),
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
