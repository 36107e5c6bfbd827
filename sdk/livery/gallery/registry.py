"""Every theme the gallery shows, kept current, with the slow work done off the request path.

The registry maps each ``Source`` to a slug and a ``Card`` (``source_index``). A scan (at
start, and whenever the watcher sees a theme file change) finds new, changed and deleted
sources by their file stamps; only those are recomputed. A background ``Worker`` first
describes every theme (cheap: loading), then grades them (the contrast audit, which resolves
every reference), so that with a thousand themes the index can be served at once and the
grades fill in. Every change bumps ``version``, which pages and clients use to know when to
refresh. Loaded themes and preview stylesheets are kept in LRU caches keyed by generation, so
a changed file never gets an old entry back.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from livery.errors import LiveryError
from livery.gallery import cards
from livery.gallery.cards import Card
from livery.gallery.source_index import SourceIndex
from livery.gallery.sources import Source, Stamp, collect
from livery.gallery.worker import Worker
from livery.theme import Theme
from livery.theme.fontfiles import stack_faces

if TYPE_CHECKING:
    from livery.theme import AuditReport


def prepare(
    source: Source, slug: str, stamp: Stamp
) -> tuple[Card, Theme | None, AuditReport | None]:
    """Load, describe and grade one theme at once: its card, with the loaded theme and its
    ``AA`` audit when it can be used (the static build's way; the server's is in two steps
    through ``Registry``, with the same cards)."""
    try:
        theme = source.load()
        card = cards.describe(source, slug, theme, stamp)
    except Exception as error:
        return cards.broken(source, slug, _reason(error), stamp), None, None
    try:
        theme.resolved()
        report = theme.audit("AA")
    except Exception as error:  # a theme that loads but does not resolve is broken too
        return cards.broken(source, slug, _reason(error), stamp), None, None
    return cards.with_grade(card, report), theme, report


FONTS_URL = "../../fonts"
"""Where ``themes/<slug>/scoped.css`` finds the font files: ``/fonts/`` on the server, the
site's ``fonts/`` folder in the static build."""


def preview_css(theme: Theme, scope: str, fonts_url: str | None = None) -> str:
    """A theme's variables on ``scope``, dark mode on the ``.dark`` class, for previews.

    With ``fonts_url``, the theme's hosted fonts come first as ``@font-face`` rules for the
    gallery's own copies (``fontfiles``: fetched once, then cached), so no font is a request
    to another origin; a font that cannot be had falls back along its stack. Without it, no
    font rule at all (a page that loads the fonts itself).
    """
    css = theme.css(fonts=False, dark="class", scope=scope, minify=True)
    if fonts_url is None:
        return css
    return stack_faces((*theme.font, *theme.font_mono), fonts_url, minify=True) + css


