"""Reading a theme file costs little whatever it holds (issue 15).

``Theme.load`` refuses what is not a regular file without blocking or reading it (a FIFO, a
device, a folder), reads at most its size limit, and bounds nesting, dotted keys, key count
and number length before a parser sees the text: each is a one-line ``ThemeFileError``,
quickly, never a ``RecursionError``, a hang or gigabytes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import livery
from livery.theme.library import entries

ROOT = Path(__file__).resolve().parents[2]


def refused(path: Path | str, match: str) -> str:
    with pytest.raises(livery.ThemeFileError) as caught:
        livery.Theme.load(path)
    message = str(caught.value)
    message.encode("utf-8")
    assert len(message.splitlines()) == 1
    assert match in message, message
    return message


def _load_in_a_child(path: Path) -> subprocess.CompletedProcess[str]:
    """``Theme.load(path)`` in a fresh Python with a deadline: a blocking read fails the test
    instead of hanging the run."""
    code = (
        "import sys, livery\n"
        "try:\n"
        "    livery.Theme.load(sys.argv[1])\n"
        "except livery.ThemeFileError as error:\n"
        "    print(error)\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code, str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )


@pytest.mark.parametrize("suffix", [".toml", ".json"])
def test_theme_load_of_a_fifo_does_not_block(tmp_path: Path, suffix: str) -> None:
    fifo = tmp_path / f"fifo{suffix}"
    os.mkfifo(fifo)
    result = _load_in_a_child(fifo)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        f"{fifo}: is not a regular file (a pipe, device or socket); a theme file is a file"
    )


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_theme_load_of_dev_zero_is_refused_without_reading(device: str) -> None:
    refused(Path(device), "not a regular file")  # (the first load imports what it needs)
    started = time.perf_counter()
    refused(Path(device), "not a regular file")
    assert time.perf_counter() - started < 1


def test_theme_load_of_a_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "a-folder.toml"
    folder.mkdir()
    refused(folder, "is a folder")


def test_a_nul_in_the_path_is_a_theme_file_error() -> None:
    message = refused("the\x00theme.toml", "NUL")
    assert "\x00" not in message


def test_a_file_over_the_limit_is_refused_by_size(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    big.write_text(" " * 1_000_001)
    refused(big, "1.0 MB; a theme file may be at most 1 MB")
    exactly = tmp_path / "exactly.toml"
    exactly.write_text("#" * 999_999 + "\n")
    livery.Theme.load(exactly)


# --- nesting, dotted keys, key count --------------------------------------------------------


def test_a_40_kb_toml_of_20000_dotted_parts_is_refused_fast(tmp_path: Path) -> None:
    path = tmp_path / "dotted.toml"
    path.write_text("a" + ".a" * 20_000 + " = 1\n")
    assert 40_000 <= path.stat().st_size <= 41_000
    refused(path, "a dotted key")  # (the first load imports what it needs)
    started = time.perf_counter()
    refused(path, "a dotted key of more than 32 parts")
    assert time.perf_counter() - started < 1


@pytest.mark.parametrize("opening", ["[", "{ a = "], ids=["arrays", "inline tables"])
def test_30000_deep_toml_is_a_theme_file_error_not_recursion(tmp_path: Path, opening: str) -> None:
    closing = "]" if opening == "[" else "}"
    path = tmp_path / "deep.toml"
    path.write_text("[variables]\nx = " + opening * 30_000 + closing * 30_000 + "\n")
    refused(path, "more than 32 deep")


@pytest.mark.parametrize("opening", ["[", '{"a": '], ids=["arrays", "objects"])
def test_30000_deep_json_is_a_theme_file_error_not_recursion(tmp_path: Path, opening: str) -> None:
    closing = "]" if opening == "[" else "}"
    path = tmp_path / "deep.json"
    path.write_text('{"theme": ' + opening * 30_000 + "1" + closing * 30_000 + "}")
    refused(path, "more than 32 deep")


def test_deep_toml_text_is_refused_by_from_toml_too() -> None:
    with pytest.raises(livery.ThemeFileError, match="more than 32 deep"):
        livery.Theme.from_toml("x = " + "[" * 30_000 + "]" * 30_000, source="t.toml")


def test_too_many_keys_are_refused(tmp_path: Path) -> None:
    toml = tmp_path / "keys.toml"
    toml.write_text("[variables]\n" + "".join(f"k{i} = 1\n" for i in range(10_001)))
    refused(toml, "more than 10,000 keys")
    data = tmp_path / "keys.json"
    data.write_text(json.dumps({f"k{i}": 1 for i in range(10_001)}))
    refused(data, "more than 10,000 keys")


def test_a_json_number_of_5000_digits_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "number.json"
    path.write_text('{"theme": {"block_radius": ' + "1" * 5000 + "}}")
    refused(path, "a number of more than 100 digits")


def test_strings_and_comments_are_not_counted(tmp_path: Path) -> None:
    """Brackets, dots and quotes inside strings and comments are text, not structure."""
    tricky = "[[[[{{{{ a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.a.b.c.d.e.f.g"
    path = tmp_path / "strings.toml"
    path.write_text(
        f"# {tricky}\n"
        "[theme]\n"
        f"name = {json.dumps('x')}  # {tricky}\n"
        f"description = '''{tricky}\n{tricky}'''\n"
        f'author = """ "" {tricky} \\""" """\n'
        f"tags = ['{tricky[:30]}']\n"
    )
    theme = livery.Theme.load(path)
    assert theme.description.startswith("[[[[")
    data = tmp_path / "strings.json"
    data.write_text(json.dumps({"theme": {"name": tricky + '\\"'}}))
    assert livery.Theme.load(data).name == tricky + '\\"'


@pytest.mark.parametrize("text", ['"', '"\\', '"""', "'''", "a = '"], ids=repr)
def test_unclosed_strings_are_scanned_in_linear_time(text: str) -> None:
    body = text + ('\\"' if "'" not in text else "x") * 400_000
    started = time.perf_counter()
    with pytest.raises(livery.ThemeFileError):
        livery.Theme.from_toml(body, source="u.toml")
    assert time.perf_counter() - started < 5


def test_every_library_theme_and_its_gradio_json_still_load(tmp_path: Path) -> None:
    for name, entry in entries().items():
        if entry.path is None:
            continue
        theme = livery.Theme.load(entry.path)
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(theme.to_gradio()))
        assert livery.Theme.load(path).css() == livery.Theme.from_gradio(theme.to_gradio()).css()
        saved = theme.save(tmp_path / f"{name}.toml")
        assert livery.Theme.load(saved) == theme
