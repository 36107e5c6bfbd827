// The builder form and its state: which field an edit changed, writing a whole state back
// into the fields (undo, redo, an address opened), the built theme's values shown beside the
// fields, the filter box, and errors marked on the field that caused them.

const HEX = /^#[0-9a-f]{6}$/i;

/** The edit an input event made: ``{field, apply(state)}``, or ``null`` if the target is
 * not part of the theme (the filter box). */
export function editFrom(form, target) {
  const { dataset } = target;
  if (dataset.field === "name" || dataset.field === "description") {
    return { field: dataset.field, apply: (state) => (state[dataset.field] = target.value) };
  }
  if (dataset.field === "from") {
    return { field: "from", apply: (state) => (state.from = target.value) };
  }
  if (dataset.seedFor) {
    const select = form.querySelector(`select[data-setting="${dataset.seedFor}"]`);
    select.value = "seed";
    return {
      field: dataset.seedFor,
      apply: (state) => (state.settings[dataset.seedFor] = target.value),
    };
  }
  if (dataset.setting) {
    const key = dataset.setting;
    let value = target.value;
    if (value === "seed") value = form.querySelector(`[data-seed-for="${key}"]`).value;
    return {
      field: key,
      apply: (state) => {
        if (value) state.settings[key] = value;
        else delete state.settings[key];
      },
    };
  }
  if (dataset.variable) {
    const key = dataset.variable;
    const value = target.value.trim();
    return {
      field: key,
      apply: (state) => {
        if (value) state.variables[key] = value;
        else delete state.variables[key];
      },
    };
  }
  return null;
}

/** Put ``state`` into every field (values the state leaves alone are shown as placeholders
 * once the theme is built). */
export function writeState(form, state) {
  form.querySelector("#b-from").value = state.from;
  form.querySelector("#b-name").value = state.name;
  form.querySelector("#b-description").value = state.description;
  for (const select of form.querySelectorAll("select[data-setting]")) {
    const key = select.dataset.setting;
    const value = state.settings[key] || "";
    const seed = form.querySelector(`[data-seed-for="${key}"]`);
    const known = [...select.options].some((option) => option.value === value && value !== "seed");
    if (seed && value && !known) {
      select.value = "seed";
      if (HEX.test(value)) seed.value = value.toLowerCase();
    } else {
      select.value = known ? value : "";
    }
  }
  for (const input of form.querySelectorAll("[data-variable]")) {
    const value = state.variables[input.dataset.variable];
    if (input.dataset.shade !== undefined) {
      input.toggleAttribute("data-edited", value !== undefined);
      if (value !== undefined && HEX.test(value)) input.value = value.toLowerCase();
    } else {
      input.value = value || "";
    }
  }
}

/** Show the built theme: each field's value as written (placeholder) and resolved, the
 * "Keep (…)" choices and seed swatches of the base theme, unedited shades' colours. */
export function showBuilt(form, state, data) {
  for (const input of form.querySelectorAll("[data-variable]")) {
    const found = data.values[input.dataset.variable];
    if (!found) continue;
    if (input.dataset.shade !== undefined) {
      if (!(input.dataset.variable in state.variables) && HEX.test(found[1]))
        input.value = found[1];
    } else {
      input.placeholder = found[0];
    }
  }
  for (const output of form.querySelectorAll("output[data-resolved]")) {
    const found = data.values[output.dataset.resolved];
    if (found) output.textContent = found[1];
  }
  for (const select of form.querySelectorAll("select[data-setting]")) {
    const keep = select.querySelector("option[data-keep]");
    const base = data.base[select.dataset.setting];
    if (keep && base) keep.textContent = `Keep (${base})`;
    const seed = form.querySelector(`[data-seed-for="${select.dataset.setting}"]`);
    if (!seed || select.value === "seed") continue;
    const chosen = select.selectedOptions[0];
    const colour = chosen && chosen.dataset.colour;
    seed.value = colour || data.base.seeds[select.dataset.setting] || seed.value;
  }
  form.querySelector("#b-name").placeholder = data.base.name;
  form.querySelector("#b-description").placeholder = data.base.description;
}

/** The seed swatch follows a named hue as soon as it is chosen (before the build). */
export function followHue(form, select) {
  const seed = form.querySelector(`[data-seed-for="${select.dataset.setting}"]`);
  const chosen = select.selectedOptions[0];
  if (seed && chosen && chosen.dataset.colour) seed.value = chosen.dataset.colour;
}

/** The field an error from the server concerns. */
export function fieldFor(form, field) {
  if (!field) return null;
  if (field === "from" || field === "name" || field === "description") {
    return form.querySelector(`#b-${field}`);
  }
  return (
    form.querySelector(`select[data-setting="${CSS.escape(field)}"]`) ||
    form.querySelector(`[data-variable="${CSS.escape(field)}"]`)
  );
}

/** Mark ``input`` as invalid with ``message`` shown right after it (and reachable: its
 * group opened, its row shown even if the filter hid it). */
export function markInvalid(input, message) {
  const id = `err-${(input.dataset.variable || input.dataset.setting || input.id).replace(/[^\w-]/g, "-")}`;
  let note = document.getElementById(id);
  if (!note) {
    note = document.createElement("p");
    note.id = id;
    note.className = "field-error";
    (input.closest(".b-var-mode, .control, .b-shade") || input).after(note);
  }
  note.textContent = message;
  input.setAttribute("aria-invalid", "true");
  const described = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
  if (!described.includes(id)) input.setAttribute("aria-describedby", [...described, id].join(" "));
  reveal(input);
  note.scrollIntoView({ block: "nearest" });
}

/** Make ``element`` reachable: its row and group shown even if the filter hid them, its
 * group opened. */
export function reveal(element) {
  const row = element.closest(".b-var");
  if (row) row.hidden = false;
  const group = element.closest("details");
  if (group) {
    group.hidden = false;
    group.open = true;
  }
}

/** Remove every error mark. */
export function clearInvalid(form) {
  for (const note of form.querySelectorAll(".field-error")) {
    const input = form.querySelector(`[aria-describedby~="${note.id}"]`);
    if (input) {
      input.removeAttribute("aria-invalid");
      const rest = input
        .getAttribute("aria-describedby")
        .split(" ")
        .filter((id) => id !== note.id);
      if (rest.length) input.setAttribute("aria-describedby", rest.join(" "));
      else input.removeAttribute("aria-describedby");
    }
    note.remove();
  }
}

/** Show only the variables whose name contains ``query``; open the groups that have some. */
export function filterVariables(form, query) {
  const needle = query.trim().toLowerCase();
  let shown = 0;
  for (const group of form.querySelectorAll("details.b-group")) {
    let inGroup = 0;
    for (const row of group.querySelectorAll(".b-var")) {
      const match =
        !needle || row.dataset.name.includes(needle) || `${row.dataset.name}_dark`.includes(needle);
      row.hidden = !match;
      if (match) inGroup += 1;
    }
    group.hidden = inGroup === 0;
    if (needle) group.open = inGroup > 0;
    shown += inGroup;
  }
  form.querySelector("#b-filter-none").hidden = shown > 0;
}
