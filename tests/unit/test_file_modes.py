"""Files and folders Livery writes get the permissions ``open()`` and ``mkdir`` would give:
what the umask leaves (0644 and 0755 under the usual 022), and a rewritten file keeps its own.
Each case runs in a process of its own with the umask set, as a user's shell sets it.
"""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

import pytest

LIVERY = (sys.executable, "-m", "livery")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def run(args: list[str], cwd: Path, umask: int) -> None:
    result = subprocess.run(args, cwd=cwd, umask=umask, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr


def python(code: str, cwd: Path, umask: int) -> None:
    run([sys.executable, "-c", code], cwd, umask)


@pytest.mark.parametrize(("umask", "expected"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_file_gets_what_the_umask_leaves(tmp_path: Path, umask: int, expected: int) -> None:
    python("from livery._files import write_atomic; write_atomic('out.css', 'x')", tmp_path, umask)
    assert mode(tmp_path / "out.css") == expected
    assert [path.name for path in tmp_path.iterdir()] == ["out.css"]  # no temporary file left


def test_a_rewritten_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.css"
    target.write_text("old")
    target.chmod(0o640)
    code = "from livery._files import write_atomic; write_atomic('out.css', 'new')"
    python(code, tmp_path, 0o022)
    assert mode(target) == 0o640 and target.read_text() == "new"


@pytest.mark.parametrize(
    "command",
    [
        ["theme", "build", "soft", "-o", "out.css"],
        ["theme", "export", "soft", "--format", "dtcg", "-o", "out.json"],
        ["theme", "export", "soft", "--format", "gradio", "-o", "out.json"],
    ],
)
def test_the_commands_write_readable_files(tmp_path: Path, command: list[str]) -> None:
    run([*LIVERY, *command], tmp_path, 0o022)
    assert mode(tmp_path / command[-1]) == 0o644


def test_theme_save_writes_a_readable_file(tmp_path: Path) -> None:
    python("import livery; livery.Theme.load('soft').save('soft.toml')", tmp_path, 0o022)
    assert mode(tmp_path / "soft.toml") == 0o644


def test_a_replaced_folder_is_readable(tmp_path: Path) -> None:
    code = (
        "from pathlib import Path\n"
        "from livery.component.assets import replace_folder\n"
        "fill = lambda folder: (folder / 'index.js').write_text('export default {}')\n"
        "replace_folder(Path('templates'), fill, Path('.livery'))\n"
        "replace_folder(Path('templates'), fill, Path('.livery'))\n"  # swaps out the first
    )
    python(code, tmp_path, 0o022)
    assert mode(tmp_path / "templates") == 0o755
    assert sorted(path.name for path in tmp_path.iterdir()) == [".livery", "templates"]
    assert list((tmp_path / ".livery").iterdir()) == []  # no scratch left


def test_the_static_gallery_is_readable_by_a_web_server(tmp_path: Path) -> None:
    run([*LIVERY, "gallery", "build", "-o", "site"], tmp_path, 0o022)
    site = tmp_path / "site"
    assert mode(site) == 0o755
    assert mode(site / "index.html") == 0o644
    folders = [path for path in site.rglob("*") if path.is_dir()]
    assert folders and all(mode(folder) == 0o755 for folder in folders)
