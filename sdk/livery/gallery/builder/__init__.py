"""The theme builder's server side: settings from the page in, a checked theme out.

The page sends what the person changed — a name and description, hues (a named hue or a seed
colour), size presets, font stacks, any variable in light or dark, palette shades — on top of
a theme from the gallery (``request``). Everything goes through the engine's own validation
(``Theme`` assignment and ``set``), so the builder accepts exactly what a theme file would,
and a mistake comes back as the engine's one-line message, marked with the field it concerns.

A build gives the preview stylesheet, the TOML and Python, every variable's value and the
contrast audit in brief (``report``); the downloads (``exports``) are made from the built
theme on demand. The preview's stylesheet is served at a GET-able URL
(``/api/build.css?s=<the request>``) that the page swaps into its ``<link>``: a strict
``style-src 'self'`` allows that, while stylesheets from ``blob:`` URLs and inline ``style``
attributes would be blocked.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from threading import Lock
from typing import Any, Final

from livery.errors import ThemeBuilderError
from livery.gallery import hues, snippets
from livery.gallery.builder import exports, groups, report
from livery.gallery.builder.request import (
    FONT_SETTINGS,
    FONT_STACKS,
    HUE_SETTINGS,
    MAX_REQUEST_BYTES,
    MAX_TEXT,
    MONO_STACKS,
    SIZE_SETTINGS,
    BuildRequest,
    apply,
    parse,
    settings_python,
)
from livery.gallery.cards import ROLES, slugify
from livery.gallery.registry import FONTS_URL, Registry, preview_css
from livery.theme import NAMED, PRESETS, SHADES, Theme

__all__ = [
    "FONT_SETTINGS",
    "FONT_STACKS",
    "HUE_SETTINGS",
    "KEY_VARIABLES",
    "MAX_REQUEST_BYTES",
    "MAX_TEXT",
    "MONO_STACKS",
    "SCOPE",
    "SIZE_SETTINGS",
    "BuildRequest",
    "Builder",
    "Built",
    "apply",
    "options",
    "parse",
    "settings_python",
]

SCOPE: Final = ".lv-builder"

KEY_VARIABLES: Final = (
    ("button_primary_background_fill", "Primary button fill"),
    ("body_background_fill", "Page background"),
    ("block_radius", "Block corner radius"),
    ("link_text_color", "Link colour"),
)
"""The variables most people change first: the page links to them above the groups."""


@dataclass(frozen=True)
class Built:
    """A builder result: the theme and everything the page shows of it."""

    request: BuildRequest
    theme: Theme
    """The built theme, for the downloads (not changed after the build)."""
    css: str
    toml: str
    python: str
    grade: str
    contrast: dict[str, Any]
    values: dict[str, tuple[str, str]]
    base: dict[str, Any]
    """The base theme's own settings (see ``report.base_settings``)."""

    def to_json(self) -> dict[str, Any]:
        """What ``POST /api/build`` answers."""
        return {
            "ok": True,
            "css": self.css,
            "toml": self.toml,
            "python": self.python,
            "grade": self.grade,
            "contrast": self.contrast,
            "values": self.values,
            "base": self.base,
            "state": self.request.canonical(),
        }

    def stem(self) -> str:
        """The downloads' file name stem: the edited name, else the base theme's slug."""
        return slugify(self.request.name or self.request.base)


class Builder:
    """Builds themes for the builder page, remembering recent results."""

    def __init__(self, registry: Registry, cache_size: int = 128) -> None:
        self.registry = registry
        self._cache: OrderedDict[str, Built] = OrderedDict()
        self._cache_size = cache_size
        self._lock = Lock()

    def build(self, data: object) -> Built:
        """Build the theme ``data`` asks for (a ``ThemeBuilderError`` or ``ThemeError`` if it
        cannot be: one line, naming the field)."""
        request = parse(data)
        key = f"{self.registry.version}:{request.canonical()}"
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        card = self.registry.card(request.base)
        if card is None:
            raise ThemeBuilderError(f"no theme {request.base!r} in the gallery", field="from")
        if card.error is not None:
            raise ThemeBuilderError(f"{card.name} cannot be used: {card.error}", field="from")
        theme = self.registry.fresh_theme(request.base)
        base = report.base_settings(theme)
        theme = apply(theme, request)
        python = snippets.builder_snippet(
            card, request.name, settings_python(request), request.variables
        )
        if request.description is not None:
            python += f"theme.description = {snippets.literal(request.description)}\n"
        audit = theme.audit("AA")
        built = Built(
            request=request,
            theme=theme,
            css=preview_css(theme, SCOPE, FONTS_URL),
            toml=exports.BY_KIND["toml"].render(theme, ""),
            python=python,
            grade=audit.grade,
            contrast=report.contrast(audit),
            values=report.values(theme),
            base=base,
        )
        with self._lock:
            self._cache[key] = built
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return built


def options() -> dict[str, object]:
    """The choices the builder page offers."""
    sizes: dict[str, list[str]] = {"text": [], "spacing": [], "radius": []}
    for preset in PRESETS:
        scale, step = preset.split("_", 1)
        sizes[scale].append(step)
    return {
        "hues": list(NAMED),
        "hue_colours": {name: hues.hex_colour(hue.c500) for name, hue in NAMED.items()},
        "sizes": sizes,
        "fonts": {key: label for key, (label, _) in FONT_STACKS.items()},
        "mono": {key: label for key, (label, _) in MONO_STACKS.items()},
        "variables": KEY_VARIABLES,
        "roles": ROLES,
        "shades": SHADES,
        "groups": groups.grouped(),
        "exports": exports.EXPORTS,
    }
