"""``Origin``, where Gradio keeps it (``gradio.themes.origin``)."""

from __future__ import annotations

from typing import ClassVar

from livery.themes.base import Base

__all__ = ["Origin"]


class Origin(Base):
    """Gradio's Origin theme: Gradio 4's look."""

    theme_file: ClassVar[str] = "origin"
