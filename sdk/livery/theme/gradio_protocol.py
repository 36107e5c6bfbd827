"""What Gradio 6 reads from and calls on a theme object, so a Livery theme is one to Gradio.

``demo.launch(theme=…)``, ``gr.Blocks(theme=…)`` (deprecated, handed on to ``launch``) and
``gr.mount_gradio_app(…, theme=…)`` do no type check: ``gradio.utils.get_theme`` passes any
object that is not a string through. Then Gradio reads, in ``blocks.py`` and ``routes.py``:

- ``_get_theme_css()`` once per launch; ``GET /theme.css`` serves that text, hashed for the URL;
- ``_stylesheets``: addresses the page loads with ``<link>`` (Google Fonts);
- ``_get_computed_value(name)`` for the body's background and text colour, light and
  ``_dark``, sent in the page config;
- ``name``, shown in the config and analytics;
- ``to_dict()``, compared with every built-in's ``to_dict()`` when analytics are on.

Gradio's theme API adds ``custom_css`` (appended to the served CSS), ``_font``,
``_font_mono``, ``_font_css``, ``dump(filename)``, ``from_dict()``, ``load(path)`` (Livery's
``Theme.load`` reads Gradio JSON files already) and ``push_to_hub``/``from_hub``.

This mixin gives those from the theme's public methods (``css``, ``to_gradio``, ``literal``,
``font``…) without importing Gradio. ``name`` stays Livery's display name ("Soft"): Gradio
only shows it, and looks built-ins up by ``name.lower()``, so case changes nothing there.
``gradio_name`` is the lower-case form that ``to_dict()`` and ``dump()`` write, as Gradio's
built-ins do ("soft").
"""

from __future__ import annotations

import json
import os
import sys
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from livery._files import write_atomic
from livery.errors import LiveryWarning, ThemeError, ThemeFileError, UnknownVariableError
from livery.theme import fontfiles, fonts, gradio_json, hub
from livery.theme.catalogue import GRADIO_VERSION
from livery.theme.hub import get_theme_assets

if TYPE_CHECKING:
    from livery.theme.model import Theme


"""The type of ``Theme.custom_css``: CSS appended, as it is, to what Gradio serves."""


# --- Gradio's face of a font ------------------------------------------------------------------
# Gradio's ``to_dict()`` holds font objects with ``name``, ``weights`` and ``stylesheet()``, and
# its ``Font.__eq__`` calls ``stylesheet()`` on whatever it is compared with. The class names
# are Gradio's, since code that reads a theme dict (Livery's ``from_gradio`` too) tells fonts
# apart by class name.


class Font:
    """A system font as Gradio's ``to_dict()`` holds it."""

    def __init__(self, font: fonts.Font) -> None:
        self.name = font.name
        self.livery = font

    def stylesheet(self) -> dict[str, str | None]:
        """What the page loads for this font: an address, CSS, or neither (Gradio's form)."""
        return dict(self.livery.stylesheet())

    def __str__(self) -> str:
        return str(self.livery)

    def __eq__(self, other: object) -> bool:
        stylesheet = getattr(other, "stylesheet", None)
        if not callable(stylesheet) or not isinstance(getattr(other, "name", None), str):
            return NotImplemented
        return self.name == other.name and self.stylesheet() == stylesheet()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.name))

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r} (Livery, for Gradio)>"


class LocalFont(Font):
    """A self-hosted font as Gradio's ``to_dict()`` holds it: its ``@font-face`` rules."""

    def __init__(self, font: fonts.LocalFont) -> None:
        super().__init__(font)
        self.weights = tuple(font.weights)


class GoogleFont(Font):
    """A Google font as Gradio's ``to_dict()`` holds it: its stylesheet address, or the
    ``@font-face`` rules of the copy the installed Gradio ships."""

    def __init__(self, font: fonts.GoogleFont) -> None:
        super().__init__(font)
        self.weights = tuple(font.weights)


def _gradio_fonts(stack: Iterable[fonts.FontEntry]) -> list[Any]:
    views: list[Any] = []
    for entry in stack:
        if isinstance(entry, fonts.LocalFont):
            views.append(LocalFont(entry))
        elif isinstance(entry, fonts.GoogleFont):
            views.append(GoogleFont(entry))
        elif isinstance(entry, fonts.Font):
            views.append(Font(entry))
        else:
            views.append(entry)
    return views


_GRADIO_STATIC: set[Path] = set()


