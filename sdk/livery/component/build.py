"""``livery component build``: npm dependencies, bundle, styles, then wheel and sdist.

The steps, each in its own module: ``npm`` (install once, cached by hash), ``bundle``
(esbuild), ``styles`` (libsass through ``livery.theme.css``), ``assets`` (swap ``templates/`` in
atomically) and ``dist`` (``python -m build --no-isolation``). Node.js is looked up only when
a step needs it, so a warm build starts no Node.js process at all.

Progress goes to a ``Reporter`` (the command line shows a rich display); the library itself
prints nothing.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Protocol

from livery._node import Node, find_node
from livery.component import npm
from livery.component.assets import replace_folder
from livery.component.base import CSS_FILE
from livery.component.bundle import bundle
from livery.component.checks import BackendCheck
from livery.component.dist import build_distributions
from livery.component.project import Project
from livery.component.styles import compile_style
from livery.errors import DemoError, DocsError

Note = Callable[[str], None]
"""Sets the one-line result a step shows when it finishes."""


class Reporter(Protocol):
    """Where a build reports its steps and warnings."""

    def step(self, title: str) -> AbstractContextManager[Note]: ...

    def warn(self, message: str) -> None: ...


class _Silent:
    @contextmanager
    def step(self, title: str) -> Iterator[Note]:
        yield lambda text: None

    def warn(self, message: str) -> None:
        pass


@dataclass
class BuildResult:
    """What a build did."""

    project: Project
    npm: str | None = None
    """The npm command that ran (``install``/``ci``), or ``None`` when it was up to date."""
    assets: tuple[Path, ...] = ()
    distributions: tuple[Path, ...] = ()
    warnings: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)


def build_project(
    folder: str | os.PathLike[str] = ".",
    *,
    nodeenv: bool = False,
    package: bool = True,
    reporter: Reporter | None = None,
) -> BuildResult:
    """Build the component project in ``folder``; ``package=False`` stops after the assets."""
    report = reporter or _Silent()
    project = Project.find(folder)
    node = _lazy_node(project, nodeenv)
    if nodeenv:
        node()  # create the nodeenv now: the user asked for it
    result = BuildResult(project)

    with _timed(result, "npm"), report.step("npm dependencies") as note:
        result.npm = npm.install(project, node)
        note(f"npm {result.npm}" if result.npm else "up to date")

    with _timed(result, "assets"), report.step("front end") as note:
        result.assets = build_assets(project, node, result.warnings)
        sizes = ", ".join(f"{path.name} {_size(path)}" for path in result.assets)
        note(f"{project.display(project.templates_dir)}/: {sizes}")
    with _timed(result, "docs"), report.step("docs") as note:
        note(_docs(project, result.warnings))
    for warning in result.warnings:
        report.warn(warning)

    if package:
        with _timed(result, "dist"), report.step("wheel and sdist") as note:
            result.distributions = build_distributions(project)
            note(", ".join(project.display(path) for path in result.distributions))
    return result


def build_assets(
    project: Project, node: Callable[[], Node], warnings: list[str]
) -> tuple[Path, ...]:
    """Check the backend imports, bundle and compile into a new ``templates/`` and swap it in;
    return its files.

    On any error the previous ``templates/`` is left exactly as it was.
    """
    backend = BackendCheck(project)  # imports in its own process while esbuild runs

    def fill(folder: Path) -> tuple[str, ...]:
        bundled = bundle(project, folder, node)
        styles = compile_style(project)
        css = _take_imported_css(folder) + styles.css
        if css:
            (folder / CSS_FILE).write_text(css, encoding="utf-8")
        backend.wait()
        return bundled.warnings + styles.warnings

    try:
        warnings.extend(replace_folder(project.templates_dir, fill, project.state_dir))
    finally:
        backend.close()
    return tuple(sorted(project.templates_dir.iterdir()))


def _docs(project: Project, warnings: list[str]) -> str:
    """Rewrite the docs page and README section before they are packaged. A demo that cannot
    load is a warning, not a failed build: the component itself built."""
    from livery.component.docs import write_docs

    try:
        written = write_docs(project)
    except (DemoError, DocsError) as error:
        warnings.append(f"docs not written: {error}")
        return "skipped"
    return ", ".join(project.display(path) for path in written.written) or "up to date"


def _take_imported_css(folder: Path) -> str:
    """CSS the JavaScript imported (esbuild writes it as ``index.css``): into ``style.css``."""
    imported = folder / "index.css"
    if not imported.is_file():
        return ""
    text = imported.read_text(encoding="utf-8")
    imported.unlink()
    (folder / "index.css.map").unlink(missing_ok=True)
    return text.rstrip("\n") + "\n"


def _lazy_node(project: Project, nodeenv: bool) -> Callable[[], Node]:
    @cache
    def node() -> Node:
        return find_node(project.root, nodeenv=nodeenv)

    return node


@contextmanager
def _timed(result: BuildResult, step: str) -> Iterator[None]:
    started = time.perf_counter()
    try:
        yield
    finally:
        result.seconds[step] = time.perf_counter() - started


def _size(path: Path) -> str:
    size = path.stat().st_size
    return f"{size / 1000:.1f} kB" if size >= 1000 else f"{size} B"
