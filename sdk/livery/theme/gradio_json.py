"""Gradio's theme JSON: what ``gr.Theme.dump()`` writes and ``gr.Theme.from_dict`` reads.

Export writes every variable (references kept as ``*name``) plus Gradio's font entries, so
Gradio rebuilds the same theme. Import recovers the core settings (named hues and size presets
are recognised by their values) and keeps as overrides only what differs from the defaults,
so importing Gradio's dump of a built-in gives the same theme as Livery's file for it.

Gradio loads any key and emits it (``from_dict`` sets every key as an attribute and
``_get_theme_css`` writes each one as ``--key``, ``*name`` as ``var(--name)``). Published themes
rely on that: keys of earlier versions (``button_shadow``, ``block_height``), extra shades
(``neutral_25``) that other values reference, references to nothing (``*white``). Import keeps
the first two (``legacy()``; ``dump(legacy=…)`` writes them back), writes a reference to a kept
key as that key's value (the value Gradio computes), and a value that references nothing as
``""``: Gradio's ``var(--white)`` names no variable, so the browser drops the declaration, which
is what an empty value does. A ``GradioLegacyKeyWarning`` names every such key.

Remote images (``url(https://…)``) load only when the caller says the theme is trusted
(``remote_urls=True``, for a theme the user loads in their own code); by default, and on a
page that shows strangers' themes, a value loading one is refused with a one-line error that
names the variable and says why (``ThemeFileError`` for a kept key; the model's
``InvalidValueError`` for a variable).
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from livery.errors import GradioLegacyKeyWarning, ThemeFileError, ValueCheckError
from livery.theme import palettes, reading, sizes
from livery.theme.catalogue import (
    BY_NAME,
    CORE,
    DARK_NAMES,
    EXTRA_SHADE,
    GRADIO_VERSION,
    LEGACY,
    SAME,
    VARIABLES,
)
from livery.theme.fonts import Font, FontEntry, GoogleFont, LocalFont
from livery.theme.palettes import SHADES
from livery.theme.resolve import Resolved
from livery.theme.sizes import STEPS
from livery.theme.values import (
    REFERENCE,
    Kind,
    css_name,
    normalise,
    parse,
    remote_addresses,
    remote_urls,
)

MAX_FILE_BYTES = 1_000_000
_GRADIO_CLASSES = {GoogleFont: "google", LocalFont: "local"}
_IGNORED = {"_font_css", "_stylesheets", "name"}


def dump(
    resolved: Resolved,
    *,
    name: str,
    font: tuple[FontEntry, ...],
    font_mono: tuple[FontEntry, ...],
    legacy: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The Gradio theme dict of a resolved theme (``{"theme": {...}, "gradio_version": ...}``);
    ``legacy`` keys (what ``legacy()`` kept from an imported file) are written back as they
    came, so Gradio emits them as it did before."""
    stylesheets, font_css = font_sheets((*font, *font_mono))
    data: dict[str, Any] = {
        "_font": [_font_entry(entry) for entry in font],
        "_font_mono": [_font_entry(entry) for entry in font_mono],
        "_font_css": font_css,
        "_stylesheets": stylesheets,
        "name": name,
    }
    for variable in VARIABLES:
        data[variable.name] = resolved.light[variable.name].raw
        dark = resolved.dark.get(variable.name)
        if dark is not None:
            data[f"{variable.name}_dark"] = dark.raw
        elif isinstance(variable.dark, str):  # follows light where Gradio's Base would not
            data[f"{variable.name}_dark"] = resolved.light[variable.name].raw
    for key, value in (legacy or {}).items():
        data.setdefault(key, value)
    return {"theme": data, "gradio_version": GRADIO_VERSION}


