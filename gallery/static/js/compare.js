// Compare: two to four themes side by side on the same widgets. The choice lives in the
// address (?t=a,b), so a comparison can be shared.
import { darkToggle, loadStylesheet, root } from "./common.js";

const picks = Array.from(document.querySelectorAll(".compare-pick"));
const columns = Array.from(document.querySelectorAll(".compare-col"));
const hint = document.getElementById("compare-hint");
const darkButton = document.getElementById("compare-dark");

const isDark = () => darkButton.getAttribute("aria-pressed") === "true";

function restore() {
  const wanted = (new URLSearchParams(location.search).get("t") || "").split(",").filter(Boolean);
  picks.forEach((pick, slot) => {
    const slug = wanted[slot] || "";
    pick.value = Array.from(pick.options).some((option) => option.value === slug) ? slug : "";
  });
}

function show() {
  const chosen = [];
  picks.forEach((pick, slot) => {
    const column = columns[slot];
    const option = pick.selectedOptions[0];
    const slug = pick.value;
    if (!slug || !option) {
      column.hidden = true;
      return;
    }
    chosen.push(slug);
    loadStylesheet(option.dataset.css);
    const sink = column.querySelector(".lv-ks");
    sink.className = `lv-ks lv-t-${slug}`;
    sink.classList.toggle("dark", isDark());
    column.querySelector(".compare-name").textContent = option.textContent;
    column.querySelector(".compare-link").href = `${root}themes/${slug}/`;
    column.hidden = false;
  });
  hint.hidden = chosen.length >= 2;
  const query = chosen.length ? `?t=${chosen.map(encodeURIComponent).join(",")}` : "";
  history.replaceState(null, "", `${location.pathname}${query}`);
}

restore();
show();
for (const pick of picks) pick.addEventListener("change", show);
darkToggle(darkButton, () => columns.map((column) => column.querySelector(".lv-ks")));
