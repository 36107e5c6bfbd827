// Compare: two to four themes side by side on the same widgets, their blocks kept level
// row by row, and a table of the variables whose values differ. The choice lives in the
// address (?t=a,b), so a comparison can be shared.
import { UI_EVENT, darkToggle, loadStylesheet, pageFile, root } from "./common.js";

const picks = Array.from(document.querySelectorAll(".compare-pick"));
const columns = Array.from(document.querySelectorAll(".compare-col"));
const hint = document.getElementById("compare-hint");
const darkButton = document.getElementById("compare-dark");
const diff = document.getElementById("compare-diff");
const diffTable = document.getElementById("diff-table");
const diffCount = document.getElementById("diff-count");
const names = JSON.parse(diffTable.dataset.variables);

const isDark = () => darkButton.getAttribute("aria-pressed") === "true";
const shown = () => columns.filter((column) => !column.hidden);

/** A preview's blocks, in order: the cells of its grid (the same in every column, since
 * every column draws the same kitchen sink). */
function blocks(column) {
  return Array.from(column.querySelectorAll(".lv-ks > .lv-ks-grid > *"));
}

/** Level the columns that sit side by side (a narrow screen stacks them): each block as
 * tall as the tallest in its place, then pushed down to the lowest top in its place, so
 * that rows line up whatever each theme's fonts, spacing and gaps do to them. */
function level() {
  const all = columns.map(blocks);
  for (const list of all) {
    for (const block of list) {
      block.style.minHeight = "";
      block.style.marginTop = "";
    }
  }
  const rows = new Map();
  for (const column of shown()) {
    const top = Math.round(column.getBoundingClientRect().top);
    rows.set(top, [...(rows.get(top) || []), column]);
  }
  for (const side of rows.values()) if (side.length > 1) levelSide(side, all);
}

function levelSide(side, all) {
  const lists = side.map((column) => all[columns.indexOf(column)]);
  const sinks = side.map((column) => column.querySelector(".lv-ks"));
  const places = Math.min(...lists.map((list) => list.length));
  const heights = lists.map((list) => list.map((block) => block.getBoundingClientRect().height));
  for (let place = 0; place < places; place += 1) {
    const tallest = Math.max(...heights.map((list) => list[place]));
    for (const list of lists) list[place].style.minHeight = `${tallest}px`;
  }
  for (let place = 0; place < places; place += 1) {
    const tops = lists.map(
      (list, index) =>
        list[place].getBoundingClientRect().top - sinks[index].getBoundingClientRect().top,
    );
    const lowest = Math.max(...tops);
    lists.forEach((list, index) => {
      const gap = lowest - tops[index];
      if (gap > 0.5) list[place].style.marginTop = `${gap}px`;
    });
  }
}

/** Each column is a landmark, named after its slot and theme so that they differ. */
function label(column, slot, name) {
  column.setAttribute("aria-label", `Theme ${slot}: ${name}`);
}

function cell(tag, text) {
  const element = document.createElement(tag);
  element.textContent = text;
  return element;
}

/** The variables whose computed values differ between the shown previews. */
function differences() {
  const visible = shown();
  diff.hidden = visible.length < 2;
  if (diff.hidden) return;
  const styles = visible.map((column) => getComputedStyle(column.querySelector(".lv-ks")));
  const head = diffTable.tHead.rows[0];
  head.replaceChildren(cell("th", "Variable"));
  for (const column of visible) {
    const th = cell("th", column.querySelector(".compare-name").textContent);
    th.scope = "col";
    head.append(th);
  }
  head.firstElementChild.scope = "col";
  const rows = [];
  for (const name of names) {
    const values = styles.map((style) => style.getPropertyValue(name).trim());
    if (values.every((value) => value === values[0])) continue;
    const row = document.createElement("tr");
    const th = cell("th", name);
    th.scope = "row";
    row.append(th, ...values.map((value) => cell("td", value || "—")));
    rows.push(row);
  }
  diffTable.tBodies[0].replaceChildren(...rows);
  const mode = isDark() ? "dark" : "light";
  diffCount.textContent = `${rows.length} of ${names.length} variables differ (${mode})`;
}

function refresh() {
  level();
  differences();
}

function restore() {
  const wanted = (new URLSearchParams(location.search).get("t") || "").split(",").filter(Boolean);
  picks.forEach((pick, slot) => {
    const slug = wanted[slot] || "";
    pick.value = Array.from(pick.options).some((option) => option.value === slug) ? slug : "";
  });
}

async function show() {
  const chosen = [];
  const loading = [];
  picks.forEach((pick, slot) => {
    const column = columns[slot];
    const option = pick.selectedOptions[0];
    const slug = pick.value;
    if (!slug || !option) {
      column.hidden = true;
      return;
    }
    chosen.push(slug);
    loading.push(loadStylesheet(option.dataset.css));
    const sink = column.querySelector(".lv-ks");
    sink.className = `lv-ks lv-t-${slug}`;
    sink.classList.toggle("dark", isDark());
    column.querySelector(".compare-name").textContent = option.textContent;
    column.querySelector(".compare-link").href = `${root}themes/${slug}/${pageFile}`;
    label(column, slot + 1, option.textContent);
    column.hidden = false;
  });
  hint.hidden = chosen.length >= 2;
  const query = chosen.length ? `?t=${chosen.map(encodeURIComponent).join(",")}` : "";
  history.replaceState(null, "", `${location.pathname}${query}`);
  await Promise.all(loading);
  await document.fonts.ready;
  refresh();
  document.body.dataset.compared = chosen.join(",");
}

restore();
show();
for (const pick of picks) pick.addEventListener("change", show);
darkToggle(darkButton, () => columns.map((column) => column.querySelector(".lv-ks")));
darkButton.addEventListener("click", refresh);
document.addEventListener(UI_EVENT, refresh);
// Sizes change after the first levelling: the window, and a theme's fonts arriving.
let pending = 0;
const relevel = () => {
  cancelAnimationFrame(pending);
  pending = requestAnimationFrame(level);
};
window.addEventListener("resize", relevel);
document.fonts.addEventListener("loadingdone", relevel);
// A block that grows (an image decoded, a font swapped in) levels the rows again, in the
// next frame rather than inside the observer, so that the change does not loop.
const growth = new ResizeObserver(relevel);
for (const list of columns.map(blocks)) for (const block of list) growth.observe(block);
