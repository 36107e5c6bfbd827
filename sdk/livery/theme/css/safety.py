"""Keep compiled and custom CSS inside its stylesheet, judged on the tokens a browser sees.

The result is inlined in a ``<style>`` element (a theme's custom CSS, a component's
``style.css`` in a Gradio page or a notebook), so it must not contain ``</style`` (which would
end the element in HTML) and must not load other files. Patterns over the text cannot decide
the second: ``@\\69mport`` is ``@import`` to a browser. So the CSS is read with tinycss2,
which decodes escapes in names and addresses as a browser does, and every token is checked:

- an at-rule must be on ``ALLOWED_AT_RULES`` (``@import``, ``@namespace``, ``@use`` and any
  rule a browser might learn to load with later are refused);
- every address (``url(…)``, and the strings and ``var()`` in ``src()``, ``image()`` and
  ``image-set()``) must be inline: ``data:…``, or ``#id`` (an SVG reference into the same
  page). Relative addresses are refused too: inlined into a host's page, ``url(icon.svg)``
  resolves against that page, not the package, so it would load someone else's file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated

import tinycss2
from pydantic import AfterValidator
from tinycss2.ast import Node

from livery.errors import UnsafeCssError
from livery.theme.css.lexical import code_only, line_of

_END_TAG = re.compile(r"</style", re.IGNORECASE)

ALLOWED_AT_RULES = frozenset(
    {
        "charset",
        "media",
        "supports",
        "container",
        "layer",
        "scope",
        "starting-style",
        "keyframes",
        "-webkit-keyframes",
        "font-face",
        "font-feature-values",
        "font-palette-values",
        "counter-style",
        "property",
        "page",
    }
)
"""At-rules that only arrange, animate or describe what the stylesheet itself holds."""
_LOADING_AT_RULES = frozenset({"import", "use", "forward", "namespace"})
_ADDRESS_FUNCTIONS = frozenset({"src", "image", "image-set", "-webkit-image-set"})
"""Functions whose string (or ``var()``) arguments are addresses, as ``url()``'s is."""
_SHOWN = 60
"""An address in a message is cut to this many characters."""


@dataclass(frozen=True)
class Loading:
    """One thing in a stylesheet that would load a file, or that is not allowed at all."""

    kind: str
    """``at-rule`` or ``address``."""
    name: str
    """The at-rule (``import``) or the function (``url``)."""
    value: str
    """The at-rule's prelude, or the address."""
    line: int
    column: int

    @property
    def reason(self) -> str:
        if self.kind == "at-rule" and self.name not in _LOADING_AT_RULES:
            return (
                f"the compiled CSS contains @{self.name}, which is not allowed in a custom "
                "stylesheet (it may use @media, @supports, @keyframes, @font-face, @layer, …)"
            )
        if self.kind == "at-rule":
            return (
                f"the compiled CSS contains @{self.name}: a custom stylesheet cannot load "
                "other files"
            )
        shown = self.value if len(self.value) <= _SHOWN else self.value[:_SHOWN] + "…"
        return (
            f"the compiled CSS contains {self.name}({shown!r}): a custom stylesheet cannot load "
            "other files (only inline data: addresses)"
        )

    @property
    def key(self) -> tuple[str, str, str]:
        """What identifies it in another spelling (the source of the compiled CSS)."""
        return self.kind, self.name, self.value


def find_loading(css: str) -> Iterator[Loading]:
    """Every refused at-rule and address in ``css``, in order (escapes decoded)."""
    yield from _walk(tinycss2.parse_component_value_list(css, skip_comments=True), None)


