"""Sources, cards and the registry without a server: every bad file becomes an error card."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

import livery
from livery.errors import ThemeBuilderError
from livery.gallery import cards, hues, snippets
from livery.gallery.builder import Builder
from livery.gallery.registry import Registry
from livery.gallery.sources import collect, is_theme_file
from livery.theme.palettes import NAMED

from .conftest import XSS_NAME, good_theme, write_hostile


def test_collect_lists_builtins_then_folders(tmp_path: Path) -> None:
    (tmp_path / "mine.toml").write_text(good_theme("Mine"))
    (tmp_path / "dump.json").write_text(livery.themes.Soft().to_gradio().__repr__())
    (tmp_path / ".hidden.toml").write_text(good_theme())
    (tmp_path / "notes.txt").write_text("not a theme")
    sources = collect([tmp_path, tmp_path])
    labels = [source.label for source in sources]
    assert labels[:2] == ["aurora", "base"]
    assert labels[-2:] == ["dump.json", "mine.toml"]
    assert len(labels) == len(set(source.key for source in sources))
    assert not is_theme_file("~mine.toml") and not is_theme_file(".#mine.toml")


def test_every_hostile_file_is_a_card_not_an_exception(tmp_path: Path) -> None:
    files = write_hostile(tmp_path)
    registry = Registry([tmp_path], include_library=False)
    found = {card.label: card for card in registry.complete()}
    assert set(found) == set(files)
    assert found["xss.toml"].ok and found["xss.toml"].name == XSS_NAME
    assert found["google-font.toml"].ok
    for label, card in found.items():
        if label in ("xss.toml", "google-font.toml"):
            continue
        assert card.error, f"{label} ({files[label]}) should be an error card"
        assert "\n" not in card.error
        assert len(card.short_error) <= cards.MAX_REASON_CHARS
    assert "10.5 MB" in found["huge.toml"].error or "MB" in found["huge.toml"].error
    assert "not valid TOML" in found["invalid.toml"].error
    assert "v0" in found["chain.toml"].error
    assert "cycle" in found["cycle.toml"].error
    assert "';'" in found["breakout.toml"].error or ";" in found["breakout.toml"].error


def test_a_long_reference_chain_fails_fast(tmp_path: Path) -> None:
    write_hostile(tmp_path)
    for name in ("chain.toml", "cycle.toml"):
        folder = tmp_path / name.removesuffix(".toml")
        folder.mkdir()
        (tmp_path / name).rename(folder / name)
        started = time.perf_counter()
        (card,) = Registry([folder], include_library=False).complete()
        assert time.perf_counter() - started < 2
        assert card.error is not None
        assert "cycle" in card.error or "not a theme variable" in card.error


def test_slugs_are_safe_and_unique() -> None:
    assert cards.slugify("Ünïcode Théme!") == "unicode-theme"
    assert cards.slugify("<script>alert(1)</script>") == "script-alert-1-script"
    assert cards.slugify("...") == "theme"
    assert cards.unique_slug("soft", {"soft", "soft-2"}) == "soft-3"
    assert cards.unique_slug("scoped", set()) == "scoped-2"


def test_same_stem_in_two_folders_gets_two_slugs(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "soft.toml").write_text(good_theme("A"))
    (tmp_path / "b" / "soft.toml").write_text(good_theme("B"))
    registry = Registry([tmp_path / "a", tmp_path / "b"])
    slugs = [card.slug for card in registry.cards()]
    assert len(slugs) == len(set(slugs))
    assert {"soft", "soft-2", "soft-3"} <= set(slugs)
    assert all(set(slug) <= set("abcdefghijklmnopqrstuvwxyz0123456789-") for slug in slugs)


def test_hue_families() -> None:
    assert hues.family(NAMED["rose"]) == "rose"
    assert hues.family(NAMED["slate"]) == hues.NEUTRAL
    assert hues.family(livery.palette("#7c3aed")) == "violet"
    assert hues.family(livery.palette("#0d9488")) == "teal"
    assert hues.family(livery.palette("#777777")) == hues.NEUTRAL


def test_cards_of_the_builtins() -> None:
    registry = Registry()
    found = {card.slug: card for card in registry.complete()}
    soft = found["soft"]
    assert soft.family == "indigo" and soft.grade in cards.GRADES
    assert soft.swatches["primary"][5] == "#6366f1"
    assert all(len(shades) == 11 for shades in soft.swatches.values())
    assert soft.gradio_class == "Soft" and found["aurora"].gradio_class is None
    assert "Montserrat" in soft.fonts["font"]


def test_registry_sees_changes_and_deletions(tmp_path: Path) -> None:
    path = tmp_path / "live.toml"
    path.write_text(good_theme("First"))
    registry = Registry([tmp_path], include_library=False)
    (card,) = registry.cards()
    assert card.name == "First"
    version = registry.version
    assert not registry.scan()
    path.write_text(good_theme("Second, longer"))
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 10_000_000))
    assert registry.scan() and registry.version > version
    (card,) = registry.cards()
    assert card.name == "Second, longer" and card.slug == "live"
    path.unlink()
    assert registry.scan()
    assert registry.cards() == []


def test_background_worker_grades_everything(tmp_path: Path) -> None:
    registry = Registry()
    registry.start()
    try:
        assert registry.wait(30)
        assert all(card.grade for card in registry.cards())
    finally:
        registry.stop()


def test_snippets_run() -> None:
    registry = Registry()
    for slug in ("soft", "aurora"):
        card = registry.card(slug)
        assert card is not None
        namespace: dict[str, object] = {}
        exec(snippets.livery_snippet(card), namespace)
        assert isinstance(namespace["theme"], livery.Theme)
        same = {"exclude": {"name"}}  # livery.themes.Soft() has Gradio's name, "soft"
        assert namespace["theme"].model_dump(**same) == registry.theme(slug).model_dump(**same)


def test_builder_applies_settings_through_the_engine() -> None:
    registry = Registry()
    builder = Builder(registry)
    request = {
        "from": "soft",
        "name": "Rosy",
        "settings": {"primary_hue": "rose", "radius_size": "lg", "secondary_hue": "#0d9488"},
        "variables": {"link_text_color": "*secondary_600", "block_radius": ""},
    }
    built = builder.build(request)
    from_toml = livery.Theme.from_toml(built.toml)
    namespace: dict[str, object] = {}
    exec(built.python, namespace)
    assert namespace["theme"] == from_toml
    assert from_toml.name == "Rosy" and from_toml.primary_hue == NAMED["rose"]
    assert from_toml.value("link_text_color") == "*secondary_600"
    assert ".lv-builder{" in built.css and built.grade in cards.GRADES


@pytest.mark.parametrize(
    ("request_data", "message"),
    [
        ({"from": "soft", "variables": {"body_text_color": "red;}"}}, "body_text_color"),
        ({"from": "soft", "variables": {"nope": "red"}}, "not a theme variable"),
        ({"from": "soft", "settings": {"primary_hue": "no-such"}}, "primary_hue"),
        ({"from": "soft", "settings": {"font": "comic"}}, "font"),
        ({"from": "nope"}, "no theme"),
        ({"from": "soft", "evil": 1}, "unknown field"),
        ([], "JSON object"),
    ],
)
def test_builder_errors_are_one_line(request_data: object, message: str) -> None:
    with pytest.raises(livery.LiveryError) as caught:
        Builder(Registry()).build(request_data)
    assert message in str(caught.value) and "\n" not in str(caught.value)
    assert isinstance(caught.value, (ThemeBuilderError, livery.ThemeError))


def test_installed_theme_packages_show_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A package declaring ``livery.themes`` entry points is a source; a broken one is an
    error card."""
    (tmp_path / "fancy_themes.py").write_text(
        "import livery\n"
        "def fancy():\n"
        "    return livery.themes.Base(primary_hue='pink', name='Fancy')\n"
        "def broken():\n"
        "    raise RuntimeError('boom')\n"
    )
    info = tmp_path / "fancy_themes-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: fancy-themes\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(
        "[livery.themes]\nfancy = fancy_themes:fancy\nbroken = fancy_themes:broken\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    found = {card.slug: card for card in Registry().complete()}
    assert found["fancy"].ok and found["fancy"].origin == "fancy-themes"
    assert found["fancy"].family == "pink"
    assert found["broken"].error and "boom" in found["broken"].error
    assert snippets.load_expression(found["fancy"]) == 'livery.Theme.load("fancy")'
