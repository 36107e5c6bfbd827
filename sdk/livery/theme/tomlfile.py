"""Theme files: the TOML format the built-in themes use and ``Theme.save`` writes.

    [theme]                      # metadata, and custom CSS appended to the theme's
    name = "Soft"
    description = "…"
    tags = ["light", "rounded"]
    author = "…"

    [settings]                   # the core settings, as Gradio's arguments
    primary_hue = "indigo"       # a named hue, or a table of shades c50 … c950
    text_size = "md"             # a preset, or a table of steps xxs … xxl
    font = [{ name = "Montserrat", source = "local", weights = [400, 700] }, "sans-serif"]

    [variables]                  # overrides, `name` or `name_dark`
    slider_color = "*primary_500"

    [gradio_legacy]              # keys of earlier Gradio versions an imported theme carried,
    button_shadow = "*shadow_drop"   # kept for its Gradio JSON and served CSS (optional)

Files are read with a size limit and every value goes through the model's validation, so a
file from a stranger can do no more than fail with a clear message.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from livery._files import write_atomic
from livery.errors import ThemeFileError
from livery.theme import palettes, reading, sizes
from livery.theme.catalogue import SETTINGS, VARIABLES
from livery.theme.colour.palette import palette
from livery.theme.fonts import font_to_dict

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

MAX_FILE_BYTES = 1_000_000
_METADATA = ("name", "description", "tags", "author")
_THEME_KEYS = (*_METADATA, "custom_css")
"""[theme] also takes ``custom_css``: CSS Gradio appends to the theme (written only if set)."""
_SECTIONS = {"theme", "settings", "variables", "gradio_legacy"}
LEGACY_FIELD = "gradio_legacy"
"""The key ``read``/``loads`` give ``[gradio_legacy]`` under (not a model field: the model
checks it and keeps it beside its fields), and ``dumps`` writes it from."""
_CATALOGUE_ORDER = [
    name for variable in VARIABLES for name in (variable.name, f"{variable.name}_dark")
]


def read(path: str | Path) -> dict[str, Any]:
    """The model fields in a theme file; every problem is a ``ThemeFileError`` naming it."""
    path = Path(path)
    return loads(reading.read_text(path, MAX_FILE_BYTES), source=str(path))


def loads(text: str, *, source: str = "<theme>") -> dict[str, Any]:
    """The model fields in the text of a theme file."""
    reading.check_toml(text, source)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ThemeFileError(f"not valid TOML: {error}", source=source) from None
    return from_data(data, source=source)


def from_data(data: dict[str, Any], *, source: str) -> dict[str, Any]:
    """The model fields in the parsed tables of a theme file (validated by the model)."""
    unknown = set(data) - _SECTIONS
    if unknown:
        raise ThemeFileError(
            f"unknown section [{sorted(unknown)[0]}]; a theme file has [theme], [settings], "
            "[variables] and [gradio_legacy]",
            source=source,
        )
    fields: dict[str, Any] = {}
    for section, allowed in (("theme", _THEME_KEYS), ("settings", SETTINGS)):
        table = data.get(section, {})
        if not isinstance(table, dict):
            raise ThemeFileError(f"[{section}] must be a table", source=source)
        for key in table:
            if key not in allowed:
                raise ThemeFileError(
                    f"[{section}] has no key {key!r}; it takes {', '.join(allowed)}",
                    source=source,
                )
        fields.update(table)
    variables = data.get("variables", {})
    if not isinstance(variables, dict):
        raise ThemeFileError("[variables] must be a table", source=source)
    fields["overrides"] = variables
    legacy = data.get(LEGACY_FIELD, {})
    if not isinstance(legacy, dict):
        raise ThemeFileError(f"[{LEGACY_FIELD}] must be a table", source=source)
    if legacy:
        fields[LEGACY_FIELD] = legacy
    return fields


def dumps(fields: Mapping[str, Any]) -> str:
    """The theme file text for a theme's model fields: metadata, every setting, overrides,
    and the kept keys of earlier Gradio versions if there are any (``LEGACY_FIELD``)."""
    metadata = {key: fields[key] for key in _METADATA}
    metadata["tags"] = list(fields["tags"])
    if fields.get("custom_css"):
        metadata["custom_css"] = _Multiline(fields["custom_css"])
    settings: dict[str, Any] = {}
    for key in ("primary_hue", "secondary_hue", "neutral_hue"):
        hue = fields[key]
        if palettes.NAMED.get(hue.name or "") == hue:
            settings[key] = hue.name
        elif hue.seed is not None and palette(hue.seed) == hue:
            settings[key] = hue.seed
        else:
            settings[key] = hue.model_dump(exclude_none=True)
    for key in ("text_size", "spacing_size", "radius_size"):
        size = fields[key]
        if sizes.PRESETS.get(size.name or "") == size:
            settings[key] = size.name.split("_", 1)[1]
        else:
            settings[key] = size.model_dump(exclude_none=True)
    for key in ("font", "font_mono"):
        settings[key] = [font_to_dict(entry) for entry in fields[key]]
    order = {name: index for index, name in enumerate(_CATALOGUE_ORDER)}
    variables = dict(sorted(fields["overrides"].items(), key=lambda item: order[item[0]]))
    document = {"theme": metadata, "settings": settings, "variables": variables}
    if fields.get(LEGACY_FIELD):
        document[LEGACY_FIELD] = dict(fields[LEGACY_FIELD])
    return "\n".join(_table(name, table) for name, table in document.items())


def _table(name: str, table: dict[str, Any]) -> str:
    lines = [f"[{name}]"]
    lines += [f"{key} = {_value(value)}" for key, value in table.items()]
    return "\n".join(lines) + "\n"


def _value(value: Any) -> str:
    """TOML for the few value shapes a theme file holds, one line each.

    (tomli-w writes every array over several lines, which makes font stacks hard to read.)
    A JSON string is a valid TOML basic string once DEL is escaped too.
    """
    if isinstance(value, _Multiline):
        return _multiline(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{key} = {_value(item)}" for key, item in value.items()) + " }"
    raise TypeError(f"cannot write {type(value).__name__} to a theme file")


class _Multiline(str):
    """A string written as a TOML multi-line string (custom CSS stays readable)."""


_JSON_NEWLINE = re.compile(r"\\\\|\\n")


def _multiline(value: str) -> str:
    """A TOML multi-line basic string: JSON's escapes, with real line breaks kept."""
    body = json.dumps(value, ensure_ascii=False)[1:-1].replace("\x7f", "\\u007f")
    body = _JSON_NEWLINE.sub(lambda found: "\n" if found[0] == "\\n" else found[0], body)
    return f'"""\n{body}"""'


def save(text: str, path: str | Path) -> Path:
    """Write a theme file atomically: a failed save leaves the old file as it was."""
    try:
        return write_atomic(path, text)
    except OSError as error:
        raise ThemeFileError(
            f"cannot write the file: {error.strerror or error}", source=str(path)
        ) from None
