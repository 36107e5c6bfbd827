"""Build the project's wheel and sdist with ``python -m build --no-isolation``.

No isolated build environment: that would download hatchling from an index on every build
(slow, and impossible offline). The build backend comes from the environment Livery runs in,
so ``build`` and ``hatchling`` must be installed there; a clear error says so otherwise.
Both are built from the source folder, which already holds the built ``templates/``.

Each build records, in ``.livery/dist.json``, the SHA-256 of the files it wrote and of every
source they were built from (``SOURCES``, hashed just before the build runs). ``publish``
compares contents, not modification times: a file restored with the same bytes (a checkout,
an undo, a copy) leaves ``dist/`` current; one changed byte makes it stale.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from livery._extras import AUTHORING_INSTALL
from livery._files import write_atomic
from livery.component.process import run_tool
from livery.component.project import Project
from livery.errors import BuildError

_TIMEOUT_S = 300
_NEEDED = ("build", "hatchling")
_BUILD = (sys.executable, "-m", "build", "--no-isolation", "--sdist", "--wheel")
_SUCCESS = re.compile(r"Successfully built (.+)$", re.MULTILINE)
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
RECORD = "dist.json"
SOURCES = ("frontend", "backend", "pyproject.toml")
"""What a build turns into ``dist/``: a change to any of it makes ``dist/`` stale."""
_SKIPPED = ("__pycache__", "node_modules")


def build_distributions(project: Project) -> tuple[Path, ...]:
    """Write the wheel and sdist into ``dist/``; return their paths."""
    missing = [name for name in _NEEDED if importlib.util.find_spec(name) is None]
    if missing:
        raise BuildError(
            f"building the wheel needs {' and '.join(missing)} (Livery's authoring tools): "
            f"{AUTHORING_INSTALL}"
        )
    out = project.dist_dir
    sources = source_hashes(project)
    result = run_tool(
        [*_BUILD, "--outdir", str(out), str(project.root)],
        cwd=project.root,
        what="the wheel and sdist build",
        timeout_s=_TIMEOUT_S,
    )
    if result.returncode != 0:
        raise BuildError(f"wheel/sdist build failed: {_reason(result.stderr + result.stdout)}")
    built = _SUCCESS.search(_ANSI.sub("", result.stdout))
    if built is None:
        raise BuildError("wheel/sdist build: python -m build did not say what it built")
    files = tuple(out / name.strip() for name in built.group(1).split(" and "))
    record = {"distributions": _hashes(files, out), "sources": sources}
    write_atomic(project.state_dir / RECORD, json.dumps(record, indent=2) + "\n")
    return files


def recorded_sources(project: Project, files: Iterable[Path]) -> dict[str, str] | None:
    """The source hashes ``files`` (in ``dist/``) were built from, or ``None`` when the
    record is missing or was written for other files (``dist/`` built some other way)."""
    try:
        record = json.loads((project.state_dir / RECORD).read_text(encoding="utf-8"))
        distributions, sources = record["distributions"], record["sources"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    files = tuple(files)
    if not isinstance(sources, dict) or distributions != _hashes(files, project.dist_dir):
        return None
    return sources


def source_hashes(project: Project) -> dict[str, str]:
    """Every source file (relative, with ``/``) and the SHA-256 of its bytes."""
    return _hashes(source_files(project), project.root)


def source_files(project: Project) -> Iterator[Path]:
    """The files of ``SOURCES``, without caches, ``node_modules`` and hidden files."""
    for name in SOURCES:
        top = project.root / name
        if top.is_file():
            yield top
            continue
        for folder, dirs, names in os.walk(top):
            dirs[:] = sorted(d for d in dirs if d not in _SKIPPED and not d.startswith("."))
            for file in sorted(names):
                if not file.startswith("."):
                    yield Path(folder, file)


def _hashes(files: Iterable[Path], base: Path) -> dict[str, str]:
    hashes = {}
    for path in files:
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except FileNotFoundError:  # removed while we looked
            continue
        hashes[path.relative_to(base).as_posix()] = digest
    return hashes


def _reason(output: str) -> str:
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    for line in reversed(lines):
        if line.startswith("ERROR") or "Error" in line:
            return line.removeprefix("ERROR").strip()
    return lines[-1] if lines else "no output"
