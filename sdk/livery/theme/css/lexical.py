"""Find the code in a stylesheet: comments and string contents blanked, positions kept.

``code_only(text)`` returns a string of the same length in which every comment (``/* … */``
and SCSS's ``// …``) and the inside of every quoted string is replaced by spaces. Newlines
stay where they were, so an offset or a line number in the result is the same in the source.
Checks that look for ``var(--x)``, ``@import`` or ``@use`` search this text, and so are not
fooled by a name inside a comment or a string.
"""

from __future__ import annotations

import re

_URL_START = re.compile(r"url\(\s*(?=[^\s\"'])", re.IGNORECASE)


def code_only(text: str) -> str:
    """``text`` with comments and string contents replaced by spaces (newlines kept)."""
    out = list(text)
    i, n = 0, len(text)

    def blank(start: int, end: int) -> None:
        for k in range(start, end):
            if out[k] != "\n":
                out[k] = " "

    while i < n:
        c = text[i]
        if c == "/" and text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            blank(i, end)
            i = end
        elif c == "/" and text.startswith("//", i):
            end = text.find("\n", i)
            end = n if end < 0 else end
            blank(i, end)
            i = end
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            j = min(j, n)
            blank(i + 1, j)
            i = j + 1
        elif c in "uU" and (match := _URL_START.match(text, i)):
            # An unquoted url(...) may hold "//" (http://…), which is not a comment.
            end = text.find(")", match.end())
            i = n if end < 0 else end + 1
        else:
            i += 1
    return "".join(out)


def line_of(text: str, offset: int) -> int:
    """The 1-based line number of ``offset`` in ``text``."""
    return text.count("\n", 0, offset) + 1
