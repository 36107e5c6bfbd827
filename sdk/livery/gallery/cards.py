"""What the gallery shows about one theme: a ``Card``, built from the theme in two steps.

``describe`` reads what loading gives for free (name, tags, swatches, hue family, fonts);
``grade`` adds the contrast grade, which needs the theme's references resolved and its pairs
measured — the slow part, done in the background (see ``registry``). A theme that cannot be
loaded or resolved becomes an error card carrying the one-line reason, never an exception.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Container
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Final

from livery.gallery import hues
from livery.gallery.sources import GRADIO_CLASSES, Source, Stamp
from livery.theme import Theme, font_stack_css

if TYPE_CHECKING:
    from livery.theme import AuditReport

ROLES: Final = ("primary", "secondary", "neutral")
GRADES: Final = ("AAA", "AA", "fails")
MAX_REASON_CHARS: Final = 300
"""Error cards show this much of a reason (a reference cycle can name hundreds of variables)."""
RESERVED_SLUGS: Final = frozenset({"scoped"})
"""Slugs that would collide with a file in the theme's own folder (``scoped.css``)."""

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Card:
    """One theme as the gallery shows it. Plain data: safe to share between threads."""

    slug: str
    key: str
    label: str
    origin: str
    version: str
    """Changes with the theme's file: a cache-busting token for its stylesheet."""
    name: str = ""
    description: str = ""
    tags: tuple[str, ...] = ()
    author: str = ""
    swatches: dict[str, tuple[str, ...]] = field(default_factory=dict)
    family: str = hues.NEUTRAL
    fonts: dict[str, str] = field(default_factory=dict)
    grade: str | None = None
    """``AAA``, ``AA`` or ``fails`` once measured; ``None`` while the audit is pending."""
    error: str | None = None
    library_name: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def pending(self) -> bool:
        return self.ok and self.grade is None

    @property
    def gradio_class(self) -> str | None:
        """``Soft`` for the built-ins ``livery.themes`` has a class for, else ``None``."""
        if self.origin != "built-in" or self.library_name is None:
            return None
        return GRADIO_CLASSES.get(self.library_name)

    @property
    def short_error(self) -> str:
        """The reason, cut to a length a card can show."""
        text = self.error or ""
        return text if len(text) <= MAX_REASON_CHARS else text[: MAX_REASON_CHARS - 1] + "…"

    def search_text(self) -> str:
        """What the search box matches against: name, tags and description, lower case."""
        return " ".join((self.name, *self.tags, self.description, self.label)).lower()

    def to_json(self) -> dict[str, object]:
        """The card data ``/data/themes.json`` serves for search, filters and compare."""
        return {
            "slug": self.slug,
            "name": self.name or self.label,
            "description": self.description,
            "tags": list(self.tags),
            "author": self.author,
            "origin": self.origin,
            "family": self.family,
            "grade": self.grade,
            "error": self.error,
            "swatches": {role: list(shades) for role, shades in self.swatches.items()},
            "fonts": self.fonts,
        }


def describe(source: Source, slug: str, theme: Theme, stamp: Stamp) -> Card:
    """The card of a theme that loaded: everything but the contrast grade."""
    return _card(
        source,
        slug,
        stamp,
        name=theme.name,
        description=theme.description,
        tags=tuple(theme.tags),
        author=theme.author,
        swatches={
            role: tuple(hues.hex_colour(shade) for shade in getattr(theme, f"{role}_hue").expand())
            for role in ROLES
        },
        family=hues.family(theme.primary_hue),
        fonts={
            "font": font_stack_css(theme.font),
            "font_mono": font_stack_css(theme.font_mono),
        },
    )


def broken(source: Source, slug: str, reason: str, stamp: Stamp) -> Card:
    """The error card of a theme that cannot be used."""
    return _card(source, slug, stamp, name=source.label, error=one_line(reason))


def _card(source: Source, slug: str, stamp: Stamp, **details: Any) -> Card:
    """A card of ``source`` with what every card carries, and ``details``."""
    return Card(
        slug=slug,
        key=source.key,
        label=source.label,
        origin=source.origin,
        version=version(stamp),
        library_name=source.library_name,
        **details,
    )


def grade(card: Card, theme: Theme) -> Card:
    """The card with its contrast grade (``ThemeError`` if the references do not resolve)."""
    return with_grade(card, theme.audit("AA"))


def with_grade(card: Card, report: AuditReport) -> Card:
    """The card with the grade of its theme's ``AA`` audit."""
    return replace(card, grade=report.grade)


def one_line(text: str) -> str:
    """Messages are shown on one line; a stranger's file must not change that, nor slip
    control characters (``\x1b``, ``\x00``) into the page: they show as spaces."""
    return " ".join("".join(char if char.isprintable() else " " for char in text).split())


def version(stamp: Stamp) -> str:
    """A short token that changes whenever the stamp does."""
    return hashlib.sha1(repr(stamp).encode()).hexdigest()[:10]


def slugify(text: str) -> str:
    """A URL- and class-safe name: lower-case ASCII letters, digits and single hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")[:60].strip("-")
    return slug or "theme"


def unique_slug(text: str, taken: Container[str]) -> str:
    """``slugify(text)``, with ``-2``, ``-3`` … appended until it is not taken or reserved."""
    base = slugify(text)
    slug, number = base, 1
    while slug in taken or slug in RESERVED_SLUGS:
        number += 1
        slug = f"{base}-{number}"
    return slug
