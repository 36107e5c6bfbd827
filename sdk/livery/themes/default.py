"""``Default``, where Gradio keeps it (``gradio.themes.default``)."""

from __future__ import annotations

from typing import ClassVar

from livery.themes.base import Base

__all__ = ["Default"]


class Default(Base):
    """Gradio's Default theme: orange and blue, Source Sans Pro."""

    theme_file: ClassVar[str] = "default"
