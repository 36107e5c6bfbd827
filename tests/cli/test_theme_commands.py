"""``livery theme …`` run as a user runs it: a real process, its output and exit code."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import livery

LIVERY = [sys.executable, "-m", "livery"]


def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None):
    return subprocess.run(
        [*LIVERY, *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=60
    )


def test_help_everywhere() -> None:
    for command in ([], ["theme"], ["theme", "build"], ["theme", "export"], ["theme", "import"]):
        result = run(*command, "--help")
        assert result.returncode == 0, result.stderr
        assert "Usage: " in result.stdout


def test_list_shows_every_builtin() -> None:
    result = run("theme", "list")
    assert result.returncode == 0
    for name in ("base", "default", "soft", "glass", "monochrome", "origin", "citrus", "ocean"):
        assert name in result.stdout
    assert "indigo / indigo / gray" in result.stdout


def test_show_prints_settings_and_overrides() -> None:
    result = run("theme", "show", "soft")
    assert result.returncode == 0
    assert "Soft" in result.stdout and "indigo / indigo / gray" in result.stdout
    assert "background_fill_primary" in result.stdout and "*neutral_50" in result.stdout
    full = run("theme", "show", "soft", "--variables")
    assert full.stdout.count("\n") > 219


def test_build_prints_css_or_writes_a_file(tmp_path: Path) -> None:
    printed = run("theme", "build", "default")
    assert printed.returncode == 0
    assert printed.stdout == livery.themes.Default().css()
    target = tmp_path / "out" / "default.css"
    written = run("theme", "build", "default", "-o", str(target), "--dark", "media", "--minify")
    assert written.returncode == 0, written.stderr
    assert target.read_text() == livery.themes.Default().css(dark="media", minify=True)
    resolved = run("theme", "build", "default", "--resolve")
    assert "var(--" not in resolved.stdout


def test_build_all_writes_every_theme_and_a_summary(tmp_path: Path) -> None:
    result = run("theme", "build", "--all", "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    names = sorted(p.stem for p in tmp_path.glob("*.css"))
    assert names == sorted(livery.theme.library.entries())
    gradio = {"base", "citrus", "default", "glass", "monochrome", "ocean", "origin", "soft"}
    assert gradio < set(names)
    assert "Citrus" in result.stdout and "bytes" in result.stdout
    assert (tmp_path / "soft.css").read_text() == livery.themes.Soft().css()


def test_build_of_a_file_and_a_failed_build_writes_nothing(tmp_path: Path) -> None:
    good = tmp_path / "good.toml"
    livery.themes.Soft(primary_hue="rose").save(good)
    bad = tmp_path / "bad.toml"
    bad.write_text('[variables]\nloader_color = "*nowhere"\n')
    out = tmp_path / "css"
    result = run("theme", "build", str(good), str(bad), "-o", str(out))
    assert result.returncode == 1
    assert not out.exists()
    assert result.stderr.strip().count("\n") == 0
    assert str(bad) in result.stderr and "*nowhere" in result.stderr
    assert "Traceback" not in result.stderr
    assert run("theme", "build", str(good), "-o", str(out / "good.css")).returncode == 0
    assert "--primary-500: #f43f5e;" in (out / "good.css").read_text()


def test_user_errors_are_one_line_and_exit_1(tmp_path: Path) -> None:
    bad = tmp_path / "evil.toml"
    bad.write_text('[variables]\nbody_text_color = "red;} body{display:none"\n')
    for args in (["theme", "show", "nosuch"], ["theme", "build", str(bad)]):
        result = run(*args)
        assert result.returncode == 1
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: ")
        assert "Traceback" not in result.stderr
    assert "did you mean soft" in run("theme", "show", "sofft").stderr
    assert "body_text_color" in run("theme", "build", str(bad)).stderr


def test_usage_errors_exit_2() -> None:
    assert run("theme", "build").returncode == 2
    assert run("theme", "build", "soft", "--dark", "sometimes").returncode == 2
    assert run("theme", "build", "soft", "base").returncode == 2  # several need -o
    assert run("theme", "export", "soft").returncode == 2  # --format is required
    assert run("theme", "frobnicate").returncode == 2


def test_export_and_import_round_trip(tmp_path: Path) -> None:
    gradio_file = tmp_path / "ocean.json"
    assert (
        run("theme", "export", "ocean", "--format", "gradio", "-o", str(gradio_file)).returncode
        == 0
    )
    data = json.loads(gradio_file.read_text())
    assert data["theme"]["primary_500"] == livery.themes.Ocean().literal("primary_500")
    toml_file = tmp_path / "ocean.toml"
    result = run("theme", "import", str(gradio_file), "-o", str(toml_file))
    assert result.returncode == 0, result.stderr
    assert livery.Theme.load(toml_file).css() == livery.themes.Ocean().css()
    printed = run("theme", "export", "ocean", "--format", "toml")
    assert printed.stdout == (livery.theme.library.builtin_dir() / "ocean.toml").read_text()


def test_installed_theme_packages_join_the_library(tmp_path: Path) -> None:
    """A package declaring the ``livery.themes`` entry point shows up (a real dist-info)."""
    site = tmp_path / "site"
    package = site / "acme_themes"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(
        "from pathlib import Path\n"
        "from livery import themes\n"
        "def sunset():\n"
        "    theme = themes.Base(primary_hue='orange')\n"
        "    theme.name = 'Sunset'\n"
        "    return theme\n"
        "DUSK = str(Path(__file__).with_name('dusk.toml'))\n"
        "def broken():\n"
        "    raise RuntimeError('oops')\n"
    )
    livery.themes.Base(primary_hue="purple").save(package / "dusk.toml")
    info = site / "acme_themes-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-themes\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(
        "[livery.themes]\nsunset = acme_themes:sunset\ndusk = acme_themes:DUSK\n"
        "broken = acme_themes:broken\n"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    listing = run("theme", "list", env=env)
    assert listing.returncode == 0, listing.stderr
    assert "sunset" in listing.stdout and "acme-themes" in listing.stdout
    assert "oops" in listing.stdout  # a broken package is shown, not fatal
    built = run("theme", "build", "sunset", env=env)
    assert "--primary-500: #f97316;" in built.stdout
    assert "--primary-500: #a855f7;" in run("theme", "build", "dusk", env=env).stdout
    broken = run("theme", "build", "broken", env=env)
    assert broken.returncode == 1 and "RuntimeError: oops" in broken.stderr


@pytest.mark.parametrize("command", [["--version"]])
def test_version(command: list[str]) -> None:
    assert run(*command).stdout.strip() == f"livery {livery.__version__}"
