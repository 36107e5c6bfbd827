"""Resolve a theme's values: check every reference, find what dark mode must re-declare.

Input is the full light and dark value tables (defaults, core settings and overrides already
merged); output is a ``Resolved`` table the emitters read. References are followed once here:
unknown names, ``_dark`` names and cycles are errors naming the whole chain.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from livery.errors import ThemeReferenceError
from livery.theme.catalogue import BY_NAME, VARIABLES
from livery.theme.values import REFERENCE, Value


@dataclass
class Resolved:
    """Every variable's light value, the dark values that differ, and the dark re-declarations.

    ``redeclare`` lists, in catalogue order, the variables whose dark value differs from the
    light one directly or through a reference: a CSS variable declared on ``:root`` keeps the
    value computed there, so anything that leads to a dark-mode change must be repeated in the
    dark block.
    """

    light: dict[str, Value]
    dark: dict[str, Value]
    redeclare: tuple[str, ...]
    _literals: tuple[dict[str, str], dict[str, str]] = field(
        default_factory=lambda: ({}, {}), repr=False
    )

    def value(self, name: str, dark: bool = False) -> Value:
        """The value ``name`` has in the given mode."""
        if dark:
            found = self.dark.get(name)
            if found is not None:
                return found
        return self.light[name]

    def dark_changes(self, literal: bool = False) -> tuple[str, ...]:
        """The variables that change in dark mode, in catalogue order: every output's one answer.

        By default, ``redeclare``: what a ``var()`` stylesheet must re-declare. With
        ``literal``, the variables whose literal value differs (what a stylesheet of literal
        values, or any export of them, writes for dark mode); a subset of ``redeclare``, since
        a variable that is not re-declared computes the same text in both modes.
        """
        return self._literal_changes if literal else self.redeclare

    @cached_property
    def _literal_changes(self) -> tuple[str, ...]:
        return tuple(
            name for name in self.redeclare if self.literal(name, True) != self.literal(name)
        )

    def literal(self, name: str, dark: bool = False) -> str:
        """The value of ``name`` with every reference replaced by its own literal value."""
        memo = self._literals[dark]
        cached = memo.get(name)
        if cached is None:
            parts = self.value(name, dark).parts
            cached = "".join(
                piece if index % 2 == 0 else self.literal(piece, dark)
                for index, piece in enumerate(parts)
            )
            memo[name] = cached
        return cached


def resolve(
    light: dict[str, Value], dark: dict[str, Value], changed_names: Iterable[str]
) -> Resolved:
    """Check the references of both modes and work out the dark re-declarations.

    ``light`` holds every variable in catalogue order, ``dark`` the dark values; the catalogue
    defaults are known to be sound, so only ``changed_names`` (what the theme set) are followed
    for unknown names and cycles in light mode.
    """
    checked: set[str] = set()
    for name in changed_names:
        _check_light(name, light, checked, [])
    changed = _dark_changes(light, dark)
    redeclare = tuple(name for name in light if changed[name])
    return Resolved(light=light, dark=dark, redeclare=redeclare)


def _dark_changes(light: dict[str, Value], dark: dict[str, Value]) -> dict[str, bool]:
    """Whether each variable computes differently in dark mode.

    One pass in an order where, with default values, references come first; a reference the
    theme points elsewhere is worked out on the spot (depth first, watching for cycles).
    """
    changed: dict[str, bool] = {}
    for name in _ORDER:
        if name in changed:
            continue
        dark_value = dark.get(name)
        value = light[name]
        differs = dark_value is not None and dark_value.raw != value.raw
        for ref in (dark_value or value).refs:
            ref_changed = changed.get(ref)
            if ref_changed is None:
                _check_name(ref, [name], dark_mode=True)
                ref_changed = _changes_in_dark(ref, light, dark, changed, [name])
            differs = differs or ref_changed
        changed[name] = differs
    return changed


def _default_order() -> tuple[str, ...]:
    """Catalogue names ordered so that, with default values, references come first."""
    refs = {
        v.name: set(_refs_of(v.dark if isinstance(v.dark, str) else v.light)) for v in VARIABLES
    }
    for v in VARIABLES:
        refs[v.name] |= set(_refs_of(v.light))
    order: list[str] = []
    placed: set[str] = set()

    def place(name: str) -> None:
        if name not in placed:
            placed.add(name)
            for ref in sorted(refs[name]):
                place(ref)
            order.append(name)

    for v in VARIABLES:
        place(v.name)
    return tuple(order)


def _refs_of(text: object) -> list[str]:
    return REFERENCE.findall(text) if isinstance(text, str) else []


_ORDER = _default_order()


def _check_light(name: str, light: dict[str, Value], checked: set[str], path: list[str]) -> None:
    if name in checked:
        return
    if name in path:
        _raise_cycle(path, name, dark_mode=False)
    path.append(name)
    for ref in light[name].refs:
        _check_name(ref, path, dark_mode=False)
        _check_light(ref, light, checked, path)
    path.pop()
    checked.add(name)


def _changes_in_dark(
    name: str,
    light: dict[str, Value],
    dark: dict[str, Value],
    changed: dict[str, bool],
    path: list[str],
) -> bool:
    """Whether ``name`` computes differently in dark mode; checks the dark references too."""
    known = changed.get(name)
    if known is not None:
        return known
    if name in path:
        _raise_cycle(path, name, dark_mode=True)
    dark_value = dark.get(name)
    differs = dark_value is not None and dark_value.raw != light[name].raw
    path.append(name)
    for ref in (dark_value or light[name]).refs:
        _check_name(ref, path, dark_mode=True)
        if _changes_in_dark(ref, light, dark, changed, path):
            differs = True
    path.pop()
    changed[name] = differs
    return differs


def _check_name(ref: str, path: list[str], *, dark_mode: bool) -> None:
    if ref in BY_NAME:
        return
    chain = " → ".join([*path, ref])
    mode = " (dark mode)" if dark_mode else ""
    if ref.endswith("_dark") and ref[:-5] in BY_NAME:
        raise ThemeReferenceError(
            f"reference chain {chain}{mode} names a _dark variable; references follow the "
            f"mode by themselves, so write *{ref[:-5]}",
            variable=path[0],
        )
    close = difflib.get_close_matches(ref, BY_NAME, n=3)
    hint = f"; did you mean {', '.join('*' + c for c in close)}?" if close else ""
    raise ThemeReferenceError(
        f"reference chain {chain}{mode} ends at *{ref}, which is not a theme variable{hint}",
        variable=path[0],
    )


def _raise_cycle(path: list[str], name: str, *, dark_mode: bool) -> None:
    cycle = [*path[path.index(name) :], name]
    mode = " in dark mode" if dark_mode else ""
    raise ThemeReferenceError(
        f"references form a cycle{mode}: {' → '.join(cycle)}", variable=cycle[0]
    )
