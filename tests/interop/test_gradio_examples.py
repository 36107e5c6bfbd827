"""Gradio's own theme examples run with only their imports switched to Livery.

The promise is "a Gradio user changes an import, not their code". The examples a Gradio user
learns theming from — ``demo/theme_*/run.py`` and the Python blocks of the theming guides —
are vendored verbatim in ``gradio_examples/`` (sources in its README.md). Each test runs an
example twice: as Gradio wrote it, and after ``to_livery``, a mechanical rewrite of the imports
and the ``gr.themes`` namespace and nothing else. The Livery run must build a ``livery.Theme``
whose every variable, light and dark, has the value Gradio's run gives; a few demos are really
launched and must serve that theme. Examples that fail on Gradio itself must fail on the same
line with Livery, and say why.
"""

from __future__ import annotations

import json
import os
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from unittest import mock

import pytest

import livery
import livery.themes
from livery.errors import UnknownVariableError
from livery.theme import VARIABLES

from .gradio_apps import free_port, get, to_livery

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
gr = pytest.importorskip("gradio")

pytestmark = [
    pytest.mark.interop,
    pytest.mark.filterwarnings("ignore::Warning:gradio.queueing"),
]

EXAMPLES = Path(__file__).parent / "gradio_examples"
FILES = sorted(EXAMPLES.glob("*.py"))
BY_NAME = {path.stem: path for path in FILES}

BROKEN_IN_GRADIO: dict[str, str] = {
    "guide_11_core_sizes": "button_primary_border_radius",
    "guide_12_set_red": "button_primary_border",
    "guide_13_references": "button_primary_border",
    "guide_14_dark_references": "button_primary_border",
}
"""Guide blocks that ``.set()`` a variable Gradio 6 does not have: Gradio raises TypeError."""

INTERFACE_WITHOUT_ARGUMENTS = "guide_themes_01_interface_monochrome"
"""``gr.Interface()`` with no arguments, which fails in Gradio before any theme is involved."""

RUNNABLE = [
    name for name in BY_NAME if name not in BROKEN_IN_GRADIO and name != INTERFACE_WITHOUT_ARGUMENTS
]
LAUNCHED = (
    "demo_theme_new_step_3",  # the Seafoam subclass, with super().set(…)
    "guide_08_custom_css",  # gr.Blocks(theme=theme) and custom_css
    "demo_theme_extended_step_3",  # a Google font
    "demo_theme_soft",
)
NAMES = tuple(variable.name for variable in VARIABLES)

_GUIDE_PREAMBLE = "import gradio as gr\n"
_TRAILING_ELLIPSIS = re.compile(r"(?:\n[ \t]+\.{3,}[ \t]*)+\n?\Z")
_REFERENCE = re.compile(r"\*(\w+)")


# --- the rewrite ------------------------------------------------------------------------------


def original_source(path: Path) -> str:
    """The example as Gradio's documentation runs it.

    A demo is its file. A guide block is printed without ``import gradio as gr`` (the guide
    says it once for all) and some end in an indented ``...`` standing for "more of your code",
    which is not valid Python: the preamble is added and that last placeholder line dropped.
    The Gradio run and the Livery run both start from this text."""
    text = path.read_text()
    if path.name.startswith("guide_"):
        text = _GUIDE_PREAMBLE + _TRAILING_ELLIPSIS.sub("\n", text)
    return text


@dataclass
class Run:
    """What running an example left: its globals, and each ``launch()`` it asked for."""

    namespace: dict[str, Any]
    launches: list[tuple[Any, dict[str, Any]]] = field(default_factory=list)

    @property
    def demo(self) -> Any:
        return self.launches[-1][0]

    @property
    def launch_kwargs(self) -> dict[str, Any]:
        return self.launches[-1][1]

    @property
    def theme(self) -> Any:
        """The theme the app would wear: ``launch(theme=…)``, else ``gr.Blocks(theme=…)`` (which
        Gradio 6 hands on to ``launch``), else the example's ``theme`` variable."""
        if not self.launches:
            return self.namespace["theme"]
        given = self.launch_kwargs.get("theme")
        return given if given is not None else self.demo._deprecated_theme


