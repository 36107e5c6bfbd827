"""``Ocean``, where Gradio keeps it (``gradio.themes.ocean``)."""

from __future__ import annotations

from typing import ClassVar

from livery.themes.base import Base

__all__ = ["Ocean"]


class Ocean(Base):
    """Gradio's Ocean theme: emerald to sky gradients, round corners."""

    theme_file: ClassVar[str] = "ocean"
