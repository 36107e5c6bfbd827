"""The gallery's pages and data files, the same for the server and the static build.

Every link is relative (``root`` is ``""``, ``"../"`` or ``"../../"`` for a page one or two
folders down), so the same HTML works under ``livery gallery`` and from any static host. The
``live`` flag says whether a server is behind the page: only then does the builder work and
do pages poll for changes. Static pages also link folders to their ``index.html``
(``page_file``; opened from disk, a folder is a file listing) and load their script as a
classic script (``classic``: browsers refuse module scripts from ``file://``).
"""

from __future__ import annotations

import json
from collections import Counter, OrderedDict
from dataclasses import dataclass, replace
from threading import Lock
from typing import TYPE_CHECKING, Final

from markupsafe import Markup

from livery.errors import ThemeBuilderError
from livery.gallery import builder, cards, downloads, hues, snippets
from livery.gallery.builder import Builder, Built
from livery.gallery.cards import ROLES, Card
from livery.gallery.components import Catalogue
from livery.gallery.registry import Registry
from livery.gallery.render import environment, render
from livery.theme import PAIRS, SHADES, VARIABLES, css_name

if TYPE_CHECKING:
    from livery.theme import AuditReport

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'"
)
"""The Content-Security-Policy of every response: nothing inline, nothing from elsewhere."""
CSP_META = CSP.removesuffix("; frame-ancestors 'none'")
"""The same policy for static pages, as a <meta> tag (which cannot carry frame-ancestors)."""
STATIC_VERSION: Final = 0
"""The ``data-version`` of static pages: nothing polls them, and a fixed value keeps a build
the same whichever process wrote each page."""
DETAIL_CACHE: Final = 256
"""Detail pages kept rendered (a page is about 40 kB)."""


@dataclass(frozen=True)
class CheckRow:
    """One line of the contrast table."""

    index: int
    label: str
    mode: str
    ratio: str
    required: str
    passes: bool
    apca: str


