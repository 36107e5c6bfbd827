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
    section.dataset.status = "error";
    error.textContent = `render failed: ${failure && failure.message ? failure.message : failure}`;
    error.hidden = false;
    console.error(failure);
  }
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
  body.dataset.ready = "true";
}

const started = main();

/** Render every story again with the bundle at `bundleUrl` (throws if it does not load). */
export async function remount(bundleUrl) {
  await started;
  body.dataset.bundle = bundleUrl;
  const widget = await loadBundle();
  loadError.hidden = true;
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
  body.dataset.generation = String(Number(body.dataset.generation ?? 0) + 1);
  body.dataset.ready = "true";
}
