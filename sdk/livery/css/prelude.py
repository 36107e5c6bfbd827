"""The ``livery`` SCSS module a custom stylesheet imports: the theme's SCSS export.

``@import "livery";`` (or ``@use "livery";``) gives what ``livery theme export --format scss``
writes (``livery.theme.export.scss``): ``$primary-500`` and every other theme variable with
its literal light value, the ``$livery-theme`` and ``$livery-theme-dark`` maps, and the
``dark`` mixin. Here the mixin's default switch is the one the stylesheet is built with, so
``@include dark { … }`` matches the theme's own dark block.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from livery.theme.export.scss import export

if TYPE_CHECKING:
    from livery.theme.model import Theme

DARK_SWITCHES = ("class", "media", "attribute", "all")


def prelude(theme: Theme, dark: str = "class") -> str:
    """The text of the ``livery`` module for ``theme`` built with the ``dark`` switch."""
    if dark not in DARK_SWITCHES:
        raise ValueError(f"dark must be 'class', 'media', 'attribute' or 'all', not {dark!r}")
    # Set before the export's `$livery-dark-switch: "class" !default;`, so it wins.
    return f'$livery-dark-switch: "{dark}";\n' + export(theme)
