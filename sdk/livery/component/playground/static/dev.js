/**
 * Dev mode: apply what the dev server's event stream says, and show its errors.
 *
 * The stream (`dev/events`, same origin) sends JSON messages of one kind each:
 * - `css`: the component's stylesheet changed: a new <link> with the new URL is inserted after
 *   the old one and the old one removed once the new one loaded (no flash, no page reload);
 * - `js`: the bundle changed: every story is rendered again by `remount()` in playground.js;
 * - `reload`: the Python side changed: the page reloads;
 * - `hello` (on every connection) and `errors`: only the current errors.
 * Every message carries `errors`, the current build errors (one line each, `file:line[:col]:
 * message`); the overlay shows them, and the current bundle's render errors (playground.js
 * maps them to `frontend/index.js:line:col: message`), and hides when there are none.
 *
 * For tests and tools: `data-dev` on <body> is "connected" once the stream is open, and
 * `data-dev-events` counts the messages applied.
 */

import { remount, renderFailures } from "./playground.js";

const body = document.body;
const overlay = document.getElementById("dev-overlay");
const overlayText = document.getElementById("dev-overlay-text");
let queue = Promise.resolve(); // messages are applied one after the other, in order

let buildErrors = [];

function showErrors(errors) {
  buildErrors = errors ?? [];
  const lines = [];
  for (const error of buildErrors) lines.push(...error.lines);
  lines.push(...renderFailures());
  overlayText.textContent = lines.join("\n");
  overlay.hidden = lines.length === 0;
  body.dataset.devErrors = String(lines.length);
}

function swapCss(href) {
  const old = document.getElementById("component-css");
  if (!href) {
    old?.remove();
    return Promise.resolve();
  }
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = href;
  return new Promise((resolve) => {
    const done = () => {
      if (old && old !== link) old.remove();
      link.id = "component-css";
      resolve();
    };
    link.addEventListener("load", done, { once: true });
    link.addEventListener("error", done, { once: true });
    if (old) old.after(link);
    else document.head.append(link);
  });
}

async function apply(message) {
  if (message.kind === "reload") {
    window.location.reload();
    return;
  }
  showErrors(message.errors);
  if (message.kind === "css") {
    await swapCss(message.css);
  } else if (message.kind === "js") {
    try {
      await Promise.all([swapCss(message.css), remount(message.bundle)]);
    } catch (failure) {
      showErrors([
        ...(message.errors ?? []),
        { kind: "js", lines: [`the new bundle did not load: ${failure.message}`] },
      ]);
    }
  }
  body.dataset.devEvents = String(Number(body.dataset.devEvents ?? 0) + 1);
}

document.addEventListener("livery:render-failures", () => showErrors(buildErrors));

const source = new EventSource(new URL("dev/events", document.baseURI).href);
source.addEventListener("livery", (event) => {
  const message = JSON.parse(event.data);
  queue = queue.then(() => apply(message)).catch((failure) => console.error(failure));
});
source.addEventListener("open", () => {
  body.dataset.dev = "connected";
});
source.addEventListener("error", () => {
  body.dataset.dev = "disconnected"; // EventSource reconnects by itself
});