def _walk(nodes: Iterable[Node], function: str | None) -> Iterator[Loading]:
    """``function`` is the address function the nodes are the arguments of, if any."""
    nodes = list(nodes)
    for index, node in enumerate(nodes):
        kind = node.type
        if kind == "at-keyword" and node.lower_value not in ALLOWED_AT_RULES:
            yield _at(node, nodes[index + 1 :])
        elif kind == "url" and not _inline(node.value):
            yield Loading("address", "url", node.value, node.source_line, node.source_column)
        elif kind == "error" and node.kind == "bad-url":  # a browser drops it; refuse it too
            yield Loading("address", "url", "…", node.source_line, node.source_column)
        elif kind == "string" and function is not None and not _inline(node.value):
            yield Loading("address", function, node.value, node.source_line, node.source_column)
        elif kind == "function":
            name = node.lower_name
            if function is not None and name in ("var", "env", "attr"):
                shown = f"{name}({tinycss2.serialize(node.arguments).strip()})"
                yield Loading("address", function, shown, node.source_line, node.source_column)
                continue
            inner = name if name in _ADDRESS_FUNCTIONS or name == "url" else None
            yield from _walk(node.arguments, inner)
        elif kind in ("() block", "[] block", "{} block"):
            yield from _walk(node.content, None)


def _at(node: Node, rest: list[Node]) -> Loading:
    prelude: list[Node] = []
    for following in rest:
        if following.type in ("{} block",) or (
            following.type == "literal" and following.value == ";"
        ):
            break
        prelude.append(following)
    value = " ".join(tinycss2.serialize(prelude).split())
    return Loading("at-rule", node.lower_value, value, node.source_line, node.source_column)


def _inline(address: str) -> bool:
    """An address that loads nothing: inline data, or a fragment of the same page."""
    address = address.strip().lower()
    return address.startswith("data:") or (address.startswith("#") and len(address) > 1)


def check_output(css: str, files: Mapping[str, str], main: str) -> None:
    """Raise ``UnsafeCssError`` if ``css`` could leave its stylesheet or load files.

    ``files`` (name → source text) are searched for the line to blame; if no source line
    spells the problem out (it was built by interpolation), the error names ``main`` alone.
    """
    if _END_TAG.search(css):
        file, line = _locate_end_tag(files, main)
        raise UnsafeCssError(
            "contains '</style', which would end the <style> element", file=file, line=line
        )
    found = next(find_loading(css), None)
    if found is not None:
        file, line = _locate(found, files, main)
        raise UnsafeCssError(found.reason, file=file, line=line)


def _locate_end_tag(files: Mapping[str, str], main: str) -> tuple[str, int | None]:
    for name, text in files.items():
        found = _END_TAG.search(text)
        if found:
            return name, line_of(text, found.start())
    return main, None


def _locate(problem: Loading, files: Mapping[str, str], main: str) -> tuple[str, int | None]:
    """The first source line with the same problem, outside comments (SCSS's ``//`` ones,
    which tinycss2 does not know, included)."""
    for name, text in files.items():
        code = code_only(text).splitlines()
        for candidate in find_loading(text):
            if candidate.key != problem.key:
                continue
            row = code[candidate.line - 1] if candidate.line <= len(code) else ""
            if row[candidate.column - 1 : candidate.column].strip():
                return name, candidate.line
    return main, None


MAX_CUSTOM_CSS_CHARS = 200_000


@lru_cache(maxsize=256)
def check_custom_css(css: str) -> str:
    """Refuse custom CSS that could leave the stylesheet or load files (it may come from a
    stranger's theme file), as ``check_output`` does for compiled CSS. Raises ``ValueError``
    (the model names the field). Cached: a built-in's CSS (Mario's) is checked once, not
    every time its class is built.
    """
    if len(css) > MAX_CUSTOM_CSS_CHARS:
        raise ValueError(f"custom CSS may be at most {MAX_CUSTOM_CSS_CHARS} characters")
    try:
        check_output(css, {"custom_css": css}, "custom_css")
    except UnsafeCssError as error:
        raise ValueError(error.reason.replace("the compiled CSS", "it", 1)) from None
    return css


ThemeCustomCss = Annotated[str, AfterValidator(check_custom_css)]
"""The type of ``Theme.custom_css``: text that ``check_custom_css`` accepts."""
