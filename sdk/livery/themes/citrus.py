"""``Citrus``, where Gradio keeps it (``gradio.themes.citrus``)."""

from __future__ import annotations

from typing import ClassVar

from livery.themes.base import Base

__all__ = ["Citrus"]


class Citrus(Base):
    """Gradio's Citrus theme: amber, raised buttons, Ubuntu."""

    theme_file: ClassVar[str] = "citrus"
