"""Helpers for the custom-CSS tests: a theme, and stylesheets written to a temporary folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from livery import themes
from livery.theme.model import Theme


@pytest.fixture
def theme() -> Theme:
    return themes.Default()


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """``write("styles/app.scss", text)`` creates the file under ``tmp_path``, returns its path."""

    def _write(relative: str, text: str) -> Path:
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return _write