def run(path: Path, source: str) -> Run:
    """Execute ``source`` as ``python path`` would (``__name__ == "__main__"``), with
    ``Blocks.launch`` recording its call instead of serving, so that nothing blocks and the
    theme given to ``launch()`` under the ``__main__`` guard is seen."""
    result = Run(namespace={"__name__": "__main__", "__file__": str(path)})

    def record(demo: Any, *args: Any, **kwargs: Any) -> None:
        assert not args, "the examples pass launch() keywords only"
        result.launches.append((demo, kwargs))

    with mock.patch.object(gr.Blocks, "launch", record), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*theme.*", category=UserWarning)
        warnings.filterwarnings("ignore", message=".*theme.*", category=DeprecationWarning)
        exec(compile(source, str(path), "exec"), result.namespace)
    return result


# --- Gradio's values ---------------------------------------------------------------------------


def gradio_value(theme: Any, key: str) -> str:
    """What Gradio's theme gives for ``key`` (a variable or its ``_dark`` twin).

    ``_get_computed_value`` is Gradio's own answer. It raises TypeError when the ``_dark``
    attribute it reaches (directly or through a ``*reference``) was left at ``None``; Gradio
    means "same as light" by that, and its stylesheet repeats the light declaration in the dark
    block, where references take their dark values. That is what is computed then."""
    try:
        value = theme._get_computed_value(key)
    except TypeError:
        dark = key.endswith("_dark")
        value = _same_as_light(theme, key[:-5] if dark else key, dark)
    value = value.strip()
    while value.endswith(";"):  # Gradio keeps a value's own trailing ';' (Livery drops it)
        value = value[:-1].rstrip()
    return value


def _same_as_light(theme: Any, name: str, dark: bool, depth: int = 0) -> str:
    assert depth < 100, f"reference cycle at {name}"
    raw = getattr(theme, f"{name}_dark", None) if dark else None
    if raw is None:
        raw = getattr(theme, name, "")
    return _REFERENCE.sub(lambda match: _same_as_light(theme, match[1], dark, depth + 1), str(raw))


def differences(gradio_theme: Any, livery_theme: Any) -> list[str]:
    found = []
    for name in NAMES:
        for key in (name, f"{name}_dark"):
            expected = gradio_value(gradio_theme, key)
            actual = livery_theme._get_computed_value(key)
            if actual != expected:
                found.append(f"{key}: Gradio {expected!r}, Livery {actual!r}")
    return found


def _example(name: str) -> tuple[Run, Run]:
    path = BY_NAME[name]
    source = original_source(path)
    return run(path, source), run(path, to_livery(source))


# --- the corpus itself -------------------------------------------------------------------------


def test_every_vendored_example_is_listed_and_switched() -> None:
    readme = (EXAMPLES / "README.md").read_text()
    assert len(FILES) == 23
    for path in FILES:
        assert f"`{path.name}`" in readme, f"{path.name} is not in gradio_examples/README.md"
        source = original_source(path)
        rewritten = to_livery(source)
        assert rewritten != source
        assert "gr.themes" not in rewritten and "gradio.themes" not in rewritten
        lines = rewritten.splitlines()
        lines.remove("import livery.themes")  # the one line added
        changed = [new for old, new in zip(source.splitlines(), lines, strict=True) if new != old]
        assert changed and all("livery.themes" in line for line in changed)


# --- (a) and (b): Livery's theme, Gradio's values ---------------------------------------------


