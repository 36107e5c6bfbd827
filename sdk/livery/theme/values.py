"""Parse and check one theme value against its variable's kind.

Theme files may come from strangers, so a value is accepted only when it is plainly what its
kind allows and cannot leave its declaration: no ``;``, braces, ``<``, at-rules, comments,
escapes, ``!important``, unknown functions (so no ``expression(``) and no URL other than an
inline ``data:image/…``. The check works on CSS tokens (tinycss2), and a value must serialise
back to exactly its own text, which rules out unbalanced quotes and brackets.

A value may reference other variables as ``*name`` (Gradio's syntax) or ``var(--name)``; the
parsed value keeps those names so the resolver can follow them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache

import tinycss2
from tinycss2 import ast

from livery.errors import ValueCheckError
from livery.theme.grammar import (
    ANGLE_UNITS,
    FORBIDDEN,
    INNER_FUNCTIONS,
    LENGTH_UNITS,
    RULES,
    TIME_UNITS,
    Kind,
    Rules,
)

MAX_VALUE_CHARS = 2000
MAX_NUMBER_DIGITS = 100
MAX_NUMBER = 1e9
"""Numbers in values stay far below Python's int-to-text limit (4,300 digits) and within what
the colour maths can square and cube: no CSS length, angle or channel needs more."""

REFERENCE = re.compile(r"\*([A-Za-z_][A-Za-z0-9_]*)")


@dataclass(frozen=True, slots=True)
class Value:
    """A checked value: its text as written, its CSS text, and the variables it references.

    ``parts`` alternates literal text and referenced names (even indices are text), so a value
    can be resolved to literals without parsing it again.
    """

    raw: str
    css: str
    refs: tuple[str, ...]
    parts: tuple[str, ...]


def css_name(name: str) -> str:
    """``button_primary_text_color`` → ``--button-primary-text-color``."""
    return "--" + name.replace("_", "-")


def normalise(value: object) -> str:
    """Turn a user's value into the text Livery stores.

    Numbers become text (``0`` is a real value), surrounding space goes, and one trailing
    ``;`` goes too: Gradio's own themes end some values with it, and there it only ends the
    declaration early.
    """
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ValueCheckError(f"must be text or a number, not {type(value).__name__}")
    if isinstance(value, int) and abs(value).bit_length() > MAX_NUMBER_DIGITS * 3.33:
        raise ValueCheckError(f"is a number of more than {MAX_NUMBER_DIGITS} digits")
    text = str(value).strip()
    if text.endswith(";"):
        text = text[:-1].rstrip()
    return text


_REMOTE_URLS: ContextVar[bool] = ContextVar("livery_remote_urls", default=False)
_REMOTE = re.compile(r"url\(\s*[\"']?\s*(https://[^\"')\s]*)", re.IGNORECASE)


@contextmanager
def remote_urls(allowed: bool = True) -> Iterator[None]:
    """Within this block, ``url(https://…)`` images are accepted (else only ``data:image``).

    Trust is explicit: a theme the user loads in their own code may load images from the
    network, as Gradio lets it; a page that shows strangers' themes never enters this block.
    """
    token = _REMOTE_URLS.set(allowed)
    try:
        yield
    finally:
        _REMOTE_URLS.reset(token)


def remote_addresses(text: str) -> list[str]:
    """The ``https://`` addresses a value's ``url()`` functions load."""
    return _REMOTE.findall(text)


def parse(kind: Kind, text: str) -> Value:
    """Check ``text`` (already normalised) for ``kind`` and return the parsed value."""
    return _parse(kind, text, _REMOTE_URLS.get())


@lru_cache(maxsize=8192)
def _parse(kind: Kind, text: str, remote: bool) -> Value:
    if len(text) > MAX_VALUE_CHARS:
        raise ValueCheckError(f"is longer than {MAX_VALUE_CHARS} characters")
    _check_characters(text)
    pieces = REFERENCE.split(text)
    css_text = "".join(
        piece if index % 2 == 0 else f"var({css_name(piece)})" for index, piece in enumerate(pieces)
    )
    tokens = tinycss2.parse_component_value_list(css_text, skip_comments=False)
    refs: list[str] = []
    _check_top(tokens, RULES[kind], kind, refs)
    css_text = _VAR.sub(lambda match: f"var({css_name(match[1].replace('-', '_'))})", css_text)
    return Value(raw=text, css=css_text, refs=tuple(dict.fromkeys(refs)), parts=_parts(css_text))


_STRING = re.compile(r"\"[^\"]*\"|'[^']*'|url\([^)\"']*\)", re.IGNORECASE)
_IN_STRINGS = "<>\\{}`"


def validated(kind: Kind, value: object) -> str:
    """``value`` checked as CSS text of ``kind``, for a pydantic field validator (which turns
    the ``ValueError`` into its own error)."""
    try:
        return parse(kind, normalise(value)).raw
    except ValueCheckError as problem:
        raise ValueError(str(problem)) from None


def stays_in_declaration(text: str) -> bool:
    """Whether ``text`` has nothing that could leave its declaration (what ``parse`` checks
    before the grammar): no ``;``, braces, markup, escapes, comments or open brackets."""
    try:
        _check_characters(text)
    except ValueCheckError:
        return False
    return len(text) <= MAX_VALUE_CHARS


def _check_characters(text: str) -> None:
    """Refuse characters that could end the declaration, quotes and brackets left open.

    Quoted text (and an unquoted ``url(…)``) may hold ``;``, as data: addresses do; outside
    it, none of the characters that end a declaration or start something else may appear.
    """
    for char in text:
        if ord(char) < 32 or ord(char) == 127:
            raise ValueCheckError("contains a control character or line break")
        if 0xD800 <= ord(char) <= 0xDFFF:
            raise ValueCheckError(
                f"contains a lone surrogate (\\u{ord(char):04x}), which UTF-8 cannot write"
            )
    for quoted in _STRING.findall(text):
        for char in quoted:
            if char in _IN_STRINGS:
                raise ValueCheckError(FORBIDDEN[char])
    outside = _STRING.sub(" ", text)
    if '"' in outside or "'" in outside:
        raise ValueCheckError("has an unclosed string")
    for char in outside:
        if char in FORBIDDEN:
            raise ValueCheckError(FORBIDDEN[char])
    if "/*" in outside or "*/" in outside:
        raise ValueCheckError("contains a CSS comment")
    depth = 0
    for char in outside:
        depth += (char == "(") - (char == ")")
        if depth < 0:
            raise ValueCheckError("closes a bracket it never opened")
    if depth:
        raise ValueCheckError("has an unclosed bracket or function")


def _parts(css_text: str) -> tuple[str, ...]:
    """Split CSS text into literal text and referenced names at each ``var(--name)``."""
    return tuple(
        piece if index % 2 == 0 else piece.replace("-", "_")
        for index, piece in enumerate(_VAR.split(css_text))
    )


_VAR = re.compile(r"var\(\s*--([A-Za-z_][A-Za-z0-9_-]*)\s*\)", re.IGNORECASE)


def _check_top(tokens: list[ast.Node], rules: Rules, kind: Kind, refs: list[str]) -> None:
    _check_layer(tokens, rules, kind)
    items = 0
    for token in tokens:
        if isinstance(token, ast.WhitespaceToken):
            continue
        if isinstance(token, ast.LiteralToken) and token.value == "," and rules.commas:
            continue
        if isinstance(token, ast.LiteralToken) and token.value == "/" and rules.slashes:
            continue
        items += 1
        _check_component(token, rules, kind, refs)
    if items > rules.max_items:
        raise ValueCheckError(
            f"has {items} parts; a {kind.value} value takes at most {rules.max_items}"
        )


def _check_layer(tokens: list[ast.Node], rules: Rules, kind: Kind) -> None:
    """A size or position in a fill must stand in a background layer (see ``layer_words``)."""
    if not rules.layer_words:
        return
    sizes = [
        t
        for t in tokens
        if isinstance(t, (ast.DimensionToken, ast.NumberToken, ast.PercentageToken))
    ]
    if not sizes:
        return
    for token in tokens:
        if isinstance(token, ast.IdentToken) and token.lower_value in rules.layer_words:
            return
        if isinstance(token, ast.LiteralToken) and token.value == "/":
            return
    first = sizes[0]
    if isinstance(first, ast.DimensionToken):
        raise ValueCheckError(f"unit {first.unit!r} does not fit a {kind.value}")
    if isinstance(first, ast.PercentageToken):
        raise ValueCheckError(f"a percentage is not a {kind.value}")
    raise ValueCheckError(f"a bare number is not a {kind.value}")


def _check_component(token: ast.Node, rules: Rules, kind: Kind, refs: list[str]) -> None:
    if isinstance(token, ast.IdentToken):
        word = token.lower_value
        if rules.any_keyword or word in rules.keywords:
            return
        raise ValueCheckError(f"{token.value!r} is not a {kind.value} keyword")
    if isinstance(token, ast.HashToken):
        if rules.hash and re.fullmatch(
            r"[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8}", token.value
        ):
            return
        raise ValueCheckError(f"{'#' + token.value!r} is not a hex colour")
    if isinstance(token, (ast.NumberToken, ast.DimensionToken, ast.PercentageToken)):
        _check_number(token)
    if isinstance(token, ast.NumberToken):
        if rules.numbers:
            return
        raise ValueCheckError(f"a bare number is not a {kind.value}")
    if isinstance(token, ast.DimensionToken):
        if token.lower_unit in rules.units:
            return
        raise ValueCheckError(f"unit {token.unit!r} does not fit a {kind.value}")
    if isinstance(token, ast.PercentageToken):
        if rules.percent:
            return
        raise ValueCheckError(f"a percentage is not a {kind.value}")
    if isinstance(token, ast.StringToken):
        if rules.strings:
            _check_quoted(token.value)
            return
        raise ValueCheckError(f"quoted text is not a {kind.value}")
    if isinstance(token, ast.URLToken):
        if rules.urls:
            _check_url(token.value)
            return
        raise ValueCheckError(f"a url() is not a {kind.value}")
    if isinstance(token, ast.FunctionBlock):
        if token.lower_name not in rules.functions:
            raise ValueCheckError(
                f"function {token.name + '()'!r} is not allowed in a {kind.value}"
            )
        _check_function(token, refs)
        return
    raise ValueCheckError(_describe(token))


def _check_function(function: ast.FunctionBlock, refs: list[str]) -> None:
    name = function.lower_name
    arguments = [t for t in function.arguments if not isinstance(t, ast.WhitespaceToken)]
    if name == "var":
        if (
            len(arguments) != 1
            or not isinstance(arguments[0], ast.IdentToken)
            or not arguments[0].value.startswith("--")
        ):
            raise ValueCheckError("var() must name exactly one variable, as var(--name)")
        refs.append(arguments[0].value[2:].replace("-", "_"))
        return
    if name == "url":
        if len(arguments) == 1 and isinstance(arguments[0], ast.StringToken):
            _check_url(arguments[0].value)
            return
        raise ValueCheckError("url() must hold one quoted data:image address")
    _check_arguments(function.arguments, refs)


def _check_arguments(tokens: list[ast.Node], refs: list[str]) -> None:
    for token in tokens:
        if isinstance(token, (ast.NumberToken, ast.DimensionToken, ast.PercentageToken)):
            _check_number(token)
        if isinstance(
            token,
            (
                ast.WhitespaceToken,
                ast.IdentToken,
                ast.NumberToken,
                ast.PercentageToken,
                ast.HashToken,
            ),
        ):
            continue
        if isinstance(token, ast.DimensionToken):
            if token.lower_unit in LENGTH_UNITS | TIME_UNITS | ANGLE_UNITS:
                continue
            raise ValueCheckError(f"unit {token.unit!r} is not allowed")
        if isinstance(token, ast.LiteralToken) and token.value in {",", "/", "*", "+", "-"}:
            continue
        if isinstance(token, ast.ParenthesesBlock):
            _check_arguments(token.content, refs)
            continue
        if isinstance(token, ast.FunctionBlock):
            if token.lower_name not in INNER_FUNCTIONS:
                raise ValueCheckError(f"function {token.name + '()'!r} is not allowed")
            _check_function(token, refs)
            continue
        raise ValueCheckError(_describe(token))


def _check_number(token: ast.NumberToken | ast.DimensionToken | ast.PercentageToken) -> None:
    digits = sum(char.isdigit() for char in token.representation)
    if digits > MAX_NUMBER_DIGITS:
        raise ValueCheckError(f"has a number of more than {MAX_NUMBER_DIGITS} digits")
    if not abs(token.value) <= MAX_NUMBER:
        raise ValueCheckError(f"has a number beyond ±{MAX_NUMBER:.0e} ({token.representation})")


_HTTPS_ADDRESS = re.compile(
    r"https://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~!$&'()*+,=:@%/?#-]*)?"
)


def _check_url(address: str) -> None:
    lowered = address.lower()
    if lowered.startswith("https://") and _REMOTE_URLS.get():
        if not _HTTPS_ADDRESS.fullmatch(address):
            raise ValueCheckError("the https:// address in url() is not a plain address")
        _check_quoted(address)
        return
    if not lowered.startswith("data:image/"):
        if lowered.startswith("https://"):
            raise ValueCheckError(
                "only inline data:image/… addresses are allowed in url(); remote https:// "
                "images need a theme you load in your own code (remote_urls=True)"
            )
        raise ValueCheckError("only inline data:image/… addresses are allowed in url()")
    _check_quoted(address)


def _check_quoted(text: str) -> None:
    """Quoted text and addresses are pasted as they are, so no reference may hide in them."""
    if "*" in text or "var(" in text.lower():
        raise ValueCheckError("a reference (* or var()) cannot stand inside quotes or url()")


def _describe(token: ast.Node) -> str:
    if isinstance(token, ast.Comment):
        return "contains a CSS comment"
    if isinstance(token, ast.AtKeywordToken):
        return f"contains the at-rule @{token.value}"
    if isinstance(token, ast.ParseError):
        return f"is not valid CSS ({token.message})"
    if isinstance(token, (ast.CurlyBracketsBlock, ast.SquareBracketsBlock)):
        return "contains a bracketed block"
    if isinstance(token, ast.LiteralToken):
        return f"contains {token.value!r}, which has no place here"
    return f"contains {token.type!r}, which has no place here"
