"""``livery component build`` for real: npm, esbuild, libsass, wheel and sdist, and failures."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from livery.component.build import BuildResult, build_project
from livery.component.names import component_names
from livery.component.project import Project
from livery.errors import BuildError, ProjectError
from tests.component.projects import NAMES, TEMPLATES

pytestmark = pytest.mark.build
LIVERY = [sys.executable, "-m", "livery"]


def assets(project: Path) -> dict[str, bytes]:
    folder = Project.find(project).templates_dir
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


@pytest.mark.parametrize("template", TEMPLATES)
def test_every_template_builds(template: str, built: dict[str, BuildResult]) -> None:
    result = built[template]
    names = component_names(NAMES[template])
    assert result.npm == "install"  # first build: creates package-lock.json
    assert (result.project.root / "package-lock.json").is_file()
    assert result.warnings == []
    files = assets(result.project.root)
    assert set(files) == {"index.js", "index.js.map", "style.css"}

    js = files["index.js"].decode()
    assert re.search(r"export\s*\{[^}]*\bas default\b", js), "an ES module with a default export"
    assert "import " not in js.split("//# sourceMappingURL")[0], "bundled: no imports left"
    assert js.count("\n") <= 2, "minified"
    assert js.rstrip().endswith("//# sourceMappingURL=index.js.map")
    source_map = json.loads(files["index.js.map"])
    assert any(
        source.endswith(f"frontend/{result.project.entry.name}") for source in source_map["sources"]
    )
    css = files["style.css"].decode()
    assert css.startswith(f".{names.css_class}") and "var(--" in css and "\n" not in css.strip()

    wheel, sdist = sorted(result.distributions, key=lambda path: path.suffix != ".whl")
    assert wheel.name == f"{names.distribution.replace('-', '_')}-0.1.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as archive:
        listing = archive.namelist()
        assert f"{names.package}/templates/index.js" in listing
        assert f"{names.package}/templates/style.css" in listing
        assert archive.read(f"{names.package}/templates/index.js") == files["index.js"]
        (entry_points,) = [name for name in listing if name.endswith("entry_points.txt")]
        text = archive.read(entry_points).decode()
        assert f"[livery.components]\n{names.package} = {names.package}:{names.class_name}" in text
    with tarfile.open(sdist) as archive:
        members = archive.getnames()
    top = sdist.name.removesuffix(".tar.gz")
    for needed in ("pyproject.toml", "package.json", "package-lock.json", "README.md"):
        assert f"{top}/{needed}" in members
    assert f"{top}/backend/{names.package}/templates/index.js" in members
    assert f"{top}/frontend/{result.project.entry.name}" in members
    assert not any("node_modules" in member or "/.livery" in member for member in members)


@pytest.mark.parametrize("template", TEMPLATES)
def test_generated_unit_tests_pass(template: str, built: dict[str, BuildResult]) -> None:
    """The project's own tests, run as its author runs them: ``pytest tests/test_unit.py``."""
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/test_unit.py", "-q", "-p", "no:cacheprovider"],
        cwd=built[template].project.root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"\d+ passed", result.stdout)


def test_npm_runs_only_when_dependencies_change(text_project: Path) -> None:
    assert build_project(text_project, package=False).npm is None
    package = json.loads((text_project / "package.json").read_text())
    package["description"] = "edited"
    (text_project / "package.json").write_text(json.dumps(package, indent=2))
    assert build_project(text_project, package=False).npm == "install"
    assert build_project(text_project, package=False).npm is None
    lock = text_project / "node_modules" / ".package-lock.json"
    lock.unlink()
    assert build_project(text_project, package=False).npm == "ci"


