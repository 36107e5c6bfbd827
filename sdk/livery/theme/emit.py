"""Write a resolved theme as CSS: font rules, a light ``:root`` block and a dark block.

The output is deterministic (catalogue order, fixed formatting). The dark block re-declares
only what changes in dark mode, which is what makes it smaller than Gradio's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from livery.errors import InvalidOptionError
from livery.theme.catalogue import VARIABLES
from livery.theme.dark import MEDIA_QUERY, DarkSwitch, check_switch, dark_selector, uses_media
from livery.theme.fonts import Font, GoogleFont, LocalFont
from livery.theme.resolve import Resolved
from livery.theme.values import css_name


def stylesheet(
    resolved: Resolved,
    fonts: Iterable[Font | str],
    *,
    dark: DarkSwitch = "class",
    resolve: bool = False,
    minify: bool = False,
    scope: str = ":root",
) -> str:
    """The complete stylesheet for ``resolved`` with the given dark switch.

    ``scope`` replaces ``:root`` with a class or id selector, so several themes can live on
    one page (each element with that class gets the theme).
    """
    check_switch(dark)
    if not _SCOPE.fullmatch(scope):
        raise InvalidOptionError(
            f"scope must be :root or one .class or #id selector, not {scope!r}"
        )
    if resolve:
        light = _rule(scope, _declarations(resolved, resolved.light, False, True), minify)
    else:
        light = _light_rule(resolved, minify, scope)
    changed = resolved.dark_changes(literal=resolve)
    declarations = _declarations(resolved, changed, True, resolve)

    blocks = [*_font_rules(fonts, minify), light]
    if declarations:
        selector = dark_selector(dark, scope)
        if selector:
            blocks.append(_rule(selector, declarations, minify))
        if uses_media(dark):
            blocks.append(_media_rule(declarations, minify, scope))
    if minify:
        return "".join(blocks)
    return "\n".join(blocks) + "\n"


_SCOPE = re.compile(r":root|[.#][A-Za-z_][A-Za-z0-9_-]*")


def _media_rule(declarations: list[tuple[str, str]], minify: bool, scope: str) -> str:
    if minify:
        return f"{MEDIA_QUERY}{{{_rule(scope, declarations, True)}}}"
    return f"{MEDIA_QUERY} {{\n{_rule(scope, declarations, False, indent='  ')}\n}}"


def _declarations(
    resolved: Resolved, names: Iterable[str], dark: bool, resolve: bool
) -> list[tuple[str, str]]:
    if resolve:
        return [(name, resolved.literal(name, dark)) for name in names]
    return [(name, resolved.value(name, dark).css) for name in names]


def _light_rule(resolved: Resolved, minify: bool, scope: str) -> str:
    """The light rule; the hot path of compiling, so it zips precomputed prefixes."""
    values = resolved.light.values()
    if minify:
        return scope + "{" + ";".join([p + v.css for p, v in zip(_COMPACT_LIST, values)]) + "}"
    body = ";\n".join([p + v.css for p, v in zip(_PRETTY_LIST, values)])
    return f"{scope} {{\n{body};\n}}"


def _rule(
    selector: str, declarations: list[tuple[str, str]], minify: bool, indent: str = ""
) -> str:
    if minify:
        body = ";".join([_COMPACT[name] + value for name, value in declarations])
        return f"{selector}{{{body}}}"
    body = ";\n".join([indent + _PRETTY[name] + value for name, value in declarations])
    return f"{indent}{selector} {{\n{body};\n{indent}}}"


_PRETTY = {variable.name: f"  {css_name(variable.name)}: " for variable in VARIABLES}
_COMPACT = {variable.name: f"{css_name(variable.name)}:" for variable in VARIABLES}
_PRETTY_LIST = list(_PRETTY.values())
_COMPACT_LIST = list(_COMPACT.values())


def font_face_rules(fonts: Iterable[Font | str], *, minify: bool = False) -> list[str]:
    """One block of ``@font-face`` rules per self-hosted font in ``fonts``."""
    blocks = []
    for font in dict.fromkeys(f for f in fonts if isinstance(f, LocalFont)):
        if minify:
            faces = ("@font-face{" + _compact(face) + "}" for face in font.font_faces())
            blocks.append("".join(faces))
        else:
            faces = (
                "@font-face {\n  " + face.replace("; ", ";\n  ") + ";\n}"
                for face in font.font_faces()
            )
            blocks.append("\n".join(faces))
    return blocks


def _font_rules(fonts: Iterable[Font | str], minify: bool) -> list[str]:
    fonts = tuple(fonts)
    imports = [
        f"@import url('{font.stylesheet_url()}');"
        for font in dict.fromkeys(f for f in fonts if isinstance(f, GoogleFont))
    ]
    return imports + font_face_rules(fonts, minify=minify)


def _compact(declarations: str) -> str:
    return declarations.replace("; ", ";").replace(": ", ":")
