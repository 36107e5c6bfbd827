// Shared by every gallery page: the gallery's dark switch (which previews follow), copy
// buttons, preview dark toggles and on-demand theme stylesheets. No inline script or style anywhere: styles are
// <link>s to same-origin files, so the strict Content-Security-Policy holds.

export const root = document.body.dataset.root || "";
export const live = document.body.dataset.live === "true";
/** What a link to a folder ends with: "" under the server, "index.html" in a static site
 * (from disk, a folder would open as a file listing). */
export const pageFile = document.body.dataset.pageFile || "";

const loaded = new Map();

/** Load a same-origin stylesheet once; resolves when it has loaded (or failed). */
export function loadStylesheet(href) {
  if (loaded.has(href)) return loaded.get(href);
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = href;
  const done = new Promise((resolve) => {
    link.addEventListener("load", () => resolve(true), { once: true });
    link.addEventListener("error", () => resolve(false), { once: true });
  });
  document.head.append(link);
  loaded.set(href, done);
  return done;
}

/** Load each element's data-css stylesheet when it comes near the viewport, and call
 * ``onVisible(element)`` once for it then. */
export function lazyStyles(onVisible = () => {}) {
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        const href = entry.target.dataset.css;
        if (href) loadStylesheet(href);
        onVisible(entry.target);
      }
    },
    { rootMargin: "800px 0px" },
  );
  return {
    observe(elements) {
      for (const element of elements) if (element.dataset.css) observer.observe(element);
    },
    disconnect() {
      observer.disconnect();
    },
  };
}

const UI_KEY = "livery-gallery-ui";
/** Sent on ``document`` when the gallery's mode changes. */
export const UI_EVENT = "livery:ui-mode";

/** The gallery's mode, "light" or "dark": every preview follows it unless its own switch
 * overrides it (see ``darkToggle``). */
export function uiMode() {
  return document.documentElement.dataset.ui === "dark" ? "dark" : "light";
}

/** A switch's visible state: "on"/"off" beside its label (the label itself stays what the
 * switch is for; ``aria-pressed`` tells assistive technology the same). */
function showPressed(button, pressed) {
  button.setAttribute("aria-pressed", String(pressed));
  let state = button.querySelector(".switch-state");
  if (!state) {
    state = document.createElement("span");
    state.className = "switch-state";
    state.setAttribute("aria-hidden", "true");
    button.append(state);
  }
  state.textContent = pressed ? "on" : "off";
}

/** A preview's dark switch (the class "dark" on the preview, as Gradio's switch does). The
 * preview follows the gallery's mode; a click sets this preview alone, which a note beside
 * the switch says until the gallery's own switch is used again. */
export function darkToggle(button, targets) {
  if (!button) return;
  const note = document.createElement("span");
  note.className = "preview-note";
  note.id = `${button.id || "preview"}-note`;
  note.hidden = true;
  button.after(note);
  button.setAttribute("aria-describedby", note.id);
  const set = (dark) => {
    showPressed(button, dark);
    for (const target of targets()) target.classList.toggle("dark", dark);
    const own = dark !== (uiMode() === "dark");
    note.hidden = !own;
    note.textContent = own ? `This preview only: the gallery is ${uiMode()}` : "";
  };
  set(uiMode() === "dark");
  button.addEventListener("click", () => set(button.getAttribute("aria-pressed") !== "true"));
  document.addEventListener(UI_EVENT, () => set(uiMode() === "dark"));
}

/** Set the gallery's mode, remember it for the next pages, and tell the previews. */
function setUiMode(mode, remember) {
  document.documentElement.dataset.ui = mode;
  if (remember) {
    try {
      localStorage.setItem(UI_KEY, mode);
    } catch {
      // private browsing or storage off: the choice lasts for this page only
    }
  }
  document.dispatchEvent(new CustomEvent(UI_EVENT, { detail: mode }));
}

function uiToggle() {
  const button = document.getElementById("ui-mode");
  if (!button) return;
  showPressed(button, uiMode() === "dark");
  button.addEventListener("click", () => setUiMode(uiMode() === "dark" ? "light" : "dark", true));
  document.addEventListener(UI_EVENT, () => showPressed(button, uiMode() === "dark"));
  // Another tab switched: follow it.
  window.addEventListener("storage", (event) => {
    if (event.key === UI_KEY && (event.newValue === "dark" || event.newValue === "light")) {
      setUiMode(event.newValue, false);
    }
  });
}

/** Copy buttons: ``data-copy`` names the element whose text is copied, ``data-copy-text``
 * holds the text itself (a swatch's value). The outcome is announced in the nearest
 * ``role="status"`` of the button's panel (else ``#copy-status``). */
function copyButtons() {
  document.addEventListener("click", async (event) => {
    const button = event.target.closest("button[data-copy], button[data-copy-text]");
    if (!button) return;
    const source = button.dataset.copy ? document.getElementById(button.dataset.copy) : null;
    const text = source ? source.textContent : button.dataset.copyText;
    if (text === undefined) return;
    const status =
      button.closest(".panel")?.querySelector('[role="status"]') ||
      document.getElementById("copy-status");
    try {
      await navigator.clipboard.writeText(text);
      if (status) status.textContent = source ? "Copied to the clipboard." : `Copied ${text}`;
    } catch {
      if (status)
        status.textContent = "The browser did not allow copying; select the text instead.";
    }
  });
}

uiToggle();
copyButtons();
