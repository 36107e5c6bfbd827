"""``livery.themes`` has ``gradio.themes``' layout: a Gradio theme file runs with ``gradio``
replaced by ``livery`` in its imports, and gives the theme Gradio gives.

The example is the Seafoam theme of Gradio's theming guide
(``guides/11_other-tutorials/theming-guide.md``, which includes it as ``$code_theme_new_step_3``
from ``demo/theme_new_step_3/run.py``) in github.com/gradio-app/gradio at commit
375335e60e2b4504a57f3eef0eb6bca3c7bb765a, vendored in ``tests/interop/gradio_examples/``.
``SEAFOAM`` below is that file up to ``seafoam = Seafoam()``, without its demo app; it is
run twice, as written and with every ``gradio`` turned into ``livery``.
"""

from __future__ import annotations

import inspect
from pathlib import Path
from types import ModuleType
from typing import Any

import gradio as gr
import pytest

import livery
import livery.themes
from livery.themes import ThemeClass
from livery.themes.base import Base
from livery.themes.utils import colors, fonts, sizes
from tests.interop.test_gradio_parity import gradio_table, livery_table, mismatches

pytestmark = pytest.mark.interop

SEAFOAM_FILE = (
    Path(__file__).parents[1] / "interop" / "gradio_examples" / "demo_theme_new_step_3.py"
)
SEAFOAM = SEAFOAM_FILE.read_text(encoding="utf-8").split("\nseafoam = Seafoam()\n")[0] + (
    "\nseafoam = Seafoam()\n"
)
"""The vendored file (see its folder's README) up to ``seafoam = Seafoam()``."""

THEME_MODULES = sorted(
    {
        value.__module__.rsplit(".", 1)[1]
        for value in map(gr.themes.__dict__.get, gr.themes.__all__)
        if inspect.isclass(value) and issubclass(value, gr.themes.ThemeClass)
    }
)
"""Gradio's ``base`` and its module per built-in (``soft`` for ``Soft``)."""


def run(source: str) -> Any:
    """Run a theme file and return the ``seafoam`` it makes."""
    namespace: dict[str, Any] = {"__name__": "seafoam_theme"}
    exec(compile(source, "seafoam_theme.py", "exec"), namespace)
    return namespace["seafoam"]


def renamed(source: str) -> str:
    """``source`` with ``gradio`` replaced by ``livery``, after checking only imports name it."""
    lines = [line for line in source.splitlines() if "gradio" in line]
    assert len(lines) == 3
    assert all(line.startswith(("import gradio", "from gradio")) for line in lines)
    return source.replace("gradio", "livery")


# --- the guide's example --------------------------------------------------------------------


def test_the_guides_seafoam_runs_renamed_and_resolves_like_gradios() -> None:
    expected = run(SEAFOAM)
    theme = run(renamed(SEAFOAM))
    assert isinstance(expected, gr.themes.Base)
    assert isinstance(theme, Base)
    assert isinstance(theme, livery.Theme)
    gradio_values, livery_values = gradio_table(expected), livery_table(theme)
    differences = mismatches(gradio_values, livery_values, "Gradio", "Livery")
    assert livery_values == gradio_values, differences
    # the values Seafoam chose, light and dark, are among them
    assert theme.literal("slider_color") == colors.blue.c300
    assert theme.literal("slider_color", dark=True) == colors.blue.c600
    assert theme.literal("button_primary_background_fill", dark=True) == (
        f"linear-gradient(90deg, {colors.emerald.c600}, {colors.blue.c800})"
    )


def test_the_guides_seafoam_loads_the_fonts_gradios_loads() -> None:
    expected = run(SEAFOAM)
    theme = run(renamed(SEAFOAM))
    urls, css = theme._stylesheets, theme._font_css
    assert css == expected._font_css
    # Gradio links Quicksand from Google (it lacks its 600 weight); Livery serves its own copy
    # through Gradio instead, and IBM Plex Mono comes from Gradio's copy in both
    assert expected._stylesheets == [
        "https://fonts.googleapis.com/css2?family=Quicksand:wght@400;600&display=swap"
    ]
    assert urls == []
    assert "static/fonts/IBMPlexMono/IBMPlexMono-SemiBold.woff2" in css[0]
    served = theme._get_theme_css()
    assert "font-family: 'Quicksand'" in served and "gradio_api/file=" in served
    assert "font-weight: 600" in served.split("'Quicksand'", 1)[1]


# --- the layout -----------------------------------------------------------------------------


