"""Livery against the real Gradio package: same variables, same values, theme files both ways.

Gradio's values are resolved here independently of Livery: a variable's value in dark mode is
its ``_dark`` attribute unless that is ``None``, surrounding space and one trailing ``;`` go
(Gradio's own themes end some values with it, where it only ends the CSS declaration early),
and each ``*name`` is replaced by the resolved value of ``name`` in the same mode.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import gradio as gr
import pytest

import livery
import livery.themes
from livery.theme.catalogue import LIVERY_DARK_TWINS, VARIABLES

pytestmark = pytest.mark.interop

REFERENCE = Path(__file__).parent / "reference"
BUILTINS = ("Base", "Default", "Soft", "Glass", "Monochrome", "Origin", "Citrus", "Ocean",
            "Ember", "Cyberpunk", "Neon", "Mario")  # fmt: skip
"""Gradio 6.31's twelve built-in themes; each has a Livery class and a library file."""
NAMES = tuple(variable.name for variable in VARIABLES)
METADATA = {"name", "description", "tags", "author"}
_STAR = re.compile(r"\*(\w+)")

Table = dict[tuple[str, bool], str]


def gradio_literal(theme: Any, name: str, dark: bool, chain: tuple[str, ...] = ()) -> str:
    """The value ``name`` has in a Gradio theme object, every ``*reference`` followed."""
    if name in chain:
        raise AssertionError(f"Gradio theme has a reference cycle: {' → '.join([*chain, name])}")
    value = getattr(theme, f"{name}_dark", None) if dark else None
    if value is None:
        value = getattr(theme, name)
    text = str(value).strip()
    if text.endswith(";"):
        text = text[:-1].rstrip()
    return _STAR.sub(lambda match: gradio_literal(theme, match[1], dark, (*chain, name)), text)


def gradio_table(theme: Any) -> Table:
    return {
        (name, dark): gradio_literal(theme, name, dark) for name in NAMES for dark in (False, True)
    }


def livery_table(theme: livery.Theme) -> Table:
    return {
        (name, dark): theme.literal(name, dark=dark) for name in NAMES for dark in (False, True)
    }


def mismatches(expected: Table, actual: Table, expected_label: str, actual_label: str) -> str:
    """Every differing value on its own line, for one assertion message."""
    lines = [
        f"  {name}{' (dark)' if dark else ''}: {expected_label} {expected[name, dark]!r}, "
        f"{actual_label} {actual.get((name, dark))!r}"
        for (name, dark) in expected
        if actual.get((name, dark)) != expected[name, dark]
    ]
    return f"{len(lines)} of {len(expected)} values differ:\n" + "\n".join(lines)


def comparable(theme: livery.Theme) -> dict[str, Any]:
    return theme.model_dump(exclude=METADATA)


# --- the variables ------------------------------------------------------------------------


