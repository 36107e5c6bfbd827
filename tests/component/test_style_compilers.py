"""A component's ``frontend/style.scss`` compiled by the Sass its ``pyproject.toml`` asks for:
``[tool.livery] sass = "dart-sass"`` brings ``@use`` modules and ``sass:`` built-ins."""

from __future__ import annotations

from pathlib import Path

import pytest

from livery.component.project import Project
from livery.component.styles import compile_style
from livery.component.templates import create
from livery.errors import BuildError, ProjectError

MODULE_STYLE = """@use "sass:math";
@use "livery";
.lv-demo-widget { padding: math.div(12px, 4); color: livery.$primary-500; }
"""


def _project(tmp_path: Path, sass: str | None) -> Project:
    root = create("DemoWidget", template="text", directory=tmp_path / "demo").directory
    if sass is not None:
        with (root / "pyproject.toml").open("a", encoding="utf-8") as handle:
            handle.write(f'\n[tool.livery]\nsass = "{sass}"\n')
    (root / "frontend" / "style.scss").write_text(MODULE_STYLE, encoding="utf-8")
    return Project.find(root)


@pytest.mark.usefixtures("node_or_skip")
def test_dart_sass_when_the_project_asks_for_it(tmp_path: Path) -> None:
    styles = compile_style(_project(tmp_path, "dart-sass"))
    assert styles.css == ".lv-demo-widget{padding:3px;color:#f97316}\n"


def test_libsass_by_default_refuses_sass_modules_in_one_line(tmp_path: Path) -> None:
    with pytest.raises(BuildError, match='cannot import "sass:math": libsass has no built-in'):
        compile_style(_project(tmp_path, None))


def test_an_unknown_compiler_names_the_file_and_value(tmp_path: Path) -> None:
    project = _project(tmp_path, "sassc")
    with pytest.raises(ProjectError, match=r"pyproject\.toml: \[tool\.livery\] sass = 'sassc'"):
        compile_style(project)
