"""A component project on disk: where its front end, package and build outputs are.

The layout is the one the templates create::

    pyproject.toml  package.json  frontend/index.(js|ts|jsx|tsx)  frontend/style.scss
    backend/<package>/__init__.py  backend/<package>/templates/  dist/  .livery/

Build, dev and publish all start from ``Project.find(folder)``, which checks that layout and
says exactly what is missing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from livery.component.base import TEMPLATES_FOLDER
from livery.css import COMPILERS, Compiler
from livery.errors import ProjectError

ENTRY_SUFFIXES = (".js", ".ts", ".jsx", ".tsx")
STATE_FOLDER = ".livery"


@dataclass(frozen=True)
class Project:
    """A component project's paths."""

    root: Path
    package: str
    """The import package under ``backend/``."""
    entry: Path
    """``frontend/index.<js|ts|jsx|tsx>``."""
    style: Path | None
    """``frontend/style.scss`` (or ``.css``/``.sass``), if the component has one."""

    @classmethod
    def find(cls, folder: str | os.PathLike[str] = ".") -> Project:
        root = Path(folder).resolve()
        if not root.is_dir():
            raise ProjectError(f"{folder}: no such folder")
        if not (root / "pyproject.toml").is_file():
            raise ProjectError(f"{folder}: no pyproject.toml; is this a component project?")
        if not (root / "package.json").is_file():
            raise ProjectError(f"{folder}: no package.json for the front end's dependencies")
        return cls(root, _package(root, folder), _entry(root, folder), _style(root))

    @property
    def package_dir(self) -> Path:
        return self.root / "backend" / self.package

    @property
    def templates_dir(self) -> Path:
        """Where the built ``index.js`` and ``style.css`` go (replaced whole by each build)."""
        return self.package_dir / TEMPLATES_FOLDER

    @property
    def state_dir(self) -> Path:
        """Livery's own files in the project (caches, the create manifest)."""
        return self.root / STATE_FOLDER

    @property
    def pyproject(self) -> Path:
        return self.root / "pyproject.toml"

    @property
    def dist_dir(self) -> Path:
        return self.root / "dist"

    def metadata(self) -> dict[str, Any]:
        """The ``[project]`` table of ``pyproject.toml``, read now (a build may change it);
        ``ProjectError`` naming the file when it cannot be read."""
        table = self._pyproject_data().get("project", {})
        return table if isinstance(table, dict) else {}

    def sass_compiler(self) -> Compiler:
        """Which Sass compiles ``frontend/style.scss``: ``[tool.livery] sass`` in
        ``pyproject.toml``, ``"libsass"`` (the default) or ``"dart-sass"``."""
        tool = self._pyproject_data().get("tool", {})
        table = tool.get("livery", {}) if isinstance(tool, dict) else {}
        value = table.get("sass", "libsass") if isinstance(table, dict) else "libsass"
        if value not in COMPILERS:
            raise ProjectError(
                f"{self.display(self.pyproject)}: [tool.livery] sass = {str(value)[:40]!r} "
                f"is not one of {', '.join(COMPILERS)}"
            )
        return value  # type: ignore[no-any-return]

    def _pyproject_data(self) -> dict[str, Any]:
        try:
            import tomllib
        except ModuleNotFoundError:  # Python 3.10
            import tomli as tomllib

        try:
            return tomllib.loads(self.pyproject.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise ProjectError(f"{self.display(self.pyproject)}: cannot read it: {error}") from None

    def display(self, path: Path) -> str:
        """``path`` as messages show it: relative to the working folder when inside it."""
        try:
            return os.path.relpath(path)
        except ValueError:  # another drive on Windows
            return str(path)


def _package(root: Path, folder: str | os.PathLike[str]) -> str:
    backend = root / "backend"
    found = sorted(
        child.name
        for child in (backend.iterdir() if backend.is_dir() else ())
        if (child / "__init__.py").is_file()
    )
    if len(found) != 1:
        what = "no package" if not found else f"several packages ({', '.join(found)})"
        raise ProjectError(f"{folder}: backend/ holds {what}; a component project has exactly one")
    return found[0]


def _entry(root: Path, folder: str | os.PathLike[str]) -> Path:
    found = [root / "frontend" / f"index{suffix}" for suffix in ENTRY_SUFFIXES]
    found = [path for path in found if path.is_file()]
    if len(found) != 1:
        names = ", ".join(f"index{suffix}" for suffix in ENTRY_SUFFIXES)
        what = "none" if not found else ", ".join(path.name for path in found)
        raise ProjectError(f"{folder}: frontend/ needs exactly one of {names} (found {what})")
    return found[0]


def _style(root: Path) -> Path | None:
    for suffix in (".scss", ".sass", ".css"):
        path = root / "frontend" / f"style{suffix}"
        if path.is_file():
            return path
    return None
