"""The export registry: every format, its suffix, and what the reused formats produce."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import livery
from livery.cli.theme import ExportFormat
from livery.errors import ThemeFileError
from livery.theme.formats import FORMATS, export, write_export


def test_the_registry_lists_every_format_with_its_suffix() -> None:
    assert {name: exporter.suffix for name, exporter in FORMATS.items()} == {
        "css": ".css",
        "scss": ".scss",
        "dtcg": ".resolver.json",
        "tailwind": ".css",
        "gradio": ".json",
        "toml": ".toml",
    }
    assert all(name == exporter.name for name, exporter in FORMATS.items())
    assert [member.value for member in ExportFormat] == list(FORMATS)


@pytest.mark.parametrize("format", list(FORMATS))
def test_every_export_is_deterministic_text(format: str) -> None:
    first = export(livery.themes.Citrus(), format)
    second = FORMATS[format](livery.themes.Citrus())
    assert isinstance(first, str) and first == second
    assert first.endswith("\n") and not first.endswith("\n\n\n")
    assert first != export(livery.themes.Ocean(), format)


def test_the_reused_formats_are_what_the_theme_already_writes() -> None:
    theme = livery.themes.Soft()
    assert export(theme, "css") == theme.css()
    assert (
        export(theme, "gradio")
        == json.dumps(theme.to_gradio(), indent=1, ensure_ascii=False) + "\n"
    )
    assert export(theme, "toml") == theme.to_toml()
    assert livery.Theme.from_toml(export(theme, "toml")) == theme


def test_an_unknown_format_names_the_known_ones() -> None:
    with pytest.raises(ValueError, match="css, scss, dtcg, tailwind, gradio, toml"):
        export(livery.themes.Base(), "less")


def test_a_failed_write_is_a_theme_file_error_and_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "theme.scss"
    target.write_text("old")

    def refuse(source: str, destination: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ThemeFileError, match=r"theme\.scss: cannot write the export: Permission"):
        write_export("new", target)
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["theme.scss"]  # no temporary file left


def test_writing_under_a_file_says_so(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("keep")
    with pytest.raises(ThemeFileError, match="blocker is a file, not a folder"):
        write_export("x", blocker / "deeper" / "theme.css")
    assert blocker.read_text() == "keep"
    assert write_export("x", tmp_path / "new" / "theme.css").read_text() == "x"
