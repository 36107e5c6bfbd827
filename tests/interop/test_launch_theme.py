"""A Livery theme passed to Gradio as its own: ``launch(theme=…)``, ``Blocks(theme=…)``,
``gr.mount_gradio_app(…, theme=…)``, and what Gradio then serves and draws.

Without a browser, every built-in's ``_get_theme_css()`` (what Gradio serves at ``/theme.css``)
is parsed and resolved like a browser would (``var()`` followed, the dark block over the light
one) and compared with Gradio's own class of the same name. In Chromium, one server holds a
Gradio-themed and a Livery-themed copy of the same app per theme (``mount_gradio_app``), and
the computed styles of a primary button, a textbox and the page match, light and dark.
"""

from __future__ import annotations

import json
import os
import re
import socket
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import livery
import livery.themes
from livery.errors import InvalidValueError, ThemeError
from livery.theme import VARIABLES

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
gr = pytest.importorskip("gradio")

pytestmark = [
    pytest.mark.interop,
    pytest.mark.filterwarnings("ignore::Warning:gradio.queueing"),
]

BUILTINS = ("Base", "Default", "Soft", "Glass", "Monochrome", "Origin", "Citrus", "Ocean")
IN_BROWSER = ("Soft", "Citrus", "Ocean", "Monochrome", "aurora")
NAMES = tuple(variable.name for variable in VARIABLES)
_DECLARATION = re.compile(r"^\s*--([\w-]+):\s*(.*?)\s*$")
_VAR = re.compile(r"var\(--([\w-]+)\)")

Table = dict[tuple[str, bool], str]


def _blocks(css: str) -> tuple[dict[str, str], dict[str, str]]:
    """The declarations of a theme stylesheet's ``:root`` block and its dark block."""
    light_text = css.split(":root {", 1)[1].split("}", 1)[0]
    dark_text = css.split(":root.dark, :root .dark {", 1)[1].split("}", 1)[0]
    return _declarations(light_text), _declarations(dark_text)


def _declarations(block: str) -> dict[str, str]:
    found = {}
    for line in block.splitlines():
        match = _DECLARATION.match(line)
        if match:
            value = match[2]
            while value.endswith(";"):  # Gradio writes a value's own trailing ';' too
                value = value[:-1].rstrip()
            found[match[1]] = value
    return found


def served_table(css: str) -> Table:
    """Every theme variable's value as a browser computes it from ``css``: the dark block
    re-declares over the light one, each ``var(--x)`` is the value of ``x`` in that mode."""
    light, dark_only = _blocks(css)
    modes = {False: light, True: {**light, **dark_only}}

    def value(name: str, dark: bool, depth: int = 0) -> str:
        assert depth < 50, f"reference cycle at --{name}"
        text = modes[dark][name]
        return _VAR.sub(lambda match: value(match[1], dark, depth + 1), text)

    return {
        (name, dark): value(name.replace("_", "-"), dark)
        for name in NAMES
        for dark in (False, True)
    }


def differences(expected: Table, actual: Table) -> str:
    lines = [
        f"  {name}{' (dark)' if dark else ''}: Gradio {expected[name, dark]!r}, "
        f"Livery {actual.get((name, dark))!r}"
        for name, dark in expected
        if actual.get((name, dark)) != expected[name, dark]
    ]
    return f"{len(lines)} values differ:\n" + "\n".join(lines)


def livery_theme(name: str) -> livery.Theme:
    return livery.Theme.load(name) if name.islower() else getattr(livery.themes, name)()


def gradio_theme(name: str) -> Any:
    """Gradio's class of that name; for a Livery original, Gradio's rebuild of its JSON."""
    if name.islower():
        return gr.Theme.from_dict(livery.Theme.load(name).to_gradio())
    return getattr(gr.themes, name)()


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
    assert theme.name == name  # Livery's display name is unchanged
    assert ours["theme"]["custom_css"] == theirs["theme"]["custom_css"] == ""
    # Gradio compares themes this way before reporting a launch; its Font.__eq__ calls
    # stylesheet() on our fonts, which must not fail.
    assert isinstance(theme.to_dict() == gradio.to_dict(), bool)
    assert _font_kinds(ours["theme"]["_font"]) == _font_kinds(theirs["theme"]["_font"])


