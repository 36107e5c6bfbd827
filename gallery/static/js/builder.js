// The builder: every edit updates the state (builder-state.js), the page's address and the
// undo history, then — debounced, the previous request cancelled — is sent to the server
// (POST /api/build), which checks it with Livery's engine and answers with the TOML, the
// Python, every variable's value and the contrast audit. The preview's stylesheet is then
// swapped for /api/build.css?s=<the same state>: a same-origin <link>, which the strict
// Content-Security-Policy allows (a blob: stylesheet or inline style would be blocked).
import { darkToggle, root } from "./common.js";
import {
  History,
  addressFor,
  canonical,
  cloneState,
  editCount,
  emptyState,
  parseState,
  toRequest,
} from "./builder-state.js";
import {
  clearInvalid,
  editFrom,
  fieldFor,
  filterVariables,
  followHue,
  markInvalid,
  reveal,
  showBuilt,
  writeState,
} from "./builder-fields.js";

const DEBOUNCE_MS = 150;
const form = document.getElementById("builder-form");

function themeNames() {
  return new Map(
    [...document.getElementById("b-from").options].map((o) => [o.value, o.textContent]),
  );
}

/** The state the page opens with: the address's ``s=`` (or ``from=``), with a visible
 * warning instead of a silent fallback when it names a theme the gallery does not have. */
function openingState(base, warn) {
  const params = new URLSearchParams(location.search);
  const names = themeNames();
  const asked = params.get("s");
  let state = asked === null ? null : parseState(asked);
  if (asked !== null && state === null)
    warn("The address's edits (s=) could not be read; started without them.");
  state = state || emptyState(params.get("from") || base);
  if (!names.has(state.from)) {
    warn(`No theme '${state.from}' in this gallery; started from ${names.get(base)}.`);
    state.from = base;
  }
  return state;
}

