"""How Gradio's ``.set()`` treats a theme, for the Gradio-shaped classes of ``livery.themes``.

Gradio 6's ``Base.set()`` does two things beyond setting what it is given, and real themes
depend on both, so the classes that stand in for Gradio's do them too (``semantics="gradio"``,
their default; ``livery.Theme`` and ``semantics="livery"`` do neither):

- a falsy value (``None``, ``""``, ``0``) leaves the variable as it is, since Gradio writes
  ``value or the current value``;
- a value that is no CSS value of its kind (a tuple left by a stray comma, ``*#110F0F``) is
  written as it is, and browsers ignore it: here it is ``initial`` (for a custom property:
  invalid wherever it is used, alone or inside another value, as Gradio's text is), and a
  ``GradioValueWarning`` names it. A value that could leave its declaration
  (``;``, braces…) is still an error;
- four variables that are not passed go back to Base's values: Gradio reads their current
  value under names that do not exist (``background_primary`` for
  ``background_fill_primary``…), finds nothing, and falls back to the default. So
  ``gr.themes.Soft().set(loader_color="red")`` loses Soft's grey page for a white one.

A reset that changes a theme is recorded as a ``Reset`` (with the line of the user's code that
called ``.set()``), for ``livery theme check`` to report: such a theme looks different once
the reset is gone.
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Mapping
from pathlib import Path
from types import FrameType
from typing import Literal, NamedTuple

from livery.errors import GradioValueWarning
from livery.theme.catalogue import BY_NAME
from livery.theme.values import stays_in_declaration

Semantics = Literal["gradio", "livery"]
"""How ``.set()`` treats a theme: as Gradio's ``Base.set()`` does, or Livery's plainer way."""

DROPPED = "initial"
"""What a value browsers would ignore becomes: a custom property set to ``initial`` is invalid
wherever it is used, as one holding Gradio's text of a tuple is."""

RESET = (
    "background_fill_primary",
    "background_fill_primary_dark",
    "background_fill_secondary",
    "background_fill_secondary_dark",
)
"""The variables Gradio's ``.set()`` puts back to Base's values unless they are passed."""

_PACKAGE = str(Path(__file__).resolve().parents[1])


class Reset(NamedTuple):
    """One variable Gradio's ``.set()`` semantics put back to its default value."""

    variable: str
    was: str
    now: str
    where: str
    """The file and line of the ``.set()`` call (the first frame outside Livery)."""

    def __str__(self) -> str:
        return (
            f"{self.where}: .set() reset {self.variable} from {self.was!r} to {self.now!r} "
            f"(as Gradio's .set() does)"
        )


def passed(variables: Mapping[str, object]) -> dict[str, object]:
    """The variables a Gradio ``.set()`` call really sets: the falsy ones change nothing."""
    return {name: value for name, value in variables.items() if value}


def as_text(name: str, value: object) -> object:
    """``value`` as Gradio's stylesheet has it in effect: a value that is no text or number
    (``("#dbeafe",)``) is written as ``('#dbeafe',)``, which browsers drop, so it is
    ``DROPPED`` here, with a warning naming it. Text, numbers and ``None`` pass as they are."""
    if value is None or (isinstance(value, (str, int, float)) and not isinstance(value, bool)):
        return value
    _warn_dropped(name, value, f"a {type(value).__name__}, not a CSS value")
    return DROPPED


def dropped(name: str, value: object, reason: str) -> bool:
    """Whether a value the grammar refused is inert text Gradio would write and browsers
    ignore (then warn, and the caller sets ``DROPPED``), rather than a function, a string or
    anything that could leave its declaration, which stay errors."""
    if not isinstance(value, str) or not _inert(value.strip()):
        return False
    _warn_dropped(name, value, reason)
    return True


def _inert(text: str) -> bool:
    """Words, numbers, ``#`` and ``*`` only: no function (``url()``, ``image-set()``,
    ``attr()`` load or read things in a browser, and stay errors), no quoted text, and nothing
    that could leave the declaration."""
    return not any(char in text for char in "(\"'") and stays_in_declaration(text)


def _warn_dropped(name: str, value: object, reason: str) -> None:
    warnings.warn(
        GradioValueWarning(
            f"{name} = {value!r}: {reason}; Gradio writes it as it is and browsers ignore it, "
            f"so Livery writes {DROPPED!r}, which they treat the same way"
        ),
        stacklevel=_outside_depth(),
    )


def default(name: str) -> str:
    """The value, as written, that a reset gives ``name`` (Base's, as in Gradio)."""
    variable = BY_NAME[name.removesuffix("_dark")]
    value = variable.dark if name.endswith("_dark") else variable.light
    assert isinstance(value, str)
    return value


def resets(overrides: Mapping[str, str | None], given: Mapping[str, object]) -> list[Reset]:
    """What a Gradio ``.set(**given)`` resets on a theme with ``overrides``: the variables of
    ``RESET`` not given whose value differs from the default. ``None`` means "as in light"."""
    found = []
    for name in RESET:
        if name in given or name not in overrides:
            continue
        was = overrides[name]
        if was is None:
            was = overrides.get(name.removesuffix("_dark")) or default(name.removesuffix("_dark"))
        if was != default(name):
            found.append(Reset(name, was, default(name), _caller()))
    return found


def _caller() -> str:
    """``file:line`` of the innermost frame outside the ``livery`` package."""
    frame, _ = _outside()
    if frame is None:
        return "<livery>"
    return f"{frame.f_code.co_filename}:{frame.f_lineno}"


def _outside_depth() -> int:
    """The ``stacklevel`` that points a warning at the innermost frame outside Livery."""
    return _outside()[1]


def _outside() -> tuple[FrameType | None, int]:
    """The innermost frame outside the ``livery`` package, and how many frames out it is from
    the function that called ``_outside``'s caller (the ``stacklevel`` of a warning raised
    there)."""
    depth, frame = 0, sys._getframe(1)
    while frame is not None and frame.f_code.co_filename.startswith(_PACKAGE):
        frame, depth = frame.f_back, depth + 1
    return frame, depth
