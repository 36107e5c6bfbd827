"""``Soft``, where Gradio keeps it (``gradio.themes.soft``)."""

from __future__ import annotations

from typing import ClassVar

from livery.themes.base import Base

__all__ = ["Soft"]


class Soft(Base):
    """Gradio's Soft theme: indigo, soft fills, Montserrat."""

    theme_file: ClassVar[str] = "soft"
