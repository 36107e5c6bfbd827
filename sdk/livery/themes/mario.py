"""``Mario``, where Gradio keeps it (``gradio.themes.mario``)."""

from __future__ import annotations

from typing import ClassVar

from livery.themes.base import Base

__all__ = ["Mario"]


class Mario(Base):
    """Gradio's Mario theme."""

    theme_file: ClassVar[str] = "mario"
