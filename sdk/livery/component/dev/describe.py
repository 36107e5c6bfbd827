"""One line for a mistake in a project's code, as an editor in the project shows it.

The dev server's parent process shortens build messages (``short``); its worker process, which
runs the user's Python, describes whatever that code raised (``describe``): the deepest place
in the project's own files along the exception chain, then ``Type: message``. Both sides use
this module, so a Python error reads the same whichever process saw it.
"""

from __future__ import annotations

import os
import traceback
from pathlib import Path

from livery.component.project import Project
from livery.errors import ComponentError, DemoError


def short(project: Project, line: str) -> str:
    """A message's path relative to the project, as an editor in the project shows it."""
    for prefix in {project.display(project.root), str(project.root)}:
        if prefix not in ("", ".") and line.startswith(prefix + os.sep):
            return line[len(prefix) + 1 :]
    return line


def describe(project: Project, error: BaseException) -> str:
    """``file:line: Type: message`` for an exception from the project's Python code (any
    ``BaseException``: a ``SystemExit`` at import is a mistake like any other)."""
    origin = error
    if isinstance(error, DemoError) and error.__cause__ is not None:
        origin = error.__cause__  # the user's exception, not "demo/app.py raised it"
    lines = str(origin).splitlines()
    text = lines[0] if lines else ""
    if not isinstance(origin, ComponentError):
        text = f"{type(origin).__name__}: {text}" if text else type(origin).__name__
    where = _where(project, origin)
    return f"{where}: {text}" if where else short(project, text)


def _where(project: Project, error: BaseException) -> str:
    """The deepest place in the project's own files along the exception chain."""
    seen: set[int] = set()
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(current)
        current = current.__cause__ or current.__context__
    for link in reversed(chain):  # the original exception first
        if isinstance(link, SyntaxError) and link.filename and link.lineno:
            shown = _inside(project, link.filename)
            if shown:
                return f"{shown}:{link.lineno}"
        for frame in reversed(traceback.extract_tb(link.__traceback__)):
            shown = _inside(project, frame.filename)
            if shown:
                return f"{shown}:{frame.lineno}"
    return ""


def _inside(project: Project, filename: str) -> str | None:
    try:
        relative = Path(filename).resolve().relative_to(project.root)
    except (ValueError, OSError):
        return None
    return relative.as_posix()
