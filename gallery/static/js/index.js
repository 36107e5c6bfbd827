// The index: instant search and filters over the cards, theme stylesheets loaded as cards
// come near the viewport, and (under `livery gallery`) the cards refreshed when themes change.
import { lazyStyles, live, root } from "./common.js";

const grid = document.getElementById("cards");
const search = document.getElementById("search");
const hue = document.getElementById("filter-hue");
const tag = document.getElementById("filter-tag");
const aa = document.getElementById("filter-aa");
const count = document.getElementById("count");
const empty = document.getElementById("empty");
const preview = document.getElementById("card-preview");
const filtersToggle = document.getElementById("filters-toggle");
const filters = document.getElementById("filters");
// A card near the viewport gets its theme's stylesheet and its light and dark mini previews.
const styles = lazyStyles((card) => {
  const slot = card.querySelector(".card-previews");
  if (slot && !slot.firstElementChild) slot.append(preview.content.cloneNode(true));
});

let items = [];
// What the cards were last filtered by: typing that leaves the words as they were (a space)
// leaves the cards alone.
let applied = "";

function index() {
  applied = "";
  items = Array.from(grid.children, (element) => {
    let tags = [];
    try {
      tags = JSON.parse(element.dataset.tags || "[]");
    } catch {
      tags = [];
    }
    return {
      element,
      text: element.dataset.search || "",
      family: element.dataset.family || "",
      tags,
      grade: element.dataset.grade || "",
    };
  });
}

function apply() {
  const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
  const family = hue.value;
  const wanted = tag.value;
  const passes = aa.checked;
  const state = JSON.stringify([words, family, wanted, passes]);
  if (state === applied) {
    remember();
    return;
  }
  applied = state;
  let shown = 0;
  for (const item of items) {
    const match =
      words.every((word) => item.text.includes(word)) &&
      (!family || item.family === family) &&
      (!wanted || item.tags.includes(wanted)) &&
      (!passes || item.grade === "AA" || item.grade === "AAA");
    if (item.element.hidden === match) item.element.hidden = !match;
    if (match) shown += 1;
  }
  count.textContent =
    shown === items.length ? `${items.length} themes` : `${shown} of ${items.length} themes`;
  empty.hidden = shown > 0;
  const active = [family, wanted, passes].filter(Boolean).length;
  filtersToggle.textContent = active ? `Filters (${active})` : "Filters";
  remember();
}

// On a narrow screen the filters fold behind a button (CSS shows them always on wide ones),
// so that the first cards are on the first screen.
function toggleFilters() {
  const open = filtersToggle.getAttribute("aria-expanded") !== "true";
  filtersToggle.setAttribute("aria-expanded", String(open));
  filters.classList.toggle("is-open", open);
}

function remember() {
  const params = new URLSearchParams();
  if (search.value.trim()) params.set("q", search.value.trim());
  if (hue.value) params.set("hue", hue.value);
  if (tag.value) params.set("tag", tag.value);
  if (aa.checked) params.set("aa", "1");
  const query = params.toString();
  // Only when it changes: a same-document navigation costs a style update of the page.
  if (query === location.search.slice(1)) return;
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
}

function restore() {
  const params = new URLSearchParams(location.search);
  search.value = params.get("q") || "";
  choose(hue, params.get("hue") || "");
  choose(tag, params.get("tag") || "");
  aa.checked = params.get("aa") === "1";
}

function choose(select, value) {
  select.value = Array.from(select.options).some((option) => option.value === value) ? value : "";
}

// Under the server: poll a tiny version file, and when a theme file was added, changed or
// deleted (or a contrast grade arrived) re-read the index and swap the cards in place.
async function refresh() {
  const response = await fetch(`${root}data/version.json`, { cache: "no-store" });
  const { version } = await response.json();
  if (String(version) === document.body.dataset.version) return;
  const page = await fetch(location.pathname, { cache: "no-store" });
  const fresh = new DOMParser().parseFromString(await page.text(), "text/html");
  const cards = fresh.getElementById("cards");
  if (!cards) return;
  for (const id of ["filter-hue", "filter-tag"]) {
    const select = document.getElementById(id);
    const replacement = fresh.getElementById(id);
    if (!replacement) continue;
    const value = select.value;
    select.replaceChildren(
      ...Array.from(replacement.options, (option) => document.importNode(option, true)),
    );
    choose(select, value);
  }
  // Keep the previews already drawn (the same template for every card) to avoid a flicker.
  const drawn = new Map();
  for (const card of grid.children) {
    const slot = card.querySelector(".card-previews");
    if (slot && slot.firstElementChild) drawn.set(card.dataset.slug, slot);
  }
  const freshCards = Array.from(cards.children, (card) => document.importNode(card, true));
  for (const card of freshCards) {
    const old = drawn.get(card.dataset.slug);
    const slot = card.querySelector(".card-previews");
    if (old && slot) slot.replaceChildren(...old.childNodes);
  }
  grid.replaceChildren(...freshCards);
  document.body.dataset.version = fresh.body.dataset.version || String(version);
  index();
  apply();
  styles.observe(grid.children);
}

function poll() {
  setTimeout(async () => {
    if (!document.hidden) {
      try {
        await refresh();
      } catch {
        // the server is restarting or gone: try again later
      }
    }
    poll();
  }, 1500);
}

restore();
index();
apply();
styles.observe(grid.children);
for (const control of [search, hue, tag, aa]) control.addEventListener("input", apply);
hue.addEventListener("change", apply);
tag.addEventListener("change", apply);
aa.addEventListener("change", apply);
filtersToggle.addEventListener("click", toggleFilters);
if (live) poll();
