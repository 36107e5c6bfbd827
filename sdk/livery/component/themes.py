"""The library's themes as the component hosts use them: checked names, and the stylesheet
the playground, the dev server, the docs and the anywidget hosts give a component.

The playground page's policy allows stylesheets and fonts from its own origin only, so this
CSS leaves out font rules: the playground puts its own ``@font-face`` rules, for the copies it
serves at ``/fonts/``, in front of it (``playground.app``). Dark values hang off the ``.dark``
class, as in Gradio, which the page's light/dark switch puts on ``<body>``.
"""

from __future__ import annotations

from functools import lru_cache

from livery.errors import UnknownThemeError
from livery.theme import Theme, entries


def theme_names() -> list[str]:
    """Every theme in the library, built-ins first."""
    return list(entries())


def check_theme(name: str) -> str:
    """``name`` in the library's spelling, or ``UnknownThemeError`` listing the choices."""
    key = name.strip().lower()
    names = theme_names()
    if key not in names:
        raise UnknownThemeError(f"unknown theme {name!r}; choose from {', '.join(names)}")
    return key


@lru_cache(maxsize=64)
def theme_css(name: str) -> str:
    """The stylesheet of a library theme for the page (``UnknownThemeError`` if none)."""
    theme = Theme.load(check_theme(name))
    return theme.css(fonts=False, dark="class", minify=True)