def reference_names() -> list[str]:
    lines = (REFERENCE / "gradio-css-variables.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip()]


def test_reference_file_matches_the_installed_gradio() -> None:
    assert gr.__version__ == "6.31.0"
    light_block = gr.themes.Base()._get_theme_css().split(":root {", 1)[1].split("}", 1)[0]
    emitted = re.findall(r"^\s*(--[\w-]+):", light_block, flags=re.MULTILINE)
    # Gradio also writes its theme's name and custom CSS as variables; neither is a theme value.
    assert emitted[:2] == ["--name", "--custom-css"]
    assert emitted[2:] == reference_names()


def test_catalogue_lists_gradios_variables_in_order() -> None:
    names = reference_names()
    assert len(names) == 219
    assert all(name.startswith("--") for name in names)
    assert ["--" + variable.name.replace("_", "-") for variable in VARIABLES] == names
    assert len({variable.name for variable in VARIABLES}) == 219


def test_dark_twins_are_gradios_and_livery_adds_only_its_listed_ones() -> None:
    with_dark = {variable.name for variable in VARIABLES if variable.has_dark}
    assert set(LIVERY_DARK_TWINS) == {"color_accent"}
    assert with_dark >= LIVERY_DARK_TWINS
    base = gr.themes.Base()
    gradios = {name for name in NAMES if hasattr(base, f"{name}_dark")}
    assert len(gradios) == 104
    assert with_dark - LIVERY_DARK_TWINS == gradios


# --- built-in themes ----------------------------------------------------------------------


@pytest.mark.parametrize("name", BUILTINS)
def test_builtin_resolves_like_gradio(name: str) -> None:
    expected = gradio_table(getattr(gr.themes, name)())
    actual = livery_table(getattr(livery.themes, name)())
    assert len(expected) == 2 * 219
    assert actual == expected, mismatches(expected, actual, "Gradio", "Livery")


@pytest.mark.parametrize("name", BUILTINS)
def test_library_name_loads_gradios_theme(name: str) -> None:
    """A Gradio user writes ``Theme.load("ember")`` for ``gr.themes.Ember``: the library name
    is the class name in lower case, and it loads the same theme as the class."""
    expected = gradio_table(getattr(gr.themes, name)())
    loaded = livery.Theme.load(name.lower())
    actual = livery_table(loaded)
    assert actual == expected, mismatches(expected, actual, "Gradio", "Livery")
    assert comparable(loaded) == comparable(getattr(livery.themes, name)())
    assert getattr(livery.themes, name)().name == name.lower() == getattr(gr.themes, name)().name


@pytest.mark.parametrize("name", BUILTINS)
def test_builtin_custom_css_is_gradios(name: str) -> None:
    """Gradio appends a theme's ``custom_css`` to its stylesheet (Mario's tiles and coins)."""
    expected = getattr(gr.themes, name)().custom_css or ""
    assert getattr(livery.themes, name)().custom_css == expected
    assert livery.Theme.load(name.lower()).custom_css == expected


@pytest.mark.parametrize("name", BUILTINS)
def test_export_loads_in_gradio_with_the_same_values(name: str) -> None:
    theme = getattr(livery.themes, name)()
    data = json.loads(json.dumps(theme.to_gradio()))  # what a .json file would hold
    expected = livery_table(theme)
    for loader in (gr.themes.Base.from_dict, gr.Theme.from_dict):
        loaded = loader(data)
        assert isinstance(loaded, gr.themes.Base)
        actual = gradio_table(loaded)
        assert actual == expected, mismatches(expected, actual, "Livery", f"{loader.__qualname__}")
        loaded._get_theme_css()  # and Gradio can compile it


@pytest.mark.parametrize("name", BUILTINS)
def test_gradio_dump_imports_as_the_builtin(name: str, tmp_path: Path) -> None:
    gradio_theme = getattr(gr.themes, name)()
    expected = comparable(getattr(livery.themes, name)())

    from_dict = livery.Theme.from_gradio(gradio_theme.to_dict())
    assert comparable(from_dict) == expected

    path = tmp_path / f"{name.lower()}.json"
    gradio_theme.dump(str(path))
    assert path.stat().st_size > 0
    from_file = livery.Theme.from_gradio(path)
    assert comparable(from_file) == expected
    assert livery_table(from_file) == gradio_table(gradio_theme)


def test_reference_default_json_imports_as_default() -> None:
    imported = livery.Theme.from_gradio(REFERENCE / "gradio-default-theme.json")
    assert comparable(imported) == comparable(livery.themes.Default())
    assert imported.overrides == livery.themes.Default().overrides


_FONT_FACE = re.compile(
    r"@font-face\s*\{\s*font-family: '([^']+)';\s*src: url\('([^']+)'\) format\('woff2'\);"
    r"\s*font-weight: (\d+);"
)


def test_builtin_font_classes_are_gradios() -> None:
    """Built-ins keep Gradio's font classes and weights (they once all became plain ``Font``)."""

    def described(stack: Any) -> list[tuple[str, str, tuple[int, ...] | None]]:
        return [
            ("str", entry, None)
            if isinstance(entry, str)
            else (type(entry).__name__, entry.name, tuple(getattr(entry, "weights", ()) or ()))
            for entry in stack
        ]

    problems = []
    for name in BUILTINS:
        gradio_theme, theme = getattr(gr.themes, name)(), getattr(livery.themes, name)()
        for stack in ("font", "font_mono"):
            expected = described(getattr(gradio_theme, f"_{stack}"))
            actual = described(getattr(theme, stack))
            if actual != expected:
                problems.append(f"{name}.{stack}: Gradio {expected}, Livery {actual}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", BUILTINS)
def test_builtin_font_faces_are_gradios(name: str) -> None:
    # Gradio writes one rule per font and weight, twice when font and font_mono are one font.
    found = _FONT_FACE.findall(getattr(gr.themes, name)()._get_theme_css())
    actual = set(_FONT_FACE.findall(getattr(livery.themes, name)().css()))
    assert len(found) >= 2
    assert actual == set(found)


# --- .set() ---------------------------------------------------------------------------------


def test_set_resets_the_background_fills_as_gradio_does() -> None:
    # Gradio's .set() reads four variables under names that do not exist and falls back to
    # Base's values, so setting one variable undoes the theme's own background choices.
    # livery.themes follows it by default (switching the import changes no pixel) ...
    assert gr.themes.Soft().background_fill_primary == "*neutral_50"
    gradio_soft = gr.themes.Soft().set(loader_color="red")
    assert gradio_soft.background_fill_primary == "white"
    soft = livery.themes.Soft().set(loader_color="red")
    assert soft.value("background_fill_primary") == "white"
    assert livery_table(soft) == gradio_table(gradio_soft)
    (reset,) = soft.gradio_resets
    assert (reset.variable, reset.was, reset.now) == (
        "background_fill_primary",
        "*neutral_50",
        "white",
    )
    assert reset.where == f"{__file__}:{_line_of('soft = livery.themes.Soft().set(')}"

    gradio_glass = gr.themes.Glass().set(loader_color="red")
    assert gradio_glass.background_fill_secondary == "*neutral_50"
    glass = livery.themes.Glass().set(loader_color="red")
    assert livery_table(glass) == gradio_table(gradio_glass)
    assert glass.semantics == "gradio"

    # ... and Livery's semantics, asked for, change only what is passed.
    clean = livery.themes.Soft(semantics="livery").set(loader_color="red")
    assert clean.value("background_fill_primary") == "*neutral_50"
    assert clean.gradio_resets == () and clean.semantics == "livery"
    clean_glass = livery.themes.Glass(semantics="livery").set(loader_color="red")
    assert clean_glass.value("background_fill_secondary") == "*secondary_100"
    assert clean_glass.value("background_fill_secondary_dark") == "*secondary_800"
    # passing the fills keeps them in both semantics, as in Gradio
    kept = livery.themes.Soft().set(loader_color="red", background_fill_primary="*neutral_50")
    assert kept.value("background_fill_primary") == "*neutral_50" and kept.gradio_resets == ()


def _line_of(text: str) -> int:
    lines = Path(__file__).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def _set_changes(before: Any, after: Any, read: Any) -> set[str]:
    keys = [
        *NAMES,
        *(f"{v.name}_dark" for v in VARIABLES if v.has_dark and v.name not in LIVERY_DARK_TWINS),
    ]
    return {key for key in keys if read(before, key) != read(after, key)}


RESET_BY_SET = {"Soft", "Glass", "Monochrome", "Citrus", "Ember", "Cyberpunk", "Neon", "Mario"}
"""The built-ins whose background fills Gradio's ``.set()`` resets."""


def test_the_reset_reaches_eight_builtins_in_gradio_and_in_livery() -> None:
    affected = {
        name: _set_changes(
            getattr(gr.themes, name)(),
            getattr(gr.themes, name)().set(loader_color="red"),
            getattr,
        )
        for name in BUILTINS
    }
    assert {name for name, changed in affected.items() if changed != {"loader_color"}} == (
        RESET_BY_SET
    )
    for name in BUILTINS:
        theme = getattr(livery.themes, name)().set(loader_color="red")
        assert bool(theme.gradio_resets) == (name in RESET_BY_SET), name
        expected = gradio_table(getattr(gr.themes, name)().set(loader_color="red"))
        actual = livery_table(theme)
        assert actual == expected, mismatches(expected, actual, "Gradio", "Livery")


@pytest.mark.parametrize("name", BUILTINS)
def test_livery_semantics_change_only_what_is_set(name: str) -> None:
    before = getattr(livery.themes, name)(semantics="livery")
    after = getattr(livery.themes, name)(semantics="livery").set(loader_color="red")
    changed = _set_changes(before, after, lambda theme, key: theme.value(key))
    if "loader_color_dark" in before.overrides:
        # The theme chose its own dark value (Ember, Cyberpunk, Neon): it stays, as in Gradio.
        assert changed == {"loader_color"}
        gradio_after = getattr(gr.themes, name)().set(loader_color="red")
        assert after.value("loader_color_dark") == gradio_after.loader_color_dark
        assert after.literal("loader_color") == "red"
        return
    assert changed == {"loader_color", "loader_color_dark"}  # the dark twin follows the light
    assert after.value("loader_color_dark") == "red"
    assert after.literal("loader_color") == after.literal("loader_color", dark=True) == "red"


def test_zero_and_empty_are_ignored_as_by_gradio_and_values_in_livery_semantics() -> None:
    base = gr.themes.Base()
    ignored = gr.themes.Base().set(
        block_border_width=0, block_title_padding="", block_label_padding=""
    )
    assert ignored.block_border_width == base.block_border_width == "1px"
    assert ignored.block_title_padding == base.block_title_padding == "0"
    assert ignored.block_label_padding == base.block_label_padding == "*spacing_sm *spacing_lg"
    assert "--block-border-width: 1px;" in ignored._get_theme_css()
    same = livery.themes.Base().set(
        block_border_width=0, block_title_padding="", block_label_padding=""
    )
    assert livery_table(same) == gradio_table(ignored)

    theme = livery.themes.Base(semantics="livery").set(block_border_width=0, block_title_padding="")
    assert theme.value("block_border_width") == "0"
    assert theme.value("block_title_padding") == ""
    assert theme.literal("block_border_width", dark=True) == "0"
    css = theme.css()
    assert "\n  --block-border-width: 0;\n" in css
    assert "\n  --block-title-padding: ;\n" in css
    assert livery.Theme().set(block_label_padding="").value("block_label_padding") == ""


def test_none_on_a_dark_attribute_means_the_light_value_as_in_gradio() -> None:
    gradio, theme = gr.themes.Soft(), livery.themes.Soft()
    for target in (gradio, theme):
        target.block_label_text_color_dark = None  # Soft's own dark value was white
        target.block_label_text_color = "*secondary_700"
    assert theme.literal("block_label_text_color", dark=True) == theme.literal(
        "secondary_700", dark=True
    )
    light, dark_only = _served_blocks(gradio._get_theme_css())
    # Gradio: the light value, re-declared in the dark block
    assert dark_only["block-label-text-color"] == light["block-label-text-color"]
    assert theme.literal("block_label_text_color", dark=True) == gradio_literal(
        gradio, "block_label_text_color", dark=False
    )
    assert light["block-label-text-color"] == "var(--secondary-700)"
    # files have no None: they write the value it stands for, and read back the same look
    again = livery.Theme.from_toml(theme.to_toml())
    assert livery_table(again) == livery_table(theme)
    assert gr.Theme.from_dict(theme.to_dict())._get_computed_value(
        "block_label_text_color_dark"
    ) == theme.literal("block_label_text_color", dark=True)
    # .set(x_dark=None) leaves the value as it is, in Gradio and Livery
    assert (
        livery.themes.Soft()
        .set(block_label_text_color_dark=None)
        .value("block_label_text_color_dark")
        == gr.themes.Soft().set(block_label_text_color_dark=None).block_label_text_color_dark
    )


def _served_blocks(css: str) -> tuple[dict[str, str], dict[str, str]]:
    def declarations(block: str) -> dict[str, str]:
        pairs = (line.strip().rstrip(";").split(":", 1) for line in block.splitlines())
        return {key.strip()[2:]: value.strip() for key, value in (p for p in pairs if len(p) == 2)}

    light = css.split(":root {", 1)[1].split("}", 1)[0]
    dark = css.split(":root.dark, :root .dark {", 1)[1].split("}", 1)[0]
    return declarations(light), declarations(dark)


def test_gradio_constructors_give_gradio_semantics() -> None:
    data = gr.themes.Soft().to_dict()
    assert livery.themes.Base.from_dict(data).semantics == "gradio"  # gr.Theme is Base
    assert livery.Theme.from_dict(data).semantics == "livery"
    assert livery.Theme.load("soft").semantics == "livery"
    loaded = livery.themes.Base.from_dict(data).set(loader_color="red")
    expected = gradio_table(gr.Theme.from_dict(data).set(loader_color="red"))
    assert livery_table(loaded) == expected, mismatches(expected, livery_table(loaded), "G", "L")
    # the contrast repair changes only what it repairs, whatever the semantics
    fixed = livery.themes.Soft().set(background_fill_primary="*neutral_50").repair_contrast()
    assert fixed.theme.value("background_fill_primary") != "white"


# --- size -------------------------------------------------------------------------------------


def test_css_is_at_least_a_quarter_smaller_than_gradios() -> None:
    livery_bytes = len(livery.themes.Default().css().encode())
    gradio_bytes = len(gr.themes.Default()._get_theme_css().encode())
    assert gradio_bytes > 15_000
    assert livery_bytes <= 0.75 * gradio_bytes, (livery_bytes, gradio_bytes)


def test_a_dark_accent_reaches_gradio_through_livery_and_through_its_json(
    tmp_path: Path,
) -> None:
    theme = livery.themes.Default().set(color_accent_dark="#fdba74")
    light, dark = _blocks(theme._get_theme_css())
    assert "--color-accent: var(--primary-500)" in light or "--color-accent: #f97316" in light
    assert "--color-accent: #fdba74;" in dark
    path = tmp_path / "accent.json"
    theme.dump(str(path))
    _, gradio_dark = _blocks(gr.themes.Base.load(str(path))._get_theme_css())
    assert "--color-accent: #fdba74;" in gradio_dark
    untouched_dark = _blocks(livery.themes.Default()._get_theme_css())[1]
    assert "--color-accent:" not in untouched_dark  # left alone: exactly Gradio's output


def _blocks(css: str) -> tuple[str, str]:
    """The light (``:root``) and dark (``.dark``) blocks of a theme stylesheet."""
    start = css.index(".dark")
    return css[:start], css[start:]
