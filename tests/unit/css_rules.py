"""An independent reading of a compiled theme stylesheet with tinycss2, for the unit tests.

``read_stylesheet`` asserts the shape every theme stylesheet has — font rules, one ``:root``
rule with every variable once, the dark block(s) with exactly the variables that change — and
hands back the parts, so that each test checks the values its own way.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import tinycss2
from tinycss2 import ast

import livery
from livery.theme import VARIABLES
from livery.themes import GoogleFont, LocalFont

EXPECTED_NAMES = ["--" + variable.name.replace("_", "-") for variable in VARIABLES]
NAME_OF = {"--" + variable.name.replace("_", "-"): variable.name for variable in VARIABLES}
CLASS = ":root.dark, :root .dark"
ATTRIBUTE = ':root[data-theme="dark"], :root [data-theme="dark"]'
DARK_SELECTORS = {
    "class": CLASS,
    "attribute": ATTRIBUTE,
    "all": f"{CLASS}, {ATTRIBUTE}",
    "media": None,
}
MEDIA = "@media"
"""The key of the ``prefers-color-scheme`` block in ``Sheet.dark``."""


def canon(text: str) -> str:
    """A value as tinycss2 writes it back (double-quoted strings, ``/**/`` between tokens
    that would otherwise merge, as in ``A/**/.0``), so that text and parsed declarations
    compare equal when they hold the same tokens."""
    tokens = tinycss2.parse_component_value_list(text)
    return tinycss2.serialize(tokens).replace("'", '"').strip()


def walk(tokens: list[ast.Node]) -> list[ast.Node]:
    """Every token, with the contents of functions and brackets, depth first."""
    found = []
    for token in tokens:
        found.append(token)
        if isinstance(token, ast.FunctionBlock):
            found += walk(token.arguments)
        elif isinstance(token, (ast.ParenthesesBlock, ast.SquareBracketsBlock)):
            found += walk(token.content)
    return found


def declarations(content: list[ast.Node]) -> dict[str, str]:
    """Custom properties of one block: each exactly once, nothing but plain declarations."""
    found: dict[str, str] = {}
    for node in tinycss2.parse_declaration_list(content, skip_comments=True, skip_whitespace=True):
        assert node.type == "declaration", f"unexpected {node.type} in a block: {node!r}"
        assert not node.important, node.name
        assert node.name not in found, f"{node.name} declared twice"
        for token in walk(node.value):
            assert not isinstance(
                token, (ast.ParseError, ast.CurlyBracketsBlock, ast.AtKeywordToken)
            ), f"{node.name}: {token!r}"
        found[node.name] = tinycss2.serialize(node.value).strip()
    return found


def assert_values(block: dict[str, str], expected: dict[str, str]) -> None:
    """Each custom property of ``block`` has the value ``expected`` gives its variable."""
    for css_name, value in block.items():
        assert canon(value) == canon(expected[NAME_OF[css_name]]), css_name


@dataclass
class Sheet:
    """The parts of a stylesheet that ``read_stylesheet`` found in their expected places."""

    imports: list[tuple[GoogleFont, ast.AtRule]] = field(default_factory=list)
    faces: list[tuple[LocalFont, int, ast.AtRule]] = field(default_factory=list)
    """One ``@font-face`` per local font and weight: (font, weight, rule)."""
    root: dict[str, str] = field(default_factory=dict)
    dark: dict[str, dict[str, str]] = field(default_factory=dict)
    """The dark blocks by selector (``MEDIA`` for the media query's), each name → value."""


def read_stylesheet(theme: livery.Theme, css: str, *, dark: str, changed: list[str]) -> Sheet:
    """Assert ``css`` has exactly the rules of ``theme``'s stylesheet with the dark switch
    ``dark``, the dark blocks declaring exactly ``changed``; return the parts."""
    assert "<" not in css
    assert "</style" not in css.lower()
    fonts = (*theme.font, *theme.font_mono)
    google = list(dict.fromkeys(f for f in fonts if isinstance(f, GoogleFont)))
    local = list(dict.fromkeys(f for f in fonts if isinstance(f, LocalFont)))
    faces = [(font, weight) for font in local for weight in font.weights]

    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    for rule in rules:
        assert rule.type != "error", rule
    expected_types = (
        ["at-rule"] * (len(google) + len(faces))
        + ["qualified-rule"]
        + (["qualified-rule"] if changed and DARK_SELECTORS[dark] else [])
        + (["at-rule"] if changed and dark in ("media", "all") else [])
    )
    assert [rule.type for rule in rules] == expected_types

    sheet = Sheet()
    position = 0
    for font in google:
        rule = rules[position]
        position += 1
        assert rule.lower_at_keyword == "import"
        sheet.imports.append((font, rule))
    for font, weight in faces:
        rule = rules[position]
        position += 1
        assert rule.lower_at_keyword == "font-face"
        sheet.faces.append((font, weight, rule))

    root = rules[position]
    position += 1
    assert tinycss2.serialize(root.prelude).strip() == ":root"
    sheet.root = declarations(root.content)
    assert list(sheet.root) == EXPECTED_NAMES

    dark_blocks = []
    if changed and DARK_SELECTORS[dark]:
        rule = rules[position]
        position += 1
        assert tinycss2.serialize(rule.prelude).strip() == DARK_SELECTORS[dark]
        dark_blocks.append((DARK_SELECTORS[dark], rule.content))
    if changed and dark in ("media", "all"):
        rule = rules[position]
        position += 1
        assert rule.lower_at_keyword == "media"
        assert tinycss2.serialize(rule.prelude).strip() == "(prefers-color-scheme: dark)"
        inner = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
        assert [r.type for r in inner] == ["qualified-rule"]
        assert tinycss2.serialize(inner[0].prelude).strip() == ":root"
        dark_blocks.append((MEDIA, inner[0].content))
    for key, content in dark_blocks:
        block = declarations(content)
        assert list(block) == ["--" + name.replace("_", "-") for name in changed]
        sheet.dark[key] = block
    return sheet


def face_declarations(rule: ast.AtRule) -> dict[str, list[ast.Node]]:
    """The descriptors of an ``@font-face`` rule by lower-case name."""
    return {
        node.lower_name: node.value
        for node in tinycss2.parse_declaration_list(
            rule.content, skip_comments=True, skip_whitespace=True
        )
    }
