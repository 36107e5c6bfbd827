"""A Livery theme passed to Gradio as its own: ``launch(theme=…)``, ``Blocks(theme=…)``,
``gr.mount_gradio_app(…, theme=…)``, and what Gradio then serves and draws.

Without a browser, every built-in's ``_get_theme_css()`` (what Gradio serves at ``/theme.css``)
is parsed and resolved like a browser would (``var()`` followed, the dark block over the light
one) and compared with Gradio's own class of the same name, for all twelve of Gradio's
built-ins. The shared server (``conftest.mounted``) holds a Gradio-themed and a Livery-themed
copy of the same app per theme (``mount_gradio_app``): both serve the theme's CSS, and in
Chromium every widget's computed styles match, light and dark (``test_launch_matrix`` does
that, and the screenshots, for every built-in).
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import livery
import livery.themes
from livery.errors import InvalidValueError, ThemeError

from .gradio_apps import (
    BUILTINS,
    NAMES,
    differences,
    free_port,
    get,
    gradio_theme,
    livery_theme,
    served_table,
)

gr = pytest.importorskip("gradio")

pytestmark = [
    pytest.mark.interop,
    pytest.mark.filterwarnings("ignore::Warning:gradio.queueing"),
]

IN_BROWSER = ("Soft", "Citrus", "Ocean", "Monochrome", "aurora")


def _font_kinds(stack: list[Any]) -> list[tuple[str, str, tuple[int, ...]]]:
    return [
        ("str", entry, ())
        if isinstance(entry, str)
        else (type(entry).__name__, entry.name, tuple(getattr(entry, "weights", ())))
        for entry in stack
    ]


# --- what Gradio reads, without a server ------------------------------------------------------


@pytest.mark.parametrize("name", [*BUILTINS, "aurora"])
def test_served_css_declares_gradios_values(name: str) -> None:
    expected = served_table(gradio_theme(name)._get_theme_css())
    actual = served_table(livery_theme(name)._get_theme_css())
    assert len(expected) == 2 * 219
    assert actual == expected, differences(expected, actual)


@pytest.mark.parametrize("name", [*BUILTINS, "aurora"])
def test_fonts_and_stylesheets_are_gradios(name: str) -> None:
    theme, gradio = livery_theme(name), gradio_theme(name)
    assert theme._stylesheets == gradio._stylesheets
    assert _font_kinds(theme._font) == _font_kinds(gradio._font)
    assert _font_kinds(theme._font_mono) == _font_kinds(gradio._font_mono)
    faces = re.compile(r"font-family: '([^']+)';\s*src: url\('([^']+)'\)[^}]*font-weight: (\d+)")
    served = theme._get_theme_css()
    assert set(faces.findall(served)) == set(faces.findall(gradio._get_theme_css()))
    assert "@import" not in served  # Google fonts are Gradio's <link>s, not imports


@pytest.mark.parametrize("name", BUILTINS)
def test_computed_values_are_gradios(name: str) -> None:
    theme, gradio = livery_theme(name), gradio_theme(name)
    differ, compared = [], 0
    for key in (*NAMES, *(f"{variable}_dark" for variable in NAMES)):
        try:
            expected = gradio._get_computed_value(key).strip()
        except TypeError:  # Gradio fails on a ``_dark`` attribute it left at None
            continue
        compared += 1
        while expected.endswith(";"):
            expected = expected[:-1].rstrip()
        if theme._get_computed_value(key) != expected:
            differ.append(f"{key}: Gradio {expected!r}, Livery {theme._get_computed_value(key)!r}")
    assert not differ, "\n".join(differ)
    assert compared > 300
    for body in ("body_background_fill", "body_text_color"):  # what Gradio's page config reads
        assert theme._get_computed_value(f"{body}_dark") == gradio._get_computed_value(
            f"{body}_dark"
        )
    assert theme._get_computed_value("not_a_variable") == gradio._get_computed_value("nope") == ""
    assert theme._get_computed_value("not_a_variable_dark") == ""


@pytest.mark.parametrize("name", BUILTINS)
def test_to_dict_has_gradios_shape(name: str) -> None:
    theme, gradio = livery_theme(name), gradio_theme(name)
    ours, theirs = theme.to_dict(), gradio.to_dict()
    assert ours.keys() == theirs.keys()
    assert ours["gradio_version"] == theirs["gradio_version"] == gr.__version__
    assert ours["theme"].keys() == theirs["theme"].keys() - _dark_twins_left_out(name)
    for key, value in ours["theme"].items():
        assert type(value) is type(theirs["theme"][key]), key
    assert ours["theme"]["name"] == theirs["theme"]["name"] == name.lower() == theme.gradio_name
    assert theme.name == name.lower()  # Gradio's name, as gr.themes.X().name
    assert ours["theme"]["custom_css"] == theirs["theme"]["custom_css"]  # Mario's, or ""
    # Gradio compares themes this way before reporting a launch; its Font.__eq__ calls
    # stylesheet() on our fonts, which must not fail.
    assert isinstance(theme.to_dict() == gradio.to_dict(), bool)
    assert _font_kinds(ours["theme"]["_font"]) == _font_kinds(theirs["theme"]["_font"])


def _dark_twins_left_out(name: str) -> set[str]:
    """Dark twins Gradio's class spells out with the light value (Livery writes none)."""
    return {
        "Origin": {"button_border_width_dark"},
        "Ocean": {"button_primary_shadow_dark"},
        "Cyberpunk": {"block_shadow_dark"},
    }.get(name, set())


