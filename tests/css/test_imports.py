"""Imports stay inside the stylesheet's folder; the output stays inside its <style>."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from livery.css import CssFileError, CssImportError, UnsafeCssError, compile_custom
from livery.theme.model import Theme


def refusal(theme: Theme, custom: object) -> str:
    with pytest.raises(CssImportError) as caught:
        compile_custom(theme, custom)
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    return message


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (
            '@import "../outside";',
            'cannot import "../outside": it is outside the stylesheet\'s folder',
        ),
        ('@import "sub/../../outside";', "it is outside the stylesheet's folder"),
        ('@use "../outside" as *;', "it is outside the stylesheet's folder"),
        ('@import "/etc/passwd";', 'cannot import "/etc/passwd": absolute paths are not allowed'),
        ('@import "http://example.com/x.scss";', 'only "livery" and partials'),
        ('@import "//example.com/x";', 'only "livery" and partials'),
        ('@import "file:///etc/passwd";', 'only "livery" and partials'),
        ("@import url(https://example.com/x.css);", "@import url(…) is not allowed"),
        ('@forward "livery";', "@forward is not supported"),
        ('@use "livery" with ($x: 1);', "@use with (…) is not supported"),
        ('@import "missing";', 'cannot import "missing": no such partial next to '),
    ],
)
def test_imports_outside_the_folder_are_refused_with_file_and_line(
    theme: Theme, write, tmp_path: Path, line: str, reason: str
) -> None:
    write("outside.scss", "a { b: c; }\n")
    write("passwd.scss", "a { b: c; }\n")
    main = write("styles/app.scss", f"// line 1\n.a {{ b: c; }}\n{line}\n")
    message = refusal(theme, main)
    assert message.startswith(f"{main}:3: ")
    assert reason in message


def test_a_partial_cannot_escape_either(theme: Theme, write) -> None:
    write("secret.scss", "a { b: c; }\n")
    write("styles/_inner.scss", '\n\n\n@import "../secret";\n')
    main = write("styles/app.scss", '@import "inner";\n')
    message = refusal(theme, main)
    assert message.startswith(f"{main.parent / '_inner.scss'}:4: ")
    assert 'cannot import "../secret": it is outside' in message


def test_a_link_leading_outside_is_refused(theme: Theme, write) -> None:
    target = write("secret/_data.scss", "a { b: c; }\n")
    main = write("styles/app.scss", '@import "data";\n')
    os.symlink(target, main.parent / "_data.scss")
    assert "it links outside the stylesheet's folder" in refusal(theme, main)


def test_text_can_import_only_livery(theme: Theme, write, monkeypatch, tmp_path) -> None:
    write("_partial.scss", "a { b: c; }\n")
    monkeypatch.chdir(tmp_path)  # a partial in the working folder is not reachable either
    message = refusal(theme, '@import "livery";\n@import "partial";\n')
    assert message.startswith('<custom>:2: cannot import "partial": a stylesheet given as text')


def test_libsass_never_reads_the_file_system_by_itself(theme: Theme, write, monkeypatch, tmp_path):
    write("_near.scss", ".near { b: c; }\n")
    monkeypatch.chdir(tmp_path)
    for source in ('@import "near";', '@import "_near.scss";', '@import "./near";'):
        with pytest.raises(CssImportError):
            compile_custom(theme, source)


def test_a_partial_that_is_not_utf8_is_named(theme: Theme, write) -> None:
    main = write("styles/app.scss", '@import "bad";\n')
    (main.parent / "_bad.scss").write_bytes(b"a {\n b: \xff; }\n")
    with pytest.raises(CssFileError) as caught:
        compile_custom(theme, main)
    assert str(caught.value) == f"{main.parent / '_bad.scss'}:2: not UTF-8 text"


def test_an_import_loop_is_an_error_not_a_hang(theme: Theme, write) -> None:
    write("styles/_a.scss", '@import "b";\n')
    write("styles/_b.scss", '@import "a";\n')
    main = write("styles/app.scss", '@import "a";\n')
    with pytest.raises(Exception) as caught:
        compile_custom(theme, main)
    assert "@import loop" in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    "source",
    [
        'a::after { content: "</style><script>alert(1)</script>"; }',
        "a::after { content: '</STYLE>'; }",
        '$end: "</sty" + "le>";\na::after { content: $end; }',
    ],
)
def test_closing_the_style_element_is_refused(theme: Theme, source: str) -> None:
    with pytest.raises(UnsafeCssError, match="'</style'"):
        compile_custom(theme, source)
    with pytest.raises(UnsafeCssError):
        theme.css(custom=source)


def test_closing_style_is_blamed_on_its_line(theme: Theme) -> None:
    with pytest.raises(UnsafeCssError) as caught:
        compile_custom(theme, "a { b: c; }\n\n/*! </style> */\n")
    assert str(caught.value).startswith("<custom>:3: contains '</style'")


@pytest.mark.parametrize(
    "source",
    [
        '$u: "x.css";\n\n@import url(#{$u});\n',
        "\n\n@IMPORT url(x.css);\n",
        "\n\n@import/**/url('x.css') screen;\n",
    ],
)
def test_import_url_is_refused_in_any_spelling(theme: Theme, source: str) -> None:
    with pytest.raises(CssImportError, match=r"^<custom>:3: @import url\(…\) is not allowed"):
        compile_custom(theme, source)


def test_loading_rules_libsass_passes_through_are_refused(theme: Theme) -> None:
    with pytest.raises(UnsafeCssError, match=r"^<custom>:1: the compiled CSS contains @use"):
        compile_custom(theme, '@USE "elsewhere";\na { b: c; }')


def test_sass_builtin_modules_get_a_clear_message(theme: Theme) -> None:
    with pytest.raises(CssImportError, match="libsass has no built-in modules"):
        compile_custom(theme, '@use "sass:math";\na { b: math.div(1, 2); }')


def test_angle_brackets_elsewhere_are_fine(theme: Theme) -> None:
    css = compile_custom(theme, ".a > .b { c: d; }\n.e::after { content: '<b>'; }")
    assert ".a > .b" in css
