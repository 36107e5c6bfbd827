"""The theme builder's server side: settings from the page in, a checked theme out.

The page sends what the person changed — hues (a named hue or a seed colour), size presets,
a font stack, a few variables — on top of a theme from the gallery. Everything goes through the
engine's own validation (``Theme`` assignment and ``set``), so the builder accepts exactly what
a theme file would, and a mistake comes back as the engine's one-line message.

The preview's stylesheet is served at a GET-able URL (``/api/build.css?s=<the request>``) that
the page swaps into its ``<link>``: a strict ``style-src 'self'`` allows that, while
stylesheets from ``blob:`` URLs and inline ``style`` attributes would be blocked.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from dataclasses import dataclass, field
from threading import Lock
from typing import Any, Final

from livery.errors import ThemeBuilderError
from livery.gallery import snippets
from livery.gallery.registry import Registry, preview_css
from livery.theme import FORMATS, NAMED, PRESETS, Theme

SCOPE: Final = ".lv-builder"
MAX_REQUEST_BYTES: Final = 16_384
MAX_TEXT: Final = 200

KEY_VARIABLES: Final = (
    ("button_primary_background_fill", "Primary button fill"),
    ("body_background_fill", "Page background"),
    ("block_radius", "Block corner radius"),
    ("link_text_color", "Link colour"),
)
"""The variables the builder offers directly (any variable may be sent through the API)."""

HUE_SETTINGS: Final = ("primary_hue", "secondary_hue", "neutral_hue")
SIZE_SETTINGS: Final = ("text_size", "spacing_size", "radius_size")
FONT_SETTINGS: Final = ("font", "font_mono")

FONT_STACKS: Final[dict[str, tuple[str, tuple[str, ...]]]] = {
    "system": ("System UI", ("ui-sans-serif", "system-ui", "sans-serif")),
    "humanist": (
        "Humanist",
        ("Seravek", "Gill Sans Nova", "Ubuntu", "Calibri", "DejaVu Sans", "sans-serif"),
    ),
    "geometric": ("Geometric", ("Avenir", "Montserrat", "Corbel", "URW Gothic", "sans-serif")),
    "serif": ("Transitional serif", ("Charter", "Bitstream Charter", "Cambria", "serif")),
    "rounded": (
        "Rounded",
        ("ui-rounded", "Quicksand", "Comfortaa", "Manjari", "Calibri", "sans-serif"),
    ),
}
"""Font stacks that need no font files: each names fonts common on some system."""
MONO_STACKS: Final[dict[str, tuple[str, tuple[str, ...]]]] = {
    "system": ("System monospace", ("ui-monospace", "SFMono-Regular", "Menlo", "monospace")),
    "code": (
        "Code",
        ("ui-monospace", "Cascadia Code", "Source Code Pro", "Menlo", "Consolas", "monospace"),
    ),
    "classic": ("Classic", ("Courier New", "Courier", "monospace")),
}


@dataclass(frozen=True)
class BuildRequest:
    """What the page asks for: a base theme and the changes to make to it."""

    base: str
    name: str | None = None
    settings: dict[str, Any] = field(default_factory=dict)
    variables: dict[str, str] = field(default_factory=dict)

    def canonical(self) -> str:
        """The request as stable JSON: the cache key, and the ``s=`` of the GET URLs."""
        data: dict[str, Any] = {"from": self.base}
        if self.name is not None:
            data["name"] = self.name
        if self.settings:
            data["settings"] = dict(sorted(self.settings.items()))
        if self.variables:
            data["variables"] = dict(sorted(self.variables.items()))
        return json.dumps(data, separators=(",", ":"), ensure_ascii=False)


def parse(data: object) -> BuildRequest:
    """Check the shape of a request (the values themselves are the engine's to check)."""
    if not isinstance(data, dict):
        raise ThemeBuilderError("the request must be a JSON object")
    unknown = set(data) - {"from", "name", "settings", "variables"}
    if unknown:
        raise ThemeBuilderError(f"unknown field {sorted(unknown)[0]!r}")
    base = data.get("from")
    if not isinstance(base, str) or not base:
        raise ThemeBuilderError('"from" must name a theme of the gallery')
    name = data.get("name")
    if name is not None and (not isinstance(name, str) or len(name) > 100):
        raise ThemeBuilderError('"name" must be a text of at most 100 characters')
    if isinstance(name, str) and not name.strip():
        name = None
    settings = _table(data.get("settings", {}), "settings")
    for key, value in settings.items():
        if key not in (*HUE_SETTINGS, *SIZE_SETTINGS, *FONT_SETTINGS):
            raise ThemeBuilderError(f"the builder cannot change {key!r}")
        stacks = MONO_STACKS if key == "font_mono" else FONT_STACKS
        if key in FONT_SETTINGS and value not in stacks:
            raise ThemeBuilderError(f"{key}: choose one of {', '.join(stacks)}")
    variables = _table(data.get("variables", {}), "variables")
    return BuildRequest(base, name, settings, variables)


def _table(value: object, what: str) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ThemeBuilderError(f'"{what}" must be a JSON object')
    if len(value) > 400:
        raise ThemeBuilderError(f'"{what}" has too many entries')
    table = {}
    for key, item in value.items():
        if not isinstance(item, str) or len(item) > MAX_TEXT:
            raise ThemeBuilderError(f"{key}: a value is a text of at most {MAX_TEXT} characters")
        if item.strip():  # empty means "keep the theme's value"
            table[key] = item.strip()
    return table


def apply(theme: Theme, request: BuildRequest) -> Theme:
    """Make the requested changes to ``theme`` through the engine's validation."""
    if request.name is not None:
        theme.name = request.name
    for key, value in request.settings.items():
        if key in FONT_SETTINGS:
            stacks = MONO_STACKS if key == "font_mono" else FONT_STACKS
            value = list(stacks[value][1])
        setattr(theme, key, value)
    if request.variables:
        theme.set(**request.variables)
    theme.resolved()  # reference problems surface here, as one message
    return theme


def settings_python(request: BuildRequest) -> dict[str, object]:
    """The settings as the Python snippet passes them (font stacks spelled out)."""
    found: dict[str, object] = {}
    for key, value in request.settings.items():
        if key in FONT_SETTINGS:
            stacks = MONO_STACKS if key == "font_mono" else FONT_STACKS
            found[key] = list(stacks[value][1])
        else:
            found[key] = value
    return found


@dataclass(frozen=True)
class Built:
    """A builder result: the theme and everything the page shows of it."""

    request: BuildRequest
    css: str
    toml: str
    python: str
    grade: str


class Builder:
    """Builds themes for the builder page, remembering recent results."""

    def __init__(self, registry: Registry, cache_size: int = 128) -> None:
        self.registry = registry
        self._cache: OrderedDict[str, Built] = OrderedDict()
        self._cache_size = cache_size
        self._lock = Lock()

    def build(self, data: object) -> Built:
        request = parse(data)
        key = f"{self.registry.version}:{request.canonical()}"
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        card = self.registry.card(request.base)
        if card is None:
            raise ThemeBuilderError(f"no theme {request.base!r} in the gallery")
        if card.error is not None:
            raise ThemeBuilderError(f"{card.name} cannot be used: {card.error}")
        theme = apply(self.registry.fresh_theme(request.base), request)
        built = Built(
            request=request,
            css=preview_css(theme, SCOPE),
            toml=FORMATS["toml"](theme),
            python=snippets.builder_snippet(
                card, request.name, settings_python(request), request.variables
            ),
            grade=theme.audit("AA").grade,
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
        "sizes": sizes,
        "fonts": {key: label for key, (label, _) in FONT_STACKS.items()},
        "mono": {key: label for key, (label, _) in MONO_STACKS.items()},
        "variables": KEY_VARIABLES,
    }
