// A theme's page: the preview's dark switch, and the contrast table's filter and sorting
// (copy buttons, swatches included, are in common.js).
import { darkToggle } from "./common.js";

darkToggle(document.getElementById("dark-toggle"), () => [document.getElementById("preview")]);

const table = document.getElementById("contrast-table");
const filter = document.getElementById("contrast-filter");
const failing = document.getElementById("contrast-failing");
const count = document.getElementById("contrast-count");
const empty = document.getElementById("contrast-empty");

/** A cell's value for sorting: a number for numeric columns ("—" sorts last). */
function key(row, column, kind) {
  const value = row.dataset[column] || "";
  if (kind !== "number") return value.toLowerCase();
  const number = Number.parseFloat(value);
  return Number.isNaN(number) ? null : number;
}

function compare(a, b, descending) {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const order = a < b ? -1 : 1;
  return descending ? -order : order;
}

function applyFilter(rows) {
  const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
  let shown = 0;
  for (const row of rows) {
    const text = `${row.dataset.label} ${row.dataset.mode} ${row.dataset.result}`.toLowerCase();
    const match =
      words.every((word) => text.includes(word)) &&
      (!failing.checked || row.dataset.result === "fail");
    row.hidden = !match;
    if (match) shown += 1;
  }
  count.textContent =
    shown === rows.length ? `${rows.length} pairs` : `${shown} of ${rows.length} pairs`;
  empty.hidden = shown > 0;
}

function sortBy(button, body, rows) {
  const header = button.closest("th");
  const descending = header.getAttribute("aria-sort") === "ascending";
  for (const th of table.querySelectorAll("th[aria-sort]")) th.setAttribute("aria-sort", "none");
  header.setAttribute("aria-sort", descending ? "descending" : "ascending");
  const { sort, kind } = button.dataset;
  const sorted = [...rows].sort(
    (a, b) =>
      compare(key(a, sort, kind), key(b, sort, kind), descending) ||
      Number(a.dataset.order) - Number(b.dataset.order),
  );
  body.append(...sorted);
}

if (table) {
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  filter.addEventListener("input", () => applyFilter(rows));
  failing.addEventListener("change", () => applyFilter(rows));
  for (const button of table.querySelectorAll("button.sort")) {
    button.addEventListener("click", () => sortBy(button, body, rows));
  }
  applyFilter(rows);
}
