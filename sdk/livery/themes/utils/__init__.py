"""``colors``, ``fonts`` and ``sizes``, where Gradio keeps them (``gradio.themes.utils``), so a
theme file's ``from gradio.themes.utils import colors, fonts, sizes`` works with ``livery``.

Gradio's ``get_matching_version``, ``get_theme_assets`` and ``ThemeAsset`` (the versions of a
theme shared on the Hugging Face Hub) are not here: Livery does not share themes on the Hub, and
theme files do not use them.
"""

from __future__ import annotations

from livery.themes.utils import colors, fonts, sizes

__all__ = ["colors", "fonts", "sizes"]