def test_every_name_gradio_themes_offers_is_in_livery_themes() -> None:
    missing = [name for name in gr.themes.__all__ if not hasattr(livery.themes, name)]
    assert not missing
    assert set(gr.themes.__all__) <= set(livery.themes.__all__)
    for name in gr.themes.__all__:
        ours, theirs = getattr(livery.themes, name), getattr(gr.themes, name)
        assert isinstance(ours, ModuleType) == isinstance(theirs, ModuleType), name
        assert inspect.isclass(ours) == inspect.isclass(theirs), name


@pytest.mark.parametrize("module", THEME_MODULES)
def test_each_theme_has_gradios_module(module: str) -> None:
    theirs = getattr(gr.themes, module)
    ours = getattr(livery.themes, module)
    classes = [name for name, value in vars(theirs).items()
               if inspect.isclass(value) and value.__module__ == theirs.__name__]  # fmt: skip
    assert classes
    for name in classes:
        assert getattr(ours, name) is getattr(livery.themes, name)
        assert ours.__name__ == f"livery.themes.{module}"


def test_theme_class_is_the_parent_of_every_theme() -> None:
    assert livery.themes.base.ThemeClass is ThemeClass is livery.Theme
    assert issubclass(Base, ThemeClass)
    assert isinstance(livery.themes.Soft(), ThemeClass)
    assert isinstance(livery.Theme.load("ocean"), ThemeClass)


@pytest.mark.parametrize(
    ("module", "name", "theme_file"),
    [
        ("ember", "Ember", "ember"),
        ("cyberpunk", "Cyberpunk", "cyberpunk"),
        ("neon", "Neon", "neon"),
        ("mario", "Mario", "mario"),
    ],
)
def test_gradios_other_builtins_have_classes(module: str, name: str, theme_file: str) -> None:
    cls = getattr(getattr(livery.themes, module), name)
    assert cls is getattr(livery.themes, name)
    assert issubclass(cls, Base)
    assert cls.theme_file == theme_file


# --- colors, sizes, fonts -------------------------------------------------------------------


def _named(module: ModuleType, cls: type) -> dict[str, list[str]]:
    """A module's instances of ``cls`` by attribute name, as their expanded values."""
    return {name: value.expand() for name, value in vars(module).items() if isinstance(value, cls)}


def test_colors_are_gradios() -> None:
    # Gradio's Color.all also collects every Color built since (other tests build unnamed ones)
    expected = [
        c.name
        for c in gr.themes.Color.all
        if isinstance(c.name, str) and getattr(gr.themes.colors, c.name, 0) is c
    ]
    assert [c.name for c in colors.Color.all] == expected
    assert len(expected) == 22
    assert _named(colors, colors.Color) == _named(gr.themes.colors, gr.themes.Color)
    assert colors.blue.name == "blue"
    assert colors.blue.c500 == gr.themes.colors.blue.c500
    assert colors.Color is livery.themes.Color is livery.theme.Color


def test_sizes_are_gradios() -> None:
    expected = [s.name for s in gr.themes.Size.all if getattr(gr.themes.sizes, s.name, 0) is s]
    assert [s.name for s in sizes.Size.all] == expected
    assert len(expected) == 11
    assert _named(sizes, sizes.Size) == _named(gr.themes.sizes, gr.themes.Size)
    assert sizes.text_md.name == "text_md"
    assert (sizes.text_md.xxs, sizes.text_md.xxl) == ("9px", "26px")
    assert sizes.Size is livery.themes.Size is livery.theme.Size


@pytest.mark.parametrize(
    ("kind", "arguments"),
    [
        ("Font", ("Arial",)),
        ("Font", ("sans-serif",)),
        ("LocalFont", ("Montserrat",)),
        ("LocalFont", ("Open Sans", (300, 400, 950))),
        ("GoogleFont", ("Inter",)),
        ("GoogleFont", ("Inter", (300, 700))),
        ("GoogleFont", ("Quicksand",)),  # Gradio ships 400 and 700 only: Google's URL
        ("GoogleFont", ("Quicksand", (400, 700))),  # all shipped: Gradio's own files
        ("GoogleFont", ("IBM Plex Mono",)),
    ],
)
def test_font_stylesheet_is_gradios(kind: str, arguments: tuple[Any, ...]) -> None:
    name, *weights = arguments
    keywords = {"weights": weights[0]} if weights else {}
    ours = getattr(fonts, kind)(name, **keywords)
    theirs = getattr(gr.themes, kind)(name, **keywords)
    assert ours.stylesheet() == theirs.stylesheet()
    assert str(ours) == str(theirs)
    assert ours.name == theirs.name
