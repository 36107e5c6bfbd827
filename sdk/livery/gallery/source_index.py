"""Which themes the gallery has: each source's key, slug, file stamp and generation.

A generation is a counter per source that goes up whenever its file changes or it goes away;
work started on one generation (loading, grading, a cached stylesheet) is worthless on the
next, and the generation in a cache key is what makes it so. Slugs are handed out once per
source and kept while it exists, so a theme keeps its address while it is edited.

Not thread-safe by itself: ``Registry`` holds its lock around every use.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from livery.gallery import cards
from livery.gallery.sources import Source, Stamp


class SourceIndex:
    """Sources by key in display order, with their slugs, stamps and generations."""

    def __init__(self) -> None:
        self.sources: dict[str, Source] = {}
        self.stamps: dict[str, Stamp] = {}
        self._slugs: dict[str, str] = {}
        self._keys: dict[str, str] = {}
        self._generations: dict[str, int] = {}

    def update(self, found: Sequence[Source], stamps: dict[str, Stamp]) -> list[str]:
        """Take a new listing of sources (and their stamps); return the keys that went, came
        or changed, each one's generation moved on."""
        moved = []
        for key in set(self.sources) - set(stamps):
            del self._keys[self._slugs.pop(key)]
            self._bump(key)
            moved.append(key)
        for source in found:
            key = source.key
            if key not in self._slugs:
                slug = cards.unique_slug(_slug_text(source), self._keys)
                self._slugs[key], self._keys[slug] = slug, key
            if key not in self.sources or self.stamps.get(key) != stamps[key]:
                self._bump(key)
                moved.append(key)
        self.sources = {source.key: source for source in found}
        self.stamps = stamps
        return moved

    def key(self, slug: str) -> str | None:
        """The key of the source ``slug`` names, if any."""
        return self._keys.get(slug)

    def slug(self, key: str) -> str:
        return self._slugs[key]

    def generation(self, key: str) -> int | None:
        """The current generation of ``key`` (``None`` for a key never seen)."""
        return self._generations.get(key)

    def _bump(self, key: str) -> None:
        self._generations[key] = self._generations.get(key, 0) + 1


def _slug_text(source: Source) -> str:
    if source.library_name is not None:
        return source.library_name
    return Path(source.label).stem
