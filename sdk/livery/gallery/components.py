"""The installed components the gallery shows: one card each, with its stories' states.

Components are packages with a ``livery.components`` entry point
(``livery.component.registry``). Loading one imports its code, which may fail; so may its
``example_value()``, and a wheel may lack its built front end. Any of that makes a broken card
with one line saying why, and the page shows the others. The stories are the ones the package
ships (its project's ``demo/app.py``; ``installed_stories``), mounted in the browser with state
kept in the page, as the standalone page does: the same page works from the server and from a
static host, with no Python behind it (a story's handler does not run here; it does in
``livery component playground PACKAGE``).

The catalogue is read once per process, on first use (installing a package means restarting
the gallery, as for theme packages).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path
from typing import Any

from livery.component.base import Component
from livery.component.files import INLINE_FILES, use_host
from livery.component.playground.installed import installed_stories
from livery.component.registry import InstalledComponent, installed
from livery.component.static import MODEL_JS
from livery.errors import LiveryError
from livery.gallery.cards import one_line, unique_slug

SUMMARY_LENGTH = 300
"""A card's summary is cut here: a docstring's first line can be a megabyte long."""
FILES = ("index.js", "style.css")
"""What ``components/<slug>/`` holds: the component's built module and stylesheet."""


@dataclass(frozen=True)
class StoryState:
    """One story of a card: its name and the state it starts in, as JSON text."""

    slug: str
    name: str
    state: str


@dataclass(frozen=True)
class PropRow:
    """One prop of the detail table."""

    name: str
    type: str
    default: str


@dataclass(frozen=True)
class ComponentCard:
    """What the components page shows of one installed component."""

    slug: str
    name: str
    """The entry point's name."""
    distribution: str
    version: str
    target: str
    class_name: str = ""
    summary: str = ""
    spec: str = "{}"
    """``front_end_spec()`` as JSON text."""
    events: tuple[str, ...] = ()
    props: tuple[PropRow, ...] = ()
    value_type: str = ""
    stories: tuple[StoryState, ...] = ()
    js: Path | None = None
    css: Path | None = None
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error

    @property
    def install(self) -> str:
        return f"pip install {self.distribution}"

    def file(self, name: str) -> Path | None:
        """The built file ``name`` (one of ``FILES``), or ``None``."""
        path = {"index.js": self.js, "style.css": self.css}.get(name)
        return path if path is not None and path.is_file() else None


def describe(item: InstalledComponent, slug: str) -> ComponentCard:
    """The card of one installed component (a broken card if it cannot be shown)."""
    base = ComponentCard(slug, item.name, item.package, item.version, item.target)
    try:
        component = item.load()
        stories = installed_stories(item, component)
        with use_host(INLINE_FILES):  # no server behind a static page: files as data: URLs
            states = tuple(
                StoryState(story.slug, story.name, _json(story.instance(component).state()))
                for story in stories
            )
        js = component.js_path()  # AssetsMissingError when the wheel has no built front end
        css = component.css_path()
        schema = component.props_info()
        value = component.api_info()
    except Exception as error:
        reason = error if isinstance(error, LiveryError) else f"{type(error).__name__}: {error}"
        return _broken(base, str(reason))
    return ComponentCard(
        slug,
        item.name,
        item.package,
        item.version,
        item.target,
        class_name=component.name,
        summary=_summary(component, item.package),
        spec=_json(component.front_end_spec()),
        events=tuple(component.events),
        props=_props(schema),
        value_type=type_text(value),
        stories=states,
        js=js,
        css=css,
    )


def _broken(card: ComponentCard, reason: str) -> ComponentCard:
    return ComponentCard(
        card.slug, card.name, card.distribution, card.version, card.target, error=one_line(reason)
    )


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _summary(component: type[Component], package: str) -> str:
    """The first line of the class's own docstring, else the distribution's summary: a
    stranger's text, so one line of printable characters, cut at ``SUMMARY_LENGTH``."""
    doc = component.__dict__.get("__doc__") or ""
    lines = [line.strip() for line in doc.strip().splitlines()]
    text = lines[0] if lines and lines[0] else _distribution_summary(package)
    text = one_line(text)
    return text if len(text) <= SUMMARY_LENGTH else text[: SUMMARY_LENGTH - 1] + "…"


def _distribution_summary(package: str) -> str:
    try:
        return distribution(package).metadata.get("Summary") or ""
    except PackageNotFoundError:
        return ""


def type_text(schema: dict[str, Any]) -> str:
    """A short reading of a JSON schema: ``string``, ``number``, ``string | null``,
    ``object {url, name, mime, size}``, ``array of integer``."""
    if "anyOf" in schema:
        return " | ".join(type_text(part) for part in schema["anyOf"])
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    if "enum" in schema:
        return " | ".join(json.dumps(value) for value in schema["enum"])
    kind = schema.get("type", "any")
    if kind == "object" and isinstance(schema.get("properties"), dict):
        return f"object {{{', '.join(schema['properties'])}}}"
    if kind == "array" and isinstance(schema.get("items"), dict):
        return f"array of {type_text(schema['items'])}"
    return " | ".join(kind) if isinstance(kind, list) else str(kind)


def _props(schema: dict[str, Any]) -> tuple[PropRow, ...]:
    properties = schema.get("properties", {})
    return tuple(
        PropRow(name, type_text(field), json.dumps(field.get("default")))
        for name, field in properties.items()
    )


class Catalogue:
    """Every installed component's card, read on first use."""

    def __init__(self) -> None:
        self._cards: tuple[ComponentCard, ...] | None = None
        self._lock = threading.Lock()

    def cards(self) -> tuple[ComponentCard, ...]:
        with self._lock:
            if self._cards is None:
                taken: set[str] = set()
                found = []
                for item in installed():
                    slug = unique_slug(item.name, taken)
                    taken.add(slug)
                    found.append(describe(item, slug))
                self._cards = tuple(found)
            return self._cards

    def card(self, slug: str) -> ComponentCard | None:
        return next((card for card in self.cards() if card.slug == slug), None)

    def files(self) -> Iterator[tuple[str, Path]]:
        """Every file the components page loads, by its path in the site: the shared model
        and each usable component's built files."""
        yield "components/model.js", MODEL_JS
        for card in self.cards():
            for name in FILES:
                path = card.file(name)
                if path is not None:
                    yield f"components/{card.slug}/{name}", path