function start() {
  const base = form.dataset.base;
  const status = document.getElementById("builder-status");
  const warning = document.getElementById("builder-warning");
  const grade = document.getElementById("builder-grade");
  const contrast = document.getElementById("builder-contrast");
  const toml = document.querySelector("#out-toml code");
  const python = document.querySelector("#out-python code");
  const undoButton = document.getElementById("b-undo");
  const redoButton = document.getElementById("b-redo");
  const edits = document.getElementById("b-edits");
  const fromNote = document.getElementById("b-from-note");
  const shareLink = document.getElementById("b-link");
  let link = document.getElementById("builder-css");
  let sequence = 0;
  let timer = 0;
  let inflight = null;

  const warnings = [];
  let state = openingState(base, (text) => warnings.push(text));
  if (warnings.length) {
    warning.textContent = warnings.join(" ");
    warning.hidden = false;
  }
  const history = new History(state);

  function swapStylesheet(href) {
    return new Promise((resolve) => {
      if (link && link.getAttribute("href") === href) return resolve();
      const next = document.createElement("link");
      next.rel = "stylesheet";
      next.href = href;
      next.id = "builder-css";
      const finish = () => {
        if (link && link !== next) link.remove();
        link = next;
        resolve();
      };
      next.addEventListener("load", finish, { once: true });
      next.addEventListener("error", finish, { once: true });
      document.head.append(next);
    });
  }

  function showContrast(summary) {
    grade.textContent = summary.grade;
    grade.className = `badge badge-${summary.grade}`;
    let text = `${summary.aa} of ${summary.total} pairs meet AA, ${summary.aaa} meet AAA.`;
    const worst = summary.worst;
    if (worst) {
      text += ` Worst: ${worst.pair} (${worst.mode}), ${worst.ratio.toFixed(2)}:1, needs ${worst.required}:1.`;
    }
    contrast.textContent = text;
    contrast.dataset.grade = summary.grade;
  }

  function showError(data) {
    status.textContent = data.error;
    status.className = "status status-error";
    const input = fieldFor(form, data.field);
    if (input) markInvalid(input, data.error);
    form.dataset.status = "error";
  }

  async function update() {
    const mine = ++sequence;
    if (inflight) inflight.abort();
    const controller = new AbortController();
    inflight = controller;
    form.dataset.status = "busy";
    const sent = cloneState(state);
    let data;
    try {
      const response = await fetch(`${root}api/build`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(toRequest(sent)),
        signal: controller.signal,
      });
      data = await response.json();
    } catch (error) {
      if (error.name === "AbortError") return;
      data = { error: "the gallery server did not answer" };
    }
    if (mine !== sequence) return;
    inflight = null;
    clearInvalid(form);
    if (data.error) return showError(data);
    status.textContent = "";
    status.className = "status";
    const query = `s=${encodeURIComponent(data.state)}`;
    await swapStylesheet(`${root}api/build.css?${query}`);
    if (mine !== sequence) return;
    showBuilt(form, sent, data);
    showContrast(data.contrast);
    toml.textContent = data.toml;
    python.textContent = data.python;
    for (const anchor of document.querySelectorAll("a[data-export]")) {
      anchor.href = `${root}api/build.${anchor.dataset.export}?${query}`;
    }
    form.dataset.status = "ready";
    form.dataset.state = data.state;
  }

  function schedule() {
    clearTimeout(timer);
    form.dataset.status = "busy";
    timer = setTimeout(update, DEBOUNCE_MS);
  }

  function showHistory() {
    undoButton.disabled = !history.canUndo();
    redoButton.disabled = !history.canRedo();
    const count = editCount(state);
    edits.textContent = count === 0 ? "No edits" : count === 1 ? "1 edit" : `${count} edits`;
    window.history.replaceState(null, "", addressFor(state));
    shareLink.textContent = location.href;
  }

  function restore(next) {
    state = next;
    writeState(form, state);
    showHistory();
    schedule();
  }

  function undo() {
    if (history.canUndo()) restore(history.undo());
  }

  function redo() {
    if (history.canRedo()) restore(history.redo());
  }

  function onEdit(event) {
    const edit = editFrom(form, event.target);
    if (!edit) return;
    const next = cloneState(state);
    edit.apply(next);
    if (canonical(next) === canonical(state)) return;
    if (edit.field === "from") {
      const name = themeNames().get(next.from);
      const kept = editCount(next);
      fromNote.textContent = kept
        ? `Started from ${name}; your ${kept === 1 ? "edit is" : `${kept} edits are`} kept on top (Undo goes back).`
        : `Started from ${name}.`;
    }
    if (event.target.dataset.setting) followHue(form, event.target);
    if (event.target.dataset.shade !== undefined) event.target.toggleAttribute("data-edited", true);
    state = next;
    history.record(state, edit.field);
    showHistory();
    schedule();
  }

  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("input", onEdit);
  form.addEventListener("change", (event) => {
    if (event.target.tagName === "SELECT") return; // selects report their edit as input too
    onEdit(event);
  });
  document.getElementById("b-filter").addEventListener("input", (event) => {
    filterVariables(form, event.target.value);
  });
  for (const jump of form.querySelectorAll("a[data-jump]")) {
    jump.addEventListener("click", () => {
      const input = document.getElementById(`v-${jump.dataset.jump}`).querySelector("input");
      reveal(input);
      input.focus();
    });
  }
  for (const button of form.querySelectorAll("button[data-reset-shades]")) {
    button.addEventListener("click", () => {
      const next = cloneState(state);
      for (const key of Object.keys(next.variables)) {
        if (key.startsWith(`${button.dataset.resetShades}_`) && /_\d+$/.test(key))
          delete next.variables[key];
      }
      if (canonical(next) === canonical(state)) return;
      state = next;
      history.record(state, null);
      writeState(form, state);
      showHistory();
      schedule();
    });
  }
  undoButton.addEventListener("click", undo);
  redoButton.addEventListener("click", redo);
  document.addEventListener("keydown", (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const key = event.key.toLowerCase();
    if (key === "z" && !event.shiftKey) {
      event.preventDefault();
      undo();
    } else if ((key === "z" && event.shiftKey) || key === "y") {
      event.preventDefault();
      redo();
    }
  });
  darkToggle(document.getElementById("dark-toggle"), () => [document.getElementById("preview")]);

  writeState(form, state);
  showHistory();
  if (editCount(state) || state.from !== base) update();
  else form.dataset.status = "ready";
}

if (form) start();
