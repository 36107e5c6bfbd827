"""Gradio's ``gradio.themes.utils.sizes``: the ``Size`` class and Gradio's 11 presets.

The presets are the engine's (``livery.theme.PRESETS``), one name each so that editors and type
checkers see ``sizes.text_md`` as a ``Size``.
"""

from __future__ import annotations

from livery.theme import PRESETS, Size

radius_none = PRESETS["radius_none"]
radius_sm = PRESETS["radius_sm"]
radius_md = PRESETS["radius_md"]
radius_lg = PRESETS["radius_lg"]
radius_xxl = PRESETS["radius_xxl"]
spacing_sm = PRESETS["spacing_sm"]
spacing_md = PRESETS["spacing_md"]
spacing_lg = PRESETS["spacing_lg"]
text_sm = PRESETS["text_sm"]
text_md = PRESETS["text_md"]
text_lg = PRESETS["text_lg"]

__all__ = [
    "Size",
    "radius_lg",
    "radius_md",
    "radius_none",
    "radius_sm",
    "radius_xxl",
    "spacing_lg",
    "spacing_md",
    "spacing_sm",
    "text_lg",
    "text_md",
    "text_sm",
]
