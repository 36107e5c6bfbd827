// Shared by every gallery page: the gallery's dark switch, copy buttons, preview dark
// toggles and on-demand theme stylesheets. No inline script or style anywhere: styles are
// <link>s to same-origin files, so the strict Content-Security-Policy holds.

export const root = document.body.dataset.root || "";
export const live = document.body.dataset.live === "true";

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

/** A button that switches the class "dark" on a preview (Gradio's dark-mode switch). */
export function darkToggle(button, targets) {
  if (!button) return;
  button.addEventListener("click", () => {
    const dark = button.getAttribute("aria-pressed") !== "true";
    button.setAttribute("aria-pressed", String(dark));
    for (const target of targets()) target.classList.toggle("dark", dark);
  });
}

function uiToggle() {
  const button = document.getElementById("ui-mode");
  if (!button) return;
  const html = document.documentElement;
  const show = () => button.setAttribute("aria-pressed", String(html.dataset.ui === "dark"));
  show();
  button.addEventListener("click", () => {
    html.dataset.ui = html.dataset.ui === "dark" ? "light" : "dark";
    try {
      localStorage.setItem("livery-gallery-ui", html.dataset.ui);
    } catch {
      // private browsing: the choice lasts for this page only
    }
    show();
  });
}

function copyButtons() {
  const status = document.getElementById("copy-status");
  document.addEventListener("click", async (event) => {
    const button = event.target.closest("button[data-copy]");
    if (!button) return;
    const source = document.getElementById(button.dataset.copy);
    if (!source) return;
    try {
      await navigator.clipboard.writeText(source.textContent);
      if (status) status.textContent = "Copied to the clipboard.";
    } catch {
      if (status) status.textContent = "The browser did not allow copying; select the text instead.";
    }
  });
}

uiToggle();
copyButtons();
