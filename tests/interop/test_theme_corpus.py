"""Themes people publish, as Gradio 6.31 loads them: every one imports into Livery and gives
Gradio's values.

The corpus (``theme_corpus/``, sources in its SOURCES.md) is real theme JSON kept in public
repositories. Gradio's values are read from the stylesheet Gradio serves for the file
(``Base.load(path)._get_theme_css()``), resolved here as a browser would: a ``var(--name)``
takes the value ``--name`` has in the same mode, and a ``var()`` naming no declared variable
(or a value the property cannot take, such as a bare word) makes the whole value invalid,
which the browser treats as no value, Livery's ``""``.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import warnings
from pathlib import Path

import gradio as gr
import pytest

import livery
from livery.errors import GradioLegacyKeyWarning
from livery.theme.catalogue import LEGACY, VARIABLES

pytestmark = pytest.mark.interop

CORPUS = Path(__file__).parent / "theme_corpus"
FILES = sorted(CORPUS.glob("*.json"))
NAMES = tuple(variable.name for variable in VARIABLES)
_DECLARATION = re.compile(r"--([\w-]+):\s*(.*?);\n")
_VAR = re.compile(r"var\(--([\w-]+)\)")
_BARE_WORD = re.compile(r"[A-Za-z_][\w-]*_[\w-]*")
"""A word with an underscore is a variable name written without ``*``: no CSS value."""


def _blocks(css: str) -> tuple[dict[str, str], dict[str, str]]:
    light_text, dark_text = css.split(":root.dark, :root .dark {", 1)
    light = dict(_DECLARATION.findall(light_text.split(":root {", 1)[1]))
    return light, dict(_DECLARATION.findall(dark_text))


def _resolve(name: str, table: dict[str, str], depth: int = 0) -> str | None:
    """The value of ``--name`` with every var() followed; ``None`` when it is invalid."""
    if depth > 50 or name not in table:
        return None
    text = table[name].strip()
    failed = False

    def follow(match: re.Match[str]) -> str:
        nonlocal failed
        inner = _resolve(match[1], table, depth + 1)
        if inner is None:
            failed = True
            return ""
        return inner

    text = _VAR.sub(follow, text)
    return None if failed or _BARE_WORD.fullmatch(text) else text


def gradio_values(path: Path) -> dict[tuple[str, bool], str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        light, dark = _blocks(gr.themes.Base.load(str(path))._get_theme_css())
    values = {}
    for name in NAMES:
        css = name.replace("_", "-")
        for mode, table in ((False, light), (True, dark)):
            found = _resolve(css, table)
            values[name, mode] = "" if found is None else found.removesuffix(";").strip()
    return values


def _load(path: Path) -> livery.Theme:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GradioLegacyKeyWarning)
        return livery.Theme.from_gradio(path, remote_urls=True)


def test_the_corpus_is_real_and_varied() -> None:
    sources = (CORPUS / "SOURCES.md").read_text(encoding="utf-8")
    assert len(FILES) >= 15
    repos = set()
    for path in FILES:
        row = next(line for line in sources.splitlines() if f"`{path.name}`" in line)
        repos.add(row.split("|")[2].strip())
    assert len(repos) >= 12


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.stem)
def test_each_published_theme_gives_gradios_values_in_both_modes(path: Path) -> None:
    theme = _load(path)
    expected = gradio_values(path)
    actual = {(name, dark): theme.literal(name, dark=dark) for name, dark in expected}
    differences = {key: (actual[key], value) for key, value in expected.items()
                   if " ".join(actual[key].split()) != " ".join(value.split())}  # fmt: skip
    assert not differences


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.stem)
def test_keys_gradio_6_no_longer_defines_are_named_and_come_back_out(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))["theme"]
    legacy = [key for key in data if key.removesuffix("_dark") in LEGACY]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        theme = livery.Theme.from_gradio(path, remote_urls=True)
    messages = [str(w.message) for w in caught if issubclass(w.category, GradioLegacyKeyWarning)]
    out = theme.to_gradio()["theme"]
    for key in legacy:
        assert any(key in message for message in messages)
        assert out[key] == data[key].strip()


_BLOCK = re.compile(r"(:root|:root\.dark, :root \.dark) \{\n(.*?)\n\}", re.S)


def _served(css: str) -> tuple[dict[str, str], dict[str, str]]:
    """Every ``:root`` declaration of a served sheet, and the dark mode's (over the light)."""
    light: dict[str, str] = {}
    dark: dict[str, str] = {}
    for selector, body in _BLOCK.findall(css):
        (light if selector == ":root" else dark).update(_DECLARATION.findall(body + "\n"))
    return light, {**light, **dark}


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.stem)
def test_gradio_serves_the_kept_keys_as_gradio_does(path: Path) -> None:
    """Gradio 6 serves a kept key (``--button-shadow``) though it reads none; a stylesheet or
    component of the app's own may, so the served value is Gradio's, in both modes."""
    data = json.loads(path.read_text(encoding="utf-8"))["theme"]
    kept = {key.removesuffix("_dark") for key in data if key.removesuffix("_dark") in LEGACY}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = _served(gr.themes.Base.load(str(path))._get_theme_css())
    ours = _served(_load(path)._get_theme_css())
    assert kept
    for key in sorted(kept):
        name = key.replace("_", "-")
        for mode in (0, 1):
            expected = _resolve(name, theirs[mode])
            assert expected is not None
            assert _resolve(name, ours[mode]) == expected.removesuffix(";").strip(), (key, mode)


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.stem)
def test_a_theme_file_keeps_what_the_gradio_file_had(path: Path) -> None:
    """``livery theme import`` → TOML → back: the kept keys (``[gradio_legacy]``), the values,
    the Gradio JSON and the served CSS all survive; the TOML needs the same trust as the JSON."""
    theme = _load(path)
    text = theme.to_toml()
    again = livery.Theme.from_toml(text, source="again.toml", remote_urls=True)
    assert again.to_gradio() == theme.to_gradio()
    assert again._get_theme_css() == theme._get_theme_css()
    if theme._legacy:
        assert "\n[gradio_legacy]\n" in text