def _serve_through_gradio(folder: Path) -> None:
    """Let the running Gradio serve the files of ``folder`` (``gr.set_static_paths``, once
    per folder: Gradio keeps one list for every app of the process)."""
    gradio = sys.modules.get("gradio")
    if gradio is None or folder in _GRADIO_STATIC:
        return
    gradio.set_static_paths([folder])
    _GRADIO_STATIC.add(folder)


def _running_gradio_version() -> str:
    """The Gradio a theme dict is opened for: the imported ``gradio``'s version, else the one
    Livery's values follow (Livery does not import Gradio to find out)."""
    gradio = sys.modules.get("gradio")
    version = getattr(gradio, "__version__", None)
    return version if isinstance(version, str) else GRADIO_VERSION


def _warn_if_other_gradio(theme: dict[str, Any]) -> None:
    """Gradio's warning when a theme dict was written by another major.minor of Gradio."""
    written = theme.get("gradio_version")
    if not isinstance(written, str) or not written:
        return
    running = _running_gradio_version()
    if running.split(".")[:2] != written.split(".")[:2]:
        warnings.warn(
            LiveryWarning(
                f"This theme was created for Gradio {written}, but you are using Gradio "
                f"{running}. Some styles may not work as expected."
            ),
            stacklevel=3,
        )


# --- the protocol -----------------------------------------------------------------------------


