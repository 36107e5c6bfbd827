"""Load a component project's ``demo/app.py``: the component class and its stories.

The playground shows the project's own code, not a copy installed elsewhere: ``backend/`` goes
first on ``sys.path`` (and stays there, since handlers may import lazily), and a package of the
same name imported from another folder is forgotten first. ``demo/app.py`` is a script, not a
module of the package, so it is executed from its path under a private module name.

Everything a user can get wrong — no demo file, an exception in it, no ``component`` or
``stories``, two stories with one slug, a story whose props the component refuses, a front end
never built — is a ``DemoError`` with one line, raised when the playground starts rather than
when a browser first asks. ``load_demo`` can be called again to pick up edits (the dev server).
"""

from __future__ import annotations

import importlib.util
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from livery.component.base import Component
from livery.component.project import Project
from livery.component.story import Story
from livery.errors import ComponentError, DemoError

DEMO_FILE = Path("demo") / "app.py"


@dataclass(frozen=True)
class Demo:
    """A project's component and its stories, checked (``project`` is ``None`` for an
    installed component, see ``installed``)."""

    project: Project | None
    component: type[Component]
    stories: tuple[Story, ...]

    @property
    def package(self) -> str:
        """The import package the component comes from."""
        if self.project is not None:
            return self.project.package
        return self.component.__module__.split(".", 1)[0]

    def story(self, slug: str) -> Story | None:
        """The story with this slug, or ``None``."""
        return next((story for story in self.stories if story.slug == slug), None)

    @property
    def js_path(self) -> Path:
        return self.component.js_path()

    @property
    def css_path(self) -> Path | None:
        return self.component.css_path()


def load_demo(folder: str | os.PathLike[str] = ".") -> Demo:
    """The demo of the component project in ``folder`` (``DemoError`` if it is unusable)."""
    project = Project.find(folder)
    path = project.root / DEMO_FILE
    shown = project.display(path)
    if not path.is_file():
        raise DemoError(f"{shown} is missing: it defines component and stories")
    _use_backend(project)
    module = _execute(path, project.package, shown)

    component = getattr(module, "component", None)
    if not (isinstance(component, type) and issubclass(component, Component)):
        raise DemoError(f"{shown}: 'component' must be the livery.Component subclass to show")
    stories = getattr(module, "stories", None)
    if not isinstance(stories, (list, tuple)) or not stories:
        raise DemoError(f"{shown}: 'stories' must be a non-empty list of Story")
    seen: set[str] = set()
    for story in stories:
        if not isinstance(story, Story):
            raise DemoError(f"{shown}: 'stories' holds {type(story).__name__}, not Story")
        if story.slug in seen:
            raise DemoError(f"{shown}: two stories are named like {story.name!r}")
        seen.add(story.slug)
        try:
            story.instance(component)
        except ComponentError as error:
            raise DemoError(f"{shown}: story {story.name!r}: {error}") from None
    component.js_path()  # AssetsMissingError: build first
    return Demo(project, component, tuple(stories))


def _use_backend(project: Project) -> None:
    backend = str(project.root / "backend")
    if backend in sys.path:
        sys.path.remove(backend)
    sys.path.insert(0, backend)
    _forget(project.package)


def _forget(package: str) -> None:
    """Drop the package and its submodules so the next import reads ``backend/`` afresh."""
    for name in [name for name in sys.modules if name == package or name.startswith(package + ".")]:
        del sys.modules[name]


def _execute(path: Path, package: str, shown: str) -> ModuleType:
    name = f"_livery_demo_{package}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise DemoError(f"{shown}: cannot be loaded as Python")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses and pickling look the module up by name
    try:
        spec.loader.exec_module(module)
    except Exception as error:
        sys.modules.pop(name, None)
        reason = next(iter(str(error).splitlines()), "")
        raise DemoError(
            f"{shown}: {type(error).__name__}" + (f": {reason}" if reason else "")
        ) from error
    return module
