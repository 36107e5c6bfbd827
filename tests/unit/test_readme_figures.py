"""The README's figures are what the code gives: a user who copies an example or counts on a
number must find it true."""

from __future__ import annotations

import re
from pathlib import Path

import livery
from livery.theme import Theme
from livery.theme.catalogue import VARIABLES
from livery.theme.colour.pairs import PAIRS

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_the_palette_example_is_what_palette_gives() -> None:
    found = re.search(r'livery\.palette\("(#[0-9a-f]{6})"\)\.expand\(\)\s+# \[(.*)\]', README)
    assert found, "the README shows a palette example"
    shades = livery.palette(found[1]).expand()
    first, seed, last = re.findall(r"'(#[0-9a-f]{6})'", found[2])
    assert (first, last) == (shades[0], shades[-1])
    assert seed == found[1] and seed in shades


def test_the_audit_counts_the_pairs_the_readme_says() -> None:
    (count,) = re.findall(r"measure (\d+) pairs in both modes", README)
    assert int(count) == len(PAIRS)
    checks = Theme.load("beacon").audit("AAA").checks
    assert len(checks) == 2 * len(PAIRS)


def test_the_failures_quoted_for_gradio_default_are_measured() -> None:
    found = re.search(
        r"Default's white-on-orange primary\s+button is ([\d.]+):1 and its subdued text on "
        r"white ([\d.]+):1",
        README,
    )
    assert found, "the README quotes Default's failures"
    ratios = {
        check.pair.label: round(check.ratio or 0, 1)
        for check in Theme.load("default").audit("AA").checks
        if check.mode == "light"
    }
    assert ratios["primary button"] == float(found[1])
    assert ratios["subdued text on a block"] == float(found[2])


def test_every_variable_count_in_the_readme_is_the_catalogues() -> None:
    counts = {int(n) for n in re.findall(r"(?:all|of the) (\d+) variables", README)}
    assert counts == {len(VARIABLES)}
