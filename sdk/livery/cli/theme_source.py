"""The theme a command works on: a library name, a theme file, or a Python file that builds one.

``NAME`` and ``PATH.toml``/``PATH.json`` go to ``Theme.load``. ``PATH.py`` (or
``PATH.py:VARIABLE``) runs your own Python file, as ``uvicorn app:app`` would, and takes the
theme it builds: the variable named after the colon, else the one ``Theme`` the file holds
(or the one named ``theme``), else a ``Theme`` subclass the file defines, built without
arguments. Only the command line runs Python files; the gallery never does.

What you name on your own command line is trusted as a theme you load in your own code:
its ``url(https://…)`` images are kept (``remote_urls=True``), as Gradio keeps them. The
gallery, which shows strangers' themes, refuses them.
"""

from __future__ import annotations

import runpy
import traceback
from pathlib import Path

from livery.errors import ThemeError
from livery.theme import Theme

_RUN_NAME = "__livery_theme__"
THEME_HELP = "Library name, theme file (.toml, Gradio .json), or FILE.py[:NAME]."
"""The help of a command's theme argument."""


def load_theme(argument: str) -> Theme:
    """The theme ``argument`` names (see the module's docstring)."""
    path_text, _, variable = argument.partition(".py:")
    if variable or argument.endswith(".py"):
        path = Path(path_text + ".py" if variable else argument)
        return _from_python(path, variable or None)
    return Theme.load(argument, remote_urls=True)


def _from_python(path: Path, variable: str | None) -> Theme:
    source = str(path)
    if not path.is_file():
        raise ThemeError("no such Python file", source=source)
    try:
        found = runpy.run_path(str(path), run_name=_RUN_NAME)
    except ThemeError as error:  # a bad value in the user's code: name the line that set it
        line = _last_line(error, path)
        raise error.with_source(f"{source}:{line}" if line else source) from None
    except SystemExit:
        raise ThemeError("the file called exit() while building its theme", source=source) from None
    except Exception as error:  # the user's own code: name its line, not Livery's traceback
        raise ThemeError(f"running it raised {_described(error, path)}", source=source) from None
    if variable is not None:
        return _named(found, variable, source)
    return _only_theme(found, source)


def _named(found: dict[str, object], variable: str, source: str) -> Theme:
    if variable not in found:
        raise ThemeError(f"the file defines no {variable!r}", source=source)
    value = found[variable]
    if isinstance(value, type) and issubclass(value, Theme):
        return value()
    if not isinstance(value, Theme):
        raise ThemeError(f"{variable} is a {type(value).__name__}, not a theme", source=source)
    return value


def _only_theme(found: dict[str, object], source: str) -> Theme:
    themes = {name: value for name, value in found.items() if isinstance(value, Theme)}
    if len(themes) == 1:
        return next(iter(themes.values()))
    if "theme" in themes:
        return themes["theme"]
    if themes:
        names = ", ".join(sorted(themes))
        raise ThemeError(f"the file holds several themes ({names}): add :NAME", source=source)
    classes = [
        value
        for value in found.values()
        if isinstance(value, type) and issubclass(value, Theme) and value.__module__ == _RUN_NAME
    ]
    if len(classes) == 1:
        return classes[0]()
    raise ThemeError("the file builds no theme (no Theme object or Theme subclass)", source=source)


def _described(error: Exception, path: Path) -> str:
    """``TypeError: … (line 12)``: the error and the last line of ``path`` it went through."""
    line = _last_line(error, path)
    return f"{type(error).__name__}: {error}" + (f" (line {line})" if line else "")


def _last_line(error: Exception, path: Path) -> int | None:
    lines = [
        frame.lineno
        for frame in traceback.extract_tb(error.__traceback__)
        if frame.filename in (str(path), str(path.resolve()))
    ]
    return lines[-1] if lines else None
