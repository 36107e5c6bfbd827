"""The static site's ``fonts/`` folder: the woff2 files of every theme's hosted fonts.

The preview stylesheets (``themes/<slug>/scoped.css``) point at ``../../fonts/<file>``, so
the site works from any static host, in any folder, with no request to another origin.
"""

from __future__ import annotations

from pathlib import Path

from livery.gallery.registry import Registry
from livery.theme.fontfiles import FontSet, copy_files, font_sets


def write_site_fonts(registry: Registry, staging: Path) -> list[str]:
    """Fetch (once; cached after) and copy into ``staging/fonts`` the font files of every
    theme that loads; return the relative paths written. Run before the theme pages, so
    that the processes writing those find every font in the cache."""
    sets: list[FontSet] = []
    for _slug, source, _stamp in registry.sources():
        try:
            theme = source.load()
        except Exception:  # a broken theme has no preview: its error page says why
            continue
        sets += font_sets((*theme.font, *theme.font_mono))
    written = copy_files(sets, staging / "fonts")
    return sorted({path.relative_to(staging).as_posix() for path in written})
