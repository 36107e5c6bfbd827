"""Check every ``var(--x)`` a stylesheet uses against the theme's variables.

The source files are scanned line by line (comments and strings left out), so a problem is
reported at the user's own file and line, before SCSS changed anything. Names the stylesheet
declares itself (``--my-thing: …``) are known too. The compiled CSS is scanned as well, for
names built by SCSS interpolation (``var(--#{$name})``), which no source line spells out.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from livery.theme.catalogue import VARIABLES
from livery.theme.css.lexical import code_only, line_of
from livery.theme.resolve import Resolved
from livery.theme.values import css_name

_NAME = r"--[\w-]+(?![\w-]|#\{)"
_USE = re.compile(rf"\bvar\(\s*({_NAME})", re.IGNORECASE)
_DECLARATION = re.compile(rf"(?<![\w-])({_NAME})\s*:")


@dataclass(frozen=True)
class UnknownName:
    """One use of a ``var(--x)`` name the theme does not define."""

    name: str
    file: str
    line: int | None
    suggestions: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        hint = f"; did you mean {', '.join(self.suggestions)}?" if self.suggestions else ""
        return f"unknown theme variable {self.name}{hint}"

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.message}"


def theme_names(resolved: Resolved | None = None) -> frozenset[str]:
    """The custom properties the theme's stylesheet defines (``--primary-500``, …).

    Every resolved table holds the whole catalogue, so this is the same set for any theme
    (and for ``None``, no theme at all).
    """
    return _THEME_NAMES


_THEME_NAMES = frozenset(css_name(variable.name) for variable in VARIABLES)


def check_css(
    resolved: Resolved | None,
    sources: str | Mapping[str, str],
    *,
    compiled: str | None = None,
    file: str = "<css>",
) -> list[UnknownName]:
    """The ``var(--x)`` uses in ``sources`` that are neither theme variables nor declared.

    ``sources`` is the text of one stylesheet (reported as ``file``) or a mapping of file
    names to texts (a stylesheet and its partials). ``compiled``, the CSS that SCSS produced
    from them, adds the names that interpolation builds; those are reported against the first
    file, without a line. Each unknown use comes once, in file and line order, with up to
    three suggestions.
    """
    files = {file: sources} if isinstance(sources, str) else dict(sources)
    scanned = {name: code_only(text) for name, text in files.items()}
    compiled_code = code_only(compiled) if compiled is not None else ""
    declared = {
        match.group(1)
        for code in (*scanned.values(), compiled_code)
        for match in _DECLARATION.finditer(code)
    }
    known = theme_names(resolved) | declared

    problems: list[UnknownName] = []
    seen: set[tuple[str, int, str]] = set()
    spelled: set[str] = set()
    for name, code in scanned.items():
        for match in _USE.finditer(code):
            variable = match.group(1)
            spelled.add(variable)
            if variable in known:
                continue
            line = line_of(code, match.start(1))
            if (name, line, variable) not in seen:
                seen.add((name, line, variable))
                problems.append(UnknownName(variable, name, line, suggest(variable, declared)))
    main = next(iter(files), file)
    built = {match.group(1) for match in _USE.finditer(compiled_code)} - known - spelled
    for variable in sorted(built):
        problems.append(UnknownName(variable, main, None, suggest(variable, declared)))
    return problems


def suggest(name: str, declared: Iterable[str] = ()) -> tuple[str, ...]:
    """Up to three close names; a family of theme names shows as its prefix (``--button-…``).

    ``declared`` adds the names the stylesheet declares itself.
    """
    pool = _pool() + tuple(sorted(set(declared) - _THEME_NAMES))
    chosen: list[str] = []
    for match in difflib.get_close_matches(name, pool, n=12, cutoff=0.6):
        if match in _families() and _ratio(name, match) < _FAMILY_CUTOFF:
            continue  # a family is a looser match; only a close one helps
        if any(_within(match, other) or _within(other, match) for other in chosen):
            continue  # --button-primary-… already covers --button-primary-text-…
        chosen.append(match)
        if len(chosen) == 3:
            break
    return tuple(f"{match}-…" if match in _families() else match for match in chosen)


_FAMILY_CUTOFF = 0.75


def _within(name: str, family: str) -> bool:
    return family in _families() and name.startswith(family + "-")


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


@lru_cache(maxsize=1)
def _families() -> frozenset[str]:
    """Name prefixes (at a hyphen) shared by two or more theme variables."""
    counts: dict[str, int] = {}
    for name in _THEME_NAMES:
        parts = name[2:].split("-")
        for end in range(1, len(parts)):
            prefix = "--" + "-".join(parts[:end])
            counts[prefix] = counts.get(prefix, 0) + 1
    return frozenset(prefix for prefix, count in counts.items() if count > 1)


@lru_cache(maxsize=1)
def _pool() -> tuple[str, ...]:
    return tuple(sorted(_THEME_NAMES)) + tuple(sorted(_families() - _THEME_NAMES))
