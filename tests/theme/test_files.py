"""TOML theme files and Gradio JSON: round trips, metadata, and bad files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import livery
from livery import themes
from livery.theme.library import builtin_dir


def _custom_theme() -> livery.Theme:
    theme = themes.Base(
        primary_hue=themes.Color(*[f"#10{i:02x}20" for i in range(11)], name="brand"),
        text_size=themes.Size("9px", "10px", "12px", "15px", "18px", "22px", "26px"),
        font=[themes.GoogleFont("Inter", weights=[400, 700]), "system-ui", "sans-serif"],
    ).set(button_primary_text_color="#fefefe", loader_color_dark="*secondary_300")
    theme.name, theme.description = "Brand", 'Our "house" look — with ünïcode'
    theme.tags, theme.author = ("brand", "dark-friendly"), "Ada"
    return theme


@pytest.mark.parametrize("name", sorted(p.stem for p in builtin_dir().glob("*.toml")))
def test_builtin_files_round_trip_exactly(name: str, tmp_path: Path) -> None:
    theme = livery.Theme.load(name)
    saved = theme.save(tmp_path / f"{name}.toml")
    assert saved.read_text() == (builtin_dir() / f"{name}.toml").read_text()
    assert livery.Theme.load(saved) == theme


def test_custom_theme_round_trips_with_metadata(tmp_path: Path) -> None:
    theme = _custom_theme()
    path = theme.save(tmp_path / "brand.toml")
    loaded = livery.Theme.load(path)
    assert loaded == theme
    assert loaded.description == 'Our "house" look — with ünïcode'
    assert loaded.tags == ("brand", "dark-friendly")
    assert loaded.css() == theme.css()
    assert loaded.save(tmp_path / "again.toml").read_text() == path.read_text()


def test_gradio_json_round_trip(tmp_path: Path) -> None:
    theme = _custom_theme()
    path = tmp_path / "brand.json"
    path.write_text(json.dumps(theme.to_gradio()))
    imported = livery.Theme.from_gradio(path)
    assert imported.css() == theme.css()
    assert imported.overrides == theme.overrides
    assert livery.Theme.load(path).css() == theme.css()


def test_save_failure_leaves_the_previous_file(tmp_path: Path) -> None:
    path = themes.Soft().save(tmp_path / "mine.toml")
    before = path.read_text()
    # A child process may write at most 1 kB per file, so the save fails half-way through.
    script = f"""
import resource, signal
from livery import themes
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))
themes.Citrus().save({str(path)!r})
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 1
    assert f"ThemeFileError: {path}: cannot write the file: File too large" in result.stderr
    assert path.read_text() == before
    assert [p.name for p in tmp_path.iterdir()] == ["mine.toml"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[theme\nname = 1", "not valid TOML"),
        ("[colours]\nx = 1", "unknown section [colours]"),
        ("[settings]\nprimary = 'red'", "[settings] has no key 'primary'"),
        ("[settings]\nprimary_hue = 'bleu'", "did you mean blue"),
        ("[variables]\nloader_color = 'red; }'", "loader_color = 'red; }'"),
        ("[variables]\nloader_colour = 'red'", "did you mean loader_color"),
        ("[variables]\nloader_color = 5.5", "loader_color"),
        ("[theme]\ntags = [1]", "tag"),
        ("variables = 3", "[variables] must be a table"),
    ],
)
def test_bad_files_name_the_file_and_the_problem(text: str, message: str, tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text)
    with pytest.raises(livery.ThemeError) as caught:
        livery.Theme.load(path)
    assert str(path) in str(caught.value)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_huge_and_binary_files_are_refused(tmp_path: Path) -> None:
    huge = tmp_path / "huge.toml"
    huge.write_text("# " + "x" * 10_000_000)
    with pytest.raises(livery.ThemeFileError, match=r"10\.0 MB"):
        livery.Theme.load(huge)
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(livery.ThemeFileError, match="not UTF-8"):
        livery.Theme.load(binary)
    with pytest.raises(livery.ThemeFileError, match="cannot read"):
        livery.Theme.load(tmp_path / "missing.toml")


def test_reference_errors_in_files_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "loop.toml"
    path.write_text('[variables]\nloader_color = "*slider_color"\nslider_color = "*loader_color"\n')
    with pytest.raises(livery.ThemeReferenceError) as caught:
        livery.Theme.load(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert "loader_color → slider_color → loader_color" in str(caught.value)


def test_gradio_import_refuses_unknown_variables(tmp_path: Path) -> None:
    with pytest.raises(livery.ThemeFileError, match="'button_glow' is not a Gradio 6 theme"):
        livery.Theme.from_gradio({"theme": {"button_glow": "red"}})
    bad = tmp_path / "bad.json"
    bad.write_text("{nope")
    with pytest.raises(livery.ThemeFileError, match="not valid JSON"):
        livery.Theme.from_gradio(bad)
