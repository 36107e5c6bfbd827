"""The value tables a theme's choices give, ready to resolve.

Defaults from the catalogue (or, for a theme grown from seeds, accessible defaults derived
from its palettes), then the hues, size scales and font stacks, then the theme's own
overrides: two tables, light and dark, in catalogue order. Also the checking of one
variable's value as it enters a theme, so that a bad value fails where it is set.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from functools import lru_cache

from livery.errors import InvalidValueError, UnknownVariableError, ValueCheckError
from livery.theme.catalogue import BY_NAME, DARK_NAMES, SETTINGS, VARIABLES
from livery.theme.colour.dark import derive_defaults
from livery.theme.fonts import FontEntry, font_stack_css
from livery.theme.palettes import SHADES, Color
from livery.theme.sizes import STEPS, Size
from livery.theme.values import Kind, Value, normalise, parse

_SETTABLE = (*BY_NAME, *sorted(DARK_NAMES))
_DEFAULT_LIGHT: dict[str, Value] = {
    v.name: parse(v.kind, v.light if isinstance(v.light, str) else "") for v in VARIABLES
}
"""Every variable in catalogue order; the core ones are placeholders the settings replace."""
_DEFAULT_DARK: dict[str, Value] = {
    v.name: parse(v.kind, v.dark) for v in VARIABLES if isinstance(v.dark, str)
}


def tables(
    *,
    hues: tuple[Color, Color, Color],
    sizes: tuple[Size, Size, Size],
    fonts: tuple[tuple[FontEntry, ...], tuple[FontEntry, ...]],
    overrides: Mapping[str, str | None],
) -> tuple[dict[str, Value], dict[str, Value], list[str]]:
    """The light and dark tables of a theme's choices, and the names it sets in light mode.

    ``hues`` are the primary, secondary and neutral hues, ``sizes`` the text, spacing and
    radius scales, ``fonts`` the body and mono stacks; ``overrides`` are checked values
    (``None`` on a ``_dark`` name: the dark value is the light one).
    """
    light_defaults, dark_defaults = _defaults(*hues)
    light = dict(light_defaults)
    for role, hue in zip(("primary", "secondary", "neutral"), hues):
        light.update(_hue_values(role, hue))
    for scale, size in zip(("text", "spacing", "radius"), sizes):
        light.update(_size_values(scale, size))
    light["font"] = _font_value("font", fonts[0])
    light["font_mono"] = _font_value("font_mono", fonts[1])
    dark = dict(dark_defaults)
    set_in_light = []
    for name, text in overrides.items():
        if name in DARK_NAMES:
            base = name[:-5]
            if text is None:
                dark.pop(base, None)
            else:
                dark[base] = parse(BY_NAME[base].kind, text)
        else:
            light[name] = parse(BY_NAME[name].kind, text)
            set_in_light.append(name)
    return light, dark, set_in_light


@lru_cache(maxsize=128)
def _defaults(
    primary: Color, secondary: Color, neutral: Color
) -> tuple[dict[str, Value], dict[str, Value]]:
    """The light and dark defaults: Gradio's, or for a theme grown from seeds, derived from
    them so that every pair passes AA in both modes (see ``livery.theme.colour.dark``)."""
    if not (primary.seed or secondary.seed or neutral.seed):
        return _DEFAULT_LIGHT, _DEFAULT_DARK
    light = dict(_DEFAULT_LIGHT)
    for role, hue in (("primary", primary), ("secondary", secondary), ("neutral", neutral)):
        light.update(_hue_values(role, hue))
    return derive_defaults(light, _DEFAULT_DARK)


@lru_cache(maxsize=256)
def _hue_values(role: str, hue: Color) -> dict[str, Value]:
    return {
        f"{role}_{shade}": parse(Kind.COLOUR, colour) for shade, colour in zip(SHADES, hue.expand())
    }


@lru_cache(maxsize=256)
def _size_values(scale: str, size: Size) -> dict[str, Value]:
    return {
        f"{scale}_{step}": parse(Kind.LENGTH, length) for step, length in zip(STEPS, size.expand())
    }


@lru_cache(maxsize=256)
def _font_value(name: str, stack: tuple[FontEntry, ...]) -> Value:
    text = font_stack_css(stack)
    try:
        return parse(Kind.FONT, text)
    except ValueCheckError as problem:
        raise InvalidValueError(str(problem), variable=name, value=text) from None


def check_variable(name: str, value: object) -> str:
    """``value`` checked for the variable ``name`` (or ``name_dark``), as written."""
    if name in DARK_NAMES:
        kind = BY_NAME[name[:-5]].kind
    elif name in BY_NAME:
        kind = BY_NAME[name].kind
    else:
        raise unknown_variable(name)
    try:
        return parse(kind, normalise(value)).raw
    except ValueCheckError as problem:
        raise InvalidValueError(str(problem), variable=name, value=value) from None


def unknown_variable(name: str) -> UnknownVariableError:
    """The error for a name that is not a settable variable, with the closest names."""
    if name in SETTINGS:
        return UnknownVariableError(
            f"{name} is a core setting, not a variable: pass it when building the theme",
            variable=name,
        )
    base = name.removesuffix("_dark")
    if name.endswith("_dark") and base in BY_NAME:
        return UnknownVariableError(f"{base} has no dark variant", variable=name)
    close = difflib.get_close_matches(name, _SETTABLE, n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    return UnknownVariableError(f"not a theme variable{hint}", variable=name)
