"""The gallery's ES modules rewritten as classic scripts, for the static site.

Chromium refuses module scripts from ``file://`` (their origin is null and modules need
CORS), so a static site opened from disk would run no script at all: blank previews, a dead
search box. ``livery gallery build`` therefore writes each page script again as one classic
script: every module it imports (``./name.js``, relative) becomes a function that returns its
exports, called once, in dependency order. Only the forms the gallery's own modules use are
understood (``import { a, b as c } from "./x.js"`` and ``export const|let|function|class``);
anything else is a ``GalleryScriptError`` at build time rather than a broken page. Dynamic
``import()`` is left alone (classic scripts may use it). An imported name is read when the
importing module starts (the exports are getters), which is what the gallery's modules need;
a module that reassigns an export later is not seen live by its importers.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from livery.errors import GalleryScriptError

_IMPORT = re.compile(r'^import\s*\{([^}]*)\}\s*from\s*"(\./[^"]+)"\s*;?[ \t]*$', re.MULTILINE)
_OTHER_IMPORT = re.compile(r"^import\b(?!\s*\()|\bimport\.meta\b", re.MULTILINE)
_EXPORT = re.compile(
    r"^export\s+((?:async\s+)?function\*?|const|let|var|class)\s+([A-Za-z_$][\w$]*)", re.MULTILINE
)
_OTHER_EXPORT = re.compile(r"^export\b", re.MULTILINE)
_NAME = re.compile(r"^[A-Za-z_$][\w$]*$")


@dataclass(frozen=True)
class _Module:
    key: str
    """The module's path inside the scripts folder (``common.js``)."""
    body: str
    """Its text without imports and ``export`` keywords."""
    exports: tuple[str, ...]
    imports: tuple[tuple[str, str], ...]
    """(module key, destructuring pattern) for each ``import { … } from``."""


def classic_script(folder: Path, entry: str) -> str:
    """The module ``entry`` (a path inside ``folder``) and what it imports, as one classic
    script."""
    order: list[_Module] = []
    _collect(folder, entry, order, ())
    parts = [
        f"// Written by livery gallery build from {entry} and the modules it imports:",
        "// one classic script, because browsers refuse module scripts from file://.",
        "(() => {",
        '"use strict";',
        "const modules = {};",
    ]
    for module in order:
        params = ", ".join(pattern for _, pattern in module.imports)
        args = ", ".join(f"modules[{_quote(key)}]" for key, _ in module.imports)
        getters = ", ".join(f"get {name}() {{ return {name}; }}" for name in module.exports)
        result = f"return {{ {getters} }};" if module.exports else ""
        parts.append(f"modules[{_quote(module.key)}] = (({params}) => {{")
        parts.append(module.body.rstrip("\n"))
        if result:
            parts.append(result)
        parts.append(f"}})({args});")
    parts.append("})();")
    return "\n".join(parts) + "\n"


def _collect(folder: Path, key: str, order: list[_Module], chain: tuple[str, ...]) -> None:
    """Add ``key`` and its imports to ``order``, imports first."""
    if any(module.key == key for module in order):
        return
    if key in chain:
        raise GalleryScriptError(f"{' → '.join((*chain, key))}: modules import each other")
    path = folder / key
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        where = chain[-1] if chain else "the page"
        raise GalleryScriptError(f"{where} imports {key}, which cannot be read: {error}") from None
    module = _parse(key, text)
    for imported, _ in module.imports:
        _collect(folder, imported, order, (*chain, key))
    order.append(module)


def _parse(key: str, text: str) -> _Module:
    imports = []
    for match in _IMPORT.finditer(text):
        target = posixpath.normpath(posixpath.join(posixpath.dirname(key), match[2]))
        imports.append((target, _pattern(key, match[1])))
    body = _IMPORT.sub(lambda match: "\n" * match[0].count("\n"), text)  # lines kept
    _refuse(key, body, _OTHER_IMPORT, "an import form")
    exports = tuple(match[2] for match in _EXPORT.finditer(body))
    body = _EXPORT.sub(lambda match: f"{match[1]} {match[2]}", body)
    _refuse(key, body, _OTHER_EXPORT, "an export form")
    return _Module(key, body, exports, tuple(imports))


def _pattern(key: str, names: str) -> str:
    """``{ a, b as c }`` as a destructuring pattern ``{ a, b: c }``."""
    items = []
    for item in (part.strip() for part in names.split(",")):
        if not item:
            continue
        name, _, alias = (word.strip() for word in item.partition(" as "))
        if not _NAME.match(name) or (alias and not _NAME.match(alias)):
            raise GalleryScriptError(f"{key}: cannot rewrite the import of {item!r}")
        items.append(f"{name}: {alias}" if alias else name)
    return "{ " + ", ".join(items) + " }"


def _refuse(key: str, body: str, pattern: re.Pattern[str], what: str) -> None:
    match = pattern.search(body)
    if match is not None:
        line = body.count("\n", 0, match.start()) + 1
        raise GalleryScriptError(
            f"{key}:{line}: {what} the static site's classic scripts do not support"
        )


def _quote(key: str) -> str:
    return '"' + key.replace("\\", "\\\\").replace('"', '\\"') + '"'
