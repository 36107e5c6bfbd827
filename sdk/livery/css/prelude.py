"""The ``livery`` SCSS module: a theme's variables as SCSS variables, and a ``dark`` mixin.

``@import "livery";`` (or ``@use "livery" as *;``) in a custom stylesheet gives:

- ``$primary-500``, ``$button-primary-background-fill``, … — every theme variable with its
  literal light value (references followed), so SCSS functions such as ``darken()`` work;
- ``$livery-theme`` — the same values as a map (``map-get($livery-theme, "primary-500")``);
- ``@include dark { … }`` — the rules inside apply in dark mode, with the same switch as the
  theme's stylesheet (``.dark`` class, ``data-theme`` attribute, media query, or all three).

A value libsass cannot parse as SCSS (modern syntax such as ``rgb(0 0 0 / 0.1)``) is given as
an unquoted string: it is written out unchanged, it just cannot feed SCSS colour maths.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

import sass

from livery.theme.catalogue import VARIABLES

if TYPE_CHECKING:
    from livery.theme.model import Theme

_CLASS = (":root.dark", ":root .dark")
_ATTRIBUTE = (':root[data-theme="dark"]', ':root [data-theme="dark"]')
_SELECTORS = {"class": _CLASS, "attribute": _ATTRIBUTE, "all": _CLASS + _ATTRIBUTE, "media": ()}
_MEDIA = "@media (prefers-color-scheme: dark)"
_LINE = re.compile(r"on line (\d+)(?::\d+)? of stdin")


def prelude(theme: Theme, dark: str = "class") -> str:
    """The text of the ``livery`` module for ``theme`` with the ``dark`` switch."""
    if dark not in _SELECTORS:
        raise ValueError(f"dark must be 'class', 'media', 'attribute' or 'all', not {dark!r}")
    values = tuple(theme.literal(variable.name) for variable in VARIABLES)
    return _variables(values) + _mixin(dark)


@lru_cache(maxsize=64)
def _variables(values: tuple[str, ...]) -> str:
    names = [variable.name.replace("_", "-") for variable in VARIABLES]
    as_text: set[int] = set()
    while True:
        lines = [
            f"${name}: {_scss_value(value, index in as_text)};"
            for index, (name, value) in enumerate(zip(names, values))
        ]
        try:
            sass.compile(string="\n".join(lines))
            break
        except sass.CompileError as error:
            found = _LINE.search(str(error))
            index = int(found.group(1)) - 1 if found else -1
            if not 0 <= index < len(lines) or index in as_text:
                raise  # not a value problem: a bug in this module
            as_text.add(index)
    entries = "\n".join(f'  "{name}": ${name},' for name in names)
    header = "// livery: the theme's variables (light values) and the dark mixin.\n"
    return header + "\n".join(lines) + f"\n$livery-theme: (\n{entries}\n);\n"


def _scss_value(value: str, as_text: bool) -> str:
    if value == "":
        return "null"
    if as_text:
        return 'unquote("' + value.replace('"', '\\"') + '")'
    return value


def _mixin(dark: str) -> str:
    selectors = _SELECTORS[dark]
    body = []
    if selectors:
        nested = ", ".join(f"{selector} &" for selector in selectors)
        alone = ", ".join(selectors)
        body.append(
            f"  @if & {{\n    {nested} {{ @content; }}\n  }} @else {{\n"
            f"    {alone} {{ @content; }}\n  }}\n"
        )
    if dark in ("media", "all"):
        body.append(f"  {_MEDIA} {{ @content; }}\n")
    return "@mixin dark {\n" + "".join(body) + "}\n"
