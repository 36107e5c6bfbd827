"""Gradio's theme JSON: what ``gr.Theme.dump()`` writes and ``gr.Theme.from_dict`` reads.

Export writes every variable (references kept as ``*name``) plus Gradio's font entries, so
Gradio rebuilds the same theme. Import recovers the core settings (named hues and size presets
are recognised by their values) and keeps as overrides only what differs from the defaults,
so importing Gradio's dump of a built-in gives the same theme as Livery's file for it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from livery.errors import ThemeFileError, ValueCheckError
from livery.theme import palettes, sizes
from livery.theme.catalogue import BY_NAME, CORE, DARK_NAMES, GRADIO_VERSION, SAME, VARIABLES
from livery.theme.emit import font_face_rules
from livery.theme.fonts import Font, FontEntry, GoogleFont, LocalFont
from livery.theme.palettes import SHADES
from livery.theme.resolve import Resolved
from livery.theme.sizes import STEPS
from livery.theme.values import normalise

MAX_FILE_BYTES = 1_000_000
_GRADIO_CLASSES = {GoogleFont: "google", LocalFont: "local"}
_IGNORED = {"_font_css", "_stylesheets", "name"}


def dump(
    resolved: Resolved,
    *,
    name: str,
    font: tuple[FontEntry, ...],
    font_mono: tuple[FontEntry, ...],
) -> dict[str, Any]:
    """The Gradio theme dict of a resolved theme (``{"theme": {...}, "gradio_version": ...}``)."""
    fonts = (*font, *font_mono)
    data: dict[str, Any] = {
        "_font": [_font_entry(entry) for entry in font],
        "_font_mono": [_font_entry(entry) for entry in font_mono],
        "_font_css": font_face_rules(fonts),
        "_stylesheets": [f.stylesheet_url() for f in fonts if isinstance(f, GoogleFont)],
        "name": name,
    }
    for variable in VARIABLES:
        data[variable.name] = resolved.light[variable.name].raw
        dark = resolved.dark.get(variable.name)
        if dark is not None:
            data[f"{variable.name}_dark"] = dark.raw
    return {"theme": data, "gradio_version": GRADIO_VERSION}


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
    """The core settings (and name) of Gradio theme values: named hues and size presets are
    recognised by their values; ``defaults`` fill what the values leave out."""
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
        fields["name"] = values["name"][:100]
    for stack in ("font", "font_mono"):
        entries = values.get(f"_{stack}")
        if entries:
            fields[stack] = [_font_from_gradio(entry) for entry in entries]
    return fields


def _read(path: Path) -> Any:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ThemeFileError("the file is larger than 1 MB", source=str(path))
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ThemeFileError(f"cannot read the file: {error.strerror}", source=str(path)) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
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


def _font_from_gradio(entry: Any) -> Font | str:
    if isinstance(entry, dict) and entry.get("__gradio_font__"):
        kind = {"google": GoogleFont, "local": LocalFont}.get(entry.get("class"), Font)
        if kind is Font:
            return Font(entry.get("name", ""))
        return kind(entry.get("name", ""), weights=entry.get("weights") or (400, 600))
    return entry


def overrides(
    values: dict[str, Any], value_of: Callable[[str], str], source: str
) -> dict[str, str]:
    """The variables of ``values`` that differ from what the theme's settings give anyway
    (``value_of`` reads a variable of the theme built from ``settings()``)."""
    overrides: dict[str, str] = {}
    for key, value in values.items():
        if key in _IGNORED or key in ("_font", "_font_mono"):
            continue
        if key == "custom_css" and not value:
            continue
        base = key.removesuffix("_dark") if key in DARK_NAMES else key
        variable = BY_NAME.get(base)
        if variable is None:
            raise ThemeFileError(f"{key!r} is not a Gradio 6 theme variable", source=source)
        if value is None and key in DARK_NAMES:
            value = values.get(base, variable.light)
        try:
            text = normalise(value)
        except ValueCheckError as problem:
            raise ThemeFileError(str(problem), source=source, variable=key) from None
        if variable.light is CORE:
            if base in ("font", "font_mono") and text != value_of(base):
                overrides[key] = text
            continue
        if key == base:
            if text != variable.light:
                overrides[key] = text
        else:
            default = (
                normalise(values.get(base, variable.light))
                if variable.dark is SAME
                else (variable.dark)
            )
            if text != default:
                overrides[key] = text
    return overrides
