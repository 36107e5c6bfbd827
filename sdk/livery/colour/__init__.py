"""Colour science, public: seed palettes, WCAG and APCA contrast, the audit's pairs and report.

The code lives in the engine (``livery.theme.colour``), because themes use it to grow palettes
from seeds and to audit and repair themselves; this module is its public face.
"""

from __future__ import annotations

from livery.theme.colour import *  # noqa: F403
from livery.theme.colour import __all__ as __all__
