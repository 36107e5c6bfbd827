"""Tailwind CSS v4 export: ``@theme`` blocks that make Livery's variables Tailwind utilities.

Use it after ``@import "tailwindcss";`` and next to the Livery stylesheet
(``livery theme build``), which stays the source of every value:

- ``@custom-variant dark (&:where(.dark, .dark *));`` so ``dark:`` follows Livery's (and
  Gradio's) ``.dark`` class;
- ``@theme inline { … }`` maps the palettes to ``--color-<role>-<shade>``
  (``bg-primary-500``), the body font to ``--font-sans`` and every colour-valued variable to
  ``--color-<variable>`` (``text-body-text-color``, ``bg-button-primary-background-fill``) as
  ``var(--<livery variable>)``. ``inline`` makes the utilities use ``var(--…)`` directly, so a
  value Livery re-declares in dark mode changes per element, as in Livery's own CSS. A
  variable counts as colour-valued when its kind is colour or fill and its light and dark
  values are both colours (a gradient or ``none`` cannot be a Tailwind colour);
- ``@theme { … }`` declares the sizes whose Tailwind names are already Livery's own variable
  names (``--radius-*``, ``--spacing-*``, ``--text-*``, ``--font-mono``): ``var()`` would
  point at itself there, so they hold the theme's light values, which do not change in dark
  mode. Tailwind emits them in its ``theme`` layer and utilities read ``var(--radius-md)``; the
  unlayered Livery stylesheet declares the same variables and wins, so it is still the source.
"""

from __future__ import annotations

import re

from livery.theme.catalogue import VARIABLES
from livery.theme.export.convert import is_colour
from livery.theme.palettes import SHADES
from livery.theme.resolve import Resolved
from livery.theme.sizes import STEPS
from livery.theme.values import Kind, css_name

DARK_VARIANT = "@custom-variant dark (&:where(.dark, .dark *));"

SHARED_NAMES = (
    *(f"radius_{step}" for step in STEPS),
    *(f"spacing_{step}" for step in STEPS),
    *(f"text_{step}" for step in STEPS),
    "font_mono",
)
"""Variables whose CSS name is also the name of a Tailwind theme variable."""


def export(resolved: Resolved, *, name: str, description: str = "") -> str:
    """The theme ``name`` as Tailwind CSS v4 ``@theme`` blocks (see the module docstring).

    ``description`` is accepted as every format's exporter takes it; Tailwind has no place
    for it.
    """
    title = re.sub(r"[\x00-\x1f\x7f]+", " ", name).replace("*/", "* /")
    lines = [
        f'/* Livery theme "{title}" for Tailwind CSS v4, written by',
        "   `livery theme export --format tailwind`. Import it after tailwindcss and load the",
        "   Livery stylesheet too: colours and fonts are var() references to its variables, and",
        "   the --radius-*, --spacing-*, --text-* and --font-mono variables are its own. */",
        "",
        DARK_VARIANT,
        "",
        "@theme inline {",
    ]
    lines += [f"  {own}: var({target});" for own, target in inline_declarations(resolved)]
    lines += ["}", "", "@theme {"]
    lines += [f"  {css_name(shared)}: {resolved.literal(shared)};" for shared in SHARED_NAMES]
    lines += ["}", ""]
    return "\n".join(lines)


def inline_declarations(resolved: Resolved) -> list[tuple[str, str]]:
    """``(tailwind name, livery variable)`` pairs of the ``@theme inline`` block."""
    pairs = [
        (f"--color-{role}-{shade}", css_name(f"{role}_{shade}"))
        for role in ("primary", "secondary", "neutral")
        for shade in SHADES
    ]
    pairs.append(("--font-sans", css_name("font")))
    for variable in VARIABLES:
        if variable.kind not in (Kind.COLOUR, Kind.FILL) or variable.group == "palette":
            continue
        values = (resolved.literal(variable.name), resolved.literal(variable.name, True))
        if all(is_colour(value) for value in values):
            livery = css_name(variable.name)
            pairs.append(("--color-" + livery[2:], livery))
    return pairs
