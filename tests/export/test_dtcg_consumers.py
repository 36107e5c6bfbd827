"""The DTCG export as design-token tools read it: Style Dictionary 5 builds CSS from the token
files, Terrazzo from the resolver document, and the CSS declares the theme's own variables with
the theme's values, light and dark.

Values are compared as the browser sees them: Chromium's computed value of a real property
(``color``, ``width``, ``box-shadow``, …) set to ``var(--name)`` under each stylesheet's
declarations, so ``#fff`` and ``rgb(255 255 255)``, ``0`` and ``0px``, or ``0.5rem`` and
``8px`` are the same value, as they are on the page.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import tinycss2

import livery
from livery.theme.catalogue import VARIABLES
from livery.theme.formats import FORMATS, write_files
from livery.theme.values import Kind

from .npm_consumers import Consumers, consumers

PROBES = {
    Kind.COLOUR: ["color"],
    Kind.FILL: ["background-color", "background-image"],
    Kind.LENGTH: ["margin-left"],
    Kind.SHADOW: ["box-shadow"],
    Kind.WEIGHT: ["font-weight"],
    Kind.FONT: ["font-family"],
}
"""A real property per kind of variable, whose computed value is the variable's CSS value."""

NO_SHADOW = "rgba(0, 0, 0, 0) 0px 0px 0px 0px"
"""``box-shadow: none`` as DTCG has it (no ``none`` shadow there): one transparent shadow of
zero size, which draws nothing; the export documents this one lossy conversion."""

KINDS = {v.name.replace("_", "-"): v.kind for v in VARIABLES}

THEMES = {
    "default": lambda: livery.themes.Default(),
    "soft": lambda: livery.themes.Soft(),
    "seeded": lambda: livery.themes.Soft(primary_hue="#0f766e", neutral_hue="#64748b"),
}


@pytest.fixture(scope="module")
def tools(request: pytest.FixtureRequest) -> Consumers:
    return consumers(Path(request.config.cache.mkdir("dtcg-consumers")))


@pytest.fixture(scope="module")
def probe_page(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    page = context.new_page()
    page.set_content("<div id=expected></div><div id=got></div>")
    yield page
    context.close()


@pytest.fixture(scope="module", params=sorted(THEMES))
def exported(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[livery.Theme, Path, str]:
    theme = THEMES[request.param]()
    folder = tmp_path_factory.mktemp(f"dtcg-{request.param}")
    written = write_files(theme, "dtcg", folder / f"{request.param}.resolver.json")
    assert [path.name for path in written] == [
        f"{request.param}.tokens.json",
        f"{request.param}.dark.tokens.json",
        f"{request.param}.resolver.json",
    ]
    return theme, folder, request.param


def _declarations(css: str) -> dict[str, dict[str, str]]:
    """Custom properties by rule selector: ``{":root": {"body-text-color": "#1f2937"}}``."""
    rules: dict[str, dict[str, str]] = {}
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type != "qualified-rule":
            continue
        selector = tinycss2.serialize(rule.prelude).strip()
        declared = rules.setdefault(selector, {})
        for item in tinycss2.parse_declaration_list(
            rule.content, skip_comments=True, skip_whitespace=True
        ):
            if item.type == "declaration" and item.name.startswith("--"):
                declared[item.name[2:]] = tinycss2.serialize(item.value).strip()
    return rules


def _theme_variables(theme: livery.Theme, dark: bool) -> dict[str, str]:
    rules = _declarations(theme.css())
    variables = dict(rules[":root"])
    if dark:
        variables.update(rules[":root.dark, :root .dark"])
    return variables


def _tokens(folder: Path, stem: str) -> set[str]:
    """The tokenised variables: every top-level name of the light file but ``$…``."""
    light = json.loads((folder / f"{stem}.tokens.json").read_text())
    return {name for name in light if not name.startswith("$")}


def _computed(page: Any, variables: dict[str, str], names: list[str]) -> dict[str, list[str]]:
    """Each name's computed value per probe property, under ``variables``."""
    return page.evaluate(
        """([variables, probes]) => {
            const host = document.createElement("div");
            document.body.append(host);
            for (const [name, value] of Object.entries(variables))
                host.style.setProperty("--" + name, value);
            const result = {};
            for (const [name, properties] of Object.entries(probes)) {
                const probe = document.createElement("div");
                host.append(probe);
                for (const property of properties)
                    probe.style.setProperty(property, `var(--${name})`);
                const style = getComputedStyle(probe);
                result[name] = properties.map((property) => style.getPropertyValue(property));
            }
            host.remove();
            return result;
        }""",
        [variables, {name: PROBES[KINDS[name]] for name in names}],
    )


def _assert_same_css(page: Any, got: dict[str, str], expected: dict[str, str]) -> None:
    names = sorted(got)
    computed_got = _computed(page, got, names)
    computed_expected = _computed(page, expected, names)
    differ = {
        name: (got[name], expected[name], computed_got[name], computed_expected[name])
        for name in names
        if computed_got[name] != computed_expected[name]
        and not (computed_expected[name] == ["none"] and computed_got[name] == [NO_SHADOW])
    }
    assert differ == {}


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_style_dictionary_builds_the_theme_variables(
    tools: Consumers, probe_page: Any, exported: tuple[livery.Theme, Path, str], dark: bool
) -> None:
    theme, folder, stem = exported
    light = folder / f"{stem}.tokens.json"
    if dark:
        css = tools.style_dictionary(
            folder / f"{stem}.dark.tokens.json", folder / "sd-dark.css", include=light
        )
    else:
        css = tools.style_dictionary(light, folder / "sd-light.css")
    built = _declarations(css)
    assert list(built) == [":root"]
    got = built[":root"]
    # exactly the theme's variable names: every token, nothing prefixed twice or left out
    assert set(got) == _tokens(folder, stem)
    expected = _theme_variables(theme, dark)
    assert set(got) <= set(expected)
    assert len(got) > 190
    _assert_same_css(probe_page, got, expected)


@pytest.mark.parametrize("written", [True, False], ids=["written", "printed"])
def test_terrazzo_builds_both_modes_from_the_resolver(
    tools: Consumers, probe_page: Any, exported: tuple[livery.Theme, Path, str], written: bool
) -> None:
    """The written resolver refers to the token files; the printed one has them inline."""
    theme, folder, stem = exported
    resolver = folder / f"{stem}.resolver.json"
    if not written:
        resolver = folder / "printed" / "theme.resolver.json"
        resolver.parent.mkdir(exist_ok=True)
        resolver.write_text(FORMATS["dtcg"](theme), encoding="utf-8")
    built = _declarations(tools.terrazzo(resolver, resolver.parent / "terrazzo"))
    assert set(built) == {":root", ":root.dark"}
    tokens = _tokens(folder, stem)
    assert set(built[":root"]) == tokens
    # Terrazzo writes aliases as var(): dark mode is the light rule with the dark one on top
    for dark, variables in ((False, built[":root"]), (True, built[":root"] | built[":root.dark"])):
        assert set(variables) == tokens
        _assert_same_css(probe_page, variables, _theme_variables(theme, dark))