class Pages:
    """Renders the gallery from a registry; ``live`` for the server, not for static files."""

    def __init__(self, registry: Registry, *, live: bool) -> None:
        self.registry = registry
        self.live = live
        self.builder = Builder(registry)
        self.catalogue = Catalogue()
        self._index: tuple[int, str] | None = None
        self._fragments: dict[str, tuple[Card, Markup]] = {}
        self._details: OrderedDict[str, tuple[Card, int, str]] = OrderedDict()
        self._themes_json: tuple[int, str] | None = None
        self._lock = Lock()

    @property
    def version(self) -> int:
        """What pages carry as ``data-version``: the registry's version, for live pages."""
        return self.registry.version if self.live else STATIC_VERSION

    def _render(self, template: str, depth: int, script: str, **context: object) -> str:
        return render_page(template, depth, script, live=self.live, version=self.version, **context)

    # --- pages -----------------------------------------------------------------------------

    def index(self) -> str:
        """The index: one card per theme (re-rendered only when a theme changed)."""
        with self._lock:  # one render at a time; the others then find it cached
            version = self.registry.version
            if self._index is not None and self._index[0] == version:
                return self._index[1]
            all_cards = self.registry.cards()
            present = {card.family for card in all_cards if card.ok}
            tags = Counter(tag.lower() for card in all_cards for tag in card.tags)
            html = self._render(
                "index.html",
                0,
                "index",
                cards=all_cards,
                card_html=self._card_fragments(all_cards),
                families=[family for family in hues.families() if family in present],
                tags=sorted(tags.items(), key=lambda item: (-item[1], item[0])),
            )
            self._index = (version, html)
            return html

    def _card_fragments(self, shown: list[Card]) -> list[Markup]:
        """Each card's HTML, rendered again only when that card changed.

        The fragments are the card template's own autoescaped output; theme data in them was
        escaped when they were rendered.
        """
        macro = environment().get_template("card.html").module.theme_card  # type: ignore[attr-defined]
        fragments = {}
        for card in shown:
            cached = self._fragments.get(card.key)
            if cached is None or cached[0] is not card:
                cached = (card, macro(card, "", self.live))
            fragments[card.key] = cached
        self._fragments = fragments
        return [html for _, html in fragments.values()]

    def detail(self, slug: str) -> str | None:
        """A theme's page: kitchen sink, swatches, fonts, contrast, snippets, downloads.

        Kept rendered until the card or the version changes (pages carry the version).
        """
        card = self.registry.graded(slug)
        if card is None:
            return None
        version = self.version
        with self._lock:
            cached = self._details.get(slug)
            if cached is not None and cached[0] is card and cached[1] == version:
                self._details.move_to_end(slug)
                return cached[2]
        try:
            report = self.registry.theme(slug).audit("AA") if card.ok else None
        except Exception as error:  # the file changed since it was graded, for the worse
            shown = replace(card, error=cards.one_line(str(error)))
            return detail_page(shown, None, live=self.live, version=version)
        html = detail_page(card, report, live=self.live, version=version)
        with self._lock:
            self._details[slug] = (card, version, html)
            self._details.move_to_end(slug)
            while len(self._details) > DETAIL_CACHE:
                self._details.popitem(last=False)
        return html

    def compare(self) -> str:
        usable = [card for card in self.registry.cards() if card.ok]
        variables = [css_name(variable.name) for variable in VARIABLES]
        return self._render("compare.html", 1, "compare", cards=usable, variables=variables)

    def builder_page(self, base: str | None) -> str:
        """The builder, starting from ``base`` (or the first usable theme)."""
        usable = [card for card in self.registry.cards() if card.ok]
        card = next((c for c in usable if c.slug == base), usable[0] if usable else None)
        built: Built | None = None
        if self.live and card is not None:
            try:
                built = self.builder.build({"from": card.slug})
            except ThemeBuilderError:
                card = None
        return self._render(
            "builder.html",
            1,
            "builder",
            cards=usable,
            base=card,
            built=built,
            roles=ROLES,
            options=builder.options(),
        )

    def components(self) -> str:
        """The installed components, their stories in any usable theme of the gallery."""
        usable = [card for card in self.registry.cards() if card.ok]
        theme = next((c for c in usable if c.slug == "default"), usable[0] if usable else None)
        return self._render(
            "components.html",
            1,
            "components",
            components=self.catalogue.cards(),
            themes=usable,
            theme=theme,
        )

    def not_found(self) -> str:
        """The 404 page (served at any depth, so its links are absolute)."""
        return render(
            "not_found.html",
            root="/",
            live=self.live,
            version=self.registry.version,
            script="common",
            csp_meta=None,
            page_file="",
        )

    # --- data files ------------------------------------------------------------------------

    def themes_json(self) -> str:
        """Card data for search, filters and compare (written again only when a theme
        changed: every change bumps the version)."""
        version = self.registry.version
        cached = self._themes_json
        if cached is not None and cached[0] == version:
            return cached[1]
        data = {
            "version": version,
            "pending": self.registry.pending(),
            "themes": [card.to_json() for card in self.registry.cards()],
        }
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        if self.registry.version == version:
            self._themes_json = (version, text)
        return text

    def version_json(self) -> str:
        return json.dumps({"version": self.registry.version, "pending": self.registry.pending()})

    @staticmethod
    def pairs_css() -> str:
        """One class per contrast pair: its foreground on its background, for the samples."""
        rules = [
            f".lv-pair-{number} {{ color: var({css_name(pair.foreground)}); "
            f"background: var({css_name(pair.background)}); }}"
            for number, pair in enumerate(PAIRS)
        ]
        return "\n".join(rules) + "\n"


def render_page(
    template: str, depth: int, script: str, *, live: bool, version: int, **context: object
) -> str:
    """One page of the gallery ``depth`` folders down (its links relative to there)."""
    return render(
        template,
        root="../" * depth,
        live=live,
        version=version,
        script=script,
        csp_meta=None if live else CSP_META,
        page_file="" if live else "index.html",
        **context,
    )


def detail_page(card: Card, report: AuditReport | None, *, live: bool, version: int) -> str:
    """A theme's detail page from its card and contrast audit (``None``: the error page)."""
    if report is None or not card.ok:
        return render_page("detail.html", 2, "detail", live=live, version=version, card=card)
    index = {pair: number for number, pair in enumerate(PAIRS)}
    rows = [
        CheckRow(
            index=index.get(check.pair, 0),
            label=check.pair.label,
            mode=check.mode,
            ratio="—" if check.ratio is None else f"{check.ratio:.2f}",
            required="—" if check.required is None else f"{check.required:g}",
            passes=check.passes,
            apca="—" if check.apca is None else f"{check.apca:.1f}",
        )
        for check in report.checks
    ]
    return render_page(
        "detail.html",
        2,
        "detail",
        live=live,
        version=version,
        card=card,
        checks=rows,
        roles=ROLES,
        shades=SHADES,
        downloads=downloads.DOWNLOADS,
        livery_snippet=snippets.livery_snippet(card),
        gradio_snippet=snippets.gradio_snippet(card),
    )
