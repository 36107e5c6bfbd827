"""Tailwind CSS v4 export: ``@theme`` blocks that make Livery's variables Tailwind utilities.

Use it after ``@import "tailwindcss";`` and next to the Livery stylesheet
(``livery theme build``), which stays the source of every value. Both modes start with
``@custom-variant dark (&:where(.dark, .dark *));`` so ``dark:`` follows Livery's (and
Gradio's) ``.dark`` class, and map in an ``@theme inline`` block, as ``var(--<livery
variable>)``: the palettes to ``--color-<role>-<shade>`` and every colour-valued variable to
``--color-<variable>`` (``bg-primary-500``, ``text-body-text-color``). ``inline`` makes the
utilities use ``var(--…)`` directly, so a value Livery re-declares in dark mode changes per
element, as in Livery's own CSS. A variable counts as colour-valued when its kind is colour or
fill and its light and dark values are both colours (a gradient or ``none`` is no colour).

Livery's stylesheet (Gradio's variable names) declares ``--text-sm``, ``--radius-md``,
``--font-mono``… at ``:root``, outside any layer, so it beats Tailwind's ``theme`` layer:
whatever the export says, Tailwind utilities that read ``var(--text-sm)`` get Livery's size.
The two modes differ in what they do about it:

- ``namespaced`` (the default) keeps Tailwind's scales. What would collide goes under ``lv``:
  ``--color-lv-neutral-*`` (``neutral`` is a Tailwind palette), ``--text-lv-*``,
  ``--radius-lv-*``, ``--spacing-lv-*``, ``--font-lv-sans`` and ``--font-lv-mono``
  (``text-lv-md``, ``rounded-lv-lg``, ``p-lv-sm``). ``primary`` and ``secondary`` are no
  Tailwind palettes, so they keep their plain names. A second ``@theme inline`` block repeats
  Tailwind's own values (``TAILWIND_DEFAULTS``) for the names both declare, so ``text-sm``
  is written as ``font-size: 0.875rem`` and Livery's ``--text-sm`` cannot reach it;
- ``replace`` makes Livery's scales Tailwind's: ``--color-neutral-*`` and ``--font-sans``
  point at Livery's, and an ``@theme`` block declares ``--radius-*``, ``--spacing-*``,
  ``--text-*`` and ``--font-mono`` with the theme's light values (``var()`` would point at
  itself there; they do not change in dark mode). ``text-sm`` is then the theme's size.
"""

from __future__ import annotations

import re

from livery.errors import InvalidOptionError
from livery.theme.catalogue import VARIABLES
from livery.theme.export.convert import is_colour
from livery.theme.palettes import SHADES
from livery.theme.resolve import Resolved
from livery.theme.sizes import STEPS
from livery.theme.values import Kind, css_name

NAMESPACED = "namespaced"
REPLACE = "replace"
MODES = (NAMESPACED, REPLACE)
"""``namespaced`` adds Livery's tokens beside Tailwind's; ``replace`` swaps Tailwind's scales."""

PREFIX = "lv"
"""The namespace of Livery's tokens whose plain names are Tailwind defaults."""

DARK_VARIANT = "@custom-variant dark (&:where(.dark, .dark *));"

HEADER_ENDS = {
    NAMESPACED: "   Tailwind's scales stay; Livery's sizes are text-lv-*, rounded-lv-*, p-lv-*. */",
    REPLACE: "   --radius-*, --spacing-*, --text-*, --font-mono are Livery's: its scales win. */",
}
"""The header's last line: what the mode does to Tailwind's scales."""

SHARED_NAMES = (
    *(f"radius_{step}" for step in STEPS),
    *(f"spacing_{step}" for step in STEPS),
    *(f"text_{step}" for step in STEPS),
    "font_mono",
)
"""Variables whose CSS name is also a Tailwind theme variable name: replace mode declares
them with the theme's values, namespaced mode maps them to ``lv`` names."""

TAILWIND_DEFAULTS = {
    "--font-mono": "ui-monospace, SFMono-Regular, Menlo, Monaco, Consolas, 'Liberation Mono', "
    "'Courier New', monospace",
    "--radius-xs": "0.125rem",
    "--radius-sm": "0.25rem",
    "--radius-md": "0.375rem",
    "--radius-lg": "0.5rem",
    "--radius-xl": "0.75rem",
    "--text-xs": "0.75rem",
    "--text-sm": "0.875rem",
    "--text-lg": "1.125rem",
    "--text-xl": "1.25rem",
}
"""Tailwind v4's default values (``tailwindcss/theme.css``) of the names Livery declares too."""

DEFAULTS_NOTE = "Tailwind's own values: Livery's stylesheet declares these names for Gradio"


def export(resolved: Resolved, *, name: str, description: str = "", mode: str = NAMESPACED) -> str:
    """The theme ``name`` as Tailwind CSS v4 ``@theme`` blocks in ``mode`` (see the module
    docstring).

    ``description`` is accepted as every format's exporter takes it; Tailwind has no place
    for it.
    """
    if mode not in MODES:
        raise InvalidOptionError(f"tailwind mode {mode!r}: choose {' or '.join(MODES)}")
    title = re.sub(r"[\x00-\x1f\x7f]+", " ", name).replace("*/", "* /")
    lines = [
        f'/* Livery theme "{title}" for Tailwind CSS v4 ({mode} mode), written by',
        "   `livery theme export --format tailwind`. Import it after tailwindcss and load the",
        "   Livery stylesheet too: the colours and fonts are var() references to its variables.",
        HEADER_ENDS[mode],
        "",
        DARK_VARIANT,
        "",
        "@theme inline {",
    ]
    lines += [f"  {own}: var({target});" for own, target in inline_declarations(resolved, mode)]
    if mode == NAMESPACED:
        lines += ["}", "", "@theme inline {", f"  /* {DEFAULTS_NOTE} */"]
        lines += [f"  {own}: {value};" for own, value in TAILWIND_DEFAULTS.items()]
    else:
        lines += ["}", "", "@theme {"]
        lines += [f"  {css_name(shared)}: {resolved.literal(shared)};" for shared in SHARED_NAMES]
    lines += ["}", ""]
    return "\n".join(lines)


def inline_declarations(resolved: Resolved, mode: str = NAMESPACED) -> list[tuple[str, str]]:
    """``(tailwind name, livery variable)`` pairs of the first ``@theme inline`` block."""
    lv = f"{PREFIX}-" if mode == NAMESPACED else ""
    pairs = [
        (f"--color-{lv if role == 'neutral' else ''}{role}-{shade}", css_name(f"{role}_{shade}"))
        for role in ("primary", "secondary", "neutral")
        for shade in SHADES
    ]
    pairs.append((f"--font-{lv}sans", css_name("font")))
    if mode == NAMESPACED:
        pairs.append((f"--font-{lv}mono", css_name("font_mono")))
        pairs += [
            (f"--{scale}-{lv}{step}", css_name(f"{scale}_{step}"))
            for scale in ("radius", "spacing", "text")
            for step in STEPS
        ]
    for variable in VARIABLES:
        if variable.kind not in (Kind.COLOUR, Kind.FILL) or variable.group == "palette":
            continue
        values = (resolved.literal(variable.name), resolved.literal(variable.name, True))
        if all(is_colour(value) for value in values):
            livery = css_name(variable.name)
            pairs.append(("--color-" + livery[2:], livery))
    return pairs
