// The components page: the theme picker, the dark switch, and each installed component's
// stories mounted from its built module (served from this origin, as the page's policy
// requires) with the shared model (`components/model.js`) over state kept in the page. No
// Python is behind a static site, so nothing goes to a server: what a component sends is
// recorded in `window.liveryEvents` (as the standalone page does), and an upload becomes a
// data: URL, which the policy allows for images.
//
// State for tests and tools: `data-status` on each component and each story (loading, ready,
// error), the model on its mount element (`el.liveryModel`), `data-ready` on <body>.
import { darkToggle, loadStylesheet, root, UI_EVENT } from "./common.js";

const body = document.body;
const themeSelect = document.getElementById("component-theme");
const darkButton = document.getElementById("component-dark");
const events = (window.liveryEvents ??= []);

function stages() {
  return document.querySelectorAll(".component-stage");
}

function useTheme(slug) {
  loadStylesheet(`${root}themes/${encodeURIComponent(slug)}/scoped.css`);
  for (const stage of stages()) {
    for (const name of [...stage.classList]) {
      if (name.startsWith("lv-t-")) stage.classList.remove(name);
    }
    stage.classList.add(`lv-t-${slug}`);
  }
  body.dataset.theme = slug;
}

themeSelect?.addEventListener("change", () => useTheme(themeSelect.value));

// The stages follow the gallery's Dark mode switch; this one overrides it for the stages alone.
darkToggle(darkButton, () => stages());
const showMode = () => {
  body.dataset.mode = darkButton?.getAttribute("aria-pressed") === "true" ? "dark" : "light";
};
showMode();
darkButton?.addEventListener("click", showMode);
document.addEventListener(UI_EVENT, showMode);

function readAsDataUrl(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.addEventListener("load", () => resolve(reader.result));
    reader.addEventListener("error", () => reject(reader.error));
    reader.readAsDataURL(file);
  });
}

function pageModel(createModel, component, state, spec) {
  const values = { ...state };
  return createModel(
    {
      read: (name) => values[name],
      write(name, value) {
        values[name] = value;
      },
      save() {
        events.push({ component, event: "change", value: values.value });
      },
      send(event, payload) {
        events.push({ component, event, value: payload === undefined ? values.value : payload });
      },
      async upload(file) {
        const mime = file.type || "application/octet-stream";
        return { url: await readAsDataUrl(file), name: file.name, mime, size: file.size };
      },
      async message(content) {
        events.push({ component, event: "msg:custom", content });
      },
    },
    spec,
  );
}

function fail(element, line) {
  element.textContent = line;
  element.hidden = false;
}

async function mountComponent(article, shared) {
  const { createModel, loadWidget, renderWidget } = shared;
  const component = article.dataset.component;
  let widget;
  try {
    widget = await loadWidget(new URL(article.dataset.bundle, document.baseURI).href);
  } catch (failure) {
    article.dataset.status = "error";
    fail(article.querySelector(".load-error"), `The module did not load: ${failure.message}`);
    return;
  }
  const spec = JSON.parse(article.dataset.spec);
  let failed = false;
  for (const section of article.querySelectorAll(".component-story")) {
    const el = section.querySelector(".component-mount");
    const state = JSON.parse(section.dataset.state);
    el.liveryModel = pageModel(createModel, component, state, spec);
    try {
      el.liveryCleanup = await renderWidget(widget, el.liveryModel, el);
      section.dataset.status = "ready";
    } catch (failure) {
      failed = true;
      section.dataset.status = "error";
      fail(section.querySelector(".story-error"), `render failed: ${failure?.message ?? failure}`);
    }
  }
  article.dataset.status = failed ? "error" : "ready";
}

async function main() {
  const articles = document.querySelectorAll(".component[data-bundle]");
  if (articles.length) {
    let shared;
    try {
      shared = await import(new URL(`${root}components/model.js`, document.baseURI).href);
    } catch (failure) {
      for (const article of articles) {
        article.dataset.status = "error";
        fail(article.querySelector(".load-error"), `The model did not load: ${failure.message}`);
      }
      body.dataset.ready = "error";
      return;
    }
    for (const article of articles) await mountComponent(article, shared);
  }
  body.dataset.ready = "true";
}

main();
