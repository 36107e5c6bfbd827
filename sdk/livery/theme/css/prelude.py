"""The ``livery`` SCSS module a custom stylesheet imports: the theme's SCSS export.

``@import "livery";`` (or ``@use "livery";``) gives what ``livery theme export --format scss``
writes (``livery.theme.export.scss``): ``$primary-500`` and every other theme variable with
its literal light value, the ``$livery-theme`` and ``$livery-theme-dark`` maps, and the
``dark`` mixin. Here the mixin's default switch is the one the stylesheet is built with, so
``@include dark { … }`` matches the theme's own dark block.
"""

from __future__ import annotations

from livery.theme.dark import DarkSwitch, check_switch
from livery.theme.export.scss import export
from livery.theme.resolve import Resolved


def prelude(resolved: Resolved, dark: DarkSwitch = "class", *, name: str = "") -> str:
    """The text of the ``livery`` module for the theme ``name`` built with the ``dark`` switch.

    An unknown switch is an ``InvalidOptionError``.
    """
    check_switch(dark)
    # Set before the export's `$livery-dark-switch: "class" !default;`, so it wins.
    return f'$livery-dark-switch: "{dark}";\n' + export(resolved, name=name)