def font_sheets(stack: Iterable[FontEntry | str]) -> tuple[list[str], list[str]]:
    """Gradio's ``_stylesheets`` and ``_font_css`` of a font stack, in stack order: the
    addresses to link (Google fonts), and the ``@font-face`` text of fonts served from
    ``static/fonts`` (self-hosted ones, and Google fonts the installed Gradio ships), as
    Gradio collects them from each font's ``stylesheet()``."""
    urls: list[str] = []
    css: list[str] = []
    for entry in stack:
        if isinstance(entry, Font):
            sheet = entry.stylesheet()
            if sheet["url"]:
                urls.append(sheet["url"])
            elif sheet["css"]:
                css.append(sheet["css"])
    return urls, css


def _font_entry(entry: Font | str) -> Any:
    if isinstance(entry, str):
        return entry
    return {
        "__gradio_font__": True,
        "name": entry.name,
        "class": _GRADIO_CLASSES.get(type(entry), "font"),
        "weights": list(entry.weights) if isinstance(entry, (GoogleFont, LocalFont)) else None,
    }


def read(data: dict[str, Any] | str | Path) -> tuple[dict[str, Any], str]:
    """The theme values of a Gradio theme (its dict, or the path of its JSON file) and the
    name of where they came from, for messages."""
    source = "<gradio theme>"
    if isinstance(data, (str, Path)):
        source = str(data)
        data = _read(Path(data))
    if not isinstance(data, dict):
        raise ThemeFileError("a Gradio theme is a JSON object", source=source)
    values = data.get("theme", data)
    if not isinstance(values, dict):
        raise ThemeFileError('"theme" must be a JSON object', source=source)
    return values, source


def settings(values: dict[str, Any], defaults: Mapping[str, Any]) -> dict[str, Any]:
    """The core settings of Gradio theme values, with its name and custom CSS: named hues and
    size presets are recognised by their values; ``defaults`` fill what the values leave out."""
    fields: dict[str, Any] = {
        f"{role}_hue": _hue(values, role, defaults[f"{role}_hue"])
        for role in ("primary", "secondary", "neutral")
    }
    fields.update(
        {
            f"{scale}_size": _size(values, scale, defaults[f"{scale}_size"])
            for scale in ("text", "spacing", "radius")
        }
    )
    if isinstance(values.get("name"), str):
        fields["name"] = values["name"]  # the model refuses a long one: no silent cut
    for stack in ("font", "font_mono"):
        entries = values.get(f"_{stack}")
        if entries is not None and not isinstance(entries, list):
            raise ThemeFileError(
                f"must be a list of fonts, not {type(entries).__name__}", variable=f"_{stack}"
            )
        if entries:
            fields[stack] = [_font_from_gradio(entry) for entry in entries]
    if isinstance(values.get("custom_css"), str) and values["custom_css"]:
        fields["custom_css"] = values["custom_css"]  # checked by the model as untrusted CSS
    return fields


def _read(path: Path) -> Any:
    text = reading.read_text(path, MAX_FILE_BYTES)
    reading.check_json(text, str(path))
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ThemeFileError(f"not valid JSON: {error}", source=str(path)) from None


def _hue(values: dict[str, Any], role: str, default: palettes.Color) -> palettes.Color:
    shades = [values.get(f"{role}_{shade}", getattr(default, f"c{shade}")) for shade in SHADES]
    for hue in palettes.NAMED.values():
        if hue.expand() == shades:
            return hue
    return palettes.Color(*shades)


def _size(values: dict[str, Any], scale: str, default: sizes.Size) -> sizes.Size:
    steps = [values.get(f"{scale}_{step}", getattr(default, step)) for step in STEPS]
    for preset in sizes.PRESETS.values():
        if preset.name.startswith(scale) and preset.expand() == steps:
            return preset
    return sizes.Size(*steps)


_FONT_KINDS: dict[str, type[Font]] = {"google": GoogleFont, "local": LocalFont}


def _font_from_gradio(entry: Any) -> Font | str:
    if isinstance(entry, dict) and entry.get("__gradio_font__"):
        kind = _FONT_KINDS.get(entry["class"] if isinstance(entry.get("class"), str) else "", Font)
        if kind is Font:
            return Font(entry.get("name", ""))
        return kind(entry.get("name", ""), weights=entry.get("weights") or (400, 600))
    return entry


