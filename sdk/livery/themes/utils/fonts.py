"""Gradio's ``gradio.themes.utils.fonts``: ``Font`` (a system family), ``LocalFont`` (files
served next to the app) and ``GoogleFont``, the engine's classes with Gradio's arguments and
Gradio's ``stylesheet()``."""

from __future__ import annotations

from livery.theme import Font, GoogleFont, LocalFont

__all__ = ["Font", "GoogleFont", "LocalFont"]