def test_an_unknown_or_hostile_kept_key_is_one_line() -> None:
    for text, message in (
        ('[gradio_legacy]\nfoo = "red"\n', "x.toml: foo: is not a key of an earlier Gradio"),
        ('[gradio_legacy]\nbutton_shadow = "red;}"\n', "x.toml: button_shadow: contains ';'"),
    ):
        with pytest.raises(livery.ThemeFileError) as caught:
            livery.Theme.from_toml(text, source="x.toml")
        assert str(caught.value).startswith(message)


def test_the_command_line_trusts_the_users_own_file(tmp_path: Path) -> None:
    """A file named on your own command line is yours: its https image is kept, as Gradio
    keeps it (the gallery, showing strangers' themes, refuses it)."""
    source = tmp_path / "remote.json"
    source.write_text(json.dumps(REMOTE), encoding="utf-8")
    command = [sys.executable, "-m", "livery", "theme"]
    imported = subprocess.run(
        [*command, "import", str(source), "-o", str(tmp_path / "remote.toml")],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert imported.returncode == 0, imported.stderr
    built = subprocess.run(
        [*command, "build", str(tmp_path / "remote.toml")], capture_output=True, text=True,
        timeout=60,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    assert "url('https://example.org/faded.webp')" in built.stdout
    with pytest.raises(livery.InvalidValueError, match="remote_urls=True"):
        livery.Theme.load(tmp_path / "remote.toml")


REMOTE = {
    "theme": {
        "body_background_fill": "url('https://example.org/faded.webp') #fff no-repeat "
        "right bottom / auto 30svh",
    }
}


def test_a_remote_image_loads_in_the_users_own_code() -> None:
    theme = livery.Theme.from_gradio(REMOTE, remote_urls=True)
    assert "https://example.org/faded.webp" in theme.literal("body_background_fill")
    assert "https://example.org/faded.webp" in theme.css()
    assert "https://example.org/faded.webp" in theme.set(block_radius="2px").css()


@pytest.mark.parametrize("trusted", [False, None], ids=["strangers", "default"])
def test_a_remote_image_is_refused_unless_the_theme_is_trusted(trusted: bool | None) -> None:
    options = {} if trusted is None else {"remote_urls": trusted}
    with pytest.raises(livery.InvalidValueError) as refused:
        livery.Theme.from_gradio(REMOTE, **options)
    message = str(refused.value)
    assert "\n" not in message
    assert "body_background_fill" in message and "https://example.org/faded.webp" in message
    assert "remote https:// images need a theme you load in your own code" in message
