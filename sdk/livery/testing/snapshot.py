"""Compare a screenshot with its baseline; write baselines, and the images that explain a failure.

The comparison is pixelmatch's: a pixel differs when its YIQ colour distance exceeds the
threshold, unless it is anti-aliasing in either image (a pixel that lies between its neighbours
in brightness, next to runs of identical ones). That absorbs the edge noise of a shape moved or
resized by a fraction of a pixel while still counting a changed colour or a moved glyph stem.
pixelmatch is pure Python, so only the rectangle where the images differ (plus the margin its
anti-aliasing test looks at) is handed to it; identical images never reach it.

Nothing here knows about pytest: the plugin and the command line both use ``check``.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from PIL.Image import Image

Status = Literal["passed", "created", "updated", "failed"]

_AA_MARGIN = 3
"""pixelmatch's anti-aliasing test reads neighbours two pixels away; one more for safety."""

_DIFF_ALPHA = 0.1
"""How faint the unchanged picture is under the red and yellow marks of a diff image."""


def size_text(size: tuple[int, int]) -> str:
    """``800×600``."""
    return f"{size[0]}×{size[1]}"


@dataclass(frozen=True)
class Comparison:
    """How two images differ: ``diff_pixels`` is ``None`` when their sizes differ."""

    expected_size: tuple[int, int]
    actual_size: tuple[int, int]
    diff_pixels: int | None
    diff: Image | None
    """Red: differing pixels; yellow: anti-aliasing ignored; grey: the expected image."""

    @property
    def same_size(self) -> bool:
        return self.diff_pixels is not None


def compare(
    expected: Image, actual: Image, *, threshold: float = 0.1, include_aa: bool = False
) -> Comparison:
    """Compare two images with pixelmatch (``include_aa=True`` counts anti-aliasing too)."""
    from PIL import Image as PILImage
    from PIL import ImageChops
    from pixelmatch.contrib.PIL import pixelmatch

    if not 0 <= threshold <= 1:
        raise ValueError(f"threshold must be between 0 and 1, not {threshold!r}")
    if expected.size != actual.size:
        return Comparison(expected.size, actual.size, None, None)
    before = expected.convert("RGBA")
    after = actual.convert("RGBA")
    diff = _faded(before)
    box = ImageChops.difference(before, after).getbbox(alpha_only=False)
    if box is None:
        return Comparison(expected.size, actual.size, 0, diff)
    left, top, right, bottom = box
    width, height = before.size
    box = (
        max(left - _AA_MARGIN, 0),
        max(top - _AA_MARGIN, 0),
        min(right + _AA_MARGIN, width),
        min(bottom + _AA_MARGIN, height),
    )
    region = PILImage.new("RGBA", (box[2] - box[0], box[3] - box[1]))
    count = pixelmatch(
        before.crop(box),
        after.crop(box),
        region,
        threshold=threshold,
        includeAA=include_aa,
        alpha=_DIFF_ALPHA,
    )
    diff.paste(region, box[:2])
    return Comparison(expected.size, actual.size, count, diff)


def _faded(image: Image) -> Image:
    """The image in grey, blended with white (pixelmatch's background for its diff marks)."""
    from PIL import Image as PILImage

    luminance = image.convert("L")
    weight = image.getchannel("A").point(lambda a: int(a * _DIFF_ALPHA))
    white = PILImage.new("L", image.size, 255)
    grey = PILImage.composite(luminance, white, weight)
    return PILImage.merge("RGBA", (grey, grey, grey, white))


@dataclass(frozen=True)
class Outcome:
    """What ``check`` decided, and for a failure the images it wrote."""

    status: Status
    name: str
    message: str
    baseline: Path
    """The baseline compared with, or the one written."""
    expected: Path | None = None
    actual: Path | None = None
    diff: Path | None = None
    diff_pixels: int | None = None

    @property
    def failed(self) -> bool:
        return self.status == "failed"


def check(
    png: bytes,
    baseline: Path,
    results: Path,
    *,
    name: str,
    threshold: float = 0.1,
    max_diff_pixels: int = 0,
    update: bool = False,
    create_missing: bool = False,
    update_hint: str = "--update-snapshots",
    label: str | None = None,
) -> Outcome:
    """Compare the screenshot ``png`` with ``baseline`` and act on the result.

    With ``update`` a missing or non-matching baseline is (re)written and the check passes; a
    baseline that still matches is left alone, so re-running an update does not churn files.
    Without it a missing baseline is created when ``create_missing`` (a developer's first run)
    and a failure otherwise (CI). A failure writes ``<name>-expected.png``, ``-actual.png``
    and, when the sizes agree, ``-diff.png`` into ``results``. Messages call the snapshot
    ``label`` (default: ``snapshot 'name'``).
    """
    from PIL import Image as PILImage

    title = label or f"snapshot {name!r}"
    if max_diff_pixels < 0:
        raise ValueError(f"max_diff_pixels must be 0 or more, not {max_diff_pixels!r}")

    if not baseline.is_file():
        if update or create_missing:
            _write(baseline, png)
            return Outcome("created", name, f"created baseline {baseline}", baseline)
        actual_file = _write(results / f"{name}-actual.png", png)
        message = (
            f"{title} has no baseline at {baseline}; run with {update_hint} to "
            f"create it (this run's screenshot: {actual_file})"
        )
        return Outcome("failed", name, message, baseline, actual=actual_file)

    baseline_bytes = baseline.read_bytes()
    if baseline_bytes == png:  # the usual case, and no image needs decoding for it
        return Outcome("passed", name, "identical to the baseline", baseline, diff_pixels=0)
    actual = PILImage.open(io.BytesIO(png))
    actual.load()
    expected = PILImage.open(io.BytesIO(baseline_bytes))
    result = compare(expected, actual, threshold=threshold)
    if (
        result.same_size
        and result.diff_pixels is not None
        and result.diff_pixels <= max_diff_pixels
    ):
        return Outcome(
            "passed",
            name,
            f"{result.diff_pixels} pixels differ, {max_diff_pixels} allowed",
            baseline,
            diff_pixels=result.diff_pixels,
        )
    if update:
        _write(baseline, png)
        return Outcome("updated", name, f"updated baseline {baseline}", baseline)

    expected_file = _write(results / f"{name}-expected.png", baseline_bytes)
    actual_file = _write(results / f"{name}-actual.png", png)
    if not result.same_size:
        message = (
            f"{title}: size differs: expected {size_text(result.expected_size)}, "
            f"got {size_text(result.actual_size)} (baseline {baseline}; images in {results})"
        )
        return Outcome(
            "failed", name, message, baseline, expected=expected_file, actual=actual_file
        )
    assert result.diff is not None and result.diff_pixels is not None
    diff_file = results / f"{name}-diff.png"
    diff_file.parent.mkdir(parents=True, exist_ok=True)
    result.diff.save(diff_file)
    total = result.expected_size[0] * result.expected_size[1]
    message = (
        f"{title}: {result.diff_pixels} pixels differ from the baseline "
        f"({100 * result.diff_pixels / total:.2f}% of {size_text(result.expected_size)}; "
        f"{max_diff_pixels} allowed at threshold {threshold}); diff image: {diff_file}; "
        f"run with {update_hint} to accept the change"
    )
    return Outcome(
        "failed",
        name,
        message,
        baseline,
        expected=expected_file,
        actual=actual_file,
        diff=diff_file,
        diff_pixels=result.diff_pixels,
    )


def _write(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file, so a baseline is never half-written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)
    return path
