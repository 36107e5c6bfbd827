"""The SCSS export under Dart Sass (npm ``sass``), the compiler that outlives libsass.

One stylesheet uses every variable, both maps and the ``dark`` mixin in all its switch forms;
libsass (python ``sass``) compiles it through ``@import``, Dart Sass through ``@import`` and
``@use … as *``, and every compile must give the same declarations per selector. Dart Sass
runs with every deprecation it knows (future ones included) reported, and any warning fails
the test: only the ``import`` deprecation of the ``@import`` form itself is silenced, since
that one is the user's choice of rule, not the export's.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import sass
import tinycss2
from coloraide import Color
from tinycss2 import ast

import livery
from livery._node import find_node
from livery.component.process import run_tool
from livery.theme import FORMATS
from livery.theme.catalogue import VARIABLES
from tests.npm_packages import npm_folder

VERSION = "1.108.2"

_COMPILE = """\
import * as sass from "sass";
const [file, loadPath, silence] = process.argv.slice(2);
const warnings = [];
const future = Object.values(sass.deprecations).filter((d) => d.status === "future");
try {
  const result = sass.compile(file, {
    loadPaths: [loadPath],
    style: "expanded",
    futureDeprecations: future,
    silenceDeprecations: silence ? silence.split(",") : [],
    logger: {
      warn(message, { deprecationType }) {
        warnings.push(`${deprecationType ? deprecationType.id : "warning"}: ${message}`);
      },
    },
  });
  process.stdout.write(JSON.stringify({ css: result.css, warnings }));
} catch (error) {
  process.stderr.write(error.message);
  process.exit(1);
}
"""

THEMES = {
    "default": livery.themes.Default,
    "soft": livery.themes.Soft,
    "soft-teal": lambda: livery.themes.Soft(primary_hue="#0f766e"),
}
SWITCHES = ("class", "attribute", "media", "all")
NAMES = [variable.name.replace("_", "-") for variable in VARIABLES]


@pytest.fixture(scope="session")
def dart_sass(request: pytest.FixtureRequest, node_or_skip: None) -> Path:
    """A folder with npm ``sass`` installed and ``compile.mjs`` next to it."""
    folder = request.config.cache.mkdir(f"livery-dart-sass-{VERSION}")
    return npm_folder(
        folder, "livery-dart-sass", {"sass": VERSION}, {"compile.mjs": _COMPILE}, module=True
    )


def _body(get: str) -> str:
    """Every variable, both maps and the mixin in every form; ``get`` is the map lookup
    (``map-get`` for libsass, ``map.get`` for Dart Sass, where ``map-get`` is deprecated)."""
    lines = [f'.v-{n} {{ a: ${n}; b: {get}($livery-theme, "{n}"); }}' for n in NAMES]
    lines.append("@each $name, $value in $livery-theme { .m-#{$name} { a: $value; } }")
    lines.append("@each $name, $value in $livery-theme-dark { .d-#{$name} { a: $value; } }")
    lines.append(".card { color: $primary-500; @include dark { color: $body-text-color; } }")
    lines.append("@include dark { --top: #{$primary-600}; }")
    for switch in SWITCHES:
        lines.append(f'.in-{switch} {{ @include dark("{switch}") {{ color: white; }} }}')
        lines.append(f'@include dark("{switch}") {{ --top-{switch}: 1px; }}')
    return "\n".join(lines) + "\n"


def _libsass(folder: Path, prefix: str = "") -> str:
    source = prefix + '@import "theme";\n' + _body("map-get")
    return sass.compile(string=source, include_paths=[str(folder)], output_style="expanded")


def _dart(dart_sass: Path, folder: Path, source: str, *, silence: str = "") -> str:
    """Dart Sass's CSS for ``source``; fails on any warning Dart Sass gives."""
    entry = folder / "entry.scss"
    entry.write_text(source, encoding="utf-8")
    node = find_node()
    result = run_tool(
        [str(node.executable), str(dart_sass / "compile.mjs"), str(entry), str(folder), silence],
        cwd=folder,
        what="dart sass",
        timeout_s=120,
        env=node.env(),
    )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["warnings"] == []
    return str(out["css"])


def _dart_import(dart_sass: Path, folder: Path, prefix: str = "") -> str:
    source = '@use "sass:map";\n' + prefix + '@import "theme";\n' + _body("map.get")
    return _dart(dart_sass, folder, source, silence="import")


def _dart_use(dart_sass: Path, folder: Path, config: str = "") -> str:
    source = '@use "sass:map";\n' + f'@use "theme" as *{config};\n' + _body("map.get")
    return _dart(dart_sass, folder, source)


