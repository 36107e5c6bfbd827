"""The pixel comparison and the baseline decisions, on small images drawn with Pillow."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from livery.testing.snapshot import check, compare


def png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def card(fill: str = "#2563eb", size: tuple[int, int] = (40, 30)) -> Image.Image:
    image = Image.new("RGBA", size, "white")
    ImageDraw.Draw(image).rectangle((5, 5, 24, 20), fill=fill)
    return image


def edge(anti_aliased: bool) -> Image.Image:
    """A black block on white whose right edge gains a grey (anti-aliasing) column."""
    image = Image.new("RGBA", (30, 20), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((5, 0, 14, 19), fill="black")
    if anti_aliased:
        draw.line((15, 0, 15, 19), fill=(128, 128, 128))
    return image


def test_identical_images_have_no_difference() -> None:
    result = compare(card(), card())
    assert result.diff_pixels == 0 and result.same_size


def test_a_changed_colour_is_counted_and_marked_red() -> None:
    result = compare(card("#2563eb"), card("#dc2626"))
    assert result.diff_pixels == 20 * 16
    assert result.diff is not None and result.diff.getpixel((10, 10))[:3] == (255, 0, 0)
    assert result.diff.getpixel((35, 25))[:3] != (255, 0, 0)  # unchanged: faded, not red


def test_a_colour_below_the_threshold_is_not_counted() -> None:
    assert compare(card("#2563eb"), card("#2564ec")).diff_pixels == 0


def test_anti_aliasing_is_tolerated_unless_included() -> None:
    assert compare(edge(False), edge(True)).diff_pixels == 0
    assert compare(edge(False), edge(True), include_aa=True).diff_pixels == 20


def test_different_sizes_are_not_compared_pixel_by_pixel() -> None:
    result = compare(card(size=(40, 30)), card(size=(40, 32)))
    assert not result.same_size and result.diff_pixels is None
    assert (result.expected_size, result.actual_size) == ((40, 30), (40, 32))


def test_threshold_must_be_a_fraction() -> None:
    with pytest.raises(ValueError, match="between 0 and 1"):
        compare(card(), card(), threshold=2)


# --- check: what happens to baselines and failure files -----------------------------------


def run(tmp_path: Path, image: Image.Image, **options: object):  # type: ignore[no-untyped-def]
    return check(
        png(image), tmp_path / "base" / "card.png", tmp_path / "results", name="card", **options
    )


def test_a_missing_baseline_fails_and_keeps_the_screenshot(tmp_path: Path) -> None:
    outcome = run(tmp_path, card())
    assert outcome.failed
    assert "no baseline" in outcome.message and "--update-snapshots" in outcome.message
    assert outcome.actual == tmp_path / "results" / "card-actual.png"
    assert outcome.actual.is_file() and not (tmp_path / "base").exists()


@pytest.mark.parametrize("option", ["update", "create_missing"])
def test_a_missing_baseline_is_created_on_request(tmp_path: Path, option: str) -> None:
    outcome = run(tmp_path, card(), **{option: True})
    assert outcome.status == "created"
    assert (tmp_path / "base" / "card.png").read_bytes() == png(card())
    assert not (tmp_path / "results").exists()


def test_a_matching_screenshot_passes_and_writes_nothing(tmp_path: Path) -> None:
    run(tmp_path, card(), update=True)
    outcome = run(tmp_path, card())
    assert outcome.status == "passed" and outcome.diff_pixels == 0
    assert not (tmp_path / "results").exists()


def test_a_difference_fails_with_expected_actual_and_diff_images(tmp_path: Path) -> None:
    run(tmp_path, card(), update=True)
    outcome = run(tmp_path, card("#dc2626"))
    assert outcome.failed and outcome.diff_pixels == 320
    assert "320 pixels differ" in outcome.message and "threshold 0.1" in outcome.message
    for path in (outcome.expected, outcome.actual, outcome.diff):
        assert path is not None and path.is_file()
    assert outcome.expected.read_bytes() == png(card())  # type: ignore[union-attr]


def test_max_diff_pixels_allows_a_small_difference(tmp_path: Path) -> None:
    run(tmp_path, card(), update=True)
    assert run(tmp_path, card("#dc2626"), max_diff_pixels=320).status == "passed"
    assert run(tmp_path, card("#dc2626"), max_diff_pixels=319).failed


def test_a_size_mismatch_fails_clearly(tmp_path: Path) -> None:
    run(tmp_path, card(size=(800, 600)), update=True)
    outcome = run(tmp_path, card(size=(800, 612)))
    assert outcome.failed
    assert "size differs: expected 800×600, got 800×612" in outcome.message
    assert outcome.diff is None and outcome.expected is not None and outcome.actual is not None


def test_update_rewrites_only_what_no_longer_matches(tmp_path: Path) -> None:
    baseline = tmp_path / "base" / "card.png"
    run(tmp_path, card(), update=True)
    assert run(tmp_path, card("#2564ec"), update=True).status == "passed"
    assert baseline.read_bytes() == png(card())  # within tolerance: left alone
    assert run(tmp_path, card("#dc2626"), update=True).status == "updated"
    assert baseline.read_bytes() == png(card("#dc2626"))
    assert not (tmp_path / "results").exists()


def test_max_diff_pixels_cannot_be_negative(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="0 or more"):
        run(tmp_path, card(), max_diff_pixels=-1)
