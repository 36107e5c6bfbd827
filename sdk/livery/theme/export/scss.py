"""SCSS export: the theme's values as SCSS variables, two maps and a ``dark`` mixin.

The file declares only Sass values, so ``@import``/``@use`` of it emits no CSS by itself:

- ``$primary-500: #6366f1;`` — one variable per theme variable (all 219, catalogue order),
  named like the CSS variable without ``--``, holding the **literal** light value (every
  reference followed, ``Resolved.literal``);
- ``$livery-theme: ("primary-500": $primary-500, …)`` — the same values as a map with quoted
  keys, for loops and ``map-get($livery-theme, "primary-500")``;
- ``$livery-theme-dark: (…)`` — the literal dark values of only the variables whose value
  changes in dark mode (an empty map when none does);
- ``@mixin dark($switch: $livery-dark-switch)`` — see ``_MIXIN``; its switches and selectors
  are ``livery.theme.dark``'s, so it matches the stylesheet's own dark block.

Values that Sass reads as plain values (hex colours, numbers with a unit, one-word keywords)
are written as they are, so Sass functions such as ``color.adjust($primary-500, ...)`` work
on them. Every other value (font stacks with quotes, ``data:`` URLs, shadows, gradients,
``rgb(0 0 0 / 0.1)``, which libsass would mis-read as its own ``rgb()``) is written as the
interpolated string ``#{"…"}``: Sass then passes the exact CSS text through. Theme values
cannot contain ``{``, ``}`` or backslashes, so escaping ``"`` is all a Sass string needs.

The file calls no Sass function, so it compiles the same under libsass and Dart Sass, through
``@import`` or ``@use``, with no Dart Sass deprecation warning (``unquote()`` and ``index()``
are global built-ins, deprecated there, and libsass has no ``sass:string`` module to use).
"""

from __future__ import annotations

import re

from livery.theme.dark import DARK_SWITCHES, MEDIA_QUERY, dark_selector, uses_media
from livery.theme.resolve import Resolved

_PLAIN = re.compile(
    r"-?(?:\d+(?:\.\d+)?|\.\d+)(?:px|rem|em|%|s|ms|deg)?"  # a number, maybe with a unit
    r"|#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})"  # a hex colour
    r"|[a-zA-Z]+"  # one keyword: white, none, auto
)

_SASS_WORDS = frozenset({"null", "true", "false", "and", "or", "not", "if", "else"})
"""Words Sass reads as its own values or operators, so they are quoted."""

_SELECTORS = {switch: dark_selector(switch) for switch in DARK_SWITCHES if dark_selector(switch)}
"""The dark-mode selectors of ``theme.css(dark=…)``, by switch (``media`` has none)."""
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


def _words(switches: tuple[str, ...]) -> str:
    """``("a", "b", "c")`` → ``a, b or c``."""
    return ", ".join(switches[:-1]) + " or " + switches[-1]


_UNKNOWN_SWITCH = " and ".join(f'$switch != "{switch}"' for switch in DARK_SWITCHES)
_MEDIA_TEST = " or ".join(
    f'$switch == "{switch}"' for switch in DARK_SWITCHES if uses_media(switch)
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
  @if {_UNKNOWN_SWITCH} {{
    @error "dark: $switch is {_words(DARK_SWITCHES)}, not #{{$switch}}";
  }}
  @if {" @else if ".join(_branch(switch) for switch in _SELECTORS)}
  @if {_MEDIA_TEST} {{
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


def export(resolved: Resolved, *, name: str, description: str = "") -> str:
    """The theme ``name`` as an SCSS file (see the module docstring).

    ``description`` is accepted as every format's exporter takes it; the file does not use it.
    """
    names = list(resolved.light)
    dark = resolved.dark_changes(literal=True)
    title = re.sub(r"[\x00-\x1f\x7f]+", " ", name)
    lines = [
        f'// Livery theme "{title}" as SCSS, written by `livery theme export --format scss`.',
        "// Literal values (references followed): $<variable> for the light values, the maps",
        "// $livery-theme (light) and $livery-theme-dark (what changes in dark mode), and a",
        "// `dark` mixin. Importing this file emits no CSS.",
        "",
    ]
    lines += [f"${scss_name(n)}: {scss_value(resolved.literal(n))};" for n in names]
    lines += ["", "$livery-theme: ("]
    lines += [f'  "{scss_name(n)}": ${scss_name(n)},' for n in names]
    lines += [");", ""]
    if dark:
        lines.append("$livery-theme-dark: (")
        lines += [f'  "{scss_name(n)}": {scss_value(resolved.literal(n, True))},' for n in dark]
        lines.append(");")
    else:
        lines.append("$livery-theme-dark: ();")
    lines += ["", '$livery-dark-switch: "class" !default;', "", _MIXIN]
    return "\n".join(lines)


def scss_name(name: str) -> str:
    """``button_primary_text_color`` → ``button-primary-text-color``."""
    return name.replace("_", "-")


def scss_value(css: str) -> str:
    """A CSS value as SCSS: plain values as they are, anything else as ``#{"…"}``."""
    if _PLAIN.fullmatch(css) and css.lower() not in _SASS_WORDS:
        return css
    return '#{"' + css.replace('"', '\\"') + '"}'
