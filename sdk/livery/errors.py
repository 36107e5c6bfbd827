"""Every exception and warning Livery raises, in one tree.

Every error a user can cause is a ``LiveryError``: the command line prints its message as one
line and exits 1, without a traceback. Messages name the file, the variable, the value and the
reason, so that the line alone says what to fix. Warnings are ``LiveryWarning``s, themselves
``LiveryError``s, so that ``-W error`` turns one into an error reported like any other. A class
that also subclasses a built-in (``ValueError``, ``TypeError``…) does so because callers catch
it by that name too.

This module is the bottom layer: it imports nothing else from Livery, so any module can raise
these without an import cycle. The tree::

    LiveryError
    ├── InvalidOptionError (+ ValueError)      an argument names none of its fixed choices
    ├── ServerError                            a server cannot listen where it was asked to
    ├── JsonDepthError (+ ValueError)          a request's JSON nests too deep
    ├── OutputPathError                        a path to write cannot be written
    ├── ThemeError                             a theme, theme file or theme value
    │   ├── InvalidValueError
    │   │   └── ThemeReferenceError                a reference names nothing or loops
    │   ├── UnknownVariableError
    │   ├── ThemeFileError
    │   ├── UnknownThemeError
    │   └── ContrastRepairError
    ├── ValueCheckError                        why a value was refused, before it is attributed
    ├── SeedError (+ ValueError)               a seed is not a CSS colour
    ├── NotAColourError (+ ValueError)         a value holds no measurable colour
    ├── CssError                               custom CSS or SCSS
    │   ├── CssFileError
    │   ├── LibsassMissingError                    the css extra is not installed
    │   ├── ScssError
    │   │   └── CssImportError
    │   ├── UnsafeCssError
    │   ├── UnknownCssVariableError
    │   └── CssWarning (+ LiveryWarning)
    │       ├── UnknownCssVariableWarning
    │       └── SassWarning                    what Dart Sass warned about
    ├── ComponentError                         a component, its value or its project
    │   ├── ComponentDefinitionError (+ TypeError)
    │   ├── PayloadError (+ ValueError)
    │   ├── PropsError (+ ValueError)
    │   ├── HandlerError
    │   ├── AssetsMissingError
    │   ├── TemplateError
    │   ├── NodeNotFoundError
    │   ├── BuildError
    │   ├── ProjectError
    │   ├── PublishError
    │   ├── GradioMissingError
    │   ├── AnywidgetMissingError
    │   ├── NotBuiltError
    │   ├── SelectionError
    │   ├── DemoError
    │   └── DocsError
    ├── ThemeBuilderError                      the gallery's theme builder got a bad request
    ├── BuildFolderError                       the static site's output folder
    ├── GalleryScriptError                     a gallery script the static site cannot rewrite
    ├── AuthoringMissingError                  a command needs the authoring extra
    ├── MissingTestingExtrasError              the pytest plugin's optional dependencies
    ├── ChromiumNotFoundError
    ├── SceneError                             a scene failed to render in the page
    ├── SnapshotMismatchError (+ AssertionError)
    └── LiveryWarning (+ UserWarning)
        ├── CssWarning (see CssError)
        ├── LiverySnapshotWarning
        ├── GradioLegacyKeyWarning               a Gradio file's keys Gradio 6 no longer defines
        ├── GradioValueWarning                   a value Gradio writes and browsers ignore
        └── FontUnavailableWarning               a font's files cannot be had: the stack falls back
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

_MAX_VALUE_CHARS = 60


def _shorten(value: object) -> str:
    """The value as a message shows it: cut to a few words, quoted, controls escaped; never
    raises (``repr`` of a 5,000-digit int does, so such a number is described instead)."""
    if isinstance(value, int) and value.bit_length() > 300:
        return f"<a number of about {int(value.bit_length() * 0.30103) + 1} digits>"
    try:
        text = value if isinstance(value, str) else repr(value)
    except Exception:  # a user's object whose repr fails must not make the error unprintable
        return f"<{type(value).__name__}>"
    if len(text) > _MAX_VALUE_CHARS:
        text = text[: _MAX_VALUE_CHARS - 1] + "…"
    return repr(text) if isinstance(value, str) else text


def printable(text: str, *, one_line: bool = False) -> str:
    """``text`` with what UTF-8 cannot carry (lone surrogates) escaped as ``\\udxxx``, so a
    message always prints; with ``one_line``, control characters and line separators too
    (``\\n``, ``\\x1b``, ``\\u2028``): a message made of a stranger's text stays one
    harmless line."""
    return "".join(
        _escaped(char)
        if 0xD800 <= ord(char) <= 0xDFFF
        or (one_line and (ord(char) < 32 or 0x7F <= ord(char) <= 0x9F or char in "\u2028\u2029"))
        else char
        for char in text
    )


def _escaped(char: str) -> str:
    return repr(char)[1:-1] if ord(char) < 0x2028 else f"\\u{ord(char):04x}"


class LiveryError(Exception):
    """Base class of every error caused by user input."""

    def __str__(self) -> str:
        return printable(super().__str__())


class LiveryWarning(LiveryError, UserWarning):
    """Base class of the warnings Livery gives; filter them all with this one category."""


class InvalidOptionError(LiveryError, ValueError):
    """An argument that picks among fixed choices (``dark=``, ``scope=``, ``level=``, an export
    format) names none of them; the message lists the choices."""


class ServerError(LiveryError):
    """A server (the gallery, a component's playground) cannot listen where it was asked to."""


class JsonDepthError(LiveryError, ValueError):
    """A request body nests its JSON deeper than a local server reads (``[[[[…``); a
    ``ValueError`` as ``json.loads``'s refusals are, so a handler's ``except ValueError``
    still answers 400."""


class OutputPathError(LiveryError):
    """A path to write (``-o``, ``--dir``) cannot be written: a folder where a file is wanted,
    a file where a folder is, or what the system said (the message names the path)."""


# Themes


class ThemeError(LiveryError):
    """A theme, a theme file or a theme value is not usable.

    ``source`` is the file (or theme name) the problem came from, ``variable`` the setting or
    variable, ``value`` the offending value, ``reason`` what is wrong with it.
    """

    def __init__(
        self,
        reason: str,
        *,
        source: str | None = None,
        variable: str | None = None,
        value: object = None,
    ) -> None:
        self.reason = reason
        self.source = source
        self.variable = variable
        self.value = value
        super().__init__(reason)

    def with_source(self, source: str | None) -> ThemeError:
        """Return this error attributed to ``source`` unless it already names one."""
        if self.source is None and source is not None:
            self.source = source
        return self

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        if self.variable is not None and self.value is not None:
            line = f"{where}{self.variable} = {_shorten(self.value)}: {self.reason}"
        elif self.variable is not None:
            line = f"{where}{self.variable}: {self.reason}"
        else:
            line = f"{where}{self.reason}"
        return printable(line, one_line=True)


class InvalidValueError(ThemeError):
    """A value is not valid for its variable's kind, or could escape its declaration."""


class UnknownVariableError(ThemeError, TypeError):
    """A name is not a theme variable (the message suggests the closest names). Also a
    ``TypeError``, which is what Gradio's ``.set()`` raises for an unknown keyword, so code
    written for Gradio catches it."""


class ThemeReferenceError(InvalidValueError):
    """A ``*reference`` points nowhere, forms a cycle, or misuses a ``_dark`` name. Found when
    the value enters the theme, so it is one of the ways a value is invalid."""


class ThemeFileError(ThemeError):
    """A theme file cannot be read, parsed or written."""


class UnknownThemeError(ThemeError):
    """No theme of that name is in the library."""


class ContrastRepairError(ThemeError):
    """A contrast target cannot be reached (for example 7:1 against a mid-grey)."""


class ValueCheckError(LiveryError):
    """Why a value was refused by its kind's check; the caller re-raises it as an
    ``InvalidValueError`` that adds the file and the variable."""


# Colour


class SeedError(LiveryError, ValueError):
    """The text given as a palette's seed is not a CSS colour."""


class NotAColourError(LiveryError, ValueError):
    """A value holds no colour that can be measured (an image, a keyword, …)."""


# Custom CSS


class _Located(Protocol):
    """A problem found in a stylesheet: what it is and where (``livery.css.UnknownName``)."""

    @property
    def message(self) -> str: ...

    @property
    def file(self) -> str | None: ...

    @property
    def line(self) -> int | None: ...


class CssError(LiveryError):
    """Custom CSS or SCSS cannot be used. ``file`` and ``line`` say where, when known."""

    def __init__(self, reason: str, *, file: str | None = None, line: int | None = None) -> None:
        self.reason = reason
        self.file = file
        self.line = line
        super().__init__(reason)

    def __str__(self) -> str:
        if self.file is not None and self.line is not None:
            return printable(f"{self.file}:{self.line}: {self.reason}")
        if self.file is not None:
            return printable(f"{self.file}: {self.reason}")
        return printable(self.reason)


class CssFileError(CssError):
    """A stylesheet or partial cannot be read (missing, too large, not UTF-8)."""


class ScssError(CssError):
    """libsass refused the stylesheet: a syntax error, an undefined variable, an ``@error``…"""


class LibsassMissingError(CssError):
    """Custom CSS needs libsass (the ``css`` extra), which is not installed."""


class CssImportError(ScssError):
    """An ``@import``/``@use`` reaches outside the stylesheet's folder, or is not supported."""


class UnsafeCssError(CssError):
    """The compiled CSS could leave its stylesheet (``</style``) or load other files."""


class UnknownCssVariableError(CssError):
    """``strict``: the stylesheet uses ``var(--x)`` names the theme does not define.

    ``problems`` lists every one; the message is the first and how many more there are.
    """

    def __init__(self, problems: Sequence[_Located]) -> None:
        self.problems = tuple(problems)
        first = self.problems[0]
        more = len(self.problems) - 1
        reason = first.message
        if more:
            reason += f" (and {more} more unknown variable{'s' * (more != 1)})"
        super().__init__(reason, file=first.file, line=first.line)


class CssWarning(CssError, LiveryWarning):
    """Base class of the warnings custom CSS gives (a ``CssError`` and a ``LiveryWarning``)."""


class UnknownCssVariableWarning(CssWarning):
    """A ``var(--x)`` name the theme does not define (the message suggests the closest).

    Unless ``strict`` makes them one ``UnknownCssVariableError``, unknown names are warnings.
    """

    def __init__(self, problem: _Located) -> None:
        self.problem = problem
        super().__init__(problem.message, file=problem.file, line=problem.line)


class SassWarning(CssWarning):
    """What Dart Sass warned about while compiling (a deprecation, an ``@warn``): one line,
    already naming the file and line."""

    def __init__(self, note: str) -> None:
        super().__init__(note)


# Components


class ComponentError(LiveryError):
    """A component, its value or its project is not usable.

    ``component`` is the component's name, ``event`` the event being handled (when any),
    ``problem`` what is wrong. The message is ``Component: event 'x': problem``. A bad value
    from the browser is a ``PayloadError``; a host turns it into an error for that event
    instead of crashing.
    """

    def __init__(
        self, problem: str, *, component: str | None = None, event: str | None = None
    ) -> None:
        self.problem = problem
        self.component = component
        self.event = event
        super().__init__(problem)

    def __str__(self) -> str:
        parts = []
        if self.component:
            parts.append(self.component)
        if self.event:
            parts.append(f"event {self.event!r}")
        return printable(": ".join([*parts, self.problem]))


class ComponentDefinitionError(ComponentError, TypeError):
    """A ``Component`` subclass is declared wrongly (its ``Value``, ``events`` or ``props``)."""


class PayloadError(ComponentError, ValueError):
    """A value from the browser (or from ``postprocess``) does not fit the component's model."""


class PropsError(ComponentError, ValueError):
    """A component was given a prop it does not declare, or a value of the wrong type."""


class HandlerError(ComponentError):
    """A Python event handler (a story's, say) raised while a host ran it for an event."""


class AssetsMissingError(ComponentError):
    """The component's built front end (``templates/index.js``) is not there."""


class TemplateError(ComponentError):
    """``livery component create`` cannot scaffold: a bad name, template or target folder."""


class NodeNotFoundError(ComponentError):
    """No usable Node.js was found; the message says how to get one."""


class BuildError(ComponentError):
    """``livery component build`` failed: npm, esbuild, SCSS or the wheel/sdist build.

    ``lines`` holds every problem as one line each (``file:line:col: message`` for esbuild,
    ``file:line: message`` for SCSS); the message is the first line and how many more there
    are, and the command line prints them all.
    """

    def __init__(self, lines: str | Sequence[str]) -> None:
        self.lines = (lines,) if isinstance(lines, str) else tuple(lines)
        if not self.lines:
            self.lines = ("the build failed",)
        more = len(self.lines) - 1
        problem = self.lines[0]
        if more:
            problem += f" (and {more} more error{'s' * (more != 1)})"
        super().__init__(problem)


class ProjectError(ComponentError):
    """The folder is not a component project (or is missing part of one)."""


class PublishError(ComponentError):
    """The project cannot be published (not built, stale, rejected by the index)."""


class GradioMissingError(ComponentError):
    """Gradio is not installed; the message says how to install it."""


class AnywidgetMissingError(ComponentError):
    """anywidget is not installed; the message says how to install it."""


class NotBuiltError(ComponentError):
    """The project's front end has not been built."""


class DocsError(ComponentError):
    """``livery component docs`` cannot write a project's docs (a README whose markers are
    broken, a distribution name that is not one)."""


class SelectionError(ComponentError):
    """``--themes`` or ``--modes`` names something that does not exist."""


class DemoError(ComponentError):
    """The project's demo cannot be shown (the message says what to fix)."""


# The gallery


class ThemeBuilderError(LiveryError):
    """The gallery's theme builder got an unusable request (the message says why, in one
    line). ``field`` is the builder field at fault (a setting or variable name, ``name``,
    ``description``), when there is one, so that the page can mark it."""

    def __init__(self, reason: str, *, field: str | None = None) -> None:
        self.field = field
        super().__init__(reason)


class BuildFolderError(LiveryError):
    """The static site's output folder cannot be written or replaced."""


class GalleryScriptError(LiveryError):
    """A gallery module uses a form the static site's classic-script rewrite does not know
    (the message names the file and the line)."""


# The pytest plugin


class AuthoringMissingError(LiveryError):
    """A command needs Livery's authoring tools (the ``authoring`` extra), which are not
    installed; the message names the command and how to install them."""


class MissingTestingExtrasError(LiveryError):
    """Playwright, Pillow or pixelmatch is not installed; the message says how to install them."""


class ChromiumNotFoundError(LiveryError):
    """No Chromium could be found; the message says how to get one."""


class SceneError(LiveryError):
    """A scene failed to render in the page (a component's ``render`` threw, say)."""


class SnapshotMismatchError(LiveryError, AssertionError):
    """A screenshot does not match its baseline (or has none); the message says how.

    An ``AssertionError`` so that pytest reports it as a failed test, not a crashed one.
    """


class LiverySnapshotWarning(LiveryWarning):
    """A baseline was created by a run without ``--update-snapshots``: review and commit it."""


# Gradio theme files


class GradioValueWarning(LiveryWarning):
    """A theme built with Gradio's semantics was given a value that is no CSS value of its
    kind (a tuple from a stray comma, ``*#110F0F``) but could not leave its declaration:
    Gradio writes it as it is and browsers ignore it, so Livery writes ``initial`` (invalid
    wherever it is used, as Gradio's text is), and says so."""


class GradioLegacyKeyWarning(LiveryWarning):
    """A Gradio theme file holds keys Gradio 6 no longer reads (``button_shadow``, shades such
    as ``neutral_25``…) or references no theme defines (``*white``): Livery keeps the keys for
    ``to_gradio()``, inlines what references them, and names them all in the message."""


# Font files


class FontUnavailableWarning(LiveryWarning):
    """A hosted font's files cannot be had (offline and not cached, a refused or corrupted
    package): given as a warning, since the page still works with the rest of the stack."""