_EXTRA = re.compile(EXTRA_SHADE)
_MAX_DEPTH = 20


def _kept_kind(key: str) -> Kind | None:
    """The kind of a key Gradio 6 does not define but Livery keeps, or ``None``."""
    base = key.removesuffix("_dark")
    if base in BY_NAME:
        return None
    if base in LEGACY:
        return LEGACY[base]
    return Kind.COLOUR if _EXTRA.fullmatch(base) else None


def legacy(values: dict[str, Any], source: str, *, remote_urls: bool = False) -> dict[str, str]:
    """The keys of ``values`` that Gradio 6 loads and emits but no longer defines (see the
    module docstring), checked by kind, in file order; ``name_dark`` twins included."""
    kept: dict[str, str] = {}
    for key, value in values.items():
        kind = _kept_kind(key)
        if kind is None or value is None:
            continue
        kept[key] = _checked(kind, key, value, source, remote_urls)
    return kept


def legacy_css(kept: Mapping[str, str]) -> str:
    """The declarations Gradio 6 serves for kept keys (``legacy()``): ``--key`` in ``:root``,
    a ``_dark`` twin in the dark block, ``*name`` as ``var(--name)``; ``""`` if none."""
    light = {key: text for key, text in kept.items() if not key.endswith("_dark")}
    dark = {key[:-5]: text for key, text in kept.items() if key.endswith("_dark")}
    blocks = []
    for selector, table in ((":root", light), (":root.dark, :root .dark", dark)):
        if table:
            lines = "".join(f"  {css_name(key)}: {_as_var(text)};\n" for key, text in table.items())
            blocks.append(f"{selector} {{\n{lines}}}")
    return "\n".join(blocks)


def _as_var(text: str) -> str:
    return REFERENCE.sub(lambda match: f"var({css_name(match[1])})", text)


def _checked(kind: Kind, key: str, value: object, source: str, remote: bool) -> str:
    try:
        text = normalise(value)
        addresses = remote_addresses(text)
        if addresses and not remote:
            raise ThemeFileError(
                f"loads an image from {addresses[0]}; a theme shown to others may not load "
                "remote files (only inline data:image/… URLs)",
                source=source,
                variable=key,
            )
        with remote_urls(remote):
            parse(kind, _references_blanked(text))
    except ValueCheckError as problem:
        raise ThemeFileError(str(problem), source=source, variable=key) from None
    return text


def _screened(kind: Kind, key: str, value: object, source: str, remote: bool) -> str | None:
    """A catalogue variable's text: ``None`` for a bare word the browser would drop; any
    other bad value (a remote image in an untrusted theme too) comes back as it is, for the
    model's check to refuse with its one-line ``InvalidValueError``."""
    try:
        return _checked(kind, key, value, source, remote)
    except ThemeFileError:
        if isinstance(value, str) and _BARE_WORD.fullmatch(value.strip()):
            return None
        try:
            normalise(value)
        except ValueCheckError as problem:
            raise ThemeFileError(str(problem), source=source, variable=key) from None
        # as it came: the model normalises once more, and ";;" must reach it as ";;", not
        # as ";" (which it would take for an empty value)
        return str(value).strip()


def _references_blanked(text: str) -> str:
    """``text`` with each ``*name`` that is no theme variable written as a harmless one, so
    the grammar checks the rest (``inline`` deals with the names)."""
    return REFERENCE.sub(lambda m: m[0] if m[1] in BY_NAME else "*font", text)


