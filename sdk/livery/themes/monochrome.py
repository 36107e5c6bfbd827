"""``Monochrome``, where Gradio keeps it (``gradio.themes.monochrome``)."""

from __future__ import annotations

from typing import ClassVar

from livery.themes.base import Base

__all__ = ["Monochrome"]


class Monochrome(Base):
    """Gradio's Monochrome theme: black and white, square corners, Lora."""

    theme_file: ClassVar[str] = "monochrome"
