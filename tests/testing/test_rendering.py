"""What a themed page promises: the same pixels every time, the bundled fonts only, no network,
the theme and mode applied, and a comparison that forgives anti-aliasing but not real change.

All checks live in one generated test file run once in a subprocess (one browser start).
"""

from __future__ import annotations

import pytest

from .conftest import Run

pytestmark = pytest.mark.browser

RENDERING_TESTS = '''
import io
import sys
from pathlib import Path

import pytest
from PIL import Image

from livery.testing.fonts import fontconfig_supported
from livery.testing.page import capture
from livery.testing.snapshot import compare

BUSY = """
<div style="padding: 16px">
  <p>Plain, <b>bold</b>, <i>italic</i> and <code>code()</code>.</p>
  <input id="field" value="typed text">
  <div style="width: 40px; height: 40px; background: var(--color-accent);
              animation: spin 1s linear infinite"></div>
  <button style="transition: background 5s">Button</button>
</div>
"""
SPIN = "@keyframes spin { to { transform: rotate(360deg) } }"


def image(png):
    return Image.open(io.BytesIO(png))


def test_two_renders_are_byte_identical(themed_page):
    first = themed_page("soft", "dark", html=BUSY, css=SPIN)
    first.focus("#field")
    before = capture(first)
    first.wait_for_timeout(400)  # long enough for a spinner to turn and a caret to blink
    again = capture(first)
    second = themed_page("soft", "dark", html=BUSY, css=SPIN)
    second.focus("#field")
    assert before == again == capture(second)
    assert image(before).size == (800, 600)


def test_the_page_is_fixed_and_quiet(themed_page):
    page = themed_page(viewport=(640, 480))
    assert page.evaluate("[innerWidth, innerHeight, devicePixelRatio]") == [640, 480, 1]
    assert page.evaluate("matchMedia('(prefers-reduced-motion: reduce)').matches")
    fetched = "fetch('https://example.com/').then(() => 'reached', () => 'blocked')"
    assert page.evaluate(fetched) == "blocked"


def test_theme_and_mode_are_applied(themed_page):
    background = "getComputedStyle(document.body).backgroundColor"
    light = themed_page("default", "light")
    dark = themed_page("default", "dark")
    assert dark.evaluate("document.body.classList.contains('dark')")
    assert dark.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    assert light.evaluate(background) == "rgb(255, 255, 255)"
    assert dark.evaluate(background) != light.evaluate(background)
    accent = "getComputedStyle(document.body).getPropertyValue('--color-accent')"
    assert themed_page("ocean").evaluate(accent) != light.evaluate(accent)


def test_the_theme_fonts_are_replaced_by_the_bundled_ones(themed_page):
    page = themed_page("default", html="<p>text</p>")  # the theme asks for Source Sans Pro
    family = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert family.startswith('"Livery Test Sans"')
    assert page.evaluate("font => document.fonts.check(font)", '16px "Livery Test Sans"')


FAMILIES = [
    ("Arial, sans-serif", "DejaVu Sans"),
    ("system-ui", "DejaVu Sans"),
    ("serif", "DejaVu Sans"),
    ("'No Such Font'", "DejaVu Sans"),
    ("monospace", "DejaVu Sans Mono"),
]


@pytest.mark.skipif(not fontconfig_supported(), reason="generic families go through fontconfig")
def test_every_family_draws_with_the_bundled_fonts(themed_page):
    """Chromium's fontconfig knows only the bundled files, so any family falls back to them
    (without it, Arial would be Liberation Sans here and something else elsewhere)."""
    html = "".join(
        f"""<p id="a{n}" style="font-family: {asked}; width: max-content">Quartz 123</p>
            <p id="b{n}" style="font-family: '{bundled}'; width: max-content">Quartz 123</p>"""
        for n, (asked, bundled) in enumerate(FAMILIES)
    )
    page = themed_page(html=html)
    for n, (asked, _) in enumerate(FAMILIES):
        assert capture(page.locator(f"#a{n}")) == capture(page.locator(f"#b{n}")), asked


CIRCLE = '<svg width="120" height="120"><circle cx="60" cy="60" r="{r}" fill="#333"/></svg>'
TEXT = '<p style="position: absolute; left: {left}px; top: 10px; margin: 0">Anti-aliased text</p>'


def baseline(name, png):
    path = Path(__file__).parent / "__snapshots__" / sys._getframe(1).f_code.co_name / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(png)


def test_a_sub_pixel_edge_move_is_anti_aliasing(themed_page, assert_snapshot):
    before = capture(themed_page(html=CIRCLE.format(r=40), viewport=(140, 140)))
    after = themed_page(html=CIRCLE.format(r=40.3), viewport=(140, 140))
    assert compare(image(before), image(capture(after)), include_aa=True).diff_pixels > 0
    baseline("circle.png", before)
    assert_snapshot(after, "circle")  # max_diff_pixels=0: every changed pixel was an edge


def test_a_one_pixel_text_shift_is_partly_anti_aliasing(themed_page, assert_snapshot):
    before = capture(themed_page(html=TEXT.format(left=20), viewport=(240, 50)))
    after = themed_page(html=TEXT.format(left=21), viewport=(240, 50))
    shifted = image(capture(after))
    tolerant = compare(image(before), shifted).diff_pixels
    strict = compare(image(before), shifted, include_aa=True).diff_pixels
    assert 0 < tolerant < strict  # its edge pixels are forgiven, its moved stems are not
    baseline("text.png", before)
    baseline("text-strict.png", before)
    assert_snapshot(after, "text", max_diff_pixels=tolerant)
    with pytest.raises(AssertionError, match=f"{tolerant} pixels differ"):
        assert_snapshot(after, "text-strict", max_diff_pixels=tolerant - 1)
    with pytest.raises(ValueError, match="used twice"):
        assert_snapshot(after, "text")
'''


def test_rendering_promises(project: pytest.Pytester, run: Run) -> None:
    project.makepyfile(test_rendering=RENDERING_TESTS)
    run().assert_outcomes(passed=7)
