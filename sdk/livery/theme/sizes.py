"""Size scales for text, spacing and corner radius, and Gradio's named presets."""

from __future__ import annotations

from typing import Any, ClassVar, Final

from pydantic import ConfigDict, field_validator

from livery.theme.checked import CheckedModel
from livery.theme.values import Kind, validated

STEPS: Final = ("xxs", "xs", "sm", "md", "lg", "xl", "xxl")


class Size(CheckedModel):
    """Seven lengths from ``xxs`` to ``xxl``; the same arguments as Gradio's ``gr.themes.Size``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    all: ClassVar[list[Size]] = []
    """Gradio's 11 presets, in Gradio's order (as ``gr.themes.Size.all``); sizes made later are
    not added (see ``Color.all``)."""

    xxs: str
    xs: str
    sm: str
    md: str
    lg: str
    xl: str
    xxl: str
    name: str | None = None

    def __init__(self, *steps: str, **fields: Any) -> None:
        if steps:
            if len(steps) != len(STEPS):
                raise TypeError(f"Size takes 7 lengths (xxs…xxl), got {len(steps)}")
            fields.update(zip(STEPS, steps, strict=True))
        super().__init__(**fields)

    @field_validator(*STEPS, mode="before")
    @classmethod
    def _check_step(cls, value: object) -> str:
        return validated(Kind.LENGTH, value)

    def expand(self) -> list[str]:
        """The seven lengths, smallest first (as Gradio's ``Size.expand``)."""
        return [getattr(self, step) for step in STEPS]


# fmt: off
_PRESETS: Final[dict[str, tuple[str, ...]]] = {
    "radius_none": ("0px", "0px", "0px", "0px", "0px", "0px", "0px"),
    "radius_sm": ("1px", "1px", "2px", "4px", "6px", "8px", "12px"),
    "radius_md": ("1px", "2px", "4px", "6px", "8px", "12px", "22px"),
    "radius_lg": ("2px", "4px", "6px", "8px", "12px", "16px", "24px"),
    "radius_xxl": ("6px", "8px", "10px", "20px", "24px", "28px", "32px"),
    "spacing_sm": ("1px", "1px", "2px", "4px", "6px", "9px", "12px"),
    "spacing_md": ("1px", "2px", "4px", "6px", "8px", "10px", "16px"),
    "spacing_lg": ("2px", "4px", "6px", "8px", "10px", "14px", "28px"),
    "text_sm": ("8px", "9px", "11px", "13px", "16px", "20px", "24px"),
    "text_md": ("9px", "10px", "12px", "14px", "16px", "22px", "26px"),
    "text_lg": ("10px", "12px", "14px", "16px", "20px", "24px", "28px"),
}
# fmt: on

PRESETS: Final[dict[str, Size]] = {
    name: Size(*steps, name=name) for name, steps in _PRESETS.items()
}
"""Gradio's size presets by full name (``radius_none`` … ``text_lg``)."""
Size.all.extend(PRESETS.values())

radius_none, radius_sm, radius_md, radius_lg, radius_xxl = (
    PRESETS[f"radius_{step}"] for step in ("none", "sm", "md", "lg", "xxl")
)
spacing_sm, spacing_md, spacing_lg = (PRESETS[f"spacing_{step}"] for step in ("sm", "md", "lg"))
text_sm, text_md, text_lg = (PRESETS[f"text_{step}"] for step in ("sm", "md", "lg"))


def preset(scale: str, name: str) -> Size:
    """Find a preset of ``scale`` (``text``, ``spacing``, ``radius``) by ``"md"`` or ``"text_md"``.

    Raises ``KeyError`` naming the presets that exist.
    """
    key = name.strip().lower()
    key = key if key.startswith(f"{scale}_") else f"{scale}_{key}"
    if key in PRESETS:
        return PRESETS[key]
    options = ", ".join(n.removeprefix(f"{scale}_") for n in PRESETS if n.startswith(scale))
    raise KeyError(f"no {scale} size {name!r}; one of {options}")
