"""What a build checks beyond "esbuild and libsass succeeded": the mistakes users ship.

- **The backend imports.** The package is imported in a fresh Python (``python -m
  livery.component.checks``) with the project's ``backend/`` first on ``sys.path``, and every
  class the ``livery.components`` entry point names must be a ``livery.Component`` subclass.
  A subprocess rather than an import here: the build's own process (a dev server, a test
  session, a notebook) may already hold an older copy of the package in ``sys.modules`` that
  would hide the error, and whatever the package does at import time stays out of Livery's
  process. It runs while esbuild bundles, so it costs little wall time. A failure is one line,
  ``backend/pkg/__init__.py:12: SyntaxError: invalid syntax``.
- **The bundle has the front-end contract's exports**: ``default`` (``{ render }``, or a
  function returning it) or a named ``render``, read from esbuild's metafile without running
  the module.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import traceback
from pathlib import Path
from typing import Any

from livery.component.project import Project
from livery.component.registry import ENTRY_POINT_GROUP
from livery.errors import BuildError

_TIMEOUT_S = 120
_CONTRACT = "a component needs export default { render } or export function render"


def check_exports(metafile: dict[str, Any], project: Project) -> None:
    """Raise ``BuildError`` unless the entry's bundle exports ``default`` or ``render``."""
    entry = project.entry.relative_to(project.root).as_posix()
    outputs = metafile.get("outputs", {})
    exports = next(
        (out.get("exports", []) for out in outputs.values() if out.get("entryPoint") == entry),
        None,
    )
    if exports is None:
        raise BuildError(f"esbuild's metafile does not describe the bundle of {entry}")
    if "default" in exports or "render" in exports:
        return
    shown = project.display(project.entry)
    found = f"only {', '.join(repr(name) for name in sorted(exports))}" if exports else "nothing"
    raise BuildError(f"{shown} exports {found}; {_CONTRACT}")


class BackendCheck:
    """The backend import running in a subprocess; ``wait()`` raises what it found."""

    def __init__(self, project: Project) -> None:
        self.project = project
        env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONIOENCODING": "utf-8"}
        command = [sys.executable, "-m", "livery.component.checks", str(project.root)]
        command += [project.package, *(f"{k}={v}" for k, v in entry_points(project).items())]
        self._process = subprocess.Popen(
            command,
            cwd=project.root,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,  # the package's own prints and warnings
            text=True,
        )

    def wait(self) -> None:
        """Wait for the import; ``BuildError`` (one line, ``file:line: Type: message``)."""
        try:
            output, _ = self._process.communicate(timeout=_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self.close()
            package = self.project.package
            raise BuildError(f"importing backend/{package} took over {_TIMEOUT_S} s") from None
        lines = output.strip().splitlines()
        try:
            report = json.loads(lines[-1])
        except (IndexError, ValueError):
            code = self._process.returncode
            report = {"problem": f"importing backend/{self.project.package} exited ({code})"}
        if "problem" in report:
            raise BuildError(self._line(report))

    def close(self) -> None:
        """Stop the check (the build failed before it was needed)."""
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        if self._process.stdout is not None:
            self._process.stdout.close()

    def _line(self, report: dict[str, Any]) -> str:
        file = report.get("file")
        if file is None:
            return report["problem"]
        where = self.project.display(Path(file))
        if report.get("line"):
            where += f":{report['line']}"
        return f"{where}: {report['problem']}"


def entry_points(project: Project) -> dict[str, str]:
    """The project's ``livery.components`` entry points (name → ``module:Class``)."""
    table = project.metadata().get("entry-points", {}).get(ENTRY_POINT_GROUP, {})
    return {str(name): str(value) for name, value in table.items()}


# The child: ``python -m livery.component.checks ROOT PACKAGE [NAME=module:Class ...]``.


def _inspect(root: Path, package: str, points: list[str]) -> dict[str, Any]:
    import importlib

    from livery.component.base import Component

    sys.path.insert(0, str(root / "backend"))
    try:
        importlib.import_module(package)
        for point in points:
            name, _, target = point.partition("=")
            module_name, _, attribute = target.partition(":")
            module = importlib.import_module(module_name.strip())
            where = f'the {ENTRY_POINT_GROUP} entry point {name} = "{target}"'
            found: object = module
            for part in attribute.strip().split(".") if attribute.strip() else ():
                if not hasattr(found, part):
                    problem = f"{where}: {module_name} has no attribute {part!r}"
                    return {"problem": problem, "file": str(root / "pyproject.toml")}
                found = getattr(found, part)
            if not (isinstance(found, type) and issubclass(found, Component)):
                kind = found.__name__ if isinstance(found, type) else type(found).__name__
                problem = f"{where} names {kind}, not a livery.Component subclass"
                return {"problem": problem, "file": str(root / "pyproject.toml")}
    except SyntaxError as error:
        return {
            "problem": f"{type(error).__name__}: {error.msg}",
            "file": error.filename,
            "line": error.lineno,
        }
    except BaseException as error:  # whatever the user's import raised
        return _located(error, root)
    return {}


def _located(error: BaseException, root: Path) -> dict[str, Any]:
    """The error at the deepest frame inside ``backend/`` (its first line of message)."""
    message = next(iter(str(error).splitlines()), "")
    report: dict[str, Any] = {
        "problem": f"{type(error).__name__}: {message}" if message else type(error).__name__
    }
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        path = Path(frame.filename)
        if path.is_absolute() and path.resolve().is_relative_to(root / "backend"):
            report.update(file=str(path), line=frame.lineno)
            break
    return report


def _main(argv: list[str]) -> None:
    root, package, *points = argv
    out = sys.stdout
    sys.stdout = sys.stderr  # what the package prints must not mix with the report
    report = _inspect(Path(root).resolve(), package, points)
    out.write(json.dumps(report) + "\n")
    out.flush()


if __name__ == "__main__":
    _main(sys.argv[1:])
