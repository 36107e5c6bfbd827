"""Real npm packages for the tests that drive real consumers (Style Dictionary, Terrazzo,
Tailwind's CLI, create-anywidget's React template), installed from the npm registry.

``npm_folder`` writes ``package.json`` (and any other files) into a folder under pytest's
cache and runs Livery's own ``npm install`` step there, which runs npm again only when
``package.json`` changed: a warm run starts no npm at all.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from livery._node import find_node
from livery.component.npm import install
from livery.component.project import Project


def npm_folder(
    folder: Path,
    name: str,
    dependencies: Mapping[str, str],
    files: Mapping[str, str] | None = None,
    *,
    module: bool = False,
) -> Path:
    """``folder`` with ``dependencies`` installed and ``files`` (name → text) written next
    to them; ``module``: its ``.js`` files are ES modules (``"type": "module"``)."""
    folder.mkdir(parents=True, exist_ok=True)
    package: dict[str, object] = {"name": name, "private": True}
    if module:
        package["type"] = "module"
    package["dependencies"] = dict(dependencies)
    write_if_changed(folder / "package.json", json.dumps(package, indent=2) + "\n")
    for relative, text in (files or {}).items():
        write_if_changed(folder / relative, text)
    install(Project(folder, name.replace("-", "_"), folder / "package.json", None), find_node)
    return folder


def write_if_changed(path: Path, text: str) -> None:
    """Write ``text`` unless ``path`` already holds it (keeps npm's stamp and mtimes)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
