"""Colour science for the engine: seed palettes, contrast measures, the audit and its repair.

It works on a resolved value table (``livery.theme.resolve.Resolved``), never on a ``Theme``:
the model calls it (seed hues, accessible defaults, ``audit``, ``repair_contrast``), not the
other way round.
"""

from __future__ import annotations

from livery.errors import ContrastRepairError, NotAColourError, SeedError
from livery.theme.colour.audit import MODES, AuditReport, Check, audit
from livery.theme.colour.contrast import Colour, apca, colours_in, wcag_ratio
from livery.theme.colour.pairs import LEVELS, PAIRS, REQUIRED, Pair, Role
from livery.theme.colour.palette import Placement, palette, place
from livery.theme.colour.repair import Change

__all__ = [
    "LEVELS",
    "MODES",
    "PAIRS",
    "REQUIRED",
    "AuditReport",
    "Change",
    "Check",
    "Colour",
    "ContrastRepairError",
    "NotAColourError",
    "Pair",
    "Placement",
    "Role",
    "SeedError",
    "apca",
    "audit",
    "colours_in",
    "palette",
    "place",
    "wcag_ratio",
]