def test_to_dict_and_dump_come_back(tmp_path: Path) -> None:
    theme = livery.themes.Soft(primary_hue="rose").set(block_radius="3px")
    theme.custom_css = ".gradio-container { outline: 1px solid var(--primary-500); }"
    again = livery.Theme.from_dict(theme.to_dict())
    metadata = {"name", "description", "tags", "author"}
    assert again.model_dump(exclude=metadata) == theme.model_dump(exclude=metadata)
    assert again.name == "soft"

    path = theme.dump(tmp_path / "rose.json")
    assert json.loads(path.read_text())["theme"]["custom_css"] == theme.custom_css
    in_gradio = gr.Theme.load(str(path))
    assert in_gradio.custom_css == theme.custom_css
    # (Gradio also writes custom_css as a --custom-css variable, braces and all, so its :root
    # block cannot be parsed here: compare what Gradio computes instead.)
    compared = 0
    for name in NAMES:
        for key, dark in ((name, False), (f"{name}_dark", True)):
            try:
                expected = in_gradio._get_computed_value(key)
            except TypeError:  # Gradio fails on a ``_dark`` attribute it left at None
                continue
            compared += 1
            assert theme.literal(name, dark=dark) == expected, key
    assert compared > 300
    back = livery.Theme.from_dict(json.loads(path.read_text()))
    assert back.literal("block_radius") == "3px" and back.custom_css == theme.custom_css
    assert livery.Theme.from_dict(gr.themes.Soft().to_dict()) == livery.Theme.from_dict(
        livery.themes.Soft().to_dict()
    )


def test_the_hub_is_a_clear_error() -> None:
    theme = livery.themes.Soft()
    with pytest.raises(ThemeError, match=r"push_to_hub is not supported.*theme\.dump"):
        theme.push_to_hub("my-theme")
    with pytest.raises(ThemeError, match=r"from_hub is not supported.*Theme\.load"):
        livery.Theme.from_hub("gradio/monochrome")


# --- custom_css ---------------------------------------------------------------------------------


def test_custom_css_is_served_after_the_theme() -> None:
    theme = livery.themes.Default()
    assert theme.custom_css == ""
    theme.custom_css = ".gradio-container { border-top: 4px solid var(--primary-500); }"
    served = theme._get_theme_css()
    assert served.endswith("\n\n" + theme.custom_css)
    assert served.index(":root.dark") < served.index(".gradio-container")
    assert gr.themes.Default().custom_css == ""  # Gradio's attribute, same default