class _Inliner:
    """Writes references to kept keys as their values, and values naming nothing as ``""``."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.light = {
            k: normalise(v)
            for k, v in values.items()
            if _kept_kind(k) is not None and not k.endswith("_dark") and v is not None
        }
        self.dark = {
            k[:-5]: normalise(v)
            for k, v in values.items()
            if _kept_kind(k) is not None and k.endswith("_dark") and v is not None
        }
        self.unknown: set[str] = set()

    def __call__(self, text: str, dark: bool, depth: int = 0) -> str:
        if depth > _MAX_DEPTH:
            return ""
        missing = False

        def swap(match: re.Match[str]) -> str:
            nonlocal missing
            name = match[1]
            if name in BY_NAME:
                return match[0]
            kept = (self.dark.get(name) if dark else None) or self.light.get(name)
            if kept is None:
                self.unknown.add(name)
                missing = True
                return ""
            inner = self(kept, dark, depth + 1)
            missing = missing or (inner == "" and kept != "")
            return inner

        out = REFERENCE.sub(swap, text)
        return "" if missing else out

    def follows_kept(self, text: str) -> bool:
        return any(m[1] not in BY_NAME for m in REFERENCE.finditer(text))


def overrides(
    values: dict[str, Any],
    value_of: Callable[[str], str],
    source: str,
    *,
    remote_urls: bool = False,
) -> dict[str, str]:
    """The variables of ``values`` that differ from what the theme's settings give anyway
    (``value_of`` reads a variable of the theme built from ``settings()``).

    Kept keys (``legacy()``) are left out; references to them are written as their values.
    Without ``remote_urls``, a value loading ``url(https://…)`` is passed on as it is, for the
    model's check (run outside ``values.remote_urls``) to refuse.
    """
    inline = _Inliner(values)
    overrides: dict[str, str] = {}
    kept: list[str] = []
    dropped: list[str] = []
    for key, value in values.items():
        if key in _IGNORED or key in ("_font", "_font_mono"):
            continue
        if key == "custom_css":  # not a variable: the model's own field
            continue
        if _kept_kind(key) is not None:
            kept.append(key)
            continue
        base = key.removesuffix("_dark") if key in DARK_NAMES else key
        variable = BY_NAME.get(base)
        if variable is None:
            raise ThemeFileError(f"{key!r} is not a Gradio 6 theme variable", source=source)
        if value is None and key in DARK_NAMES:
            value = values.get(base, variable.light)
        text = _screened(variable.kind, key, value, source, remote_urls)
        if text is None:
            text = ""  # a word the browser drops, as it drops Gradio's ``--x: primary_500``
            dropped.append(f"{key} = {str(value).strip()}")
        if inline.follows_kept(text):
            if key == base and variable.dark is SAME and f"{key}_dark" not in values:
                dark_text = inline(text, dark=True)
                if dark_text != inline(text, dark=False):
                    overrides[f"{key}_dark"] = dark_text
            text = inline(text, dark=key != base)
        if variable.light is CORE:
            if base in ("font", "font_mono") and text != value_of(base):
                overrides[key] = text
            continue
        if key == base:
            if text != variable.light:
                overrides[key] = text
        else:
            default = (
                inline(normalise(values.get(base, variable.light)), dark=True)
                if variable.dark is SAME
                else (variable.dark)
            )
            if text != default:
                overrides[key] = text
    _warn(source, kept, sorted(inline.unknown), dropped)
    return overrides


_BARE_WORD = re.compile(r"[A-Za-z][A-Za-z0-9-]*_[A-Za-z0-9_-]{1,60}")
"""A variable name written without ``*`` (``primary_500``): Gradio emits it as it is."""


def _warn(source: str, kept: list[str], unknown: list[str], dropped: list[str]) -> None:
    parts = []
    if dropped:
        parts.append(
            f"{', '.join(dropped)}: not a CSS value of its kind, which the browser ignores, "
            "so it is empty"
        )
    if kept:
        parts.append(f"keeps keys Gradio 6 no longer defines: {', '.join(kept)}")
    if unknown:
        names = ", ".join("*" + name for name in unknown)
        parts.append(
            f"{names} name no variable (Gradio writes var(--…) to nothing), so the "
            "values using them are empty"
        )
    if parts:
        warnings.warn(GradioLegacyKeyWarning(f"{source}: {'; '.join(parts)}"), stacklevel=4)
