"""Install a project's npm dependencies once, and again only when they change.

The hashes of ``package.json`` and ``package-lock.json`` after the last successful install are
kept in ``.livery/npm.json``; while they match and ``node_modules`` is there, a build does not
start npm at all (and so needs no Node.js). Otherwise:

- no lockfile yet → ``npm install`` (creates it);
- ``package.json`` edited since the last install → ``npm install`` (updates the lockfile);
- anything else (fresh clone, lockfile changed, ``node_modules`` gone) → ``npm ci``.

npm runs with ``--prefer-offline``: packages already in npm's cache are not fetched again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable

from livery._files import write_atomic
from livery._node import Node
from livery.component.process import run_tool
from livery.component.project import Project
from livery.errors import BuildError, NodeNotFoundError

STAMP = "npm.json"
FLAGS = ("--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error")
_TIMEOUT_S = 600


def plan(project: Project) -> str | None:
    """The npm command a build needs (``"install"`` or ``"ci"``), or ``None`` if up to date."""
    lock = project.root / "package-lock.json"
    stamp = _read_stamp(project)
    current = _hashes(project)
    installed = (project.root / "node_modules" / ".package-lock.json").is_file()
    if not lock.is_file():
        return "install"
    if stamp.get("package.json") not in (None, current["package.json"]):
        return "install"
    if stamp == current and installed:
        return None
    return "ci"


def install(project: Project, node: Callable[[], Node]) -> str | None:
    """Bring ``node_modules`` up to date; return the command run (``None`` if none was needed).

    ``node`` is only called when npm must run, so a warm build needs no Node.js lookup.
    """
    command = plan(project)
    if command is None:
        return None
    found = node()
    if not found.npm:
        raise NodeNotFoundError(
            f"found Node.js {found.version_text} at {found.executable} but no npm next to it"
        )
    result = run_tool(
        [*found.npm, command, *FLAGS],
        cwd=project.root,
        what=f"npm {command}",
        timeout_s=_TIMEOUT_S,
        env=found.env(),
    )
    if result.returncode != 0:
        reason = _reason(result.stderr + result.stdout) or f"exit status {result.returncode}"
        raise BuildError(f"npm {command} failed: {reason}")
    _write_stamp(project, _hashes(project))
    return command


def _hashes(project: Project) -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for name in ("package.json", "package-lock.json"):
        path = project.root / name
        found[name] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
    return found


def _read_stamp(project: Project) -> dict[str, str | None]:
    try:
        data = json.loads((project.state_dir / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_stamp(project: Project, hashes: dict[str, str | None]) -> None:
    write_atomic(project.state_dir / STAMP, json.dumps(hashes, indent=2) + "\n")


def _reason(output: str) -> str:
    """npm's error, on one line: the ``npm error`` lines that say something, joined."""
    said: list[str] = []
    for line in output.splitlines():
        text = line.removeprefix("npm error").removeprefix("npm ERR!").strip()
        if not text or text.startswith(("code ", "errno ", "A complete log", "Log files")):
            continue
        if "/_logs/" in text:
            continue
        said.append(text)
    return "; ".join(said[:3])