def _selector(prelude: list[ast.Node]) -> str:
    """A selector with quoting and spacing normalised: Dart Sass writes
    ``[data-theme=dark]`` where libsass keeps ``[data-theme="dark"]``."""

    def flat(tokens: list[ast.Node]) -> str:
        parts = []
        for token in tokens:
            if isinstance(token, ast.SquareBracketsBlock):
                parts.append("[" + flat(token.content) + "]")
            elif isinstance(token, (ast.StringToken, ast.IdentToken)):
                parts.append(token.value)
            else:
                parts.append(token.serialize())
        return "".join(parts)

    return re.sub(r"\s+", " ", re.sub(r"\s*,\s*", ", ", flat(prelude))).strip()


def _value(nodes: list[ast.Node]) -> list[Any]:
    """A value's tokens: whitespace, number spelling and colour notation do not count."""
    out: list[Any] = []
    for node in nodes:
        if isinstance(node, (ast.WhitespaceToken, ast.Comment)):
            continue
        if isinstance(node, ast.FunctionBlock):
            out.append(("f", node.lower_name, _value(node.arguments)))
        elif isinstance(node, ast.DimensionToken):
            out.append(("d", float(node.value), node.lower_unit))
        elif isinstance(node, (ast.NumberToken, ast.PercentageToken)):
            out.append((node.type, float(node.value)))
        elif isinstance(node, ast.HashToken):
            out.append(("#", Color("#" + node.value).to_string(hex=True, compress=True)))
        elif isinstance(node, ast.ParenthesesBlock):
            out.append(("()", _value(node.content)))
        else:
            out.append((node.type, getattr(node, "value", None)))
    return out


def _rules(css: str) -> list[tuple[str, list[tuple[str, Any]]]]:
    """Every rule as (selector, [(property, canonical value)]), ``@media`` rules flattened."""
    found = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        assert not isinstance(rule, ast.ParseError), rule
        if isinstance(rule, ast.AtRule):
            assert rule.lower_at_keyword == "media", rule.lower_at_keyword
            media = tinycss2.serialize(rule.prelude).strip()
            for selector, declarations in _rules(tinycss2.serialize(rule.content)):
                found.append((f"@media {media} {selector}", declarations))
            continue
        declarations = [
            (d.lower_name, _value(d.value))
            for d in tinycss2.parse_blocks_contents(rule.content, True, True)
            if isinstance(d, ast.Declaration)
        ]
        found.append((_selector(rule.prelude), declarations))
    return found


@pytest.fixture(scope="module", params=list(THEMES))
def theme_folder(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """(theme, a folder holding its SCSS export as ``_theme.scss``)."""
    theme = THEMES[request.param]()
    folder = tmp_path_factory.mktemp(f"scss-{request.param}")
    (folder / "_theme.scss").write_text(FORMATS["scss"](theme), encoding="utf-8")
    return theme, folder


def test_dart_sass_and_libsass_compile_the_export_to_the_same_values(
    dart_sass: Path, theme_folder: tuple[livery.Theme, Path]
) -> None:
    theme, folder = theme_folder
    libsass = _rules(_libsass(folder))
    assert _rules(_dart_import(dart_sass, folder)) == libsass
    assert _rules(_dart_use(dart_sass, folder)) == libsass
    rules = dict(libsass)
    primary = _value(tinycss2.parse_component_value_list(theme.literal("primary_500")))
    assert rules[".v-primary-500"] == [("a", primary), ("b", primary)]
    assert sum(selector.startswith(".m-") for selector in rules) == len(NAMES)
    assert "@media (prefers-color-scheme: dark) .in-media" in rules
    assert ":root[data-theme=dark] .in-attribute, :root [data-theme=dark] .in-attribute" in rules


def test_a_configured_default_switch_is_the_same_under_both(
    dart_sass: Path, theme_folder: tuple[livery.Theme, Path]
) -> None:
    _, folder = theme_folder
    setting = '$livery-dark-switch: "attribute";\n'
    libsass = _rules(_libsass(folder, setting))
    assert ":root[data-theme=dark], :root [data-theme=dark]" in dict(libsass)
    assert _rules(_dart_import(dart_sass, folder, setting)) == libsass
    config = ' with ($livery-dark-switch: "attribute")'
    assert _rules(_dart_use(dart_sass, folder, config)) == libsass


def test_dart_sass_rejects_an_unknown_switch_with_the_mixins_message(
    dart_sass: Path, tmp_path: Path
) -> None:
    (tmp_path / "_theme.scss").write_text(FORMATS["scss"](livery.themes.Soft()))
    (tmp_path / "entry.scss").write_text('@use "theme" as *;\n.x { @include dark("sometimes") {} }')
    node = find_node()
    result = run_tool(
        [str(node.executable), str(dart_sass / "compile.mjs"), "entry.scss", str(tmp_path), ""],
        cwd=tmp_path,
        what="dart sass",
        timeout_s=120,
        env=node.env(),
    )
    assert result.returncode == 1
    assert "dark: $switch is class, attribute, media or all, not sometimes" in result.stderr