class GradioThemeProtocol:
    """Gradio's theme API on a Livery ``Theme``: pass the theme to ``launch(theme=…)``."""

    # Fields of ``Theme``, declared here for type checkers only.
    if TYPE_CHECKING:
        name: str
        custom_css: str
        font: tuple[fonts.FontEntry, ...]
        font_mono: tuple[fonts.FontEntry, ...]

        def css(self, **options: Any) -> str: ...
        def literal(self, name: str, dark: bool = False) -> str: ...
        def to_gradio(self) -> dict[str, Any]: ...
        @classmethod
        def from_gradio(cls, data: dict[str, Any] | str | Path) -> Theme: ...

    @property
    def gradio_name(self) -> str:
        """The theme's name as Gradio writes its built-ins' names: lower case (``"soft"``)."""
        return self.name.lower()

    # --- what Gradio's server reads ------------------------------------------------------------

    def _get_theme_css(self) -> str:
        """The stylesheet Gradio serves at ``/theme.css``: ``@font-face`` rules, the ``:root``
        block, the ``:root.dark, :root .dark`` block, the keys of earlier Gradio versions an
        imported theme kept (Gradio serves them too), then ``custom_css``. Google fonts are
        not imported here, nor linked: Livery serves them itself (``_served_font_css``)."""
        parts = [*self._served_font_css(), self.css(dark="class", fonts=False)]
        kept = gradio_json.legacy_css(self._legacy)
        sheet = "\n".join([*parts, kept] if kept else parts)
        if self.custom_css:
            sheet = f"{sheet}\n\n{self.custom_css}"
        return sheet

    @property
    def _stylesheets(self) -> list[str]:
        """Addresses of the stylesheets the page must load: none. Gradio links Google Fonts
        for the fonts it does not ship; Livery serves their files itself from its font cache
        (``_served_font_css``), so the app makes no request to another origin."""
        return []

    def _served_font_css(self) -> list[str]:
        """The ``@font-face`` blocks ``/theme.css`` starts with: Gradio's own text for each
        hosted font the installed Gradio ships (``static/fonts``, as Gradio writes it), then
        rules for Livery's cached copies of the others (``fontfiles``), which Gradio serves
        at ``gradio_api/file=<path>`` once their folder is one of its static paths. A font
        that cannot be had is left out (with a warning): the stack falls back."""
        blocks: list[str] = []
        others: list[fonts.FontEntry] = []
        for entry in (*self.font, *self.font_mono):
            if not isinstance(entry, (fonts.LocalFont, fonts.GoogleFont)):
                continue
            if fonts._gradio_ships(entry.name, entry.weights):
                blocks.append(
                    fonts.LocalFont(entry.name, weights=entry.weights).stylesheet()["css"] or ""
                )
            else:
                others.append(entry)
        sets = fontfiles.font_sets(others)
        for found in sets:
            _serve_through_gradio(found.folder)
        blocks += [
            fontfiles.face_rules([found], f"gradio_api/file={found.folder}") for found in sets
        ]
        return blocks

    @property
    def _font_css(self) -> list[str]:
        """One block of ``@font-face`` rules per font served from ``static/fonts``, Gradio's
        text to the character (``to_dict()`` holds it, and Gradio compares theme dicts)."""
        return gradio_json.font_sheets((*self.font, *self.font_mono))[1]

    @property
    def _font(self) -> list[Any]:
        """The font stack as Gradio holds it (font objects and family names)."""
        return _gradio_fonts(self.font)

    @property
    def _font_mono(self) -> list[Any]:
        """The monospace stack as Gradio holds it."""
        return _gradio_fonts(self.font_mono)

    def _get_computed_value(self, property: str, depth: int = 0) -> str:
        """The value of a variable (``name`` or ``name_dark``) with every reference followed.

        As Gradio: a ``_dark`` name without a dark value of its own gives the light value
        resolved in dark mode, and a name that is no variable gives ``""``.
        """
        dark = property.endswith("_dark")
        name = property[:-5] if dark else property
        try:
            return self.literal(name, dark=dark)
        except UnknownVariableError:
            if dark:
                try:
                    return self.literal(property)
                except UnknownVariableError:
                    pass
            return ""

    # --- Gradio's theme API ---------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The theme as Gradio's ``to_dict()`` gives it: ``{"theme": {...}, "gradio_version"}``
        with every variable, font objects in ``_font``/``_font_mono``, ``_font_css``,
        ``_stylesheets``, ``name`` (lower case) and ``custom_css``."""
        data = self._gradio_json()
        data["theme"]["_font"] = self._font
        data["theme"]["_font_mono"] = self._font_mono
        return data

    def dump(self, filename: str | os.PathLike[str]) -> Path:
        """Write the theme as Gradio's theme JSON (what ``gr.Theme.dump`` writes; both
        ``gr.Theme.load`` and ``livery.Theme.load`` read it back)."""
        text = json.dumps(self._gradio_json())
        try:
            return write_atomic(filename, text)
        except OSError as error:
            raise ThemeFileError(
                f"cannot write the file: {error.strerror or error}", source=os.fspath(filename)
            ) from None

    @classmethod
    def from_dict(cls, theme: dict[str, Any]) -> Theme:
        """A theme from Gradio's dict form (``to_dict()`` of a Livery or a Gradio theme)."""
        if not isinstance(theme, dict):
            raise ThemeFileError("a Gradio theme is a dict", source="<gradio theme>")
        _warn_if_other_gradio(theme)
        values = theme.get("theme", theme)
        custom = ""
        if isinstance(values, dict) and "custom_css" in values:
            values = dict(values)
            custom = values.pop("custom_css") or ""
            theme = {**theme, "theme": values} if "theme" in theme else values
        loaded = cls.from_gradio(theme)
        if custom:
            loaded.custom_css = custom
        return loaded

    @staticmethod
    def _get_next_version(space_info: Any) -> str:
        """The version an upload to a Space without a version would get (Gradio's helper)."""
        return hub.next_version(get_theme_assets(space_info))

    @staticmethod
    def _theme_version_exists(space_info: Any, version: str) -> bool:
        """Whether a Space already holds this version of its theme (Gradio's helper)."""
        return hub.has_version(get_theme_assets(space_info), version)

    def push_to_hub(self, *args: Any, **kwargs: Any) -> str:
        """Not offered: Livery does not publish to the Hugging Face Hub."""
        raise ThemeError(
            "push_to_hub is not supported for Livery themes: write the theme with "
            "theme.dump('theme.json') or theme.save('theme.toml') and publish the file, or "
            "push gr.Theme.from_dict(theme.to_gradio()) with Gradio",
            source=self.name,
        )

    @classmethod
    def from_hub(cls, repo_name: str, token: str | None = None) -> Theme:
        """Not offered: Livery does not download from the Hugging Face Hub."""
        raise ThemeError(
            f"from_hub is not supported for Livery themes: download the theme's JSON file "
            f"from {repo_name!r} and open it with livery.Theme.load(path), or pass "
            f"theme={repo_name!r} to launch() and let Gradio fetch it"
        )

    def _gradio_json(self) -> dict[str, Any]:
        """Gradio's theme JSON with Gradio's ``name`` and ``custom_css`` keys."""
        data = self.to_gradio()
        theme = dict(data["theme"])
        theme["name"] = self.gradio_name
        theme["custom_css"] = self.custom_css
        return {"theme": theme, "gradio_version": data["gradio_version"]}
