"""Gradio's ``gradio.themes.utils.semver_match``: the versions of a theme shared on the Hub
(``ThemeAsset``, ``get_theme_assets``, ``get_matching_version``), read by the same library
Gradio uses; see ``livery.theme.hub``."""

from __future__ import annotations

from livery.theme import ThemeAsset, get_matching_version, get_theme_assets

__all__ = ["ThemeAsset", "get_matching_version", "get_theme_assets"]
