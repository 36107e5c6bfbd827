"""The contrast audit: every pair of the catalogue, in light and dark mode, measured.

Works on a resolved theme (literal values), so it sees exactly what a browser would paint.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from livery.errors import InvalidOptionError, NotAColourError
from livery.theme.colour.contrast import Colour, apca, colours_in, flatten, wcag_ratio
from livery.theme.colour.pairs import LEVELS, PAIRS, REQUIRED, Pair, Role
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

    @property
    def passes(self) -> bool:
        """True when the ratio meets what the role needs (or nothing is needed)."""
        return self.required is None or (self.ratio is not None and self.ratio >= self.required)

    def meets(self, level: str) -> bool:
        """Whether this pair would pass at ``level``."""
        needed = REQUIRED[level].get(self.pair.role)
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
            "passed": self.passed,
            "grade": self.grade,
            "failures": len(self.failures),
            "checks": [check.to_dict() for check in self.checks],
            "apca": "APCA Lc values are informative; pass/fail follows WCAG 2.x ratios",
        }


def audit(resolved: Resolved, level: str = "AA", *, theme: str = "theme") -> AuditReport:
    """Measure every pair of the catalogue in both modes against ``level``."""
    if level not in REQUIRED:
        raise InvalidOptionError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    checks = [measure(resolved, pair, mode == "dark", level) for mode in MODES for pair in PAIRS]
    return AuditReport(theme=theme, level=level, checks=tuple(checks))


def measure(resolved: Resolved, pair: Pair, dark: bool, level: str) -> Check:
    """Measure one pair in one mode: the worst ratio over every painted combination."""
    foreground = resolved.literal(pair.foreground, dark)
    background = resolved.literal(pair.background, dark)
    layers = (background, *(resolved.literal(name, dark) for name in pair.beneath))
    required = REQUIRED[level].get(pair.role) if pair.role is not Role.DISABLED else None
    mode = "dark" if dark else "light"
    try:
        ratio, lc = _worst(foreground, layers)
    except NotAColourError as problem:
        return Check(pair, mode, foreground, background, None, None, None, str(problem))
    return Check(pair, mode, foreground, background, ratio, lc, required)


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
