"""Repair failing contrast with the smallest visible change.

For each failing pair the side its role names (usually the foreground; a button's fill rather
than its label) moves along OKLCH lightness, keeping chroma and hue, to the nearest lightness
at which every pair that side takes part in passes. Of the lighter and the darker solution the
one with the smaller colour difference (ΔE OK) wins. The change is written as an override of
that variable (its ``_dark`` twin in dark mode), so references elsewhere follow it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import tinycss2
from tinycss2 import ast

from livery.errors import ContrastRepairError, NotAColourError, ThemeError
from livery.theme.catalogue import BY_NAME
from livery.theme.colour.audit import Check, audit, measure
from livery.theme.colour.contrast import Colour, colours_in
from livery.theme.colour.dark import depends_on
from livery.theme.colour.pairs import Pair
from livery.theme.colour.solve import MARGIN, Constraint, constraints, nearest
from livery.theme.resolve import Resolved

_ROUNDS = 12


@dataclass(frozen=True)
class Change:
    """One variable the repair changed, and what it did for the pair that needed it."""

    variable: str
    old: str
    new: str
    pair: str
    mode: str
    ratio_before: float
    ratio_after: float

    def to_dict(self) -> dict[str, object]:
        return {
            "variable": self.variable,
            "old": self.old,
            "new": self.new,
            "pair": self.pair,
            "mode": self.mode,
            "ratio_before": round(self.ratio_before, 2),
            "ratio_after": round(self.ratio_after, 2),
        }


Resolver = Callable[[Mapping[str, str]], Resolved]
"""The theme's table with the given overrides (``name`` or ``name_dark`` → value) applied."""


def repair(
    resolve_with: Resolver, level: str = "AA", *, lenient_placeholders: bool = False
) -> list[Change]:
    """The changes that make every pair pass at ``level``, in the order they were made.

    ``resolve_with`` gives the theme's table with overrides applied, so the repair can measure
    each round's result; the caller applies the returned changes to the theme itself.
    """
    lenient = lenient_placeholders
    overrides: dict[str, str] = {}
    resolved = original = resolve_with(overrides)
    first: dict[str, tuple[Check, str]] = {}
    for _ in range(_ROUNDS):
        report = audit(resolved, level, lenient_placeholders=lenient)
        if report.passed:
            break
        moved: set[str] = set()
        for check in report.failures:
            sides = _moving_variables(check)
            dark = check.mode == "dark"
            if any(
                depends_on(
                    resolved,
                    side.removesuffix("_dark") if dark else side,
                    {m.removesuffix("_dark") for m in moved},
                    dark,
                )
                for side in sides
            ):
                continue  # measured against a value this round already changed
            name, new = _solve_either(resolved, check, sides, level, lenient)
            moved.add(name)
            first.setdefault(name, (check, _written(original, name)))
            overrides[name] = new
            resolved = resolve_with(overrides)
    else:
        raise _unreachable(audit(resolved, level, lenient_placeholders=lenient).failures, level)
    changes = []
    for name, (check, old) in first.items():
        after = measure(
            resolved, check.pair, check.mode == "dark", level, lenient_placeholders=lenient
        )
        changes.append(
            Change(
                variable=name,
                old=old,
                new=_written(resolved, name),
                pair=check.pair.label,
                mode=check.mode,
                ratio_before=check.ratio or 0.0,
                ratio_after=after.ratio or 0.0,
            )
        )
    return changes


def _written(resolved: Resolved, name: str) -> str:
    """The value of ``name`` (or ``name_dark``) as written, references included."""
    if name.endswith("_dark"):
        return resolved.value(name.removesuffix("_dark"), dark=True).raw
    return resolved.value(name).raw


def _moving_variables(check: Check) -> list[str]:
    """The variables (or dark twins) a repair of ``check`` may change, preferred first.

    The pair's role names the side to move; if that cannot reach the target, the other side
    is tried. In dark mode only variables with a dark twin can move on their own.
    """
    pair = check.pair
    sides = [pair.foreground, pair.background]
    if pair.move == "background" and colours_in(check.background):
        sides.reverse()
    if check.mode == "light":
        return sides
    return [f"{side}_dark" for side in sides if BY_NAME[side].has_dark]


def _solve_either(
    resolved: Resolved, check: Check, names: list[str], level: str, lenient: bool
) -> tuple[str, str]:
    if not names:
        raise ContrastRepairError(
            f"{check.pair.foreground} and {check.pair.background} have no dark variants, so "
            f"{check.pair.label} cannot be repaired in dark mode alone"
        )
    for name in names:
        try:
            dark = check.mode == "dark"
            return name, _solve(resolved, check.pair, name, dark, level, lenient)
        except ContrastRepairError as error:
            problem = error
    raise problem


def _solve(
    resolved: Resolved, trigger: Pair, name: str, dark: bool, level: str, lenient: bool
) -> str:
    """The nearest colour (by lightness) for ``name`` that passes every pair it is part of."""
    variable = name.removesuffix("_dark") if dark else name
    needs = constraints(resolved, variable, dark, level, lenient_placeholders=lenient)
    literal = resolved.literal(variable, dark)
    colours = colours_in(literal)
    if not colours:  # "none", "transparent" as a keyword…: nothing to move along lightness
        raise ContrastRepairError(
            f"{name} is {literal[:40]!r}, which has no colour to change for {trigger.label}"
        )
    if len(colours) > 1:
        return _solve_gradient(literal, needs, trigger, name, dark)
    return _nearest(colours[0], needs, trigger, name, dark).to_string(hex=True)


def _solve_gradient(
    literal: str,
    needs: list[Constraint],
    trigger: Pair,
    name: str,
    dark: bool,
) -> str:
    """Move every colour stop of a gradient fill, keeping its shape."""
    tokens = tinycss2.parse_component_value_list(literal)
    for token in tokens:
        if isinstance(token, ast.FunctionBlock) and token.lower_name.endswith("gradient"):
            for index, argument in enumerate(token.arguments):
                text = tinycss2.serialize([argument])
                try:
                    stop = colours_in(text) if not isinstance(argument, ast.WhitespaceToken) else ()
                except NotAColourError:
                    continue
                if len(stop) == 1:
                    new = _nearest(stop[0], needs, trigger, name, dark)
                    token.arguments[index] = ast.HashToken(0, 0, new.to_string(hex=True)[1:], False)
    return tinycss2.serialize(tokens)


def _nearest(
    colour: Colour,
    needs: list[Constraint],
    trigger: Pair,
    name: str,
    dark: bool,
) -> Colour:
    best = nearest(colour, needs)
    if best is None:
        needed = max(ratio for _, ratio in needs) - MARGIN
        raise ContrastRepairError(
            f"no lightness of this colour reaches {needed:g}:1 for {trigger.label} "
            f"({'dark' if dark else 'light'} mode)",
            variable=name,
        )
    return best


def _unreachable(failures: tuple[Check, ...], level: str) -> ThemeError:
    names = ", ".join(f"{c.pair.label} ({c.mode})" for c in failures[:4])
    return ContrastRepairError(f"could not make every pair pass {level}; still failing: {names}")
