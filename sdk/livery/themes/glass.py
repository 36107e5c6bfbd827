"""``Glass``, where Gradio keeps it (``gradio.themes.glass``)."""

from __future__ import annotations

from typing import ClassVar

from livery.themes.base import Base

__all__ = ["Glass"]


class Glass(Base):
    """Gradio's Glass theme: slate gradients, small sizes."""

    theme_file: ClassVar[str] = "glass"
