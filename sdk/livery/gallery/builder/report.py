"""What the builder page shows of a built theme besides its preview: every variable's value
(as written and resolved, light and dark), the contrast audit in brief, and the base theme's
own settings (what "Keep" means in each choice).
"""

from __future__ import annotations

from typing import Any, Final

from livery.gallery import hues
from livery.gallery.cards import ROLES
from livery.theme import VARIABLES, AuditReport, Theme

FALLBACK_SEED = "#6366f1"
SHOWN: Final = 60
"""Values are shown shortened to this many characters (the ``data:`` images of checkboxes
run to hundreds): they are what the page displays beside a field, never what it sends."""


def values(theme: Theme) -> dict[str, tuple[str, str]]:
    """``name`` and ``name_dark`` → (the value as written, the value with references followed).

    Colours resolved to ``#rrggbb`` where they are plain colours, so that the page's colour
    pickers can show them.
    """
    resolved = theme.resolved()
    table: dict[str, tuple[str, str]] = {}
    for variable in VARIABLES:
        for dark in (False, True) if variable.has_dark else (False,):
            name = f"{variable.name}_dark" if dark else variable.name
            literal = resolved.literal(variable.name, dark)
            raw = resolved.value(variable.name, dark).raw
            table[name] = (_shown(raw), _shown(hues.hex_colour(literal)))
    return table


def _shown(text: str) -> str:
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


def contrast(report: AuditReport) -> dict[str, Any]:
    """The audit in brief: the grade, how many pairs meet AA and AAA, and the worst pair
    (the lowest ratio against what its role needs)."""
    scored = [
        (check.ratio / check.required, check)
        for check in report.checks
        if check.ratio is not None and check.required
    ]
    worst = min(scored, key=lambda item: item[0])[1] if scored else None
    return {
        "grade": report.grade,
        "total": len(report.checks),
        "aa": sum(check.meets("AA") for check in report.checks),
        "aaa": sum(check.meets("AAA") for check in report.checks),
        "failures": len(report.failures),
        "worst": None
        if worst is None
        else {
            "pair": worst.pair.label,
            "mode": worst.mode,
            "ratio": round(worst.ratio or 0.0, 2),
            "required": worst.required,
            "passes": worst.passes,
        },
    }


def base_settings(theme: Theme) -> dict[str, Any]:
    """The base theme's hues and sizes as the "Keep (…)" choices name them, and each hue's
    seed colour (what the seed swatch shows until another hue is chosen)."""
    found: dict[str, Any] = {}
    seeds = {}
    for role in ROLES:
        hue = getattr(theme, f"{role}_hue")
        found[f"{role}_hue"] = hue.name or hue.seed or "custom"
        seed = hues.hex_colour(hue.seed or hue.c500).lower()
        seeds[f"{role}_hue"] = seed if len(seed) == 7 and seed.startswith("#") else FALLBACK_SEED
    for scale in ("text", "spacing", "radius"):
        size = getattr(theme, f"{scale}_size")
        found[f"{scale}_size"] = size.name.split("_", 1)[1] if size.name else "custom"
    found["seeds"] = seeds
    found["name"] = theme.name
    found["description"] = theme.description
    return found
