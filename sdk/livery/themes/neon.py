"""``Neon``, where Gradio keeps it (``gradio.themes.neon``)."""

from __future__ import annotations

from typing import ClassVar

from livery.themes.base import Base

__all__ = ["Neon"]


class Neon(Base):
    """Gradio's Neon theme."""

    theme_file: ClassVar[str] = "neon"
