// The builder's state: what the person changed, as the request the server builds
// ({from, name, description, settings, variables}), its canonical text (the ?s= of the page's
// own address and of every /api/build.* URL), and the undo/redo history of edits.

/** A state with no edits on top of ``base``. */
export function emptyState(base) {
  return { from: base, name: "", description: "", settings: {}, variables: {} };
}

export function cloneState(state) {
  return {
    from: state.from,
    name: state.name,
    description: state.description,
    settings: { ...state.settings },
    variables: { ...state.variables },
  };
}

/** How many things differ from the base theme. */
export function editCount(state) {
  return (
    Object.keys(state.settings).length +
    Object.keys(state.variables).length +
    (state.name.trim() ? 1 : 0) +
    (state.description.trim() ? 1 : 0)
  );
}

function sorted(table) {
  const out = {};
  for (const key of Object.keys(table).sort()) {
    const value = String(table[key]).trim();
    if (value) out[key] = value;
  }
  return out;
}

/** The request the server builds: empty fields left out, keys sorted (the server's
 * canonical form, so the same edits always give the same address). */
export function toRequest(state) {
  const request = { from: state.from };
  if (state.name.trim()) request.name = state.name.trim();
  if (state.description.trim()) request.description = state.description;
  const settings = sorted(state.settings);
  if (Object.keys(settings).length) request.settings = settings;
  const variables = sorted(state.variables);
  if (Object.keys(variables).length) request.variables = variables;
  return request;
}

export function canonical(state) {
  return JSON.stringify(toRequest(state));
}

function textTable(value) {
  const table = {};
  if (!value || typeof value !== "object" || Array.isArray(value)) return table;
  for (const [key, item] of Object.entries(value)) if (typeof item === "string") table[key] = item;
  return table;
}

/** A state from the ``s=`` of an address (``null`` when it is not one). */
export function parseState(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!data || typeof data !== "object" || typeof data.from !== "string") return null;
  return {
    from: data.from,
    name: typeof data.name === "string" ? data.name : "",
    description: typeof data.description === "string" ? data.description : "",
    settings: textTable(data.settings),
    variables: textTable(data.variables),
  };
}

/** The page's address for ``state``: ``?from=`` (so the server renders the right base at
 * once) and, when anything is edited, ``&s=`` with every edit. */
export function addressFor(state) {
  const params = new URLSearchParams({ from: state.from });
  if (editCount(state)) params.set("s", canonical(state));
  return `${location.pathname}?${params}`;
}

/** Undo and redo over states. Edits of the same field in quick succession (typing a value)
 * are one step. */
export class History {
  constructor(state, mergeMs = 1000) {
    this.states = [cloneState(state)];
    this.index = 0;
    this.mergeMs = mergeMs;
    this.lastField = null;
    this.lastTime = 0;
  }

  get current() {
    return cloneState(this.states[this.index]);
  }

  record(state, field) {
    const now = Date.now();
    const merge = field !== null && field === this.lastField && now - this.lastTime < this.mergeMs;
    if (merge && this.index > 0) {
      this.states[this.index] = cloneState(state);
    } else {
      this.states.splice(this.index + 1);
      this.states.push(cloneState(state));
      this.index = this.states.length - 1;
    }
    this.lastField = field;
    this.lastTime = now;
  }

  canUndo() {
    return this.index > 0;
  }

  canRedo() {
    return this.index < this.states.length - 1;
  }

  undo() {
    if (this.canUndo()) this.index -= 1;
    this.lastField = null;
    return this.current;
  }

  redo() {
    if (this.canRedo()) this.index += 1;
    this.lastField = null;
    return this.current;
  }
}
