"""Compile a stylesheet with libsass, with imports kept inside the stylesheet's folder.

Every ``@import`` goes through Livery's importer, never libsass's own file lookup: ``livery``
is the theme's module (``prelude.py``); any other name must be a partial inside the folder
of the stylesheet (subfolders allowed). Absolute paths, ``../`` leaving the folder, links
pointing out of it and URLs are errors naming the importing file and line.

libsass predates ``@use``; it would copy the rule into the CSS unchanged. So ``@use "x";``,
``@use "x" as ns;`` and ``@use "x" as *;`` are rewritten to ``@import "x";`` and the
file's ``ns.$member`` references to ``$member`` (libsass imports are global). ``@use … with``
and ``@forward`` are refused with a clear message.

libsass's error messages name a line (``on line 3:5 of stdin``); they come back as one
``ScssError`` line, ``file:line: reason``, in the user's own file names.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import ModuleType

from livery.errors import CssError, CssImportError, LibsassMissingError, ScssError
from livery.theme.css.lexical import code_only, line_of
from livery.theme.css.source import Source, read

LIVERY_MODULE = "livery"
_LIVERY_PATH = "(livery)"
_LOCATION = re.compile(r"(?:on|from) line (\d+)(?::\d+)? of (.+?)(?:, in [^\n]*)?$", re.MULTILINE)
_URL_IMPORT = re.compile(r"@import\s+url\(", re.IGNORECASE)
_MODULE_RULE = re.compile(r"@(use|forward)\b")
_AS = re.compile(r"[ \t]*(?:as[ \t]+(\*|[A-Za-z_][\w-]*))?[ \t]*(?=;|$)", re.MULTILINE)
_SPACE = re.compile(r"\s*")
_REMOTE = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:|//)")
_PARTIAL_SUFFIXES = (".scss", ".sass", ".css")
MAX_IMPORT_DEPTH = 64
"""Imports nest at most this deep: far deeper chains overflow libsass's stack."""


@dataclass(frozen=True)
class Compiled:
    """The CSS libsass produced, and the text of every file of the user's it read."""

    css: str
    files: dict[str, str]
    """File name (as messages show it) → original text; the stylesheet itself first."""
    notes: tuple[str, ...] = ()
    """What the compiler warned about (Dart Sass's deprecations, ``@warn``), one line each."""


def compile_scss(source: Source, livery: str, *, minify: bool = False) -> Compiled:
    """Compile ``source`` (SCSS, ``.sass`` or plain CSS) to CSS.

    ``livery`` is the text of the ``livery`` module. Raises ``ScssError`` (or its subclass
    ``CssImportError``) with the user's file and line.
    """
    sass = libsass(source.name)
    check_module(livery)
    importer = _Importer(source, livery)
    text = prepare(source.text, source.name)
    try:
        css = sass.compile(
            string=text,
            indented=source.indented,
            output_style="compressed" if minify else "expanded",
            importers=[(0, importer)],
        )
    except sass.CompileError as error:
        raise importer.error(str(error)) from None
    return Compiled(_strip_charset(css), importer.files)


def libsass(name: str) -> ModuleType:
    """libsass, imported on first use: the runtime (``pip install livery-sdk``) leaves it out,
    it is a 30 MB binary that only custom CSS needs."""
    try:
        import sass
    except ImportError:
        raise LibsassMissingError(
            "custom CSS and SCSS need libsass: pip install 'livery-sdk[css]'", file=name
        ) from None
    return sass


def refuse_url_imports(text: str, name: str) -> None:
    """Refuse ``@import url(…)``: a custom stylesheet cannot load other files."""
    code = code_only(text)
    found = _URL_IMPORT.search(code)
    if found:
        raise CssImportError(
            "@import url(…) is not allowed: a custom stylesheet cannot load other files",
            file=name,
            line=line_of(code, found.start()),
        )


def prepare(text: str, name: str) -> str:
    """``text`` with ``@use`` rewritten for libsass; refuses ``@import url(…)``/``@forward``."""
    refuse_url_imports(text, name)
    code = code_only(text)
    edits: list[tuple[int, int, str]] = []
    namespaces: set[str] = set()
    for rule in _MODULE_RULE.finditer(code):
        line = line_of(code, rule.start())
        if rule.group(1) == "forward":
            raise CssImportError(
                "@forward is not supported (libsass): use @import", file=name, line=line
            )
        quote_at = _SPACE.match(code, rule.end()).end()
        quote = code[quote_at : quote_at + 1]
        close = code.find(quote, quote_at + 1) if quote in ("'", '"') else -1
        clause = _AS.match(code, close + 1) if close >= 0 else None
        if clause is None:
            with_ = " with (…)" if re.match(r"\s*with\b", code[close + 1 :]) else ""
            raise CssImportError(
                f"@use{with_} is not supported here (libsass): write "
                '@use "name";, @use "name" as *; or @import "name";',
                file=name,
                line=line,
            )
        url = text[quote_at + 1 : close]
        namespace = clause.group(1) or _default_namespace(url)
        if namespace != "*":
            namespaces.add(namespace)
        edits.append((rule.start(), clause.end(), f"@import {quote}{url}{quote}"))
    for namespace in namespaces:
        # ns.$variable, ns.function(…) and @include ns.mixin; not a selector like table.wide
        ns = re.escape(namespace)
        member = re.compile(rf"(?<![\w.$-])({ns}\.)(?=\$|[A-Za-z_][\w-]*\()|@include\s+({ns}\.)")
        for found in member.finditer(code):
            group = 1 if found.group(1) else 2
            edits.append((found.start(group), found.end(group), ""))
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def _default_namespace(url: str) -> str:
    stem = url.rstrip("/").rsplit("/", 1)[-1]
    for suffix in _PARTIAL_SUFFIXES:
        stem = stem.removesuffix(suffix)
    return stem.removeprefix("_")


