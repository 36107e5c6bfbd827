"""``livery component docs``: a component's reference, as a static page and a README section.

The reference is read from the class (``reference``), then written as ``docs/index.html``
(``page``) and as a section of ``README.md`` (``markdown``). This module writes the two files:
both only after both were made (a failure leaves the previous ones), and deterministically, so
re-running changes nothing.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from livery._files import write_atomic
from livery.component.docs.markdown import END, README, START, readme_section, with_section
from livery.component.docs.page import PAGE, docs_page
from livery.component.docs.reference import readable_type
from livery.component.names import DISTRIBUTION_NAME
from livery.component.project import Project
from livery.errors import DocsError

__all__ = [
    "END",
    "START",
    "DocsResult",
    "docs_page",
    "readable_type",
    "readme_section",
    "with_section",
    "write_docs",
]

_IMPORTS = threading.Lock()
"""Held while a project's code is imported: ``sys.path`` and ``sys.modules`` are global."""


@dataclass(frozen=True)
class DocsResult:
    """The files ``write_docs`` made and which of them changed."""

    project: Project
    page: Path
    readme: Path
    written: tuple[Path, ...]
    """The files whose content changed (an unchanged file is not rewritten)."""


def write_docs(project: Project, theme: str = "default") -> DocsResult:
    """Write ``docs/index.html`` and the README section of ``project`` from its class and
    ``demo/app.py``. No network and no Node: fast enough to run after every build.

    ``DemoError``/``AssetsMissingError`` for a demo that cannot be shown, ``DocsError`` for a
    README whose markers are broken; nothing is written then.
    """
    from livery.component.playground.demo import load_demo

    distribution = _distribution(project)
    page_path = project.root / PAGE
    readme_path = project.root / README
    with _own_imports(project.package):
        demo = load_demo(project.root)
        page = docs_page(demo.component, demo.stories, theme, distribution=distribution)
        section = readme_section(demo.component, demo.stories, distribution=distribution)
    readme = with_section(_read(readme_path, project), section, project.display(readme_path))
    written = []
    for path, text in ((page_path, page), (readme_path, readme)):
        if not path.is_file() or _read(path, project) != text:
            write_atomic(path, text)
            written.append(path)
    return DocsResult(project, page_path, readme_path, tuple(written))


@contextmanager
def _own_imports(package: str) -> Iterator[None]:
    """Load a project's code as the playground does, then put ``sys.path`` and ``package``'s
    modules back, one project at a time: a build may load another copy of the package next
    (the playground keeps them; docs run no handler later)."""
    names = (package, f"_livery_demo_{package}")

    def loaded() -> list[str]:
        return [name for name in sys.modules if name in names or name.startswith(package + ".")]

    with _IMPORTS:
        path = list(sys.path)
        saved = {name: sys.modules[name] for name in loaded()}
        try:
            yield
        finally:
            sys.path[:] = path
            for name in loaded():
                del sys.modules[name]
            sys.modules.update(saved)


def _read(path: Path, project: Project) -> str:
    """A file's text exactly as stored (line endings included), "" if it is missing."""
    try:
        return path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return ""
    except (OSError, UnicodeDecodeError) as error:
        raise DocsError(f"{project.display(path)}: cannot read it: {error}") from None


def _distribution(project: Project) -> str | None:
    name = project.metadata().get("name")
    if name is None:
        return None
    if not isinstance(name, str) or not DISTRIBUTION_NAME.match(name):
        shown = project.display(project.pyproject)
        raise DocsError(f"{shown}: [project] name {name!r} is not a valid name")
    return name