def test_a_js_syntax_error_is_file_line_col_and_keeps_the_assets(text_project: Path) -> None:
    before = assets(text_project)
    entry = text_project / "frontend" / "index.js"
    lines = entry.read_text().splitlines()
    entry.write_text("\n".join([*lines, "const broken = ;"]) + "\n")
    where = f"{len(lines) + 1}:16"  # columns count from 1: the ';'

    with pytest.raises(BuildError) as caught:
        build_project(text_project)
    (line,) = caught.value.lines
    assert re.fullmatch(rf".*frontend/index\.js:{where}: Unexpected \";\"", line), line
    assert assets(text_project) == before
    package_dir = Project.find(text_project).package_dir
    assert sorted(path.name for path in package_dir.iterdir()) == ["__init__.py", "templates"]

    cli = subprocess.run(
        [*LIVERY, "component", "build", str(text_project)], capture_output=True, text=True
    )
    assert cli.returncode == 1
    errors = [line for line in cli.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and re.search(rf"index\.js:{where}: Unexpected", errors[0])
    assert "Traceback" not in cli.stderr
    assert assets(text_project) == before


def test_an_scss_error_is_file_line_and_keeps_the_assets(text_project: Path) -> None:
    before = assets(text_project)
    style = text_project / "frontend" / "style.scss"
    style.write_text(style.read_text() + "\n.extra {\n  color: $no-such;\n}\n")
    with pytest.raises(BuildError) as caught:
        build_project(text_project)
    (line,) = caught.value.lines
    found = re.fullmatch(r".*frontend/style\.scss:(\d+): Undefined variable: \"\$no-such\"\.", line)
    assert found, line
    assert int(found.group(1)) == len(style.read_text().splitlines()) - 1
    assert assets(text_project) == before


def test_theme_variables_and_unknown_names_in_scss(text_project: Path) -> None:
    style = text_project / "frontend" / "style.scss"
    style.write_text(
        '@import "livery";\n.a { border-color: $primary-500; color: var(--body-text-colour); }\n'
    )
    result = build_project(text_project, package=False)
    (warning,) = result.warnings
    assert re.fullmatch(
        r".*frontend/style\.scss:2: unknown theme variable --body-text-colour.*", warning
    )
    css = (Project.find(text_project).templates_dir / "style.css").read_text()
    assert "border-color:#f97316" in css  # Gradio's default primary-500


def test_css_imported_by_the_javascript_joins_style_css(text_project: Path) -> None:
    (text_project / "frontend" / "extra.css").write_text(
        ".from-js { color: var(--body-text-color); }\n"
    )
    entry = text_project / "frontend" / "index.js"
    entry.write_text('import "./extra.css";\n' + entry.read_text())
    build_project(text_project, package=False)
    files = assets(text_project)
    assert set(files) == {"index.js", "index.js.map", "style.css"}
    css = files["style.css"].decode()
    assert css.index(".from-js") < css.index(".lv-demo-text")


def test_not_a_project_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match=r"no pyproject\.toml"):
        build_project(tmp_path)
    cli = subprocess.run(
        [*LIVERY, "component", "build", str(tmp_path)], capture_output=True, text=True
    )
    assert cli.returncode == 1 and cli.stderr.count("error:") == 1


def test_cli_build_shows_its_steps(text_project: Path) -> None:
    cli = subprocess.run(
        [*LIVERY, "component", "build"], cwd=text_project, capture_output=True, text=True
    )
    assert cli.returncode == 0, cli.stderr
    for step in ("✓ npm dependencies", "up to date", "✓ front end", "✓ wheel and sdist"):
        assert step in cli.stderr
    assert re.search(r"built \. in \d+ ms", cli.stderr)
    assert cli.stdout == ""


def test_component_list_shows_installed_components(site: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(site)}
    cli = subprocess.run(
        [*LIVERY, "component", "list"], capture_output=True, text=True, env=env, timeout=60
    )
    assert cli.returncode == 0, cli.stderr
    for template in TEMPLATES:
        names = component_names(NAMES[template])
        row = next(line for line in cli.stdout.splitlines() if line.startswith(names.package + " "))
        assert row.split() == [
            names.package,
            names.distribution,
            "0.1.0",
            f"{names.package}:{names.class_name}",
        ]


def test_an_installed_component_finds_its_built_assets(site: Path) -> None:
    script = (
        "from livery.component.registry import installed\n"
        "for found in installed():\n"
        "    cls = found.load()\n"
        "    print(found.name, cls.js_path(), len(cls.css()) > 0, cls().state()['label'])\n"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
    )
    lines = result.stdout.splitlines()
    assert len(lines) == len(TEMPLATES)
    for line in lines:
        _, js_path, has_css, _label = line.split(" ")
        assert Path(js_path).is_relative_to(site) and has_css == "True"


def test_scratch_folders_of_killed_builds_never_ship(text_project: Path) -> None:
    package_dir = Project.find(text_project).package_dir
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()  # a process id that no longer runs: a killed build's
    stale = package_dir / f".templates-new-{ended.pid}-0badc0de"
    running = package_dir / f".templates-new-{os.getppid()}-0badf00d"
    for folder in (stale, running):
        folder.mkdir()
        (folder / "index.js").write_text("half a build")

    result = build_project(text_project)
    assert not stale.exists()
    assert running.is_dir()  # it may belong to a build still running next to this one
    wheel = next(path for path in result.distributions if path.suffix == ".whl")
    sdist = next(path for path in result.distributions if path.suffix == ".gz")
    assert not any(".templates-" in name for name in zipfile.ZipFile(wheel).namelist())
    with tarfile.open(sdist) as archive:
        assert not any(".templates-" in name for name in archive.getnames())