def _strip_charset(css: str) -> str:
    """libsass starts non-ASCII output with ``@charset`` or a BOM: wrong mid-stylesheet."""
    css = css.removeprefix("\ufeff")
    if css.startswith("@charset"):
        css = css.split(";", 1)[1].lstrip("\n")
    return css


class _Importer:
    """libsass's only way to read files: the folder, ``livery``, nothing else."""

    def __init__(self, source: Source, livery: str) -> None:
        self.main = source.name
        self.root = source.folder
        self.livery = livery
        self.files: dict[str, str] = {source.name: source.text}
        self.names: dict[str, str] = {}
        self.depths: dict[str, int] = {}
        self.refused: CssError | None = None
        self.locate_refusal = False

    def __call__(self, url: str, prev: str) -> list[tuple[str, ...]]:
        importing = self.main if prev == "stdin" else self._name(prev)
        try:
            return self._import(url.strip(), prev, importing)
        except CssError as error:
            if self.refused is None:
                self.refused = error
                if error.file is None:  # a refused @import: libsass knows its line
                    error.file = importing
                    self.locate_refusal = True
            raise

    def _import(self, url: str, prev: str, importing: str) -> list[tuple[str, ...]]:
        if url == LIVERY_MODULE:
            return [(_LIVERY_PATH, self.livery)]
        shown = f'"{url}"'
        if url.startswith("sass:"):
            raise CssImportError(
                f"cannot import {shown}: libsass has no built-in modules; use the global "
                "functions (percentage(), darken(), map-get(), …)"
            )
        if _REMOTE.match(url) or "\\" in url or "\0" in url:
            raise CssImportError(
                f'cannot import {shown}: only "livery" and partials in the stylesheet\'s '
                "folder can be imported"
            )
        if url.startswith("/") or os.path.isabs(url):
            raise CssImportError(
                f"cannot import {shown}: absolute paths are not allowed; import partials "
                "from the stylesheet's folder"
            )
        if self.root is None:
            raise CssImportError(
                f"cannot import {shown}: a stylesheet given as text can import only "
                '"livery"; give the path of a file to import partials next to it'
            )
        base = self.root if prev == "stdin" else Path(prev).parent
        target = Path(os.path.normpath(base / url))
        if not _inside(target, self.root):
            raise CssImportError(f"cannot import {shown}: it is outside the stylesheet's folder")
        for candidate in _candidates(target):
            if candidate.is_file():
                real = candidate.resolve()
                if not _inside(real, self.root):
                    raise CssImportError(
                        f"cannot import {shown}: it links outside the stylesheet's folder"
                    )
                break
        else:
            raise CssImportError(f"cannot import {shown}: no such partial next to {importing}")
        depth = self.depths.get(prev, 0) + 1
        if depth > MAX_IMPORT_DEPTH:
            raise CssImportError(f"imports nest more than {MAX_IMPORT_DEPTH} files deep")
        self.depths[str(real)] = depth
        name = os.path.join(os.path.dirname(self.main), os.path.relpath(real, self.root))
        text = read(real, name)
        self.names[str(real)] = name
        self.files.setdefault(name, text)
        if real.suffix == ".sass":
            prepared = prepare(text, name)
            if prepared != text:
                raise CssImportError(
                    "@use is not supported in .sass partials: use @import", file=name
                )
            return [(str(real),)]  # libsass reads it itself, as indented syntax
        return [(str(real), prepare(text, name))]

    def _name(self, path: str) -> str:
        if path.endswith(_LIVERY_PATH):
            return LIVERY_MODULE
        for key in (path, os.path.abspath(path), str(Path(path).resolve())):
            if key in self.names:
                return self.names[key]
        return path

    def error(self, message: str) -> CssError:
        """The one-line error for libsass's ``message``, located in the user's files."""
        file, line = self.main, None
        for found in _LOCATION.finditer(message):  # innermost first; blame the user's file
            file = self.main if found.group(2) == "stdin" else self._name(found.group(2))
            line = int(found.group(1))
            if file != LIVERY_MODULE:
                break
        if self.refused is not None:
            if self.locate_refusal:
                self.refused.line = line
            return self.refused
        reason = _first_line(message) or "libsass could not compile the stylesheet"
        return ScssError(reason, file=file, line=line)


def _first_line(message: str) -> str:
    return message.strip().splitlines()[0].removeprefix("Error:").strip().rstrip(":")


@lru_cache(maxsize=32)
def check_module(livery: str) -> None:
    """Compile the ``livery`` module alone once: libsass would blame its errors on the user.

    (libsass reports an error in an imported variable definition as ``line N of stdin``.)
    """
    sass = libsass(LIVERY_MODULE)
    try:
        sass.compile(string=livery)
    except sass.CompileError as error:
        raise ScssError(
            f"the theme's livery module does not compile ({_first_line(str(error))}): "
            "please report this as a Livery bug",
            file=LIVERY_MODULE,
        ) from None


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def _candidates(target: Path) -> list[Path]:
    folder, stem = target.parent, target.name
    if target.suffix.lower() in _PARTIAL_SUFFIXES:
        return [target, folder / f"_{stem}"]
    found = []
    for suffix in _PARTIAL_SUFFIXES:
        found += [folder / f"{stem}{suffix}", folder / f"_{stem}{suffix}"]
    return [*found, target / "_index.scss", target / "index.scss"]
