"""``Cyberpunk``, where Gradio keeps it (``gradio.themes.cyberpunk``)."""

from __future__ import annotations

from typing import ClassVar

from livery.themes.base import Base

__all__ = ["Cyberpunk"]


class Cyberpunk(Base):
    """Gradio's Cyberpunk theme."""

    theme_file: ClassVar[str] = "cyberpunk"
