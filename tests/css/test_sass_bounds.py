"""Stylesheets are programs: one that never ends, nests imports thousands deep or names a
pipe or a device must cost a one-line error, never a hang or a crash of the caller."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from livery.css import CssFileError, CssImportError, ScssError, build_custom
from livery.theme.css.scss import MAX_IMPORT_DEPTH
from livery.theme.model import Theme

ENDLESS = "$i: 0;\n@while true { $i: $i + 1; }\n.a { b: c; }\n"


def test_an_endless_loop_stops_at_the_time_limit_and_the_next_compile_works(
    theme: Theme, write: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LIVERY_SASS_TIMEOUT", "2")
    path = write("loop.scss", ENDLESS)
    started = time.monotonic()
    with pytest.raises(ScssError, match=r"loop\.scss: Sass did not finish within 2 s"):
        build_custom(theme, path)
    assert time.monotonic() - started < 15
    assert (
        "color: #f97316" in build_custom(theme, '@import "livery"; .a { color: $primary-500; }').css
    )


def test_the_cli_stops_an_endless_loop_with_one_line(write: Callable[..., Path]) -> None:
    path = write("loop.scss", ENDLESS)
    env = {**os.environ, "LIVERY_SASS_TIMEOUT": "2"}
    result = subprocess.run(
        [sys.executable, "-m", "livery", "css", "build", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"error: {path}: Sass did not finish within 2 s (an endless @while or @for loop?); "
        "set LIVERY_SASS_TIMEOUT to allow longer"
    ]


def test_an_import_chain_thousands_deep_is_refused_not_a_crash(
    theme: Theme, write: Callable[..., Path]
) -> None:
    for index in range(1, 3001):
        write(f"_p{index}.scss", f'@import "p{index + 1}";\n.a{index} {{ b: c; }}\n')
    write("_p3001.scss", ".end { b: c; }\n")
    main = write("main.scss", '@import "p1";\n')
    with pytest.raises(CssImportError, match=f"imports nest more than {MAX_IMPORT_DEPTH} files"):
        build_custom(theme, main)


def test_a_chain_within_the_limit_compiles(theme: Theme, write: Callable[..., Path]) -> None:
    for index in range(1, 40):
        write(f"_p{index}.scss", f'@import "p{index + 1}";\n.a{index} {{ b: c; }}\n')
    write("_p40.scss", ".end { b: c; }\n")
    css = build_custom(theme, write("main.scss", '@import "p1";\n')).css
    assert ".a1 {" in css and ".end {" in css


def test_a_fifo_is_refused_without_blocking(theme: Theme, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.scss"
    os.mkfifo(fifo)
    started = time.monotonic()
    with pytest.raises(CssFileError, match=r"pipe\.scss: is not a regular file"):
        build_custom(theme, fifo)
    assert time.monotonic() - started < 5


def test_a_device_is_refused_not_read_forever(theme: Theme) -> None:
    with pytest.raises(CssFileError, match=r"/dev/zero: is not a regular file"):
        build_custom(theme, Path("/dev/zero"))


def test_a_fifo_partial_is_not_a_partial(theme: Theme, write: Callable[..., Path]) -> None:
    main = write("main.scss", '@import "pipe";\n')
    os.mkfifo(main.parent / "_pipe.scss")
    with pytest.raises(CssImportError, match=r'main\.scss:1: cannot import "pipe": no such'):
        build_custom(theme, main)
