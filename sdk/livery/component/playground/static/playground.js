/**
 * The playground page: the theme switcher, the light/dark toggle, and one mounted component
 * per story.
 *
 * The component's built ES module is imported from this server (the page's policy allows no
 * other script source) and mounted once per story by `renderWidget` (its `initialize`, then
 * its `render({ model, el })`) with a `storyModel` (the shared model, over state in the page)
 * that sends events to Python. Each
 * story shows the value it holds and, next to it, the one-line error of the last event that
 * Python refused.
 *
 * State for tests and tools: `data-status` on each story (loading, ready, pending, ok,
 * error), the model on its mount element (`el.liveryModel`), `data-ready` on <body>.
 *
 * A story whose `render` throws shows the error where its source threw it
 * (`frontend/index.js:12:11: message`, through the bundle's source map); `renderFailures()`
 * lists them for the dev overlay, and `livery:render-failures` on `document` says they changed.
 *
 * `remount(bundleUrl)` is for the dev server's `dev.js`: it imports the new bundle, calls each
 * story's cleanup, and renders every story again in a fresh mount element with the state its
 * model had; `data-generation` on <body> counts the remounts.
 */

import { loadWidget, renderWidget } from "./model.js";
import { storyModel } from "./story-model.js";

const body = document.body;
const themeSelect = document.getElementById("theme");
const themeLink = document.getElementById("theme-css");
const modeButton = document.getElementById("mode");
const loadError = document.getElementById("load-error");

function remember() {
  const url = new URL(window.location.href);
  url.searchParams.set("theme", body.dataset.theme);
  url.searchParams.set("mode", body.dataset.mode);
  window.history.replaceState(null, "", url);
}

themeSelect.addEventListener("change", () => {
  body.dataset.theme = themeSelect.value;
  themeLink.href = `themes/${encodeURIComponent(themeSelect.value)}.css`;
  remember();
});

modeButton.addEventListener("click", () => {
  const dark = !body.classList.contains("dark");
  body.classList.toggle("dark", dark); // where Gradio puts it: the theme's dark values apply
  body.dataset.mode = dark ? "dark" : "light";
  modeButton.setAttribute("aria-pressed", String(dark));
  remember();
});

let spec = {};

function loadBundle() {
  return loadWidget(new URL(body.dataset.bundle, document.baseURI).href);
}

function showJson(output, value) {
  const text = JSON.stringify(value ?? null);
  output.textContent = text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

async function mountStory(section, widget, state) {
  const el = section.querySelector(".story-mount");
  const error = section.querySelector(".story-error");
  const output = section.querySelector(".story-json");
  const endpoint = new URL(
    `api/stories/${encodeURIComponent(section.dataset.story)}/`,
    document.baseURI,
  ).href;
  const model = storyModel({
    state: state ?? JSON.parse(section.dataset.state),
    spec,
    endpoint,
    onSend() {
      section.dataset.status = "pending";
    },
    onResult(result) {
      section.dataset.status = result.ok ? "ok" : "error";
      error.textContent = result.ok ? "" : result.error;
      error.hidden = result.ok;
    },
  });
  model.on("change:value", ({ new: value }) => showJson(output, value));
  showJson(output, model.get("value"));
  el.liveryModel = model;
  try {
    el.liveryCleanup = await renderWidget(widget, model, el);
    section.dataset.status = "ready";
  } catch (failure) {
    console.error(failure);
    const text = await locateFailure(failure);
    failures.set(section.dataset.story, text);
    error.textContent = `render failed: ${text}`;
    error.hidden = false;
    section.dataset.status = "error";
  }
}

const BUNDLE_FRAME = /\/component\/index\.js(?:\?[^\s:)]*)?:(\d+):(\d+)/;
const failures = new Map(); // story slug → its render error, as the page shows it

/**
 * `frontend/index.js:12:11: message`: where in the sources `failure` was thrown. The server
 * maps the bundle position of the stack's first frame in the bundle through the source map;
 * the message alone when that cannot be known.
 */
async function locateFailure(failure) {
  const message = failure && failure.message ? failure.message : String(failure);
  const frame = BUNDLE_FRAME.exec((failure && failure.stack) || "");
  if (!frame) return message;
  try {
    const url = new URL(`api/locate?line=${frame[1]}&column=${frame[2]}`, document.baseURI);
    const { where } = await (await fetch(url)).json();
    return where ? `${where}: ${message}` : message;
  } catch {
    return message;
  }
}

/** The render errors of the current bundle, one line each (the dev overlay shows them). */
export function renderFailures() {
  return [...new Set(failures.values())];
}

function announceFailures() {
  document.dispatchEvent(new CustomEvent("livery:render-failures"));
}

async function main() {
  spec = JSON.parse(body.dataset.spec);
  let widget;
  try {
    widget = await loadBundle();
  } catch (failure) {
    loadError.textContent = `The component's module did not load: ${failure.message}`;
    loadError.hidden = false;
    body.dataset.ready = "error";
    return;
  }
  for (const section of document.querySelectorAll(".story")) {
    await mountStory(section, widget);
  }
  announceFailures();
  body.dataset.ready = "true";
}

const started = main();

/** Render every story again with the bundle at `bundleUrl` (throws if it does not load). */
export async function remount(bundleUrl) {
  await started;
  body.dataset.bundle = bundleUrl;
  const widget = await loadBundle();
  loadError.hidden = true;
  failures.clear();
  for (const section of document.querySelectorAll(".story")) {
    const old = section.querySelector(".story-mount");
    const state = old.liveryModel ? old.liveryModel.snapshot() : undefined;
    try {
      if (typeof old.liveryCleanup === "function") old.liveryCleanup();
    } catch (failure) {
      console.warn("the previous render's cleanup failed", failure);
    }
    old.liveryModel?.off();
    const fresh = old.cloneNode(false); // no children, no listeners of the old render
    old.replaceWith(fresh);
    await mountStory(section, widget, state);
  }
  announceFailures();
  body.dataset.generation = String(Number(body.dataset.generation ?? 0) + 1);
  body.dataset.ready = "true";
}
