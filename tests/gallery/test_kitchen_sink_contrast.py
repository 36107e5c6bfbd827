"""The contrast audit against the page it describes: the kitchen sink in real Chromium.

Three promises, each checked in light and dark mode:

- every text colour the kitchen sink paints, on the colour behind it, is a pair the audit
  measures (so a pass means the widgets people see pass, not a subset of them);
- axe-core's ``color-contrast`` rule finds nothing on Livery's own themes;
- where axe does find a failure (Gradio's themes have some), the audit reports it too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from livery.gallery.kitchen_sink import kitchen_sink_css, kitchen_sink_html
from livery.theme import Theme
from livery.theme.colour.contrast import Colour, colours_in, flatten
from livery.theme.colour.pairs import PAIRS, Role
from livery.theme.library import entries
from tests import axe

pytestmark = pytest.mark.browser

ORIGINALS = ("aurora", "beacon", "fjord", "folio", "ink", "kiln", "moss")
"""Livery's own themes (the README's table): each must pass AA in both modes."""
GRADIO_PORTS = tuple(sorted(set(entries()) - set(ORIGINALS)))
MODES = ("light", "dark")
VIEWPORT = (960, 1500)
TEXT_PAIRS = (Path(__file__).with_name("text_pairs.js")).read_text(encoding="utf-8")
TOLERANCE = 2
"""Per-channel rounding between Chromium's compositing and coloraide's (0–255)."""

RGB = tuple[int, int, int]


def _rgb(colour: Colour) -> RGB:
    coords = colour.convert("srgb").coords()
    return tuple(round(min(1.0, max(0.0, value)) * 255) for value in coords)  # type: ignore[return-value]


def _painted(theme: Theme, dark: bool, failing_only: bool = False) -> dict[tuple[RGB, RGB], str]:
    """What the audit measures, as the opaque colours a browser paints: (text, background)
    → pair label; ``failing_only`` keeps the pairs that fail AA."""
    resolved = theme.resolved()
    report = theme.audit("AA")
    failing = {(check.pair, check.mode) for check in report.failures}
    mode = "dark" if dark else "light"
    painted: dict[tuple[RGB, RGB], str] = {}
    for pair in PAIRS:
        if pair.role is Role.DISABLED or (failing_only and (pair, mode) not in failing):
            continue
        layers = (pair.background, *pair.beneath)
        backgrounds = flatten(tuple(colours_in(resolved.literal(n, dark)) for n in layers))
        for text in colours_in(resolved.literal(pair.foreground, dark)):
            for under in backgrounds:
                seen = text if text.alpha() >= 1 else Colour.layer([text, under], space="srgb")
                painted[(_rgb(seen), _rgb(under))] = pair.label
    return painted


def _match(fg: RGB, bg: RGB, painted: dict[tuple[RGB, RGB], str]) -> str | None:
    for (text, under), label in painted.items():
        if all(abs(a - b) <= TOLERANCE for a, b in zip((*fg, *bg), (*text, *under))):
            return label
    return None


def _sink(themed_page, name: str, mode: str):
    return themed_page(
        name, mode, html=kitchen_sink_html(), css=kitchen_sink_css(), viewport=VIEWPORT
    )


def _hex(rgb: list[int]) -> str:
    return "#" + "".join(f"{value:02x}" for value in rgb)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", sorted(entries()))
def test_every_text_colour_the_kitchen_sink_paints_is_an_audited_pair(
    themed_page, name: str, mode: str
) -> None:
    painted = _painted(Theme.load(name), mode == "dark")
    page = _sink(themed_page, name, mode)
    seen = page.evaluate(TEXT_PAIRS)
    assert len(seen) > 30, "the kitchen sink should paint dozens of texts"
    missing = sorted(
        {
            f"{item['element']} {item['text']!r}: {_hex(item['fg'])} on {_hex(item['bg'])}"
            for item in seen
            if _match(tuple(item["fg"]), tuple(item["bg"]), painted) is None
        }
    )
    assert not missing, f"{name} ({mode}): text the audit does not measure:\n" + "\n".join(missing)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", ORIGINALS)
def test_axe_finds_no_contrast_failure_on_livery_themes(
    themed_page, axe_core: Path, name: str, mode: str
) -> None:
    assert Theme.load(name).audit("AA").passed
    page = _sink(themed_page, name, mode)
    violations = axe.run(page, axe_core, ".lv-ks", ["color-contrast"])
    nodes = [
        f"{node['target']}: {node['any'][0]['message']}"
        for violation in violations
        for node in violation["nodes"]
    ]
    assert not nodes, f"{name} ({mode}):\n" + "\n".join(nodes)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", GRADIO_PORTS)
def test_every_contrast_failure_axe_finds_the_audit_reports(
    themed_page, axe_core: Path, name: str, mode: str
) -> None:
    failing = _painted(Theme.load(name), mode == "dark", failing_only=True)
    page = _sink(themed_page, name, mode)
    violations = axe.run(page, axe_core, ".lv-ks", ["color-contrast"])
    unreported = []
    for violation in violations:
        for node in violation["nodes"]:
            data = node["any"][0]["data"]
            fg, bg = Colour(data["fgColor"]), Colour(data["bgColor"])
            if _match(_rgb(fg), _rgb(bg), failing) is None:
                unreported.append(f"{node['target']}: {data['fgColor']} on {data['bgColor']}")
    assert not unreported, f"{name} ({mode}): axe fails what the audit passes:\n" + "\n".join(
        unreported
    )


def test_placeholders_need_what_text_needs_unless_asked_to_be_lenient() -> None:
    theme = Theme.load("default").set(
        input_placeholder_color="#8a8a8a", input_background_fill="#ffffff"
    )
    strict = [c for c in theme.audit("AA").checks if c.pair.role is Role.PLACEHOLDER]
    lenient = [
        c
        for c in theme.audit("AA", lenient_placeholders=True).checks
        if c.pair.role is Role.PLACEHOLDER
    ]
    assert {c.required for c in strict} == {4.5}
    assert {c.required for c in lenient} == {3.0}
    light = next(c for c in strict if c.mode == "light")
    assert 3.0 < light.ratio < 4.5 and not light.passes
    assert next(c for c in lenient if c.mode == "light").passes