def _dark_twins_left_out(name: str) -> set[str]:
    """Dark twins Gradio's class spells out with the light value (Livery writes none)."""
    return {"Origin": {"button_border_width_dark"}, "Ocean": {"button_primary_shadow_dark"}}.get(
        name, set()
    )


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
        (".a { background: url(https://example.com/x.png); }", "url() may not load a file"),
        ("@font-face { src: url('/f.woff2'); }", "url() may not load a file"),
        (".a { background: image-set('x.png' 1x); }", "image-set() may not load a file"),
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


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _demo() -> Any:
    with gr.Blocks() as demo:
        gr.Textbox(label="Name", value="Ada", elem_id="name")
        gr.Button("Go", variant="primary", elem_id="go")
    return demo


def _get(url: str) -> tuple[int, str, str]:
    import httpx

    response = httpx.get(url, timeout=10)
    return response.status_code, response.headers.get("content-type", ""), response.text


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
            server_port=_free_port(),
            quiet=True,
            **launch,
        )
        try:
            status, kind, served = _get(url + "theme.css")
            assert status == 200 and kind.startswith("text/css")
            assert served == theme._get_theme_css()
            config = json.loads(_get(url + "config")[2])
            assert config["theme"] == theme.name
            assert config["body_css"]["body_background_fill_dark"] == theme.literal(
                "body_background_fill", dark=True
            )
        finally:
            demo.close()


@pytest.fixture(scope="module")
def mounted() -> Iterator[str]:
    """One server: for each theme, ``/gradio-<name>/`` themed by Gradio and ``/livery-<name>/``
    by Livery, both through ``gr.mount_gradio_app(…, theme=…)``."""
    import uvicorn
    from fastapi import FastAPI

    app = FastAPI()
    for name in IN_BROWSER:
        key = name.lower()
        app = gr.mount_gradio_app(app, _demo(), path=f"/gradio-{key}", theme=gradio_theme(name))
        app = gr.mount_gradio_app(app, _demo(), path=f"/livery-{key}", theme=livery_theme(name))
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.mark.parametrize("name", IN_BROWSER)
def test_mounted_app_serves_the_theme(mounted: str, name: str) -> None:
    status, kind, served = _get(f"{mounted}/livery-{name.lower()}/theme.css")
    assert status == 200 and kind.startswith("text/css")
    assert served == livery_theme(name)._get_theme_css()
    gradio_served = _get(f"{mounted}/gradio-{name.lower()}/theme.css")[2]
    assert served_table(served) == served_table(gradio_served)


_STYLES = """() => {
    const pick = (element, names) => {
        const style = getComputedStyle(element);
        return Object.fromEntries(names.map((name) => [name, style.getPropertyValue(name)]));
    };
    const box = ["color", "background-color", "background-image", "border-top-color",
                 "border-top-width", "border-top-left-radius", "box-shadow", "font-family",
                 "font-size", "font-weight", "padding-top", "padding-left"];
    return {
        button: pick(document.querySelector("#go"), box),
        textbox: pick(document.querySelector("#name textarea, #name input"), box),
        block: pick(document.querySelector("#name"), box),
        body: pick(document.body, ["color", "background-color", "background-image"]),
        app: pick(document.querySelector("gradio-app"), ["color", "background-color"]),
        page_fill: getComputedStyle(document.querySelector(".dark") || document.body)
            .getPropertyValue("--body-background-fill").trim(),
        container: pick(document.querySelector(".gradio-container"),
                        ["color", "background-color", "font-family"]),
    };
}"""


@pytest.fixture(scope="module")
def styles_of(browser: Any, mounted: str) -> Iterator[Callable[[str, str], dict[str, Any]]]:
    context = browser.new_context(viewport={"width": 900, "height": 600})
    page = context.new_page()

    def styles(path: str, mode: str) -> dict[str, Any]:
        page.goto(f"{mounted}/{path}/?__theme={mode}")
        page.wait_for_selector("#go", timeout=30_000)
        page.wait_for_function(
            "() => getComputedStyle(document.documentElement)"
            ".getPropertyValue('--button-primary-background-fill') !== ''",
            timeout=30_000,
        )
        page.wait_for_load_state("networkidle")
        is_dark = page.evaluate("() => !!document.querySelector('.dark')")
        assert is_dark == (mode == "dark")
        return page.evaluate(_STYLES)

    yield styles
    context.close()


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("name", IN_BROWSER)
def test_chromium_draws_the_same_app(
    styles_of: Callable[[str, str], dict[str, Any]], name: str, mode: str
) -> None:
    expected = styles_of(f"gradio-{name.lower()}", mode)
    actual = styles_of(f"livery-{name.lower()}", mode)
    assert expected["button"]["background-color"] or expected["button"]["background-image"]
    assert actual == expected
    # the page really wears the theme, in this mode
    body = livery_theme(name).literal("body_background_fill", dark=mode == "dark")
    assert actual["page_fill"].lower() == body.lower()
