"""``livery css build`` run as a user runs it: a real process, its output and exit code."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from livery import themes

LIVERY = [sys.executable, "-m", "livery"]
SCSS = """@use "livery";
.card {
  color: var(--body-text-color);
  background: livery.$primary-500;
  @include livery.dark { border-color: var(--border-color-primary); }
}
"""


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*LIVERY, *args], capture_output=True, text=True, cwd=cwd, timeout=60)


def test_help() -> None:
    for command in (["css"], ["css", "build"]):
        result = run(*command, "--help")
        assert result.returncode == 0, result.stderr
        assert "Usage: " in result.stdout
    assert "--strict" in run("css", "build", "--help").stdout


def test_build_writes_theme_then_custom_css(tmp_path: Path) -> None:
    source = tmp_path / "app.scss"
    source.write_text(SCSS)
    target = tmp_path / "out" / "app.css"
    result = run("css", "build", str(source), "--theme", "soft", "-o", str(target))
    assert result.returncode == 0, result.stderr
    soft = themes.Soft()
    text = target.read_text()
    assert text.startswith(soft.css())
    assert text == soft.css(custom=source)
    custom = text[len(soft.css()) :]
    assert f"background: {soft.literal('primary_500')};" in custom
    assert ":root.dark .card, :root .dark .card {" in custom
    assert result.stdout == ""
    assert "wrote" in result.stderr and "warning" not in result.stderr


def test_build_prints_without_output_and_honours_dark_and_minify(tmp_path: Path) -> None:
    source = tmp_path / "app.scss"
    source.write_text(SCSS)
    result = run("css", "build", str(source), "--dark", "media", "--minify")
    assert result.returncode == 0, result.stderr
    default = themes.Default()
    assert result.stdout == default.css(dark="media", minify=True, custom=source)
    assert result.stdout.endswith("}}")  # the compressed custom rules, media query last
    assert (
        "@media (prefers-color-scheme: dark){.card{"
        in result.stdout[len(default.css(dark="media", minify=True)) :]
    )


def test_a_theme_file_as_theme(tmp_path: Path) -> None:
    theme_file = tmp_path / "rose.toml"
    themes.Base(primary_hue="rose").save(theme_file)
    source = tmp_path / "app.scss"
    source.write_text('@import "livery";\na { color: $primary-500; }\n')
    result = run("css", "build", str(source), "--theme", str(theme_file))
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith(
        f"a {{\n  color: {themes.Base(primary_hue='rose').literal('primary_500')};\n}}\n"
    )


def test_unknown_variables_warn_on_stderr_and_still_build(tmp_path: Path) -> None:
    source = tmp_path / "app.css"
    source.write_text("a {\n  color: var(--butn-primary);\n}\n")
    target = tmp_path / "app.out.css"
    result = run("css", "build", "app.css", "-o", str(target), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (
        "warning: app.css:2: unknown theme variable --butn-primary; "
        "did you mean --button-primary-…, --primary-…?"
    ) in result.stderr
    assert target.read_text().endswith("a {\n  color: var(--butn-primary);\n}\n")


def test_strict_fails_and_writes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "app.css"
    source.write_text("a { color: var(--nope-one); }\nb { color: var(--nope-two); }\n")
    target = tmp_path / "out.css"
    result = run("css", "build", "app.css", "-o", str(target), "--strict", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "error: app.css:1: unknown theme variable --nope-one",
        "error: app.css:2: unknown theme variable --nope-two",
    ]
    assert not target.exists()
    assert list(tmp_path.iterdir()) == [source]  # no temporary file left behind either


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a {\n  b: c;\n  d {\n", "error: app.scss:3: Invalid CSS after"),
        ('\n@import "../secret";\n', 'error: app.scss:2: cannot import "../secret": it is outside'),
        ('@import "/etc/passwd";\n', 'error: app.scss:1: cannot import "/etc/passwd": absolute'),
        ("a::after { content: '</style>'; }\n", "error: app.scss:1: contains '</style'"),
    ],
)
def test_errors_are_one_line_exit_1_and_leave_the_old_output(
    tmp_path: Path, text: str, expected: str
) -> None:
    (tmp_path / "secret.scss").write_text("a { b: c; }\n")
    source = tmp_path / "styles" / "app.scss"
    source.parent.mkdir()
    source.write_text(text)
    target = tmp_path / "styles" / "out.css"
    target.write_text("previous build\n")
    result = run("css", "build", "app.scss", "-o", "out.css", cwd=source.parent)
    assert result.returncode == 1
    assert result.stderr.startswith(expected), result.stderr
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
    assert result.stdout == ""
    assert target.read_text() == "previous build\n"
    assert sorted(p.name for p in source.parent.iterdir()) == ["app.scss", "out.css"]


def test_missing_file_and_unknown_theme_exit_1(tmp_path: Path) -> None:
    missing = run("css", "build", str(tmp_path / "nope.scss"))
    assert missing.returncode == 1
    assert missing.stderr.strip() == f"error: {tmp_path / 'nope.scss'}: no such file"
    source = tmp_path / "app.css"
    source.write_text("a { b: c; }\n")
    no_theme = run("css", "build", str(source), "--theme", "no-such-theme")
    assert no_theme.returncode == 1
    assert no_theme.stderr.startswith("error: ") and len(no_theme.stderr.splitlines()) == 1


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    source = tmp_path / "app.css"
    source.write_text("a { b: c; }\n")
    assert run("css", "build").returncode == 2
    assert run("css", "build", str(source), "--dark", "sometimes").returncode == 2
    assert run("css", "build", str(source), "--no-such-option").returncode == 2
