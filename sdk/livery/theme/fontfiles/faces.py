"""``@font-face`` text for cached font files: one rule per weight and subset.

The family comes from the theme (checked by ``check_family_name``), the file names from the
cache (checked against ``FILE_NAME``) and the prefix from the caller (a relative path, or a
URL Livery builds), percent-quoted, so nothing from the network can leave its quotes.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterable

from livery.theme.fontfiles.cache import FILE_NAME, FontSet
from livery.theme.fonts import check_family_name


def face_rules(sets: Iterable[FontSet], prefix: str, *, minify: bool = False) -> str:
    """Every ``@font-face`` of ``sets``, their files at ``<prefix>/<file>``: with
    ``unicode-range`` (the browser downloads only the subsets a page uses) and
    ``font-display: swap`` (text shows at once in the fallback font)."""
    base = urllib.parse.quote(prefix.rstrip("/"), safe="/:=@._-~")
    rules = []
    for font in sets:
        family = check_family_name(font.family)
        for face in font.faces:
            if not FILE_NAME.fullmatch(face.file):
                raise ValueError(f"font file name {face.file!r} is not a generated one")
            url = f"{base}/{face.file}" if base else face.file
            declarations = (
                f"font-family: '{family}'",
                "font-style: normal",
                "font-display: swap",
                f"font-weight: {int(face.weight)}",
                f"src: url('{url}') format('woff2')",
                f"unicode-range: {face.unicode_range}",
            )
            if minify:
                rules.append(
                    "@font-face{" + ";".join(d.replace(": ", ":") for d in declarations) + "}"
                )
            else:
                rules.append("@font-face {\n" + "".join(f"  {d};\n" for d in declarations) + "}")
    return ("" if minify else "\n").join(rules)
