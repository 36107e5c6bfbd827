"""``livery component create``: offline scaffolding, safe targets, and --force that keeps files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from livery.component import manifest
from livery.component.templates import create, templates
from livery.errors import TemplateError
from tests.component.projects import TEMPLATES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

LIVERY = [sys.executable, "-m", "livery"]
EVERY_PROJECT_HAS = (
    "pyproject.toml",
    "package.json",
    ".gitignore",
    "README.md",
    "backend/demo_widget/__init__.py",
    "frontend/style.scss",
    "demo/app.py",
    "tests/conftest.py",
    "tests/test_unit.py",
    "tests/test_visual.py",
)


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*LIVERY, *args], capture_output=True, text=True, cwd=cwd, timeout=60)


def test_there_are_the_five_templates_with_descriptions() -> None:
    found = templates()
    assert {"text", "slider", "image", "html", "preact"} <= set(found)
    assert all(template.description for template in found.values())


@pytest.mark.parametrize("template", TEMPLATES)
def test_every_template_creates_a_complete_project(
    template: str, tmp_path: Path, offline: None
) -> None:
    started = time.perf_counter()
    created = create("DemoWidget", template=template, directory=tmp_path / "p")
    assert time.perf_counter() - started < 2.0
    root = created.directory
    for relative in EVERY_PROJECT_HAS:
        assert (root / relative).is_file(), relative
    entries = [path.name for path in (root / "frontend").glob("index.*")]
    assert len(entries) == 1 and entries[0] in ("index.js", "index.jsx", "index.ts", "index.tsx")

    files = [path for path in root.rglob("*") if path.is_file()]
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert "{{" not in text and "{%" not in text, path
        if path.suffix == ".py":
            compile(text, str(path), "exec")
        if path.suffix == ".json":
            json.loads(text)
    assert not any(path.name.endswith(".jinja") or "{{" in str(path) for path in files)

    project = tomllib.loads((root / "pyproject.toml").read_text())
    assert project["project"]["name"] == "livery-sdk-demo-widget"
    assert project["project"]["entry-points"]["livery.components"] == {
        "demo_widget": "demo_widget:DemoWidget"
    }
    assert project["build-system"]["build-backend"] == "hatchling.build"
    assert project["tool"]["hatch"]["build"]["artifacts"] == ["backend/demo_widget/templates/*"]
    package = json.loads((root / "package.json").read_text())
    assert package["name"] == "livery-sdk-demo-widget"
    assert package["devDependencies"]["esbuild"].startswith("~")
    assert set(created.written) == {
        path.relative_to(root).as_posix() for path in files if ".livery" not in path.parts
    }


def test_the_frontend_follows_the_anywidget_convention(tmp_path: Path) -> None:
    for template in TEMPLATES:
        root = create("DemoWidget", template=template, directory=tmp_path / template).directory
        (entry,) = (root / "frontend").glob("index.*")
        source = entry.read_text()
        assert "export default" in source and "render(" in source, template
        assert "model.get(" in source or "model, " in source, template
        scss = (root / "frontend" / "style.scss").read_text()
        assert ".lv-demo-widget" in scss and "var(--" in scss
        assert "#" not in scss.replace("#{", ""), f"{template}: colours come from the theme"


def test_preact_template_uses_jsx_and_declares_preact(tmp_path: Path) -> None:
    root = create("Stars", template="preact", directory=tmp_path / "p").directory
    assert (root / "frontend" / "index.jsx").is_file()
    assert json.loads((root / "package.json").read_text())["dependencies"]["preact"]
    assert json.loads((root / "jsconfig.json").read_text())["compilerOptions"][
        "jsxImportSource"
    ] == ("preact")


def test_default_folder_and_package_name(tmp_path: Path) -> None:
    created = create("MyWidget", package_name="Acme.Widgets", cwd=tmp_path)
    assert created.directory == tmp_path / "my-widget"
    assert created.names.distribution == "acme-widgets"
    assert 'name = "acme-widgets"' in (created.directory / "pyproject.toml").read_text()


@pytest.mark.parametrize("directory", ["../outside", "a/../../outside", "..", "ok/.."])
def test_path_traversal_in_dir_is_refused(directory: str, tmp_path: Path) -> None:
    cwd = tmp_path / "here"
    cwd.mkdir()
    with pytest.raises(TemplateError, match=r"'\.\.' is not allowed"):
        create("MyWidget", directory=directory, cwd=cwd)
    assert list(tmp_path.iterdir()) == [cwd] and not any(cwd.iterdir())


def test_traversal_in_the_name_is_refused(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="not valid"):
        create("../../evil", cwd=tmp_path)
    assert not any(tmp_path.iterdir())


def test_dir_that_is_a_file_or_a_link_is_refused(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(TemplateError, match="is a file"):
        create("MyWidget", directory="file", cwd=tmp_path)
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    with pytest.raises(TemplateError, match="symbolic link"):
        create("MyWidget", directory="link", cwd=tmp_path)
    assert not any((tmp_path / "real").iterdir())


def test_unknown_template(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match=r"unknown template 'vue' \(templates: html, "):
        create("MyWidget", template="vue", cwd=tmp_path)


def test_existing_empty_folder_is_fine_non_empty_is_refused(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    create("MyWidget", directory="empty", cwd=tmp_path)
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "notes.txt").write_text("mine")
    with pytest.raises(TemplateError, match="is not empty; use --force"):
        create("MyWidget", directory="busy", cwd=tmp_path)
    assert [path.name for path in busy.iterdir()] == ["notes.txt"]


def test_force_overwrites_only_what_livery_wrote(tmp_path: Path) -> None:
    root = tmp_path / "p"
    root.mkdir()
    (root / "README.md").write_text("my own readme\n")
    (root / "notes.txt").write_text("mine\n")

    first = create("MyWidget", directory=root, force=True)
    assert first.kept == ("README.md",)
    assert (root / "README.md").read_text() == "my own readme\n"
    assert "README.md" not in manifest.read(root)

    (root / "frontend" / "index.js").unlink()  # deleted: --force brings Livery's back
    (root / "backend" / "my_widget" / "helpers.py").write_text("# mine\n")
    again = create("MyWidget", directory=root, force=True)
    assert "frontend/index.js" in again.written
    assert (root / "frontend" / "index.js").read_text().startswith("/**")
    assert "pyproject.toml" in again.written  # unchanged since Livery wrote it
    assert (root / "README.md").read_text() == "my own readme\n"
    assert (root / "notes.txt").read_text() == "mine\n"
    assert (root / "backend" / "my_widget" / "helpers.py").read_text() == "# mine\n"
    assert again.kept == ("README.md",) and again.edited == ()


def test_force_keeps_a_file_the_user_edited_since_create(tmp_path: Path) -> None:
    """The issue's case: ``create X --force`` overwrote files the user edited (the stored
    hash was never compared)."""
    root = create("MyWidget", directory=tmp_path / "p").directory
    edited = root / "frontend" / "index.js"
    edited.write_text(edited.read_text() + "// my change\n")
    before = edited.read_text()
    again = create("MyWidget", directory=root, force=True)
    assert again.edited == ("frontend/index.js",)
    assert "frontend/index.js" not in again.written
    assert edited.read_text() == before
    assert set(again.written) == set(manifest.read(root)) - {"frontend/index.js"}

    result = run("component", "create", "MyWidget", "--dir", str(root), "--force", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "kept your frontend/index.js (changed since Livery wrote it;" in result.stderr
    assert edited.read_text() == before


def test_force_ignores_a_planted_manifest(tmp_path: Path) -> None:
    """The issue's case: a ``.livery/created.json`` Livery did not write, listing the user's
    README, got the README overwritten."""
    root = tmp_path / "p"
    (root / ".livery").mkdir(parents=True)
    (root / "README.md").write_text("my own readme\n")
    planted = {"template": "text", "files": {"README.md": manifest.digest("something else\n")}}
    (root / ".livery" / "created.json").write_text(json.dumps(planted))
    created = create("MyWidget", directory=root, force=True)
    assert created.edited == ("README.md",)
    assert (root / "README.md").read_text() == "my own readme\n"
    recorded = manifest.read(root)
    assert recorded["README.md"] == planted["files"]["README.md"]  # still not Livery's text
    assert recorded["pyproject.toml"] == manifest.digest((root / "pyproject.toml").read_text())


def test_dir_through_a_linked_parent_writes_only_in_the_folder_it_leads_to(
    tmp_path: Path,
) -> None:
    """The issue's case: ``--dir`` through a symlinked parent wrote outside the folder. The
    path is resolved first; every file lands inside the real project folder and nothing
    beside it, and a link inside that folder leading out is refused."""
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "work").mkdir()
    (tmp_path / "work" / "link").symlink_to(real)
    created = create("MyWidget", directory="link/p", cwd=tmp_path / "work")
    assert created.directory == real / "p"
    assert [path.name for path in real.iterdir()] == ["p"]
    written = sorted(
        path.relative_to(real / "p").as_posix()
        for path in (real / "p").rglob("*")
        if path.is_file()
    )
    assert set(created.written) <= set(written)

    (real / "p" / "frontend").rename(real / "frontend-moved")
    (real / "p" / "frontend").symlink_to(real / "frontend-moved")
    with pytest.raises(TemplateError, match="links outside"):
        create("MyWidget", directory="link/p", cwd=tmp_path / "work", force=True)


def test_force_never_writes_through_a_link_out_of_the_project(tmp_path: Path) -> None:
    root = tmp_path / "p"
    outside = tmp_path / "outside"
    root.mkdir()
    outside.mkdir()
    (root / "frontend").symlink_to(outside)
    with pytest.raises(TemplateError, match="links outside"):
        create("MyWidget", directory=root, force=True)
    assert not any(outside.iterdir())
    assert not (root / "pyproject.toml").exists()  # nothing written at all


def test_force_keeps_a_linked_file_even_if_listed(tmp_path: Path) -> None:
    root = create("MyWidget", directory=tmp_path / "p").directory
    target = tmp_path / "elsewhere.md"
    target.write_text("not yours\n")
    (root / "README.md").unlink()
    (root / "README.md").symlink_to(target)
    created = create("MyWidget", directory=root, force=True)
    assert "README.md" in created.kept
    assert target.read_text() == "not yours\n"


def test_a_file_in_the_way_of_a_folder_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "p"
    root.mkdir()
    (root / "backend").write_text("a file")
    with pytest.raises(TemplateError, match="a file is in the way"):
        create("MyWidget", directory=root, force=True)


def test_cli_create_templates_and_errors(tmp_path: Path) -> None:
    result = run("component", "create", "MyWidget", "--template", "slider", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "created MyWidget (livery-sdk-my-widget, template slider) in my-widget/" in result.stderr
    assert (tmp_path / "my-widget" / "backend" / "my_widget" / "__init__.py").is_file()

    again = run("component", "create", "MyWidget", cwd=tmp_path)
    assert again.returncode == 1
    assert again.stderr.startswith("error: ") and again.stderr.count("\n") == 1
    assert "not empty" in again.stderr and "Traceback" not in again.stderr

    bad = run("component", "create", "my-widget", "--dir", "x", cwd=tmp_path)
    assert bad.returncode == 1 and "not valid" in bad.stderr

    unknown = run("component", "create", "Other", "--template", "vue", cwd=tmp_path)
    assert unknown.returncode == 2 and "unknown template 'vue'" in unknown.stderr

    listing = run("component", "templates", cwd=tmp_path)
    assert listing.returncode == 0
    for name, template in templates().items():
        assert name in listing.stdout
        assert template.description[:40] in listing.stdout

    for command in (["component"], ["component", "create"], ["component", "build"]):
        assert run(*command, "--help", cwd=tmp_path).returncode == 0


def test_manifest_records_what_was_written(tmp_path: Path) -> None:
    created = create("MyWidget", directory=tmp_path / "p")
    recorded = manifest.read(created.directory)
    assert set(recorded) == set(created.written)
    text = (created.directory / "pyproject.toml").read_text()
    assert recorded["pyproject.toml"] == manifest.digest(text)
    data = json.loads((created.directory / ".livery" / "created.json").read_text())
    assert data["template"] == "text"


def test_created_files_are_not_private(tmp_path: Path) -> None:
    created = create("MyWidget", directory=tmp_path / "p")
    mode = os.stat(created.directory / "pyproject.toml").st_mode & 0o777
    assert mode & 0o044, oct(mode)
