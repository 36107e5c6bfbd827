"""Every theme the gallery shows, kept current, with the slow work done off the request path.

The registry maps each ``Source`` to a slug and a ``Card``. A scan (at start, and whenever the
watcher sees a theme file change) finds new, changed and deleted sources by their file stamps;
only those are recomputed. A background worker first describes every theme (cheap: loading),
then grades them (the contrast audit, which resolves every reference), so that with a thousand
themes the index can be served at once and the grades fill in. Every change bumps ``version``,
which pages and clients use to know when to refresh.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
import time
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from livery.errors import LiveryError
from livery.gallery import cards
from livery.gallery.cards import Card
from livery.gallery.sources import Source, Stamp, collect
from livery.theme import emit
from livery.theme.model import Theme

if TYPE_CHECKING:
    from livery.colour.audit import AuditReport

log = logging.getLogger("livery.gallery")

_DESCRIBE, _GRADE, _STOP = 1, 2, 0
"""Work priorities: stop first, then describe every theme, then grade them."""


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


def preview_css(theme: Theme, scope: str) -> str:
    """A theme's variables on ``scope``, dark mode on the ``.dark`` class, for previews.

    Font rules are left out: self-hosted font files are not part of the gallery and Google
    Fonts would be a request to another origin. The ``--font`` stacks stay as they are, so a
    browser that has the font installed shows it and others fall back along the stack.
    """
    return emit.stylesheet(theme.resolved(), (), dark="class", scope=scope, minify=True)


class Registry:
    """The gallery's themes: sources, slugs, cards, and caches of loaded themes and CSS."""

    def __init__(
        self,
        folders: Sequence[Path] = (),
        *,
        include_library: bool = True,
        theme_cache: int = 64,
    ) -> None:
        self.folders = tuple(Path(folder) for folder in folders)
        self.include_library = include_library
        self._lock = threading.RLock()
        self._sources: dict[str, Source] = {}
        self._stamps: dict[str, Stamp] = {}
        self._slugs: dict[str, str] = {}
        self._keys: dict[str, str] = {}
        self._cards: dict[str, Card] = {}
        self._generation: dict[str, int] = {}
        self._themes: OrderedDict[str, tuple[int, Theme]] = OrderedDict()
        self._css: OrderedDict[str, tuple[int, str]] = OrderedDict()
        self._theme_cache = theme_cache
        self._counter = itertools.count()
        self._queue: queue.PriorityQueue[tuple[int, int, str]] = queue.PriorityQueue()
        self._worker: threading.Thread | None = None
        self.version = 0
        self.scan()

    # --- sources ---------------------------------------------------------------------------

    def scan(self) -> bool:
        """Find new, changed and deleted themes; return whether anything changed."""
        found = collect(self.folders, include_library=self.include_library)
        stamps = {source.key: source.stamp() for source in found}
        with self._lock:
            changed = False
            for key in set(self._sources) - set(stamps):
                self._forget(key)
                changed = True
            for source in found:
                key = source.key
                if key not in self._slugs:
                    slug = cards.unique_slug(_slug_text(source), self._keys)
                    self._slugs[key], self._keys[slug] = slug, key
                if key not in self._sources or self._stamps.get(key) != stamps[key]:
                    self._invalidate(key)
                    self._queue.put((_DESCRIBE, next(self._counter), key))
                    changed = True
            self._sources = {source.key: source for source in found}
            self._stamps = stamps
            if changed:
                self.version += 1
        return changed

    def _forget(self, key: str) -> None:
        slug = self._slugs.pop(key)
        del self._keys[slug]
        self._cards.pop(key, None)
        self._stamps.pop(key, None)
        self._themes.pop(key, None)
        self._css.pop(key, None)
        self._generation[key] = self._generation.get(key, 0) + 1

    def _invalidate(self, key: str) -> None:
        self._cards.pop(key, None)
        self._themes.pop(key, None)
        self._css.pop(key, None)
        self._generation[key] = self._generation.get(key, 0) + 1

    # --- cards -----------------------------------------------------------------------------

    def cards(self) -> list[Card]:
        """Every card in display order (library first, then each folder), described."""
        with self._lock:
            keys = list(self._sources)
        found = [self._describe(key) for key in keys]
        return [card for card in found if card is not None]

    def card(self, slug: str) -> Card | None:
        """The card of ``slug``, or ``None`` if there is no such theme."""
        with self._lock:
            key = self._keys.get(slug)
        return None if key is None else self._describe(key)

    def graded(self, slug: str) -> Card | None:
        """The card of ``slug`` with its grade measured now if it was still pending."""
        with self._lock:
            key = self._keys.get(slug)
        if key is None:
            return None
        self._grade(key)
        return self._describe(key)

    def pending(self) -> int:
        """How many themes still wait to be described or graded."""
        with self._lock:
            return sum(
                1 for key in self._sources if key not in self._cards or self._cards[key].pending
            )

    def complete(self) -> list[Card]:
        """Describe and grade every theme now, in this thread (for the static build)."""
        with self._lock:
            keys = list(self._sources)
        for key in keys:
            self._grade(key)
        return self.cards()

    def _describe(self, key: str) -> Card | None:
        with self._lock:
            card = self._cards.get(key)
            if card is not None:
                return card
            source = self._sources.get(key)
            if source is None:
                return None
            slug, stamp, generation = self._slugs[key], self._stamps[key], self._generation[key]
        try:
            theme = source.load()
            card = cards.describe(source, slug, theme, stamp)
        except Exception as error:
            theme, card = None, cards.broken(source, slug, _reason(error), stamp)
        with self._lock:
            if self._generation.get(key) != generation:
                return card  # changed meanwhile: the next scan's work replaces it
            if theme is not None:
                self._keep_theme(key, generation, theme)
            return self._cards.setdefault(key, card)

    def _grade(self, key: str) -> None:
        card = self._describe(key)
        if card is None or not card.pending:
            return
        with self._lock:
            generation = self._generation[key]
        source = self._sources.get(key)
        try:
            graded = cards.grade(card, self._theme(key))
        except Exception as error:  # a theme that loads but does not resolve is broken too
            assert source is not None
            graded = cards.broken(source, card.slug, _reason(error), self._stamps.get(key))
        with self._lock:
            if self._generation.get(key) == generation and self._cards.get(key) is card:
                self._cards[key] = graded
                self.version += 1

    def sources(self) -> list[tuple[str, Source, Stamp]]:
        """Every theme's (slug, source, stamp), in display order."""
        with self._lock:
            return [
                (self._slugs[key], source, self._stamps[key])
                for key, source in self._sources.items()
            ]

    def settle(self, card: Card) -> None:
        """Take a card prepared elsewhere (``prepare``, in the static build's processes)
        for the theme it names, unless that theme changed or went meanwhile."""
        key = card.key
        with self._lock:
            if self._keys.get(card.slug) != key or key not in self._sources:
                return
            if card.version != cards.version(self._stamps[key]):
                return  # prepared from a file that has changed since
            self._cards[key] = card
            self.version += 1

    # --- themes and their stylesheets ------------------------------------------------------

    def theme(self, slug: str) -> Theme:
        """The loaded theme of ``slug`` (shared: do not change it; see ``fresh_theme``)."""
        with self._lock:
            key = self._keys.get(slug)
        if key is None:
            raise KeyError(slug)
        return self._theme(key)

    def fresh_theme(self, slug: str) -> Theme:
        """A newly loaded copy of the theme of ``slug``, to change freely."""
        with self._lock:
            source = self._sources.get(self._keys.get(slug, ""))
        if source is None:
            raise KeyError(slug)
        return source.load()

    def source(self, slug: str) -> Source | None:
        with self._lock:
            return self._sources.get(self._keys.get(slug, ""))

    def preview_css(self, slug: str) -> str:
        """The theme's variables scoped to ``.lv-t-<slug>`` (cached until the file changes)."""
        with self._lock:
            key = self._keys.get(slug)
            if key is None:
                raise KeyError(slug)
            generation = self._generation[key]
            cached = self._css.get(key)
            if cached is not None and cached[0] == generation:
                self._css.move_to_end(key)
                return cached[1]
        css = preview_css(self._theme(key), f".lv-t-{slug}")
        with self._lock:
            if self._generation.get(key) == generation:
                self._css[key] = (generation, css)
                while len(self._css) > self._theme_cache * 4:
                    self._css.popitem(last=False)
        return css

    def _theme(self, key: str) -> Theme:
        with self._lock:
            generation = self._generation.get(key)
            cached = self._themes.get(key)
            if cached is not None and cached[0] == generation:
                self._themes.move_to_end(key)
                return cached[1]
            source = self._sources.get(key)
        if source is None:
            raise KeyError(key)
        theme = source.load()
        theme.resolved()  # raise reference problems here, once
        with self._lock:
            if self._generation.get(key) == generation:
                self._keep_theme(key, generation, theme)
        return theme

    def _keep_theme(self, key: str, generation: int, theme: Theme) -> None:
        self._themes[key] = (generation, theme)
        self._themes.move_to_end(key)
        while len(self._themes) > self._theme_cache:
            self._themes.popitem(last=False)

    # --- background work -------------------------------------------------------------------

    def start(self) -> None:
        """Describe every theme now (about half a millisecond each), then start the worker
        that grades them, so that the first index is complete except for pending grades."""
        if self._worker is not None:
            return
        self.cards()
        self._worker = threading.Thread(target=self._work, name="livery-gallery", daemon=True)
        self._worker.start()

    def stop(self) -> None:
        """Stop the worker (what it has not done is done on demand instead)."""
        if self._worker is None:
            return
        self._queue.put((_STOP, -1, ""))
        self._worker.join(timeout=5)
        self._worker = None

    def wait(self, timeout: float = 30.0) -> bool:
        """Wait until every theme is described and graded; ``False`` on timeout."""
        deadline = time.monotonic() + timeout
        while self.pending():
            if time.monotonic() > deadline:
                return False
            time.sleep(0.02)
        return True

    def _work(self) -> None:
        while True:
            priority, _, key = self._queue.get()
            if priority == _STOP:
                return
            try:
                if priority == _DESCRIBE:
                    self._describe(key)
                    self._queue.put((_GRADE, next(self._counter), key))
                else:
                    self._grade(key)
            except Exception:  # keep serving; the request path reports the same problem
                log.exception("gallery: could not prepare %s", key)


def _reason(error: Exception) -> str:
    """The one-line reason an error card shows (Livery's own message for Livery's errors)."""
    if isinstance(error, LiveryError):
        return str(error)
    if isinstance(error, RecursionError):
        return "the theme nests too deeply to resolve"
    return f"could not prepare the theme: {type(error).__name__}: {error}"


def _slug_text(source: Source) -> str:
    if source.library_name is not None:
        return source.library_name
    return Path(source.label).stem
