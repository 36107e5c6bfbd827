"""``Ember``, where Gradio keeps it (``gradio.themes.ember``)."""

from __future__ import annotations

from typing import ClassVar

from livery.themes.base import Base

__all__ = ["Ember"]


class Ember(Base):
    """Gradio's Ember theme: orange on warm stone greys."""

    theme_file: ClassVar[str] = "ember"
