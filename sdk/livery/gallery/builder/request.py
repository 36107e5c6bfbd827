"""What the builder page sends: a base theme and the changes to make to it, shape-checked.

The values themselves are the engine's to check (``apply``); this module only makes sure the
request is the shape the builder understands, so that anything else is a one-line error.
A request's canonical JSON is the builder's state: the cache key, and the ``s=`` of every
GET URL and of the page's own address.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Final

from livery.errors import ThemeBuilderError, ThemeError
from livery.theme import Theme

MAX_REQUEST_BYTES: Final = 16_384
"""The largest request (or ``s=``) accepted. Every field of the page edited at once, with a
2,000-character description, is about 15 kB, so the cap needs no raise; the stylesheet's GET
URL carries that state URL-encoded, which uvicorn accepts (``test_builder_api`` checks both)."""
MAX_TEXT: Final = 200
MAX_NAME: Final = 100
MAX_DESCRIPTION: Final = 2000

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

_FIELDS: Final = frozenset({"from", "name", "description", "settings", "variables"})


@dataclass(frozen=True)
class BuildRequest:
    """What the page asks for: a base theme and the changes to make to it."""

    base: str
    name: str | None = None
    settings: dict[str, Any] = field(default_factory=dict)
    variables: dict[str, str] = field(default_factory=dict)
    description: str | None = None

    def canonical(self) -> str:
        """The request as stable JSON: the cache key, and the ``s=`` of the GET URLs."""
        data: dict[str, Any] = {"from": self.base}
        if self.name is not None:
            data["name"] = self.name
        if self.description is not None:
            data["description"] = self.description
        if self.settings:
            data["settings"] = dict(sorted(self.settings.items()))
        if self.variables:
            data["variables"] = dict(sorted(self.variables.items()))
        return json.dumps(data, separators=(",", ":"), ensure_ascii=False)


def parse(data: object) -> BuildRequest:
    """Check the shape of a request (the values themselves are the engine's to check)."""
    if not isinstance(data, dict):
        raise ThemeBuilderError("the request must be a JSON object")
    unknown = set(data) - _FIELDS
    if unknown:
        raise ThemeBuilderError(f"unknown field {sorted(unknown)[0]!r}")
    base = data.get("from")
    if not isinstance(base, str) or not base:
        raise ThemeBuilderError('"from" must name a theme of the gallery')
    name = _text(data, "name", MAX_NAME)
    description = _text(data, "description", MAX_DESCRIPTION)
    settings = _table(data.get("settings", {}), "settings")
    for key, value in settings.items():
        if key not in (*HUE_SETTINGS, *SIZE_SETTINGS, *FONT_SETTINGS):
            raise ThemeBuilderError(f"the builder cannot change {key!r}", field=key)
        stacks = MONO_STACKS if key == "font_mono" else FONT_STACKS
        if key in FONT_SETTINGS and value not in stacks:
            raise ThemeBuilderError(f"{key}: choose one of {', '.join(stacks)}", field=key)
    variables = _table(data.get("variables", {}), "variables")
    return BuildRequest(base, name, settings, variables, description)


def _text(data: dict[str, Any], key: str, limit: int) -> str | None:
    """An optional text field; blank means "keep the base theme's"."""
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > limit:
        raise ThemeBuilderError(f'"{key}" must be a text of at most {limit} characters', field=key)
    return value if value.strip() else None


def _table(value: object, what: str) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ThemeBuilderError(f'"{what}" must be a JSON object')
    if len(value) > 400:
        raise ThemeBuilderError(f'"{what}" has too many entries')
    table = {}
    for key, item in value.items():
        if not isinstance(item, str) or len(item) > MAX_TEXT:
            raise ThemeBuilderError(
                f"{key}: a value is a text of at most {MAX_TEXT} characters", field=key
            )
        if item.strip():  # empty means "keep the theme's value"
            table[key] = item.strip()
    return table


def apply(theme: Theme, request: BuildRequest) -> Theme:
    """Make the requested changes to ``theme`` through the engine's validation.

    Each change is made on its own, so that a refusal names the builder field that caused it.
    """
    for key, value in (("name", request.name), ("description", request.description)):
        if value is not None:
            _attempt(key, setattr, theme, key, value)
    for key, value in request.settings.items():
        if key in FONT_SETTINGS:
            stacks = MONO_STACKS if key == "font_mono" else FONT_STACKS
            value = list(stacks[value][1])
        _attempt(key, setattr, theme, key, value)
    for key, value in request.variables.items():
        _attempt(key, theme.set, **{key: value})
    try:
        theme.resolved()  # reference problems surface here, as one message
    except ThemeError as error:
        raise _at(error, error.variable, request) from None
    return theme


def _attempt(key: str, change: Any, *args: Any, **kwargs: Any) -> None:
    try:
        change(*args, **kwargs)
    except ThemeError as error:
        raise ThemeBuilderError(_unsourced(error), field=key) from None


def _unsourced(error: ThemeError) -> str:
    """The message without the base theme's file: the person wrote the value, not the file."""
    error.source = None
    return str(error)


def _at(error: ThemeError, variable: str | None, request: BuildRequest) -> ThemeBuilderError:
    """``error`` as a builder error, marked on the field it names if the request set it."""
    edited = {*request.variables, *request.settings}
    found = (
        next((name for name in (variable, f"{variable}_dark") if name in edited), None)
        if variable
        else None
    )
    return ThemeBuilderError(_unsourced(error), field=found)


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
