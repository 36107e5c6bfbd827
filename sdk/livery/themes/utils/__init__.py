"""``colors``, ``fonts`` and ``sizes``, where Gradio keeps them (``gradio.themes.utils``), so a
theme file's ``from gradio.themes.utils import colors, fonts, sizes`` works with ``livery``.

Gradio's ``ThemeAsset``, ``get_theme_assets`` and ``get_matching_version`` (the versions of a
theme shared on the Hugging Face Hub, picked by a semantic-version expression) are here too, in
``semver_match`` as in Gradio: Livery does not talk to the Hub, but they only read a Space's
file listing, which code may have fetched itself.
"""

from __future__ import annotations

from livery.themes.utils import colors, fonts, sizes
from livery.themes.utils.semver_match import ThemeAsset, get_matching_version, get_theme_assets

__all__ = ["ThemeAsset", "colors", "fonts", "get_matching_version", "get_theme_assets", "sizes"]
