"""Dark mode's switches: what turns a theme dark, written once for every output.

Gradio marks dark mode with a ``.dark`` class; Livery also offers a ``data-theme="dark"``
attribute and the ``prefers-color-scheme`` media query, or all three at once. The stylesheet,
the SCSS ``dark`` mixin, custom CSS and the command line all take their selectors from here.
"""

from __future__ import annotations

from typing import Literal, get_args

from livery.errors import InvalidOptionError

DarkSwitch = Literal["class", "attribute", "media", "all"]
DARK_SWITCHES: tuple[DarkSwitch, ...] = get_args(DarkSwitch)
MEDIA_QUERY = "@media (prefers-color-scheme: dark)"

_MARKS: dict[str, tuple[str, ...]] = {
    "class": (".dark",),
    "attribute": ('[data-theme="dark"]',),
    "media": (),
    "all": (".dark", '[data-theme="dark"]'),
}


def check_switch(switch: object) -> DarkSwitch:
    """``switch`` if it is one of ``DARK_SWITCHES``, else an ``InvalidOptionError``."""
    if switch not in DARK_SWITCHES:
        choices = ", ".join(repr(name) for name in DARK_SWITCHES)
        raise InvalidOptionError(f"dark must be one of {choices}, not {switch!r}")
    return switch  # type: ignore[return-value]


def uses_media(switch: DarkSwitch) -> bool:
    """Whether the switch includes the ``prefers-color-scheme`` media query."""
    return switch in ("media", "all")


def dark_selector(switch: DarkSwitch, scope: str = ":root") -> str:
    """The selector list of the dark block for a switch (empty for ``media``).

    On ``:root`` (Gradio's form): ``:root.dark, :root .dark``; on a scope, the scope that is
    dark, holds something dark, or sits inside something dark.
    """
    marks = _MARKS[check_switch(switch)]
    if scope == ":root":
        return ", ".join(f":root{mark}, :root {mark}" for mark in marks)
    return ", ".join(f"{scope}{mark}, {scope} {mark}, {mark} {scope}" for mark in marks)
