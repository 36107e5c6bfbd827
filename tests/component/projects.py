"""Importing a built project's package the way its tests would, without installing it."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

from livery.component.build import BuildResult


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