@pytest.mark.parametrize("name", RUNNABLE)
def test_livery_version_gives_gradios_values(name: str) -> None:
    gradio_run, livery_run = _example(name)
    theirs, ours = gradio_run.theme, livery_run.theme
    assert isinstance(ours, livery.Theme), f"{name} still builds {type(ours)!r}"
    assert not isinstance(theirs, livery.Theme)
    assert type(ours).__name__ == type(theirs).__name__  # Seafoam stays Seafoam
    assert len(livery_run.launches) == len(gradio_run.launches)
    if gradio_run.launches:
        assert livery_run.launch_kwargs.keys() == gradio_run.launch_kwargs.keys()
    differ = differences(theirs, ours)
    assert not differ, f"{len(differ)} values differ:\n" + "\n".join(differ)
    assert ours.custom_css == theirs.custom_css
    assert ours._stylesheets == []  # Livery serves the Google fonts Gradio links itself
    served = ours._get_theme_css() if theirs._stylesheets else ""
    for url in theirs._stylesheets:
        family = url.split("family=", 1)[1].split(":", 1)[0].replace("+", " ")
        assert f"font-family: '{family}'" in served, family


# --- examples Gradio itself cannot run ------------------------------------------------------------


def _failure(path: Path, source: str) -> BaseException:
    with pytest.raises(Exception) as raised:
        run(path, source)
    return raised.value


def _failing_line(error: BaseException, path: Path) -> int:
    frames = [frame for frame in _traceback_frames(error) if frame.f_code.co_filename == str(path)]
    assert frames, f"the error did not come from {path.name}"
    return frames[-1].f_lineno


def _traceback_frames(error: BaseException) -> list[Any]:
    frames, tb = [], error.__traceback__
    while tb is not None:
        frames.append(tb.tb_frame)
        tb = tb.tb_next
    return frames


@pytest.mark.parametrize("name", sorted(BROKEN_IN_GRADIO))
def test_an_unknown_variable_fails_on_the_same_line_and_says_which(name: str) -> None:
    path, variable = BY_NAME[name], BROKEN_IN_GRADIO[name]
    source = original_source(path)
    theirs = _failure(path, source)
    assert isinstance(theirs, TypeError)
    assert f"unexpected keyword argument '{variable}'" in str(theirs)
    ours = _failure(path, to_livery(source))
    assert isinstance(ours, UnknownVariableError)
    message = str(ours)
    assert message.startswith(f"{variable}: not a theme variable; did you mean ")
    assert "button_primary_border_color" in message  # the name the guide meant
    # the rewrite adds one line (import livery.themes) before the failing call
    assert _failing_line(ours, path) == _failing_line(theirs, path) + 1


def test_interface_without_arguments_fails_as_in_gradio() -> None:
    path = BY_NAME[INTERFACE_WITHOUT_ARGUMENTS]
    source = original_source(path)
    theirs, ours = _failure(path, source), _failure(path, to_livery(source))
    assert type(ours) is type(theirs) is TypeError
    assert str(ours) == str(theirs)
    assert "missing 3 required positional arguments" in str(ours)


# --- (c): the Livery demo, really launched ------------------------------------------------------


@pytest.mark.parametrize("name", LAUNCHED)
def test_launched_livery_demo_serves_the_theme(name: str) -> None:
    gradio_run, livery_run = _example(name)
    demo, theme = livery_run.demo, livery_run.theme
    assert isinstance(theme, livery.Theme)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*theme.*", category=UserWarning)
        _, url, _ = demo.launch(
            prevent_thread_lock=True,
            server_name="127.0.0.1",
            server_port=free_port(),
            quiet=True,
            **livery_run.launch_kwargs,
        )
    try:
        assert demo.theme is theme  # Gradio took the example's Livery theme as it was
        status, kind, served = get(url + "theme.css")
        assert status == 200 and kind.startswith("text/css")
        assert served == theme._get_theme_css()
        if theme.custom_css:
            assert served.endswith("\n\n" + theme.custom_css)
        config = json.loads(get(url + "config")[2])
        assert config["theme"] == theme.name
        assert theme.to_dict()["theme"]["name"] == gradio_run.theme.name
        for key in ("body_background_fill", "body_text_color"):
            for variant in (key, f"{key}_dark"):
                assert config["body_css"][variant] == gradio_value(gradio_run.theme, variant)
    finally:
        demo.close()
