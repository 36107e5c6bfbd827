"""Compile a custom stylesheet with Dart Sass, the maintained Sass, when asked.

libsass (the default) is deprecated upstream and knows neither ``@use`` modules nor ``sass:``
built-ins; Dart Sass does. It runs on Node: the npm package ``sass`` (pinned) is installed
once into Livery's cache, and each compile is one ``node`` process with a time limit
(``LIVERY_SASS_TIMEOUT``, as for libsass).

Imports stay inside the stylesheet's folder as they do with libsass, by construction: Livery
reads the folder's partials itself (the same size limits, no link leading out) and hands their
texts to the runner (``dart_sass.mjs``), whose importer loads only those texts and the
``livery`` module. Dart Sass gets no load path and never opens a file.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any, Final
from urllib.parse import unquote

from livery._cache import cache_root
from livery._node import Node, find_node
from livery.errors import CssFileError, CssImportError, NodeNotFoundError, ScssError
from livery.theme.css.sandbox import timeout_s
from livery.theme.css.scss import Compiled, refuse_url_imports
from livery.theme.css.source import MAX_BYTES, SUFFIXES, Source, read

VERSION: Final = "1.108.2"
"""The npm ``sass`` release Livery runs (the one its tests compile with)."""
MAX_FILES: Final = 500
MAX_TOTAL_BYTES: Final = 8 * MAX_BYTES
_RUNNER: Final = Path(__file__).with_name("dart_sass.mjs")
_FILE: Final = "livery-file:///"
_INSTALL_TIMEOUT_S: Final = 300


def compile_dart(source: Source, livery: str, *, minify: bool = False) -> Compiled:
    """Dart Sass's CSS for ``source``, with ``livery`` as the ``livery`` module.

    Raises ``ScssError`` (``CssImportError`` for a refused import) naming the user's file and
    line, as the libsass path does.
    """
    entry = Path(source.name).name if source.folder is not None else "stylesheet.scss"
    files = _partials(source) if source.folder is not None else {}
    files[entry] = source.text
    for relative, text in files.items():
        refuse_url_imports(text, _shown(source, relative))
    node = _node(source.name)
    request = {
        "entry": entry,
        "text": source.text,
        "indented": source.indented,
        "files": files,
        "livery": livery,
        "minify": minify,
    }
    answer = _run(node, installed(node), request, source.name)
    notes = tuple(_note(source, warning) for warning in answer.get("warnings", ()))
    if "error" in answer:
        raise _error(source, answer["error"])
    read_files = {source.name: source.text}
    for relative in answer["loaded"]:
        if relative != entry:
            read_files[_shown(source, relative)] = files[relative]
    return Compiled(answer["css"], read_files, notes)


def installed(node: Node) -> Path:
    """The folder holding the pinned npm ``sass``, installed on first use (atomically: a
    failed install leaves nothing half-written)."""
    folder = cache_root() / f"dart-sass-{VERSION}"
    if (folder / "node_modules" / "sass" / "package.json").is_file():
        return folder
    folder.parent.mkdir(parents=True, exist_ok=True)
    scratch = folder.with_name(f".{folder.name}-{os.getpid()}")
    scratch.mkdir(exist_ok=True)
    package = {"name": "livery-dart-sass", "private": True, "dependencies": {"sass": VERSION}}
    (scratch / "package.json").write_text(json.dumps(package), encoding="utf-8")
    command = [*node.npm, "install", "--no-audit", "--no-fund", "--ignore-scripts"]
    try:
        done = subprocess.run(
            command,
            cwd=scratch,
            env=node.env(),
            capture_output=True,
            text=True,
            timeout=_INSTALL_TIMEOUT_S,
        )
    except subprocess.TimeoutExpired:
        done = None
    if done is None or done.returncode != 0:
        reason = "timed out" if done is None else _last_line(done.stderr)
        raise ScssError(f"could not install Dart Sass (npm sass {VERSION}): {reason}")
    try:
        scratch.rename(folder)
    except OSError:  # another process installed it first
        shutil.rmtree(scratch, ignore_errors=True)
    return folder


def _node(name: str) -> Node:
    try:
        return find_node()
    except NodeNotFoundError as error:
        raise ScssError(f"Dart Sass needs Node.js: {error}", file=name) from None


def _partials(source: Source) -> dict[str, str]:
    """Every stylesheet under the source's folder, by path relative to it (POSIX), read
    with the usual limits; links that lead out of the folder are left out."""
    assert source.folder is not None
    root = source.folder
    found: dict[str, str] = {}
    total = 0
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = sorted(
            d for d in subfolders if not d.startswith(".") and d != "node_modules"
        )
        for name in sorted(names):
            path = Path(folder) / name
            if not name.lower().endswith(SUFFIXES) or not _inside(path.resolve(), root):
                continue
            relative = path.relative_to(root).as_posix()
            if len(found) >= MAX_FILES:
                raise CssFileError(
                    f"the stylesheet's folder holds over {MAX_FILES} stylesheets: keep the "
                    "stylesheet and its partials in a folder of their own",
                    file=source.name,
                )
            text = read(path, _shown(source, relative))
            total += len(text)
            if total > MAX_TOTAL_BYTES:
                raise CssFileError(
                    "the stylesheets in its folder are over 8 MB together", file=source.name
                )
            found[relative] = text
    return found


def _run(node: Node, folder: Path, request: dict[str, Any], name: str) -> dict[str, Any]:
    limit = timeout_s()
    try:
        done = subprocess.run(
            [str(node.executable), str(_RUNNER), str(folder)],
            input=json.dumps(request),
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=limit,
            env=node.env(),
        )
    except subprocess.TimeoutExpired:
        raise ScssError(
            f"Sass did not finish within {limit:g} s (an endless @while or @for loop?); "
            "set LIVERY_SASS_TIMEOUT to allow longer",
            file=name,
        ) from None
    if done.returncode != 0 or not done.stdout:
        reason = _last_line(done.stderr) or f"exit status {done.returncode}"
        raise ScssError(f"Dart Sass crashed: {reason}", file=name)
    return json.loads(done.stdout)


def _error(source: Source, data: dict[str, Any]) -> ScssError:
    reason = str(data["reason"]).strip()
    file = _file_of(source, data.get("url")) or source.name
    kind = CssImportError if reason.startswith("cannot import") else ScssError
    return kind(reason, file=file, line=data.get("line"))


def _note(source: Source, warning: dict[str, Any]) -> str:
    file = _file_of(source, warning.get("url")) or source.name
    line = warning.get("line")
    where = f"{file}:{line}" if line else file
    kind = "deprecation" if warning.get("deprecation") else "warning"
    return f"{where}: Dart Sass {kind}: {str(warning['message']).strip().splitlines()[0]}"


def _file_of(source: Source, url: object) -> str | None:
    if not isinstance(url, str):
        return None
    if url == "livery:module":
        return "livery"
    if url.startswith(_FILE):
        return _shown(source, unquote(url.removeprefix(_FILE)))
    return None


def _shown(source: Source, relative: str) -> str:
    """How messages name a file of the folder: next to the stylesheet, as it was given."""
    if source.folder is None:
        return source.name
    return os.path.join(os.path.dirname(source.name), *relative.split("/"))


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def _last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1].strip()[:300] if lines else ""
