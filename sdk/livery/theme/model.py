"""The theme model: core settings, metadata and variable overrides, and what a theme does.

A ``Theme`` holds what a person chose: three hues, three size scales, two font stacks, and the
variables they set. Everything else comes from the catalogue's defaults. Data flows one way:
the choices → ``tables`` (value tables, each value checked by kind) → ``resolve`` (references,
``Resolved``) → the outputs, which read only the resolved table: ``emit`` (CSS), ``colour``
(audit; the repair returns changes that ``repair_contrast`` applies with ``set()``), ``css``
(custom CSS). The file modules below the model (``tomlfile``, ``gradio_json``, ``library``)
read and write plain fields; the model builds the theme. Two mixins give it the rest of its
face: ``setting`` (``set()`` in Gradio's or Livery's semantics) and ``gradio_protocol`` (what
Gradio reads from a theme).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar, NamedTuple

from pydantic import (
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from typing_extensions import Self

from livery.errors import SeedError, ThemeError, ThemeFileError, ValueCheckError
from livery.theme import emit, gradio_json, library, palettes, sizes, tomlfile
from livery.theme.catalogue import BY_NAME, DARK_NAMES, SETTINGS
from livery.theme.checked import CheckedModel, as_theme_error
from livery.theme.colour.audit import AuditReport, audit
from livery.theme.colour.palette import palette
from livery.theme.colour.repair import Change, repair
from livery.theme.css.build import Compiler, compile_custom
from livery.theme.css.safety import ThemeCustomCss
from livery.theme.dark import DarkSwitch
from livery.theme.fonts import FontEntry, LocalFont, stack_from
from livery.theme.gradio_protocol import GradioThemeProtocol
from livery.theme.gradio_set import Reset, Semantics
from livery.theme.library import LibraryEntry
from livery.theme.palettes import Color
from livery.theme.resolve import Resolved, resolve
from livery.theme.setting import VariableSetting
from livery.theme.sizes import Size
from livery.theme.tables import check_variable, tables, unknown_variable
from livery.theme.values import Kind, Value, normalise, parse, remote_urls

_METADATA = ("name", "description", "author")
_UNWRITABLE = re.compile("[\x00\ud800-\udfff]")
_DEFAULT_FONT = (LocalFont("IBM Plex Sans"), "ui-sans-serif", "system-ui", "sans-serif")
_DEFAULT_FONT_MONO = (LocalFont("IBM Plex Mono"), "ui-monospace", "Consolas", "monospace")


class RepairResult(NamedTuple):
    """What ``Theme.repair_contrast`` gives: the repaired theme and the changes, in order."""

    theme: Theme
    changes: list[Change]


def _problem(error: Exception) -> ValueError:
    return ValueError(str(error).strip("\"'"))


def _seed_text(seed: str) -> str:
    """``seed`` checked as a colour value first (characters, number sizes), so the colour
    maths never sees ``oklch(1e308 …)``; raises ``SeedError``."""
    try:
        return parse(Kind.COLOUR, normalise(seed)).raw
    except ValueCheckError as problem:
        raise SeedError(f"{seed[:60]!r} is not a CSS colour ({problem})") from None


class Theme(GradioThemeProtocol, VariableSetting, CheckedModel):
    """A theme: metadata, core settings and variable overrides.

    Compile it with ``css()``, save it with ``save()``, load one with ``Theme.load()``.
    ``livery.themes.Base`` and its relatives build one from Gradio's arguments.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    name: str = Field("custom", max_length=100)
    description: str = Field("", max_length=2000)
    tags: tuple[str, ...] = Field((), max_length=20)
    author: str = Field("", max_length=200)
    custom_css: ThemeCustomCss = ""
    """CSS appended to what Gradio serves (Gradio's ``theme.custom_css``), checked as untrusted."""

    primary_hue: Color = palettes.NAMED["blue"]
    secondary_hue: Color = palettes.NAMED["blue"]
    neutral_hue: Color = palettes.NAMED["zinc"]
    text_size: Size = sizes.text_md
    spacing_size: Size = sizes.spacing_md
    radius_size: Size = sizes.radius_md
    font: tuple[FontEntry, ...] = _DEFAULT_FONT
    font_mono: tuple[FontEntry, ...] = _DEFAULT_FONT_MONO

    overrides: dict[str, str | None] = Field(default_factory=dict)
    """The variables this theme sets (``name`` or ``name_dark`` → value as written); ``None``
    on a ``_dark`` name: the dark value is the light one (Gradio's ``theme.x_dark = None``)."""

    _SEMANTICS: ClassVar[Semantics] = "livery"
    """How ``.set()`` treats instances of the class (``livery.themes.Base``: ``"gradio"``)."""

    _source: str | None = PrivateAttr(None)
    _resolved: Resolved | None = PrivateAttr(None)
    _remote_urls: bool = PrivateAttr(False)
    """Whether values may load ``url(https://…)`` images: only a theme the user loaded in
    their own code (``from_gradio``/``load`` with ``remote_urls=True``)."""
    _legacy: dict[str, str] = PrivateAttr(default_factory=dict)
    """Keys of earlier Gradio versions kept from an imported file, for ``to_gradio()``."""
    _semantics: Semantics | None = PrivateAttr(None)
    _resets: list[Reset] = PrivateAttr(default_factory=list)

    # --- validation of the settings -------------------------------------------------------

    @field_validator("primary_hue", "secondary_hue", "neutral_hue", mode="before")
    @classmethod
    def _hue(cls, value: object) -> object:
        """A hue is a named palette, a ``Color``, or any CSS colour used as a seed."""
        if isinstance(value, str):
            try:
                return palettes.named(value)
            except KeyError as missing:
                try:
                    return palette(_seed_text(value))
                except SeedError:
                    hint = str(missing).strip("\"'").split("; ", 1)[-1]
                    raise ValueError(
                        f"neither a named hue ({hint}) nor a CSS colour to grow one from"
                    ) from None
        return value

    @field_validator("primary_hue", "secondary_hue", "neutral_hue")
    @classmethod
    def _hue_seed(cls, hue: Color) -> Color:
        """A hue's ``seed`` must be a colour a palette grows from, or saving the theme (which
        writes a grown hue as its seed) would fail long after the hue was accepted."""
        if hue.seed is not None:
            try:
                palette(_seed_text(hue.seed))
            except SeedError as error:
                raise ValueError(f"the seed {error}") from None
        return hue

    @field_validator("text_size", "spacing_size", "radius_size", mode="before")
    @classmethod
    def _size(cls, value: object, info: Any) -> object:
        if isinstance(value, str):
            try:
                return sizes.preset(info.field_name.removesuffix("_size"), value)
            except KeyError as error:
                raise _problem(error) from None
        return value

    @field_validator("font", "font_mono", mode="before")
    @classmethod
    def _font_stack(cls, value: object) -> tuple[FontEntry, ...]:
        return stack_from(value)

    @field_validator("custom_css", mode="before")
    @classmethod
    def _custom_css_text(cls, value: object) -> object:
        """What a stylesheet file cannot hold is refused before the CSS checks: a lone
        surrogate (UTF-8 cannot write it) or NUL (CSS reads it as U+FFFD)."""
        found = _UNWRITABLE.search(value) if isinstance(value, str) else None
        if found:
            raise ValueError(f"custom CSS cannot hold the character {found[0]!r}")
        return value

    @field_validator("name", "author", "description", mode="before")
    @classmethod
    def _plain_text(cls, value: object, info: ValidationInfo) -> object:
        """Metadata a terminal, a page and a file all show: no control characters (a theme
        name with ``ESC ]0;…`` would retitle a terminal), only the description may have line
        breaks and tabs."""
        if isinstance(value, str):
            allowed = "\n\t" if info.field_name == "description" else ""
            for char in value:
                code = ord(char)
                if (code < 32 or 0x7F <= code <= 0x9F) and char not in allowed:
                    what = (
                        "a line break" if char in "\r\n" else f"the control character U+{code:04X}"
                    )
                    raise ValueError(f"has {what}, which theme metadata may not hold")
        return value

    @field_validator("tags", mode="before")
    @classmethod
    def _tags(cls, value: object) -> object:
        if isinstance(value, (list, tuple)):
            for tag in value:
                if not isinstance(tag, str) or not 0 < len(tag) <= 40 or not tag.isprintable():
                    raise ValueError(
                        f"a tag is a short printable text (1–40 characters), not {tag!r}"
                    )
        return value

    @model_validator(mode="after")
    def _check_overrides(self) -> Self:
        checked: dict[str, str | None] = {}
        for name, value in self.overrides.items():
            if value is None and name in DARK_NAMES:
                checked[name] = None
            else:
                checked[name] = check_variable(name, value)
        self.__dict__["overrides"] = checked
        if checked:  # references checked at entry (raises ThemeReferenceError), not at css();
            with remote_urls(True):  # the values themselves were checked as they came in
                resolve(*self._tables())
        return self

    def __setattr__(self, name: str, value: Any) -> None:
        if (name in BY_NAME and name not in SETTINGS) or name in DARK_NAMES:
            self._assign({name: value})
            return
        if name in _METADATA and self.semantics == "gradio" and not isinstance(value, str):
            value = str(value)  # Gradio keeps any object there, and only shows it
        try:
            super().__setattr__(name, value)
        except ValidationError as error:
            raise as_theme_error(error).with_source(self._source) from None
        if not name.startswith("_"):
            self._resolved = None

    def __getattr__(self, name: str) -> Any:
        if name in BY_NAME or name in DARK_NAMES:
            return self.value(name)
        return super().__getattr__(name)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Theme):
            return NotImplemented
        return self.model_dump() == other.model_dump()

    __hash__ = None  # type: ignore[assignment]

    # --- reading values -------------------------------------------------------------------

    def value(self, name: str) -> str:
        """The value of ``name`` (or ``name_dark``) as written, references included."""
        resolved = self.resolved()
        if name in DARK_NAMES:
            return resolved.value(name[:-5], dark=True).raw
        if name not in BY_NAME:
            raise unknown_variable(name).with_source(self._source)
        return resolved.light[name].raw

    def literal(self, name: str, dark: bool = False) -> str:
        """The value of ``name`` in light or dark mode with every reference followed."""
        if name not in BY_NAME:
            raise unknown_variable(name).with_source(self._source)
        return self.resolved().literal(name, dark)

    def resolved(self) -> Resolved:
        """The theme's full value table, references checked (cached until the theme changes)."""
        if self._resolved is None:
            try:
                with remote_urls(self._remote_urls):
                    self._resolved = resolve(*self._tables())
            except ThemeError as error:
                raise error.with_source(self._source) from None
        return self._resolved

    def _tables(self) -> tuple[dict[str, Value], dict[str, Value], list[str]]:
        return tables(
            hues=(self.primary_hue, self.secondary_hue, self.neutral_hue),
            sizes=(self.text_size, self.spacing_size, self.radius_size),
            fonts=(self.font, self.font_mono),
            overrides=self.overrides,
        )

    # --- output ---------------------------------------------------------------------------

    def css(
        self,
        dark: DarkSwitch = "class",
        resolve: bool = False,
        minify: bool = False,
        custom: str | Path | None = None,
        strict: bool = False,
        scope: str = ":root",
        fonts: bool = True,
        compiler: Compiler = "libsass",
    ) -> str:
        """Compile the theme to a stylesheet of CSS custom properties.

        ``dark`` picks the dark-mode switch: a ``.dark`` class (Gradio's), a
        ``data-theme="dark"`` attribute, the ``prefers-color-scheme`` media query, or ``all``
        of them. ``resolve`` writes literal values instead of ``var()`` references.
        ``custom`` appends your own CSS or SCSS (text, or the path of a ``.css``/``.scss``
        file), checked against the theme's variables; ``strict`` makes unknown ``var(--x)``
        names errors instead of warnings; ``compiler="dart-sass"`` compiles ``custom`` with
        Dart Sass (npm ``sass``, run on Node) instead of libsass. ``scope`` puts the
        variables on a ``.class`` or ``#id`` instead of ``:root``, so several themes can
        share a page. ``fonts=False`` leaves out the font rules (``@import``,
        ``@font-face``), for a page that loads the fonts itself or shows many themes at once.
        """
        sheet = emit.stylesheet(
            self.resolved(),
            (*self.font, *self.font_mono) if fonts else (),
            dark=dark,
            resolve=resolve,
            minify=minify,
            scope=scope,
        )
        if custom is None:
            return sheet
        return sheet + compile_custom(
            self.resolved(),
            custom,
            name=self.name,
            dark=dark,
            minify=minify,
            strict=strict,
            compiler=compiler,
        )

    def audit(self, level: str = "AA", *, lenient_placeholders: bool = False) -> AuditReport:
        """Measure the contrast of every text/background pair in both modes (WCAG 2.x and
        APCA, the latter informative) against ``level`` (``"AA"`` or ``"AAA"``).

        Placeholders are text, as WCAG reads it; ``lenient_placeholders`` asks 3:1 of them
        (4.5:1 at AAA) instead.
        """
        return audit(
            self.resolved(), level, theme=self.name, lenient_placeholders=lenient_placeholders
        )

    def repair_contrast(
        self, level: str = "AA", *, lenient_placeholders: bool = False
    ) -> RepairResult:
        """A copy of the theme in which every pair passes ``level``, and the changes made.

        Each failing pair's moving side shifts along OKLCH lightness to the nearest passing
        colour; a theme that already passes comes back unchanged.
        """
        try:
            changes = repair(self._resolved_with, level, lenient_placeholders=lenient_placeholders)
        except ThemeError as error:
            raise error.with_source(self._source) from None
        fixed = self._copy()
        fixed._assign({change.variable: change.new for change in changes})
        return RepairResult(fixed, changes)

    def _resolved_with(self, overrides: Mapping[str, str]) -> Resolved:
        """The table of this theme with ``overrides`` set on a copy (for the repair's trials)."""
        return self._copy()._assign(overrides).resolved()

    def _copy(self) -> Self:
        copy = self.model_copy(deep=True)
        copy._source = self._source
        copy._remote_urls = self._remote_urls
        copy._legacy = dict(self._legacy)
        copy._semantics = self._semantics
        copy._resets = list(self._resets)
        return copy

    # --- files --------------------------------------------------------------------------

    def save(self, path: str | Path) -> Path:
        """Write the theme as a TOML theme file (atomically) and return its path."""
        return tomlfile.save(self.to_toml(), path)

    def to_toml(self) -> str:
        """The theme as the text of a TOML theme file (what ``save`` writes); a dark value
        that follows the light one is written as the light value."""
        fields = dict(self)
        fields["overrides"] = {
            name: self.value(name) if value is None else value
            for name, value in self.overrides.items()
        }
        fields[tomlfile.LEGACY_FIELD] = self._legacy
        return tomlfile.dumps(fields)

    @classmethod
    def from_toml(cls, text: str, *, source: str = "<theme>", remote_urls: bool = False) -> Theme:
        """A theme from the text of a TOML theme file; ``source`` names it in messages, and
        ``remote_urls=True`` trusts its ``https:`` images (see ``from_gradio``)."""
        return _build(tomlfile.loads(text, source=source), source, trusted=remote_urls)

    @classmethod
    def load(
        cls, theme: str | os.PathLike[str] | LibraryEntry, *, remote_urls: bool = False
    ) -> Theme:
        """Load a theme by library name (``"soft"``), library entry, or from a ``.toml`` or
        Gradio ``.json`` file; ``remote_urls=True`` trusts a file's ``https:`` images (see
        ``from_gradio``)."""
        if isinstance(theme, LibraryEntry):
            entry = theme
        elif library.looks_like_path(theme):
            return _from_file(Path(theme), remote_urls=remote_urls)
        else:
            entry = library.find(os.fspath(theme))
        if entry.path is not None:
            return _from_file(entry.path)
        return _from_entry_point(entry)

    def to_gradio(self) -> dict[str, Any]:
        """The theme as Gradio's theme JSON (``gr.Theme.from_dict`` loads it)."""
        return gradio_json.dump(
            self.resolved(),
            name=self.name,
            font=self.font,
            font_mono=self.font_mono,
            legacy=self._legacy,
        )

    @classmethod
    def from_gradio(cls, data: dict[str, Any] | str | Path, *, remote_urls: bool = False) -> Theme:
        """Import a Gradio theme: a ``dump()``/``to_dict()`` dict or the path of its JSON file.

        ``remote_urls=True`` (for a theme you load in your own code) lets values load
        ``url(https://…)`` images, as Gradio does; without it (the default, and what a page
        showing strangers' themes must use) such a value is a one-line ``InvalidValueError``.
        """
        values, source = gradio_json.read(data)
        defaults = {name: field.default for name, field in Theme.model_fields.items()}
        try:
            fields = gradio_json.settings(values, defaults)
        except ThemeError as error:
            raise error.with_source(source) from None
        theme = _build(fields, source, trusted=remote_urls)
        theme._legacy = gradio_json.legacy(values, source, remote_urls=remote_urls)
        theme._assign(gradio_json.overrides(values, theme.value, source, remote_urls=remote_urls))
        theme._semantics = cls._SEMANTICS
        theme.resolved()
        return theme


