// Every text colour the kitchen sink paints and the opaque colour behind it, as Chromium
// computes them: the element's own text (and an empty field's placeholder), the background
// found by compositing ancestors' background colours until an opaque one. Elements under a
// background image (gradients) are left out: the audit measures those at their worst stop.
() => {
  const parse = (text) => {
    const match = text.match(/rgba?\(([^)]+)\)/);
    if (!match) return null;
    const parts = match[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return { r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1 };
  };
  const over = (top, under) => {
    const alpha = top.a + under.a * (1 - top.a);
    const mix = (t, u) => (t * top.a + u * under.a * (1 - top.a)) / alpha;
    return { r: mix(top.r, under.r), g: mix(top.g, under.g), b: mix(top.b, under.b), a: alpha };
  };
  const background = (element) => {
    const layers = [];
    for (let node = element; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.backgroundImage !== "none") return null;
      const colour = parse(style.backgroundColor);
      if (colour && colour.a > 0) layers.push(colour);
      if (colour && colour.a >= 1) break;
    }
    let result = { r: 255, g: 255, b: 255, a: 1 };
    for (const layer of layers.reverse()) result = over(layer, result);
    return result;
  };
  const rgb = (c) => [c.r, c.g, c.b].map(Math.round);
  const name = (el) => el.tagName.toLowerCase() + [...el.classList].map((c) => "." + c).join("");
  const found = [];
  for (const el of document.querySelectorAll(".lv-ks *")) {
    if (el.closest("[disabled], [aria-disabled='true'], [hidden]") || !el.getClientRects().length)
      continue;
    const style = getComputedStyle(el);
    if (style.visibility === "hidden" || Number(style.opacity) === 0) continue;
    const bg = background(el);
    if (!bg) continue;
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (own) {
      const fg = over(parse(style.color), bg);
      found.push({ element: name(el), text: el.textContent.trim().slice(0, 40),
                   fg: rgb(fg), bg: rgb(bg), placeholder: false });
    }
    if ((el.tagName === "INPUT" || el.tagName === "TEXTAREA") && el.placeholder && !el.value) {
      const fg = over(parse(getComputedStyle(el, "::placeholder").color), bg);
      found.push({ element: name(el), text: el.placeholder.slice(0, 40),
                   fg: rgb(fg), bg: rgb(bg), placeholder: true });
    }
  }
  return found;
};
