// The builder: every change is sent to the server (POST /api/build), which checks it with
// Livery's engine and answers with the TOML, the Python and the contrast grade. The preview's
// stylesheet is then swapped for /api/build.css?s=<the same request>: a same-origin <link>,
// which the strict Content-Security-Policy allows (a blob: stylesheet or inline style would
// be blocked).
import { darkToggle, root } from "./common.js";

const form = document.getElementById("builder-form");

function start() {
  const base = form.dataset.base;
  const status = document.getElementById("builder-status");
  const grade = document.getElementById("builder-grade");
  const toml = document.querySelector("#out-toml code");
  const python = document.querySelector("#out-python code");
  const exportToml = document.getElementById("export-toml");
  const exportPython = document.getElementById("export-python");
  let link = document.getElementById("builder-css");
  let sequence = 0;
  let timer = 0;

  function state() {
    const settings = {};
    for (const select of form.querySelectorAll("select[data-setting]")) {
      let value = select.value;
      if (value === "seed") value = form.querySelector(`[data-seed-for="${select.dataset.setting}"]`).value;
      if (value) settings[select.dataset.setting] = value;
    }
    const variables = {};
    for (const input of form.querySelectorAll("input[data-variable]")) {
      if (input.value.trim()) variables[input.dataset.variable] = input.value.trim();
    }
    const request = { from: base, settings, variables };
    const name = document.getElementById("b-name").value.trim();
    if (name) request.name = name;
    return request;
  }

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

  async function update() {
    const mine = ++sequence;
    form.dataset.status = "busy";
    let data;
    try {
      const response = await fetch(`${root}api/build`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(state()),
      });
      data = await response.json();
    } catch {
      data = { error: "the gallery server did not answer" };
    }
    if (mine !== sequence) return;
    if (data.error) {
      status.textContent = data.error;
      status.className = "status status-error";
      form.dataset.status = "error";
      return;
    }
    status.textContent = "";
    status.className = "status";
    const query = `s=${encodeURIComponent(data.state)}`;
    await swapStylesheet(`${root}api/build.css?${query}`);
    if (mine !== sequence) return;
    grade.textContent = data.grade;
    grade.className = `badge badge-${data.grade}`;
    toml.textContent = data.toml;
    python.textContent = data.python;
    exportToml.href = `${root}api/build.toml?${query}`;
    exportPython.href = `${root}api/build.py?${query}`;
    form.dataset.status = "ready";
  }

  function schedule() {
    clearTimeout(timer);
    form.dataset.status = "busy";
    timer = setTimeout(update, 120);
  }

  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("input", (event) => {
    const seedFor = event.target.dataset && event.target.dataset.seedFor;
    if (seedFor) form.querySelector(`select[data-setting="${seedFor}"]`).value = "seed";
    if (event.target.id !== "b-from") schedule();
  });
  document.getElementById("b-from").addEventListener("change", (event) => {
    location.search = `?from=${encodeURIComponent(event.target.value)}`;
  });
  darkToggle(document.getElementById("dark-toggle"), () => [document.getElementById("preview")]);
  form.dataset.status = "ready";
}

if (form) start();
