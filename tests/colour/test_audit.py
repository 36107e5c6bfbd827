"""``theme.audit(level)``: every pair of the catalogue measured honestly in both modes."""

from __future__ import annotations

import json

import pytest

import livery.themes
from livery.theme.colour.audit import AuditReport
from livery.theme.colour.pairs import PAIRS, REQUIRED, Role

GRADIO = ("base", "default", "soft", "glass", "monochrome", "origin", "citrus", "ocean")
ORIGINAL = ("aurora", "kiln", "fjord", "moss", "ink", "folio", "beacon")


def find(report: AuditReport, label: str, mode: str = "light"):
    [found] = [c for c in report.checks if c.pair.label == label and c.mode == mode]
    return found


def describe(report: AuditReport) -> str:
    return "; ".join(f"{c.mode} {c.pair.label} {c.ratio:.2f}" for c in report.failures)


def test_gradio_default_primary_button_fails_aa_at_2_8() -> None:
    report = livery.themes.Default().audit("AA")
    button = find(report, "primary button")
    assert button.foreground == "white"
    assert button.background == "#f97316"
    assert button.ratio == pytest.approx(2.80, abs=0.01)
    assert button.required == 4.5
    assert not button.passes
    assert button in report.failures


@pytest.mark.parametrize("label", ["subdued text on the page", "subdued text on a block"])
def test_gradio_default_subdued_text_fails_aa_at_1_9(label: str) -> None:
    report = livery.themes.Default().audit("AA")
    subdued = find(report, label)
    assert subdued.ratio == pytest.approx(1.91, abs=0.01)
    assert not subdued.passes


def test_gradio_default_fails_honestly() -> None:
    report = livery.themes.Default().audit("AA")
    assert not report.passed
    assert report.grade == "fails"
    assert {c.mode for c in report.failures} == {"light", "dark"}


@pytest.mark.parametrize("name", GRADIO)
def test_every_gradio_parity_theme_reports_its_failures(name: str) -> None:
    report = livery.Theme.load(name).audit("AA")
    assert report.grade == "fails"
    assert not report.passed
    assert report.failures
    assert all(not check.passes and check.required for check in report.failures)


@pytest.mark.parametrize("name", ORIGINAL)
@pytest.mark.parametrize("mode", ["light", "dark"])
def test_every_original_theme_passes_aa_in_both_modes(name: str, mode: str) -> None:
    report = livery.Theme.load(name).audit("AA")
    in_mode = [c for c in report.failures if c.mode == mode]
    assert not in_mode, describe(report)
    assert all(c.ratio is not None for c in report.checks if c.mode == mode)


@pytest.mark.parametrize("name", ORIGINAL)
def test_every_original_theme_grades_at_least_aa(name: str) -> None:
    report = livery.Theme.load(name).audit("AA")
    assert report.passed
    assert report.grade in ("AA", "AAA")


def test_beacon_passes_aaa() -> None:
    report = livery.Theme.load("beacon").audit("AAA")
    assert report.passed, describe(report)
    assert report.grade == "AAA"


def test_the_report_has_every_pair_in_both_modes() -> None:
    report = livery.themes.Default().audit()
    assert len(report.checks) == 2 * len(PAIRS)
    for mode in ("light", "dark"):
        assert [c.pair for c in report.checks if c.mode == mode] == list(PAIRS)


def test_the_report_as_a_dict_is_json_with_apca_marked_informative() -> None:
    report = livery.themes.Default().audit("AA")
    data = json.loads(json.dumps(report.to_dict()))
    assert data["passed"] is False
    assert data["grade"] == "fails"
    assert data["level"] == "AA"
    assert data["failures"] == len(report.failures)
    assert len(data["checks"]) == 2 * len(PAIRS)
    assert "informative" in data["apca"]
    button = next(
        c for c in data["checks"] if c["pair"] == "primary button" and c["mode"] == "light"
    )
    assert button["ratio"] == 2.8
    assert button["passes"] is False
    assert button["foreground"] == {"variable": "button_primary_text_color", "value": "white"}
    assert isinstance(button["apca_lc"], float)


def test_aaa_asks_seven_to_one_of_text() -> None:
    aa = livery.Theme.load("aurora").audit("AA")
    aaa = livery.Theme.load("aurora").audit("AAA")
    for check in aaa.checks:
        if check.pair.role is Role.TEXT:
            assert check.required == 7.0
    between = [
        (a, b)
        for a, b in zip(aa.checks, aaa.checks)
        if a.pair.role is Role.TEXT and a.ratio is not None and 4.5 <= a.ratio < 7
    ]
    assert between, "aurora should have text pairs between 4.5:1 and 7:1"
    for at_aa, at_aaa in between:
        assert at_aa.passes
        assert not at_aaa.passes
    assert aa.passed and not aaa.passed
    assert aaa.grade == "AA"


def test_an_unknown_level_is_refused() -> None:
    with pytest.raises(ValueError, match="AA, AAA"):
        livery.themes.Default().audit("A")


@pytest.mark.parametrize("level", ["AA", "AAA"])
def test_disabled_pairs_never_fail(level: str) -> None:
    invisible = livery.themes.Base().set(
        background_fill_secondary="*body_text_color_subdued",
        background_fill_secondary_dark="*body_text_color_subdued",
    )
    report = invisible.audit(level)
    for mode in ("light", "dark"):
        disabled = find(report, "disabled text", mode)
        assert disabled.pair.role is Role.DISABLED
        assert disabled.ratio == pytest.approx(1.0)
        assert disabled.required is None
        assert disabled.passes
        assert disabled not in report.failures
    assert Role.DISABLED not in REQUIRED[level]
    assert not any(c.pair.role is Role.DISABLED for c in report.failures)
