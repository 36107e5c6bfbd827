"""Fonts and font stacks: system families, self-hosted files and Google Fonts.

The classes take the same arguments as Gradio's ``Font``, ``LocalFont`` and ``GoogleFont`` and
produce the same ``--font`` value and the same ``stylesheet()`` (what Gradio loads for a font).
Names are restricted to letters, digits, spaces, dots, hyphens and underscores, so a font name
can never leave its quotes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any, Final, Literal, TypedDict

from pydantic import ConfigDict, field_validator

from livery.errors import ValueCheckError
from livery.theme.checked import CheckedModel
from livery.theme.values import Kind, parse

GENERIC_FAMILIES: Final = frozenset({"sans-serif", "serif", "monospace", "cursive", "fantasy"})
LOCAL_FONT_URL: Final = "static/fonts"
"""Where ``LocalFont`` files are looked for: Gradio's own static font folder."""

_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}")
_BARE_FAMILY = re.compile(r"-?[A-Za-z_][A-Za-z0-9_-]*(?: -?[A-Za-z_][A-Za-z0-9_-]*)*")
_WEIGHT_FILES: Final = {
    100: "Thin",
    200: "ExtraLight",
    300: "Light",
    400: "Regular",
    500: "Medium",
    600: "SemiBold",
    700: "Bold",
    800: "ExtraBold",
    900: "Black",
}


class Stylesheet(TypedDict):
    """What a font asks the page to load, in Gradio's form: a stylesheet URL or CSS text."""

    url: str | None
    css: str | None


def check_family_name(name: str) -> str:
    """Return ``name`` stripped, or raise ``ValueError`` if it is not a safe family name."""
    name = name.strip()
    if not _SAFE_NAME.fullmatch(name):
        raise ValueError(
            f"font name {name[:60]!r} may hold only letters, digits, spaces, '.', '-' and '_'"
        )
    return name


class Font(CheckedModel):
    """A font the browser already has (a system font), named in the stack with quotes."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    source: Literal["system"] = "system"

    def __init__(self, name: str | None = None, /, **fields: Any) -> None:
        if name is not None:
            fields["name"] = name
        super().__init__(**fields)

    @field_validator("name")
    @classmethod
    def _check_name(cls, name: str) -> str:
        return check_family_name(name)

    def __str__(self) -> str:
        return self.name if self.name in GENERIC_FAMILIES else f"'{self.name}'"

    def stylesheet(self) -> Stylesheet:
        """What Gradio's ``Font.stylesheet()`` gives: nothing to load for a system font."""
        return {"url": None, "css": None}


class _HostedFont(Font):
    weights: tuple[int, ...] = (400, 600)

    def __init__(
        self, name: str | None = None, /, weights: Iterable[int] | None = None, **fields: Any
    ) -> None:
        if isinstance(weights, Iterable) and not isinstance(weights, (str, bytes, dict)):
            fields["weights"] = tuple(weights)
        elif weights is not None:
            fields["weights"] = weights  # pydantic refuses it with a one-line error
        super().__init__(name, **fields)

    @field_validator("weights")
    @classmethod
    def _check_weights(cls, weights: tuple[int, ...]) -> tuple[int, ...]:
        if not weights:
            raise ValueError("a font needs at least one weight")
        for weight in weights:
            if not 1 <= weight <= 1000:
                raise ValueError(f"font weight {weight} is outside 1…1000")
        return weights


class LocalFont(_HostedFont):
    """A font served from files next to the app (``static/fonts/<Name>/<Name>-<Weight>.woff2``)."""

    source: Literal["local"] = "local"  # type: ignore[assignment]

    def font_faces(self) -> list[str]:
        """One ``@font-face`` rule body per weight, as (family, src, weight) declarations."""
        return ["; ".join(declarations) for declarations in self._face_declarations()]

    def stylesheet(self) -> Stylesheet:
        """The ``@font-face`` rules as Gradio's ``LocalFont.stylesheet()`` writes them, to the
        character: Gradio puts this text in its page as it is."""
        blocks = (
            "\n@font-face {\n" + "".join(f"    {line};\n" for line in declarations) + "}\n"
            for declarations in self._face_declarations()
        )
        return {"url": None, "css": "\n".join(blocks)}

    def _face_declarations(self) -> list[tuple[str, ...]]:
        folder = _folder(self.name)
        return [
            (
                f"font-family: '{self.name}'",
                f"src: url('{LOCAL_FONT_URL}/{folder}/{folder}-{_weight_file(weight)}.woff2') "
                "format('woff2')",
                f"font-weight: {weight}",
                "font-style: normal",
            )
            for weight in self.weights
        ]


