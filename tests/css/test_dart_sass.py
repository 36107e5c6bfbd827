"""Custom SCSS compiled with Dart Sass on request (``compiler="dart-sass"``,
``livery css build --compiler dart-sass``): the real npm ``sass`` on Node, installed by Livery
into its cache on first use. Modules work; the folder rule, the errors and the time limit are
the libsass path's."""

from __future__ import annotations

import os
import subprocess
import sys
import warnings
from collections.abc import Callable
from pathlib import Path

import pytest
import tinycss2

from livery.css import CssImportError, SassWarning, ScssError, build_custom
from livery.errors import InvalidOptionError
from livery.theme.model import Theme

pytestmark = pytest.mark.usefixtures("node_or_skip")

MODULES = """@use "sass:math";
@use "livery";
@use "parts/colours" as c with ($accent: #0000ff);
@use "parts/sizes";
.card {
  color: livery.$primary-500;
  width: math.div(10px, 4);
  border-color: c.$accent;
  padding: sizes.$gap;
  @include livery.dark { color: livery.$neutral-200; }
}
"""
COLOURS = "$accent: red !default;\n"
SIZES = '@forward "gap";\n'
GAP = "$gap: 12px;\n"
SHARED = """@import "livery";
@import "partial";
.card { color: $primary-500; margin: $space * 2; @include dark { color: $neutral-100; } }
.wide { width: 100% - 10%; }
"""


def _declarations(css: str) -> list[tuple[str, list[tuple[str, str]]]]:
    rules = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        prelude = " ".join(tinycss2.serialize(rule.prelude).split())
        body = tinycss2.parse_declaration_list(rule.content, True, True)
        rules.append((prelude, [(d.name, tinycss2.serialize(d.value).strip()) for d in body]))
    return rules


def test_modules_work(theme: Theme, write: Callable[..., Path]) -> None:
    write("parts/_colours.scss", COLOURS)
    write("parts/_sizes.scss", SIZES)
    write("parts/_gap.scss", GAP)
    css = build_custom(theme, write("app.scss", MODULES), compiler="dart-sass").css
    rules = dict(_declarations(css))
    assert rules[".card"] == [
        ("color", "#f97316"),
        ("width", "2.5px"),
        ("border-color", "#0000ff"),
        ("padding", "12px"),
    ]
    assert rules[":root.dark .card, :root .dark .card"] == [("color", "#e4e4e7")]


def test_dart_sass_and_libsass_agree_on_a_stylesheet_both_read(
    theme: Theme, write: Callable[..., Path]
) -> None:
    write("_partial.scss", "$space: 6px;\n")
    path = write("app.scss", SHARED)
    libsass = build_custom(theme, path).css
    dart = build_custom(theme, path, compiler="dart-sass")
    assert _declarations(dart.css) == _declarations(libsass)
    assert any("@import" in note for note in dart.notes), dart.notes


def test_theme_css_takes_the_compiler_and_dart_sass_warnings_are_warnings(
    theme: Theme,
) -> None:
    source = '@import "livery"; .a { color: map-get($livery-theme, "primary-500"); }'
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        css = theme.css(custom=source, compiler="dart-sass")
    assert css.endswith(".a {\n  color: #f97316;\n}\n")
    notes = [str(w.message) for w in caught if issubclass(w.category, SassWarning)]
    assert any("Global built-in functions are deprecated" in note for note in notes), notes
    assert all(note.startswith("<custom>") for note in notes), notes


@pytest.mark.parametrize(
    ("partial", "importer", "message"),
    [
        ("../_outside.scss", '@use "../outside";', "outside the stylesheet's folder"),
        (None, '@use "https://example.test/x";', 'only "livery" and partials'),
        (None, '@use "/etc/passwd";', 'only "livery" and partials'),
        (None, '@import url("https://example.test/x.css");', r"@import url\(…\) is not allowed"),
        (None, '@use "missing";', "no such partial"),
    ],
)
def test_imports_stay_inside_the_folder(
    theme: Theme, tmp_path: Path, partial: str | None, importer: str, message: str
) -> None:
    folder = tmp_path / "styles"
    folder.mkdir()
    if partial:
        (folder / partial).write_text(".x { y: z; }\n", encoding="utf-8")
    path = folder / "app.scss"
    path.write_text(importer + "\n.a { b: c; }\n", encoding="utf-8")
    with pytest.raises(CssImportError, match=message) as raised:
        build_custom(theme, path, compiler="dart-sass")
    assert str(raised.value).startswith(f"{path}:1: ")


def test_a_link_leading_out_of_the_folder_is_not_followed(theme: Theme, tmp_path: Path) -> None:
    secret = tmp_path / "_secret.scss"
    secret.write_text(".secret { a: b; }\n", encoding="utf-8")
    folder = tmp_path / "styles"
    folder.mkdir()
    (folder / "_linked.scss").symlink_to(secret)
    path = folder / "app.scss"
    path.write_text('@use "linked";\n', encoding="utf-8")
    with pytest.raises(CssImportError, match='cannot import "linked": no such partial'):
        build_custom(theme, path, compiler="dart-sass")


def test_errors_name_the_users_file_and_line(theme: Theme, write: Callable[..., Path]) -> None:
    write("parts/_bad.scss", ".ok { a: b; }\n.bad { color: $nowhere; }\n")
    path = write("app.scss", '@use "parts/bad";\n')
    with pytest.raises(ScssError) as raised:
        build_custom(theme, path, compiler="dart-sass")
    assert str(raised.value) == (f"{path.parent / 'parts' / '_bad.scss'}:2: Undefined variable.")


def test_an_endless_loop_stops_at_the_time_limit(
    theme: Theme, write: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LIVERY_SASS_TIMEOUT", "3")
    path = write("loop.scss", "$i: 0;\n@while true { $i: $i + 1; }\n")
    with pytest.raises(ScssError, match=r"loop\.scss: Sass did not finish within 3 s"):
        build_custom(theme, path, compiler="dart-sass")


def test_an_unknown_compiler_is_one_clear_error(theme: Theme) -> None:
    with pytest.raises(InvalidOptionError, match="compiler must be one of libsass, dart-sass"):
        build_custom(theme, ".a { b: c; }", compiler="sassc")  # type: ignore[arg-type]


def test_the_cli_compiles_with_dart_sass(write: Callable[..., Path], tmp_path: Path) -> None:
    write("parts/_colours.scss", COLOURS)
    write("parts/_sizes.scss", SIZES)
    write("parts/_gap.scss", GAP)
    source = write("app.scss", MODULES)
    output = tmp_path / "out.css"
    result = subprocess.run(
        [sys.executable, "-m", "livery", "css", "build", str(source), "--compiler",
         "dart-sass", "-o", str(output)],
        capture_output=True, text=True, timeout=180, env=dict(os.environ),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "width: 2.5px" in output.read_text(encoding="utf-8")
    refused = subprocess.run(
        [sys.executable, "-m", "livery", "css", "build", str(source), "--compiler", "sassc"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert refused.returncode == 2 and "sassc" in refused.stderr
