"""Themes grown from seed colours get accessible defaults; named hues keep Gradio's."""

from __future__ import annotations

import re

import pytest

import livery.themes
from livery.theme.catalogue import BY_NAME, VARIABLES
from livery.theme.palettes import SHADES

SEED_TRIPLES = {
    "violet/teal/slate": ("#8b5cf6", "#14b8a6", "#64748b"),
    "yellow/blue/grey": ("#facc15", "hsl(221 83% 53%)", "#808080"),
    "green/amber/stone": ("oklch(0.63 0.17 149)", "#f59e0b", "#78716c"),
    "red/red/zinc": ("#ef4444", "rgb(220 38 38)", "#71717a"),
    "near-black/grey/grey": ("#0a0a0a", "#6b6b6b", "#9a9a9a"),
}
SHADE_REFERENCE = re.compile(r"\*(primary|secondary|neutral)_(\d+)")
REFERENCE = re.compile(r"\*(\w+)")
GRADIO_DEFAULT = {
    (v.name, dark): (v.dark if dark and isinstance(v.dark, str) else v.light)
    for v in VARIABLES
    if isinstance(v.light, str)
    for dark in (False, True)
}
"""Gradio's default value of every (non-core) variable in each mode, as written."""


def seeded(triple: tuple[str, str, str]) -> livery.Theme:
    primary, secondary, neutral = triple
    return livery.themes.Base(primary_hue=primary, secondary_hue=secondary, neutral_hue=neutral)


def palette_role(name: str, dark: bool) -> str | None:
    """The hue Gradio's default for ``name`` is a shade of, following references."""
    raw = GRADIO_DEFAULT[(name, dark)]
    match = SHADE_REFERENCE.fullmatch(raw)
    if match:
        return match[1]
    match = REFERENCE.fullmatch(raw)
    return palette_role(match[1], dark) if match else None


def passes_in(theme: livery.Theme, mode: str) -> bool:
    """Whether every pair of ``theme`` passes AA in ``mode``."""
    return not [check for check in theme.audit("AA").failures if check.mode == mode]


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("triple", SEED_TRIPLES.values(), ids=SEED_TRIPLES)
def test_seed_themes_pass_aa_in_both_modes(triple, mode: str) -> None:
    report = seeded(triple).audit("AA")
    failures = [c for c in report.failures if c.mode == mode]
    assert not failures, [(c.pair.label, c.foreground, c.background, c.ratio) for c in failures]
    assert report.grade in ("AA", "AAA")


@pytest.mark.parametrize("triple", SEED_TRIPLES.values(), ids=SEED_TRIPLES)
def test_seed_themes_use_their_seed_palettes(triple) -> None:
    theme = seeded(triple)
    for role, seed in zip(("primary", "secondary", "neutral"), triple):
        assert getattr(theme, f"{role}_hue").seed == seed
        assert [theme.value(f"{role}_{shade}") for shade in SHADES] == livery.palette(seed).expand()


@pytest.mark.parametrize("mode", ["dark", "light"])
@pytest.mark.parametrize("triple", SEED_TRIPLES.values(), ids=SEED_TRIPLES)
def test_changed_defaults_are_palette_references_where_possible(triple, mode: str) -> None:
    dark = mode == "dark"
    theme = seeded(triple)
    resolved = theme.resolved()
    table = resolved.dark if dark else resolved.light
    changed = {
        name: value.raw
        for name, value in table.items()
        if (name, dark) in GRADIO_DEFAULT and value.raw != GRADIO_DEFAULT[(name, dark)]
    }
    assert changed, "a seed theme should move some of Gradio's failing defaults"
    avoidable = []
    for name, raw in changed.items():
        if REFERENCE.fullmatch(raw):
            continue
        role = palette_role(name, dark)
        if role is None:
            continue
        setting = f"{name}_dark" if dark and BY_NAME[name].has_dark else name
        usable = [
            f"*{role}_{shade}"
            for shade in SHADES
            if passes_in(seeded(triple).set(**{setting: f"*{role}_{shade}"}), mode)
        ]
        if usable:
            avoidable.append(f"{name}: {GRADIO_DEFAULT[(name, dark)]} → {raw} ({usable} pass)")
    assert not avoidable, "literal colours where a palette shade passes: " + "; ".join(avoidable)


@pytest.mark.parametrize("triple", SEED_TRIPLES.values(), ids=SEED_TRIPLES)
def test_seed_theme_dark_mode_is_mostly_palette_references(triple) -> None:
    dark = seeded(triple).resolved().dark
    moved = [
        name
        for name, value in dark.items()
        if (name, True) in GRADIO_DEFAULT and value.raw != GRADIO_DEFAULT[(name, True)]
    ]
    shades = [name for name in moved if SHADE_REFERENCE.fullmatch(dark[name].raw)]
    assert len(shades) >= len(moved) / 2, {name: dark[name].raw for name in moved}


def test_a_seed_themes_own_overrides_still_win() -> None:
    theme = seeded(SEED_TRIPLES["violet/teal/slate"]).set(
        button_primary_background_fill="*primary_500", link_text_color_dark="*secondary_600"
    )
    assert theme.value("button_primary_background_fill") == "*primary_500"
    assert theme.value("link_text_color_dark") == "*secondary_600"


@pytest.mark.parametrize(
    "hues",
    [("blue", "blue", "zinc"), ("orange", "blue", "zinc"), ("red", "teal", "stone"),
     ("yellow", "violet", "slate")],
)  # fmt: skip
def test_named_hue_themes_keep_gradios_exact_defaults(hues) -> None:
    primary, secondary, neutral = hues
    theme = livery.themes.Base(primary_hue=primary, secondary_hue=secondary, neutral_hue=neutral)

    def value(name: str, dark: bool) -> str:
        return theme.value(f"{name}_dark" if dark and BY_NAME[name].has_dark else name)

    different = {
        (name, dark): (value(name, dark), default)
        for (name, dark), default in GRADIO_DEFAULT.items()
        if value(name, dark) != default
    }
    assert not different
    assert not theme.audit().passed  # Gradio's defaults fail, and are kept as they are


def test_base_equals_the_gradio_parity_file() -> None:
    same = {"exclude": {"name"}}  # the classes have Gradio's names ("base"), files titles
    assert livery.themes.Base().model_dump(**same) == livery.Theme.load("base").model_dump(**same)
    assert livery.themes.Base().css() == livery.Theme.load("base").css()
    default = livery.themes.Default().model_dump(**same)
    assert default == livery.Theme.load("default").model_dump(**same)


def test_named_hues_match_gradio_itself() -> None:
    import gradio as gr

    ours = livery.themes.Base(primary_hue="red", secondary_hue="teal", neutral_hue="stone")
    theirs = gr.themes.Base(primary_hue="red", secondary_hue="teal", neutral_hue="stone")

    def gradio_literal(name: str, dark: bool) -> str:
        value = getattr(theirs, f"{name}_dark", None) if dark else None
        text = str(getattr(theirs, name) if value is None else value).strip().rstrip(";")
        return REFERENCE.sub(lambda match: gradio_literal(match[1], dark), text.strip())

    mismatched = [
        (variable.name, dark)
        for variable in VARIABLES
        for dark in (False, True)
        if ours.literal(variable.name, dark) != gradio_literal(variable.name, dark)
    ]
    assert not mismatched