class GoogleFont(_HostedFont):
    """A font loaded from Google Fonts."""

    source: Literal["google"] = "google"  # type: ignore[assignment]

    def stylesheet_url(self) -> str:
        weights = ";".join(str(weight) for weight in sorted(self.weights))
        family = self.name.replace(" ", "+")
        return f"https://fonts.googleapis.com/css2?family={family}:wght@{weights}&display=swap"

    def stylesheet(self) -> Stylesheet:
        """What Gradio's ``GoogleFont.stylesheet()`` gives: the ``@font-face`` rules of Gradio's
        own copy when the installed Gradio ships this font in every weight asked for (Gradio
        serves those from ``static/fonts``), else the Google Fonts URL.

        The URL lists the weights in ascending order, as Google Fonts requires; Gradio keeps the
        order they were given in, so the two differ only for weights given out of order.
        """
        if _gradio_ships(self.name, self.weights):
            return LocalFont(self.name, weights=self.weights).stylesheet()
        return {"url": self.stylesheet_url(), "css": None}


def _folder(name: str) -> str:
    """The folder and file stem of a font's files, Gradio's way (``IBM Plex Mono`` →
    ``IBMPlexMono``)."""
    return name.replace(" ", "")


def _weight_file(weight: int) -> str:
    return _WEIGHT_FILES.get(weight, str(weight))


@cache
def _gradio_fonts_dir() -> Path | None:
    """Gradio's static font folder, found without importing Gradio (slow to import, and not a
    dependency of Livery); ``None`` when Gradio is not installed."""
    spec = find_spec("gradio")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "templates/frontend/static/fonts"


@cache
def _gradio_ships(name: str, weights: tuple[int, ...]) -> bool:
    """Whether the installed Gradio has this font's files in every weight (looked up once per
    font: ``stylesheet()`` runs for every ``_font_css``, ``to_dict()`` and served sheet)."""
    folder = _gradio_fonts_dir()
    if folder is None:
        return False
    files = folder / _folder(name)
    return all((files / f"{_folder(name)}-{_weight_file(w)}.woff2").is_file() for w in weights)


FONT_CLASSES: Final[dict[str, type[Font]]] = {
    "system": Font,
    "local": LocalFont,
    "google": GoogleFont,
}

FontEntry = LocalFont | GoogleFont | Font | str
"""One family in a stack: a ``Font`` object (quoted) or a plain family string (as written)."""


def entry_css(entry: FontEntry) -> str:
    """The CSS text of one stack entry, exactly as Gradio writes it."""
    if isinstance(entry, Font):
        return str(entry)
    return entry if _BARE_FAMILY.fullmatch(entry) else f"'{check_family_name(entry)}'"


def font_stack_css(stack: Iterable[FontEntry]) -> str:
    """The CSS ``font-family`` text of a whole stack (``'Montserrat', ui-sans-serif, …``)."""
    return ", ".join(entry_css(entry) for entry in stack)


def stack_from(value: object) -> tuple[FontEntry, ...]:
    """Accept Gradio's font argument forms: one font or string, or an iterable of them.

    Dicts (from TOML or Gradio JSON) become font objects; strings stay strings.
    """
    if isinstance(value, (Font, str, dict)):
        value = [value]
    if not isinstance(value, Iterable):
        raise ValueError(f"a font stack is a font or a list of fonts, not {type(value).__name__}")
    stack: list[FontEntry] = []
    for item in value:
        if isinstance(item, Font):
            stack.append(item)
        elif isinstance(item, str):
            name = item.strip()
            if not _BARE_FAMILY.fullmatch(name):
                check_family_name(name)
            stack.append(name)
        elif isinstance(item, dict):
            stack.append(_font_from_dict(item))
        elif isinstance(getattr(item, "name", None), str):
            stack.append(_font_from_object(item))
        else:
            raise ValueError(f"a font is a name or a Font, not {type(item).__name__}")
    if not stack:
        raise ValueError("a font stack needs at least one family")
    try:  # what the stylesheet will hold, checked now so that css() cannot fail on it later
        parse(Kind.FONT, font_stack_css(stack))
    except ValueCheckError as problem:
        raise ValueError(f"the font stack {problem}") from None
    return tuple(stack)


def _font_from_dict(data: dict[str, Any]) -> Font:
    fields = dict(data)
    source = fields.pop("source", "system")
    if not isinstance(source, str) or source not in FONT_CLASSES:
        raise ValueError(f"font source {source!r} is not one of {', '.join(FONT_CLASSES)}")
    if not all(isinstance(key, str) for key in fields):
        raise ValueError("a font's keys are names (name, source, weights)")
    cls = FONT_CLASSES[source]
    if cls is Font:
        fields.pop("weights", None)
    return cls(**fields)


def _font_from_object(item: object) -> Font:
    """Adopt a font object from elsewhere (Gradio's ``gr.themes.GoogleFont`` …) by its kind."""
    kind = type(item).__name__
    cls = {"GoogleFont": GoogleFont, "LocalFont": LocalFont}.get(kind, Font)
    if cls is Font:
        return Font(item.name)  # type: ignore[attr-defined]
    return cls(item.name, weights=getattr(item, "weights", None))  # type: ignore[attr-defined]


def font_to_dict(entry: FontEntry) -> str | dict[str, Any]:
    """The plain-data form of one stack entry (for TOML files)."""
    if isinstance(entry, str):
        return entry
    data: dict[str, Any] = {"name": entry.name}
    if entry.source != "system":
        data["source"] = entry.source
    if isinstance(entry, _HostedFont):
        data["weights"] = list(entry.weights)
    return data
