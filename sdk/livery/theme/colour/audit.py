"""The contrast audit: every pair of the catalogue, in light and dark mode, measured.

Works on a resolved theme (literal values), so it sees exactly what a browser would paint.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from livery.errors import InvalidOptionError, NotAColourError
from livery.theme.colour.contrast import Colour, apca, colours_in, flatten, wcag_ratio
from livery.theme.colour.pairs import LEVELS, PAIRS, REQUIRED, Pair, required
from livery.theme.resolve import Resolved

Level = Literal["AA", "AAA"]
MODES = ("light", "dark")


@dataclass(frozen=True)
class Check:
    """One pair measured in one mode."""

    pair: Pair
    mode: str
    foreground: str
    background: str
    ratio: float | None
    apca: float | None
    required: float | None
    note: str = ""
    lenient_placeholders: bool = False

    @property
    def passes(self) -> bool:
        """True when the ratio meets what the role needs (or nothing is needed)."""
        return self.required is None or (self.ratio is not None and self.ratio >= self.required)

    def meets(self, level: str) -> bool:
        """Whether this pair would pass at ``level``."""
        needed = required(level, self.pair.role, lenient_placeholders=self.lenient_placeholders)
        return needed is None or (self.ratio is not None and self.ratio >= needed)

    def to_dict(self) -> dict[str, Any]:
        return {
            "pair": self.pair.label,
            "mode": self.mode,
            "foreground": {"variable": self.pair.foreground, "value": self.foreground},
            "background": {"variable": self.pair.background, "value": self.background},
            "role": self.pair.role.value,
            "ratio": None if self.ratio is None else round(self.ratio, 2),
            "required": self.required,
            "passes": self.passes,
            "apca_lc": None if self.apca is None else round(self.apca, 1),
            "note": self.note,
        }


@dataclass(frozen=True)
class AuditReport:
    """The audit of one theme at one level: every check, and what failed."""

    theme: str
    level: str
    checks: tuple[Check, ...]
    lenient_placeholders: bool = False

    @property
    def failures(self) -> tuple[Check, ...]:
        return tuple(check for check in self.checks if not check.passes)

    @property
    def passed(self) -> bool:
        return not self.failures

    @property
    def grade(self) -> str:
        """The best level every pair meets in both modes: ``AAA``, ``AA`` or ``fails``."""
        for level in reversed(LEVELS):
            if all(check.meets(level) for check in self.checks):
                return level
        return "fails"

    def to_dict(self) -> dict[str, Any]:
        return {
            "theme": self.theme,
            "level": self.level,
            "placeholders": "lenient" if self.lenient_placeholders else "strict",
            "passed": self.passed,
            "grade": self.grade,
            "failures": len(self.failures),
            "checks": [check.to_dict() for check in self.checks],
            "apca": "APCA Lc values are informative; pass/fail follows WCAG 2.x ratios",
        }


def audit(
    resolved: Resolved,
    level: str = "AA",
    *,
    theme: str = "theme",
    lenient_placeholders: bool = False,
) -> AuditReport:
    """Measure every pair of the catalogue in both modes against ``level``.

    Placeholders need what text needs, as WCAG and axe-core judge them;
    ``lenient_placeholders`` asks only 3:1 (4.5:1 at AAA) of them.
    """
    if level not in REQUIRED:
        raise InvalidOptionError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    checks = [
        measure(resolved, pair, mode == "dark", level, lenient_placeholders=lenient_placeholders)
        for mode in MODES
        for pair in PAIRS
    ]
    return AuditReport(theme, level, tuple(checks), lenient_placeholders)


def measure(
    resolved: Resolved, pair: Pair, dark: bool, level: str, *, lenient_placeholders: bool = False
) -> Check:
    """Measure one pair in one mode: the worst ratio over every painted combination."""
    foreground = resolved.literal(pair.foreground, dark)
    background = resolved.literal(pair.background, dark)
    layers = (background, *(resolved.literal(name, dark) for name in pair.beneath))
    lenient = lenient_placeholders
    needed = required(level, pair.role, lenient_placeholders=lenient)
    mode = "dark" if dark else "light"
    try:
        ratio, lc = _worst(foreground, layers)
    except NotAColourError as problem:
        return Check(pair, mode, foreground, background, None, None, None, str(problem), lenient)
    return Check(pair, mode, foreground, background, ratio, lc, needed, "", lenient)


@lru_cache(maxsize=16384)
def _worst(foreground: str, layers: tuple[str, ...]) -> tuple[float, float]:
    backgrounds = flatten(tuple(colours_in(layer) for layer in layers))
    worst: tuple[float, float] | None = None
    for text in colours_in(foreground) or (Colour("transparent"),):
        for under in backgrounds:
            seen = text if text.alpha() >= 1 else Colour.layer([text, under], space="srgb")
            ratio = wcag_ratio(seen, under)
            if worst is None or ratio < worst[0]:
                worst = (ratio, apca(seen, under))
    assert worst is not None
    return worst