@pytest.mark.parametrize(
    ("css", "reason"),
    [
        ("</style><script>alert(1)</script>", "would end the <style> element"),
        ("@import url('https://example.com/x.css');", "cannot load other files"),
        (".a { background: url(https://example.com/x.png); }", "cannot load other files"),
        ("@font-face { src: url('/f.woff2'); }", "cannot load other files"),
        (".a { background: image-set('x.png' 1x); }", "cannot load other files"),
    ],
)
def test_custom_css_that_escapes_or_loads_files_is_refused(css: str, reason: str) -> None:
    with pytest.raises(InvalidValueError) as raised:
        livery.themes.Soft(custom_css=css)
    message = str(raised.value)
    assert message.startswith("custom_css = ") and reason in message
    assert "\n" not in message
    theme = livery.themes.Soft()
    with pytest.raises(InvalidValueError, match="custom_css"):
        theme.custom_css = css
    assert theme.custom_css == ""


def test_custom_css_in_a_theme_file(tmp_path: Path) -> None:
    css = '.label-wrap {\n  background: url("data:image/png;base64,iVBORw0KGgo=") repeat;\n}\n'
    theme = livery.themes.Soft(custom_css=css)
    path = theme.save(tmp_path / "tiled.toml")
    text = path.read_text()
    assert 'custom_css = """\n.label-wrap {\n' in text  # readable, one CSS line per line
    assert livery.Theme.load(path) == theme
    assert "custom_css" not in livery.themes.Soft().to_toml()  # unchanged files for the rest

    hostile = tmp_path / "hostile.toml"
    hostile.write_text('[theme]\nname = "X"\ncustom_css = "@import url(x.css);"\n')
    with pytest.raises(InvalidValueError, match=r"custom_css = .*cannot load other files"):
        livery.Theme.load(hostile)


# --- real servers ---------------------------------------------------------------------------


def _demo() -> Any:
    with gr.Blocks() as demo:
        gr.Textbox(label="Name", value="Ada", elem_id="name")
        gr.Button("Go", variant="primary", elem_id="go")
    return demo


def test_launch_and_blocks_take_a_livery_theme() -> None:
    """``launch(theme=…)`` (Gradio 6's place) and ``Blocks(theme=…)`` (deprecated, handed on to
    ``launch``) both serve the theme's own CSS."""
    soft = livery.themes.Soft()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # Gradio 6: theme moved to launch()
        with gr.Blocks(theme=livery.themes.Citrus()) as old_style:
            gr.Button("Go", variant="primary")
    for demo, theme in ((_demo(), soft), (old_style, livery.themes.Citrus())):
        launch = {"theme": soft} if theme is soft else {}
        _, url, _ = demo.launch(
            prevent_thread_lock=True,
            server_name="127.0.0.1",
            server_port=free_port(),
            quiet=True,
            **launch,
        )
        try:
            status, kind, served = get(url + "theme.css")
            assert status == 200 and kind.startswith("text/css")
            assert served == theme._get_theme_css()
            config = json.loads(get(url + "config")[2])
            assert config["theme"] == theme.name
            assert config["body_css"]["body_background_fill_dark"] == theme.literal(
                "body_background_fill", dark=True
            )
        finally:
            demo.close()


@pytest.mark.parametrize("name", IN_BROWSER)
def test_mounted_app_serves_the_theme(mounted: str, name: str) -> None:
    status, kind, served = get(f"{mounted}/livery-{name.lower()}/theme.css")
    assert status == 200 and kind.startswith("text/css")
    assert served == livery_theme(name)._get_theme_css()
    gradio_served = get(f"{mounted}/gradio-{name.lower()}/theme.css")[2]
    assert served_table(served) == served_table(gradio_served)


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("name", IN_BROWSER)
def test_chromium_draws_the_same_app(
    drawn: Callable[[str, str], tuple[Any, Any]], name: str, mode: str
) -> None:
    """The kitchen sink on the shared server (``conftest.mounted``), as ``conftest.drawn``
    loaded it: every widget part's computed styles (``gradio_apps.PARTS``) are Gradio's."""
    expected, actual = drawn(name, mode)
    button = expected.styles["primary button button"]
    assert button["background-color"] or button["background-image"]
    assert actual.styles == expected.styles
    # the page really wears the theme, in this mode
    body = livery_theme(name).literal("body_background_fill", dark=mode == "dark")
    assert actual.styles["page fill"]["--body-background-fill"].lower() == body.lower()
