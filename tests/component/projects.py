"""Every template as a built project, for tests in any folder: the names each is created
as, building them all (``build_all``, behind the session fixture ``built`` in
``tests/conftest.py``), installing their wheels, and importing a built package without
installing it."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import ModuleType

from livery.component.build import BuildResult, build_project
from livery.component.templates import create, templates

TEMPLATES = tuple(templates())
NAMES = {name: f"Demo{name.capitalize()}" for name in TEMPLATES}
"""The component each template is built as (``DemoText`` → package ``demo_text``)."""
PIP_INSTALL = (sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-index")


def build_all(root: Path) -> dict[str, BuildResult]:
    """Every template created under ``root`` and fully built (npm, bundle, styles, wheel,
    sdist), three at a time."""

    def build(template: str) -> BuildResult:
        folder = root / template
        create(NAMES[template], template=template, directory=folder)
        return build_project(folder)

    with ThreadPoolExecutor(max_workers=3) as pool:
        return dict(zip(TEMPLATES, pool.map(build, TEMPLATES)))


def install_wheels(built: dict[str, BuildResult], target: Path) -> Path:
    """Every built wheel installed with ``pip install --no-deps --target`` (a PYTHONPATH)."""
    wheels = [
        path for result in built.values() for path in result.distributions if path.suffix == ".whl"
    ]
    subprocess.run(
        [*PIP_INSTALL, "--target", str(target), *map(str, wheels)],
        check=True,
        capture_output=True,
    )
    return target


def import_built(result: BuildResult, prefix: str) -> ModuleType:
    """A built project's package imported from its backend/ as ``<prefix><package>`` (this
    project's copy, whatever else of that name is imported)."""
    project = result.project
    spec = importlib.util.spec_from_file_location(
        f"{prefix}{project.package}", project.package_dir / "__init__.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # the class finds its built assets through its module
    spec.loader.exec_module(module)
    return module
