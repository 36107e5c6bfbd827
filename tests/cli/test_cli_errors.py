"""Issue 15: the command line prints strangers' text escaped, and every bad path as one line.

Each case runs ``livery`` as a user does (a real process): a theme named with terminal
escapes, ``-o`` naming a folder or a path under a file, ``create --dir`` where the system
will not make a folder, names that shadow installed packages. The answer is one ``error:``
line (exit 1) naming the path and the reason, never a traceback, and no control character
reaches the terminal raw.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from livery.component.templates import create
from livery.errors import TemplateError

LIVERY = [sys.executable, "-m", "livery"]
CONTROLS = [chr(code) for code in (*range(0, 9), *range(11, 32), *range(0x7F, 0xA0))]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*LIVERY, *args], capture_output=True, text=True, cwd=cwd, timeout=120)


def one_error(result: subprocess.CompletedProcess[str]) -> str:
    """The single error line of a failed command (and that it failed that way)."""
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return lines[0].removeprefix("error: ")


def no_raw_controls(text: str) -> None:
    assert not [char for char in text if char in CONTROLS], repr(text)


@pytest.fixture
def evil_theme(tmp_path: Path) -> Path:
    path = tmp_path / "evil.toml"
    path.write_text(
        '[theme]\nname = "\\u001b]0;pwned\\u0007"\ndescription = "over\\rwritten \\u009b31m"\n'
        'author = "\\u001b[2J"\n'
    )
    return path


def test_theme_show_refuses_a_name_made_of_terminal_escapes(evil_theme: Path) -> None:
    """The theme is refused where it enters (metadata holds no control characters), and the
    error quoting the name prints its escapes as text."""
    result = run("theme", "show", str(evil_theme))
    no_raw_controls(result.stdout + result.stderr)
    message = one_error(result)
    assert "\\x1b]0;pwned\\x07" in message
    assert "name" in message and "control character U+001B" in message


def test_an_error_naming_a_path_with_controls_is_escaped(tmp_path: Path) -> None:
    message = one_error(run("theme", "show", str(tmp_path / "a\x1b[31mb.toml")))
    no_raw_controls(message)
    assert "a\\x1b[31mb.toml" in message


@pytest.fixture
def paths(tmp_path: Path) -> dict[str, Path]:
    (tmp_path / "folder").mkdir()
    (tmp_path / "file").write_text("not a folder\n")
    (tmp_path / "style.css").write_text("a { color: var(--body-text-color); }\n")
    (tmp_path / "gradio.json").write_text('{"theme": {}}\n')
    return {
        "folder": tmp_path / "folder",
        "under_file": tmp_path / "file" / "x.css",
        "file": tmp_path / "file",
        "style": tmp_path / "style.css",
        "gradio": tmp_path / "gradio.json",
    }


@pytest.mark.parametrize(
    "command",
    [
        ["theme", "build", "default"],
        ["theme", "export", "default", "-f", "css"],
        ["theme", "export", "default", "-f", "toml"],
        ["theme", "check", "default", "--fix"],
        ["css", "build", "{style}"],
    ],
    ids=["theme_build", "theme_export_css", "theme_export_toml", "theme_check_fix", "css_build"],
)
@pytest.mark.parametrize("where", ["folder", "under_file"])
def test_an_output_that_cannot_be_a_file_is_one_line(
    command: list[str], where: str, paths: dict[str, Path]
) -> None:
    args = [part.format(style=paths["style"]) for part in command]
    target = paths[where]
    message = one_error(run(*args, "-o", str(target)))
    assert str(target) in message
    reason = "a folder" if where == "folder" else "is a file, not a folder"
    assert reason in message or "Is a directory" in message
    assert paths["file"].read_text() == "not a folder\n"  # nothing written over it
    assert list(paths["folder"].iterdir()) == []


def test_several_themes_into_a_file_is_one_line(paths: dict[str, Path]) -> None:
    message = one_error(run("theme", "build", "default", "soft", "-o", str(paths["file"])))
    assert message == f"-o {paths['file']}: is a file; name a folder to write into"
    assert paths["file"].read_text() == "not a folder\n"


def test_theme_import_into_a_folder_is_one_line(paths: dict[str, Path]) -> None:
    message = one_error(run("theme", "import", str(paths["gradio"]), "-o", str(paths["folder"])))
    assert message == f"-o {paths['folder']}: is a folder; name the file to write"


@pytest.mark.parametrize("folder", ["/proc/x", "/proc/self/x/y"])
def test_create_where_the_system_makes_no_folder_is_one_line(folder: str, tmp_path: Path) -> None:
    message = one_error(run("component", "create", "MyWidget", "--dir", folder, cwd=tmp_path))
    assert message.startswith(f"cannot create the project in {folder}: ")


def test_create_under_a_file_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "notes").write_text("mine\n")
    message = one_error(
        run("component", "create", "MyWidget", "--dir", "notes/widget", cwd=tmp_path)
    )
    assert message.startswith("cannot create the project in notes/widget: Not a directory")
    assert (tmp_path / "notes").read_text() == "mine\n"


def test_a_nul_in_the_folder_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(TemplateError) as caught:
        create("MyWidget", directory="my\x00widget", cwd=tmp_path)
    assert str(caught.value) == "--dir 'my\\x00widget' is not a folder name"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["Pydantic", "Numpy", "Starlette", "Pytest", "Playwright"])
def test_create_refuses_a_name_an_installed_package_has(name: str, tmp_path: Path) -> None:
    message = one_error(run("component", "create", name, cwd=tmp_path))
    package = name.lower()
    assert f"makes the package '{package}', which the installed distribution" in message
    assert f"(e.g. gradio_{package} or livery_{package})" in message
    assert list(tmp_path.iterdir()) == []
