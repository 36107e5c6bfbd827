"""Keep the compiled custom CSS inside its stylesheet.

The custom CSS is the user's own, but the result is meant to be inlined in a ``<style>``
element and appended to the theme's stylesheet. So it must not contain ``</style`` (which
would end the element in HTML) and must not load other files: an ``@import`` that libsass
passed through (``@import url(…)``, or one built by interpolation) would fetch from anywhere,
and is invalid after the theme's rules anyway.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Annotated

from pydantic import AfterValidator

from livery.errors import UnsafeCssError
from livery.theme.css.lexical import code_only, line_of

_END_TAG = re.compile(r"</style", re.IGNORECASE)
_LOADING_RULE = re.compile(r"@(import|use|forward)\b", re.IGNORECASE)


def check_output(css: str, files: Mapping[str, str], main: str) -> None:
    """Raise ``UnsafeCssError`` if ``css`` could leave its stylesheet or load files.

    ``files`` (name → source text) are searched for the line to blame; if no source line
    spells the problem out (it was built by interpolation), the error names ``main`` alone.
    """
    if _END_TAG.search(css):
        file, line = _locate(_END_TAG, files, main, code=False)
        raise UnsafeCssError(
            "contains '</style', which would end the <style> element", file=file, line=line
        )
    found = _LOADING_RULE.search(code_only(css))
    if found:
        rule = found.group(0).lower()
        raise UnsafeCssError(
            f"the compiled CSS contains {rule}: a custom stylesheet cannot load other files",
            file=main,
        )


def _locate(
    pattern: re.Pattern[str], files: Mapping[str, str], main: str, *, code: bool
) -> tuple[str, int | None]:
    for name, text in files.items():
        searched = code_only(text) if code else text
        found = pattern.search(searched)
        if found:
            return name, line_of(searched, found.start())
    return main, None


MAX_CUSTOM_CSS_CHARS = 200_000
_LOADING_FUNCTION = re.compile(r"(?<![\w-])((?:-webkit-)?image-set|src|url)\(\s*", re.IGNORECASE)


@lru_cache(maxsize=256)
def check_custom_css(css: str) -> str:
    """Refuse custom CSS that could leave the stylesheet or load files (it may come from a
    stranger's theme file): ``</style``, ``@import``/``@use``/``@forward``, ``image-set()``,
    ``src()``, and ``url()`` of anything but an inline ``data:image/…``. Raises
    ``ValueError`` (the model names the field). Cached: a built-in's CSS (Mario's) is checked
    once, not every time its class is built.
    """
    if len(css) > MAX_CUSTOM_CSS_CHARS:
        raise ValueError(f"custom CSS may be at most {MAX_CUSTOM_CSS_CHARS} characters")
    try:
        check_output(css, {"custom_css": css}, "custom_css")
    except UnsafeCssError as error:
        raise ValueError(error.reason) from None
    # Found in the code (not in comments or strings); the address is read from the source.
    for found in _LOADING_FUNCTION.finditer(code_only(css)):
        function = found.group(1).lower()
        address = css[found.end() : found.end() + 12].lstrip("'\"").lower()
        if function != "url" or not address.startswith("data:image/"):
            raise ValueError(
                f"{function}() may not load a file: custom CSS takes only url() of an inline "
                "data:image/… address"
            )
    return css


ThemeCustomCss = Annotated[str, AfterValidator(check_custom_css)]
"""The type of ``Theme.custom_css``: text that ``check_custom_css`` accepts."""
