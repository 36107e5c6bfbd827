"""SCSS export: the theme's values as SCSS variables, two maps and a ``dark`` mixin.

The file declares only Sass values, so ``@import``/``@use`` of it emits no CSS by itself:

- ``$primary-500: #6366f1;`` — one variable per theme variable (all 219, catalogue order),
  named like the CSS variable without ``--``, holding the **literal** light value (every
  reference followed, ``theme.literal(name)``);
- ``$livery-theme: ("primary-500": $primary-500, …)`` — the same values as a map with quoted
  keys, for loops and ``map-get($livery-theme, "primary-500")``;
- ``$livery-theme-dark: (…)`` — the literal dark values of only the variables whose value
  changes in dark mode (an empty map when none does);
- ``@mixin dark($switch: $livery-dark-switch)`` — see ``_MIXIN``.

Values that Sass reads as plain values (hex colours, numbers with a unit, one-word keywords)
are written as they are, so Sass functions such as ``darken($primary-500, 10%)`` work on
them. Every other value (font stacks with quotes, ``data:`` URLs, shadows, gradients,
``rgb(0 0 0 / 0.1)``, which libsass would mis-read as its own ``rgb()``) is written as
``unquote("…")``: Sass then passes the exact CSS text through. Theme values cannot contain
``{``, ``}`` or backslashes, so escaping ``"`` is all a Sass string needs.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from livery.theme.catalogue import VARIABLES
from livery.theme.emit import MEDIA_QUERY, dark_selector

if TYPE_CHECKING:
    from livery.theme.model import Theme

_PLAIN = re.compile(
    r"-?(?:\d+(?:\.\d+)?|\.\d+)(?:px|rem|em|%|s|ms|deg)?"  # a number, maybe with a unit
    r"|#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})"  # a hex colour
    r"|[a-zA-Z]+"  # one keyword: white, none, auto
)

_SASS_WORDS = frozenset({"null", "true", "false", "and", "or", "not", "if", "else"})
"""Words Sass reads as its own values or operators, so they are quoted."""

_SELECTORS = {switch: dark_selector(switch) for switch in ("class", "attribute", "all")}
"""The dark-mode selectors of ``theme.css(dark=…)``, by switch."""
_CLASS = _SELECTORS["class"]


def _nested(selectors: str) -> str:
    """``:root.dark, :root .dark`` → ``:root.dark &, :root .dark &``."""
    return ", ".join(f"{selector} &" for selector in selectors.split(", "))


def _branch(switch: str) -> str:
    selectors = _SELECTORS[switch]
    return (
        f'$switch == "{switch}" {{\n'
        f"    @if & {{\n"
        f"      {_nested(selectors)} {{ @content; }}\n"
        f"    }} @else {{\n"
        f"      {selectors} {{ @content; }}\n"
        f"    }}\n"
        f"  }}"
    )


_MIXIN = f"""\
/// Wrap styles in Livery's dark-mode switch (the selectors of `theme.css(dark=…)`).
///
/// Inside a rule, the content applies to the rule's elements in dark mode:
///   .card {{ @include dark {{ color: white; }} }}
///   → {_nested(_CLASS).replace("&", ".card")} {{ color: white; }}
/// At the top level, the content goes into the dark block itself:
///   @include dark {{ --my-accent: red; }}  →  {_CLASS} {{ --my-accent: red; }}
/// $switch is "class" (Gradio's .dark, the default), "attribute" ([data-theme="dark"]),
/// "media" (prefers-color-scheme) or "all"; set $livery-dark-switch to change the default.
@mixin dark($switch: $livery-dark-switch) {{
  @if not index(("class", "attribute", "media", "all"), $switch) {{
    @error "dark: $switch is class, attribute, media or all, not #{{$switch}}";
  }}
  @if {_branch("class")} @else if {_branch("attribute")} @else if {_branch("all")}
  @if $switch == "media" or $switch == "all" {{
    {MEDIA_QUERY} {{
      @if & {{
        @content;
      }} @else {{
        :root {{ @content; }}
      }}
    }}
  }}
}}
"""


def export(theme: Theme) -> str:
    """The theme as an SCSS file (see the module docstring)."""
    names = [variable.name for variable in VARIABLES]
    dark = [name for name in names if theme.literal(name, dark=True) != theme.literal(name)]
    title = re.sub(r"[\x00-\x1f\x7f]+", " ", theme.name)
    lines = [
        f'// Livery theme "{title}" as SCSS, written by `livery theme export --format scss`.',
        "// Literal values (references followed): $<variable> for the light values, the maps",
        "// $livery-theme (light) and $livery-theme-dark (what changes in dark mode), and a",
        "// `dark` mixin. Importing this file emits no CSS.",
        "",
    ]
    lines += [f"${scss_name(name)}: {scss_value(theme.literal(name))};" for name in names]
    lines += ["", "$livery-theme: ("]
    lines += [f'  "{scss_name(name)}": ${scss_name(name)},' for name in names]
    lines += [");", ""]
    if dark:
        lines.append("$livery-theme-dark: (")
        lines += [
            f'  "{scss_name(name)}": {scss_value(theme.literal(name, dark=True))},' for name in dark
        ]
        lines.append(");")
    else:
        lines.append("$livery-theme-dark: ();")
    lines += ["", '$livery-dark-switch: "class" !default;', "", _MIXIN]
    return "\n".join(lines)


def scss_name(name: str) -> str:
    """``button_primary_text_color`` → ``button-primary-text-color``."""
    return name.replace("_", "-")


def scss_value(css: str) -> str:
    """A CSS value as SCSS: plain values as they are, anything else as ``unquote("…")``."""
    if _PLAIN.fullmatch(css) and css.lower() not in _SASS_WORDS:
        return css
    return 'unquote("' + css.replace('"', '\\"') + '")'