def _build(fields: dict[str, Any], source: str, *, trusted: bool = False) -> Theme:
    """Validate ``fields`` into a ``Theme`` that names ``source`` in later messages (and keeps
    a theme file's ``[gradio_legacy]`` keys, checked by kind)."""
    legacy = fields.pop(tomlfile.LEGACY_FIELD, {})
    try:
        with remote_urls(trusted):
            theme = Theme(**fields)
    except ThemeError as error:
        raise error.with_source(source) from None
    theme._source = source
    theme._remote_urls = trusted
    if legacy:
        theme._legacy = gradio_json.legacy(legacy, source, remote_urls=trusted)
        unknown = sorted(legacy.keys() - theme._legacy.keys())
        if unknown:
            raise ThemeFileError(
                "is not a key of an earlier Gradio version Livery keeps",
                source=source,
                variable=unknown[0],
            )
    return theme


def _from_file(path: Path, *, remote_urls: bool = False) -> Theme:
    if path.suffix.lower() == ".json":
        return Theme.from_gradio(path, remote_urls=remote_urls)
    return _build(tomlfile.read(path), str(path), trusted=remote_urls)


def _from_entry_point(entry: LibraryEntry) -> Theme:
    found = entry.target()
    if callable(found) and not isinstance(found, Theme):
        try:
            found = found()
        except ThemeError as error:
            raise error.with_source(entry.source) from None
        except Exception as error:  # a broken package must not take the library down
            raise ThemeError(
                f"could not load: {type(error).__name__}: {error}", source=entry.source
            ) from None
    if isinstance(found, (str, os.PathLike)):
        return _from_file(Path(found))
    if isinstance(found, Theme):
        return found
    raise ThemeError(
        f"gave a {type(found).__name__}, not a Theme or a theme file", source=entry.source
    )
