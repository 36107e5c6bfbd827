"""Livery's CSS in a real Chromium computes every theme variable to Gradio's value.

Each stylesheet is loaded into a page and the 219 variables are read with
``getComputedStyle`` on a probe element in light mode and under each dark switch, so the test
covers what the browser makes of the CSS (references, dark re-declarations, selectors), not
just its text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import gradio as gr
import pytest

import livery
import livery.themes

pytestmark = pytest.mark.browser

BUILTINS = ("Base", "Default", "Soft", "Glass", "Monochrome", "Origin", "Citrus", "Ocean")
VARIABLE_FILE = Path(__file__).parents[1] / "interop" / "reference" / "gradio-css-variables.txt"
CSS_NAMES = [line.strip() for line in VARIABLE_FILE.read_text().splitlines() if line.strip()]

# Probes: one in the plain page, one inside each kind of dark container.
BODY = """
<div id="light"></div>
<div class="dark"><div id="dark-class"></div></div>
<div data-theme="dark"><div id="dark-attribute"></div></div>
"""

READ = """([ids, names]) => Object.fromEntries(ids.map(id => {
  const style = getComputedStyle(document.getElementById(id));
  return [id, names.map(name => style.getPropertyValue(name))];
}))"""

Values = dict[str, str]


def load(page: Any, css: str) -> None:
    """Show a page whose only stylesheet is ``css`` (no network: fonts and imports fail fast)."""
    page.set_content(f"<!doctype html><html><head><style>{css}</style></head><body>{BODY}</body>")
    sheets = page.evaluate("document.styleSheets.length")
    assert sheets == 1


def read(page: Any, *probes: str) -> list[Values]:
    """The computed value of every variable on each probe, in one round trip."""
    found = page.evaluate(READ, [list(probes), CSS_NAMES])
    return [dict(zip(CSS_NAMES, found[probe])) for probe in probes]


def differences(expected: Values, actual: Values, label: str) -> list[str]:
    return [
        f"  {label} {name}: Gradio {expected[name]!r}, Livery {actual[name]!r}"
        for name in CSS_NAMES
        if actual[name] != expected[name]
    ]


@pytest.fixture
def offline_page(page: Any) -> Any:
    page.route("**/*", lambda route: route.abort())
    return page


@pytest.mark.parametrize("name", BUILTINS)
def test_livery_css_computes_to_gradios_values(offline_page: Any, name: str) -> None:
    page = offline_page
    load(page, getattr(gr.themes, name)()._get_theme_css())
    gradio_light, gradio_dark = read(page, "light", "dark-class")
    # The stylesheet applied: every variable has a value, and dark mode changes some.
    assert [n for n in CSS_NAMES if not gradio_light[n] or not gradio_dark[n]] == []
    assert sum(gradio_light[n] != gradio_dark[n] for n in CSS_NAMES) >= 20

    theme = getattr(livery.themes, name)()
    problems: list[str] = []
    for mode in ("class", "attribute", "all"):
        load(page, theme.css(dark=mode))
        probes = {
            "class": ["dark-class"],
            "attribute": ["dark-attribute"],
            "all": ["dark-class", "dark-attribute"],
        }[mode]
        light, *darks = read(page, "light", *probes)
        problems += differences(gradio_light, light, f"[{mode}] light")
        for probe, dark in zip(probes, darks):
            problems += differences(gradio_dark, dark, f"[{mode}] {probe}")
        if mode != "all":  # the other switch must not turn dark mode on
            other = "dark-attribute" if mode == "class" else "dark-class"
            (unswitched,) = read(page, other)
            problems += differences(gradio_light, unswitched, f"[{mode}] {other} stays light")

    load(page, theme.css(dark="media"))
    page.emulate_media(color_scheme="light")
    light, unswitched = read(page, "light", "dark-class")
    problems += differences(gradio_light, light, "[media] light")
    problems += differences(gradio_light, unswitched, "[media] .dark stays light")
    page.emulate_media(color_scheme="dark")
    (dark,) = read(page, "light")
    problems += differences(gradio_dark, dark, "[media] dark")

    assert not problems, f"{len(problems)} differences:\n" + "\n".join(problems)


def test_resolved_css_computes_to_the_same_values(offline_page: Any) -> None:
    page = offline_page
    problems: list[str] = []
    for name in BUILTINS:
        theme = getattr(livery.themes, name)()
        computed = {}
        for resolve in (False, True):
            css = theme.css(resolve=resolve)
            assert ("var(--" in css) is not resolve
            load(page, css)
            computed[resolve] = read(page, "light", "dark-class")
        for label, by_reference, literal in zip(("light", "dark"), *computed.values()):
            problems += [
                f"  {name} {label} {css_name}: css() {by_reference[css_name]!r}, "
                f"css(resolve=True) {literal[css_name]!r}"
                for css_name in CSS_NAMES
                if by_reference[css_name] != literal[css_name]
            ]
        assert computed[False][0] != computed[False][1]
    assert not problems, f"{len(problems)} differences:\n" + "\n".join(problems)
