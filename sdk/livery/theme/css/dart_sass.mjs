// Livery's Dart Sass runner: one compile, request as JSON on stdin, answer as JSON on stdout.
//
// The request carries every file the stylesheet may import (its folder's partials, read and
// checked by Livery) and the text of the "livery" module. The importer below loads only those
// texts: Dart Sass is given no load paths and never touches the file system itself.
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(path.join(process.argv[2], "package.json"));
const sass = require("sass");

const FILE = "livery-file:///";
const MODULE = "livery:module";
const SUFFIXES = [".scss", ".sass", ".css"];

let input = "";
for await (const chunk of process.stdin) input += chunk;
const request = JSON.parse(input);
const files = new Map(Object.entries(request.files));

function candidates(target) {
  const folder = path.posix.dirname(target);
  const stem = path.posix.basename(target);
  const join = (name) => (folder === "." ? name : `${folder}/${name}`);
  if (SUFFIXES.some((suffix) => stem.toLowerCase().endsWith(suffix))) {
    return [target, join(`_${stem}`)];
  }
  const found = [];
  for (const suffix of SUFFIXES) found.push(join(stem + suffix), join(`_${stem}${suffix}`));
  return [...found, `${target}/_index.scss`, `${target}/index.scss`];
}

function relativeTo(context) {
  const url = context && context.containingUrl;
  if (url && url.href.startsWith(FILE)) return path.posix.dirname(decodeURI(url.pathname.slice(1)));
  return path.posix.dirname(request.entry);
}

const importer = {
  canonicalize(url, context) {
    if (url === "livery") return new URL(MODULE);
    let target;
    if (url.startsWith(FILE)) {
      target = decodeURI(url.slice(FILE.length));
    } else if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(url) || url.startsWith("/") || url.includes("\\")) {
      throw new Error(
        `cannot import "${url}": only "livery" and partials in the stylesheet's folder can be imported`,
      );
    } else {
      target = path.posix.join(relativeTo(context), url);
    }
    target = path.posix.normalize(target);
    if (target === ".." || target.startsWith("../")) {
      throw new Error(`cannot import "${url}": it is outside the stylesheet's folder`);
    }
    for (const candidate of candidates(target)) {
      if (files.has(candidate)) return new URL(FILE + encodeURI(candidate));
    }
    if (url.startsWith(FILE)) return null;
    throw new Error(`cannot import "${url}": no such partial next to the stylesheet`);
  },
  load(canonical) {
    if (canonical.href === MODULE) return { contents: request.livery, syntax: "scss" };
    const name = decodeURI(canonical.pathname.slice(1));
    const syntax = name.endsWith(".sass") ? "indented" : name.endsWith(".css") ? "css" : "scss";
    return { contents: files.get(name), syntax };
  },
};

const warnings = [];
const where = (span) =>
  span && span.url ? { url: span.url.href, line: span.start.line + 1 } : { url: null, line: null };
const logger = {
  warn(message, options) {
    warnings.push({ message, deprecation: Boolean(options.deprecation), ...where(options.span) });
  },
  debug() {},
};

let answer;
try {
  const result = sass.compileString(request.text, {
    url: new URL(FILE + encodeURI(request.entry)),
    syntax: request.indented ? "indented" : "scss",
    importer,
    importers: [importer],
    style: request.minify ? "compressed" : "expanded",
    logger,
    charset: false,
  });
  const loaded = result.loadedUrls
    .filter((url) => url.href.startsWith(FILE))
    .map((url) => decodeURI(url.pathname.slice(1)));
  answer = { css: result.css, loaded, warnings };
} catch (error) {
  const reason = (error.sassMessage || String(error.message || error)).split("\n")[0];
  answer = { error: { reason, ...where(error.span) }, warnings };
}
process.stdout.write(JSON.stringify(answer));