class Registry:
    """The gallery's themes: their cards, kept current, and their loaded themes and CSS."""

    def __init__(
        self,
        folders: Sequence[Path] = (),
        *,
        include_library: bool = True,
        theme_cache: int = 64,
    ) -> None:
        self.folders = tuple(Path(folder) for folder in folders)
        self.include_library = include_library
        self.version = 0
        self._lock = threading.RLock()
        self._index = SourceIndex()
        self._cards: dict[str, Card] = {}
        self._loaded = lru_cache(maxsize=theme_cache)(self._load)
        self._css = lru_cache(maxsize=theme_cache * 4)(self._preview)
        self._worker = Worker(self._describe, self._grade)
        self.scan()

    # --- sources ---------------------------------------------------------------------------

    def scan(self) -> bool:
        """Find new, changed and deleted themes; return whether anything changed."""
        found = collect(self.folders, include_library=self.include_library)
        stamps = {source.key: source.stamp() for source in found}
        with self._lock:
            moved = self._index.update(found, stamps)
            for key in moved:
                self._cards.pop(key, None)
                if key in stamps:
                    self._worker.add(key)
            if moved:
                self.version += 1
        return bool(moved)

    def sources(self) -> list[tuple[str, Source, Stamp]]:
        """Every theme's (slug, source, stamp), in display order."""
        with self._lock:
            index = self._index
            return [
                (index.slug(key), source, index.stamps[key])
                for key, source in index.sources.items()
            ]

    # --- cards -----------------------------------------------------------------------------

    def cards(self) -> list[Card]:
        """Every card in display order (library first, then each folder), described."""
        with self._lock:
            keys = list(self._index.sources)
        found = [self._describe(key) for key in keys]
        return [card for card in found if card is not None]

    def card(self, slug: str) -> Card | None:
        """The card of ``slug``, or ``None`` if there is no such theme."""
        with self._lock:
            key = self._index.key(slug)
        return None if key is None else self._describe(key)

    def graded(self, slug: str) -> Card | None:
        """The card of ``slug`` with its grade measured now if it was still pending."""
        with self._lock:
            key = self._index.key(slug)
        if key is None:
            return None
        self._grade(key)
        return self._describe(key)

    def pending(self) -> int:
        """How many themes still wait to be described or graded."""
        with self._lock:
            return sum(
                1
                for key in self._index.sources
                if key not in self._cards or self._cards[key].pending
            )

    def complete(self) -> list[Card]:
        """Describe and grade every theme now, in this thread (for the static build)."""
        with self._lock:
            keys = list(self._index.sources)
        for key in keys:
            self._grade(key)
        return self.cards()

    def settle(self, card: Card) -> None:
        """Take a card prepared elsewhere (``prepare``, in the static build's processes)
        for the theme it names, unless that theme changed or went meanwhile."""
        key = card.key
        with self._lock:
            if self._index.key(card.slug) != key or key not in self._index.sources:
                return
            if card.version != cards.version(self._index.stamps[key]):
                return  # prepared from a file that has changed since
            self._cards[key] = card
            self.version += 1

    def _describe(self, key: str) -> Card | None:
        with self._lock:
            card = self._cards.get(key)
            if card is not None:
                return card
            source = self._index.sources.get(key)
            if source is None:
                return None
            slug, stamp = self._index.slug(key), self._index.stamps[key]
            generation = self._index.generation(key)
        try:
            card = cards.describe(source, slug, self._loaded(key, generation), stamp)
        except Exception as error:
            card = cards.broken(source, slug, _reason(error), stamp)
        with self._lock:
            if self._index.generation(key) != generation:
                return card  # changed meanwhile: the next scan's work replaces it
            return self._cards.setdefault(key, card)

    def _grade(self, key: str) -> None:
        card = self._describe(key)
        if card is None or not card.pending:
            return
        with self._lock:
            generation = self._index.generation(key)
            source = self._index.sources.get(key)
            stamp = self._index.stamps.get(key)
        if source is None:
            return  # gone meanwhile
        try:
            graded = cards.grade(card, self._theme(key, generation))
        except Exception as error:  # a theme that loads but does not resolve is broken too
            graded = cards.broken(source, card.slug, _reason(error), stamp)
        with self._lock:
            if self._index.generation(key) == generation and self._cards.get(key) is card:
                self._cards[key] = graded
                self.version += 1

    # --- themes and their stylesheets ------------------------------------------------------

    def theme(self, slug: str) -> Theme:
        """The loaded theme of ``slug`` (shared: do not change it; see ``fresh_theme``)."""
        with self._lock:
            key = self._index.key(slug)
            generation = None if key is None else self._index.generation(key)
        if key is None:
            raise KeyError(slug)
        return self._theme(key, generation)

    def fresh_theme(self, slug: str) -> Theme:
        """A newly loaded copy of the theme of ``slug``, to change freely."""
        with self._lock:
            source = self._index.sources.get(self._index.key(slug) or "")
        if source is None:
            raise KeyError(slug)
        return source.load()

    def preview_css(self, slug: str) -> str:
        """The theme's variables scoped to ``.lv-t-<slug>`` (cached until the file changes)."""
        with self._lock:
            key = self._index.key(slug)
            if key is None:
                raise KeyError(slug)
            generation = self._index.generation(key)
        return self._css(key, generation, slug)

    def _theme(self, key: str, generation: int | None) -> Theme:
        theme = self._loaded(key, generation)
        theme.resolved()  # reference problems raise here (the table is cached on the theme)
        return theme

    def _load(self, key: str, generation: int | None) -> Theme:
        """Load the source of ``key``; ``generation`` is part of the cache key only."""
        with self._lock:
            source = self._index.sources.get(key)
        if source is None:
            raise KeyError(key)
        return source.load()

    def _preview(self, key: str, generation: int | None, slug: str) -> str:
        return preview_css(self._theme(key, generation), f".lv-t-{slug}", FONTS_URL)

    # --- background work -------------------------------------------------------------------

    def start(self) -> None:
        """Describe every theme now (about half a millisecond each), then start the worker
        that grades them, so that the first index is complete except for pending grades."""
        if self._worker.running:
            return
        self.cards()
        self._worker.start()

    def stop(self) -> None:
        """Stop the worker (what it has not done is done on demand instead)."""
        self._worker.stop()

    def wait(self, timeout: float = 30.0) -> bool:
        """Wait until every theme is described and graded; ``False`` on timeout."""
        deadline = time.monotonic() + timeout
        while self.pending():
            if time.monotonic() > deadline:
                return False
            time.sleep(0.02)
        return True


def _reason(error: Exception) -> str:
    """The one-line reason an error card shows (Livery's own message for Livery's errors)."""
    if isinstance(error, LiveryError):
        return str(error)
    if isinstance(error, RecursionError):
        return "the theme nests too deeply to resolve"
    return f"could not prepare the theme: {type(error).__name__}: {error}"
