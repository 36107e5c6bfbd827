"""The plugin's naming rules and its promise to load without Playwright, Pillow or pixelmatch."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from livery.testing.plugin import (
    baseline_folder,
    baseline_path,
    results_folder,
    snapshot_name,
)
from livery.testing.session import in_ci


@pytest.mark.parametrize(
    ("name", "stem"), [("button", "button"), ("button.png", "button"), ("dark mode", "dark mode")]
)
def test_snapshot_names(name: str, stem: str) -> None:
    assert snapshot_name(name) == stem


@pytest.mark.parametrize("name", ["", ".png", "../x", "a/b", "a\\b", ".hidden", "a:b"])
def test_snapshot_names_must_be_plain_file_names(name: str) -> None:
    with pytest.raises(ValueError, match="plain file name"):
        snapshot_name(name)


def test_baselines_live_next_to_the_test_file(tmp_path: Path) -> None:
    node = SimpleNamespace(path=tmp_path / "test_ui.py", nodeid="ui/test_ui.py::test_x[dark]")
    assert (
        baseline_path(node, "button") == tmp_path / "__snapshots__" / "test_x[dark]" / "button.png"
    )


def test_folder_names_keep_classes_and_drop_unsafe_characters() -> None:
    assert baseline_folder("t.py::TestCard::test_x[a/b]") == "TestCard.test_x[a_b]"
    assert results_folder("ui/t.py::TestCard::test_x[a:b]") == Path(
        "ui", "t.py", "TestCard", "test_x[a_b]"
    )
    assert results_folder("../t.py::test_x") == Path("_", "t.py", "test_x")


@pytest.mark.parametrize(
    ("value", "expected"),
    [("", False), ("0", False), ("false", False), ("true", True), ("1", True)],
)
def test_ci_detection(monkeypatch: pytest.MonkeyPatch, value: str, expected: bool) -> None:
    monkeypatch.setenv("CI", value)
    assert in_ci() is expected


QUIET = ("-p", "no:cacheprovider", "-p", "no:hypothesispytest", "-p", "no:anyio", "-rA")

BLOCK_EXTRAS = """
import sys
for name in ("playwright", "PIL", "pixelmatch"):
    sys.modules[name] = None  # makes 'import name' raise ImportError, as if not installed
import pytest
raise SystemExit(pytest.main(sys.argv[1:]))
"""


def test_the_plugin_loads_without_the_testing_extras(pytester: pytest.Pytester) -> None:
    """pytest loads the plugin in every run: with the extras missing, plain tests still run and
    only a test that uses a snapshot fixture fails, with the command that fixes it."""
    pytester.makepyfile(
        """
        def test_plain(request):
            assert request.config.pluginmanager.has_plugin("livery")

        def test_snapshot(themed_page):
            pass
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_EXTRAS, *QUIET, "--update-snapshots", str(pytester.path)],
        capture_output=True,
        text=True,
        cwd=pytester.path,
    )
    output = result.stdout + result.stderr
    assert "1 passed, 1 error" in output, output
    assert "pip install 'livery-sdk[authoring]'" in output
