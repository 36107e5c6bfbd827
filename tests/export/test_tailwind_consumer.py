"""The Tailwind export as a Tailwind v4 user consumes it: the real ``@tailwindcss/cli``
compiles a page's classes with the export imported, and Chromium shows the page next to the
Livery stylesheet. Namespaced (the default) must leave Tailwind's own scales as Tailwind
ships them; replace must give Tailwind's names the theme's values."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest

import livery
from livery.theme.export import tailwind
from tests.export import tailwind_npm

THEME = "ocean"
"""Its text-sm (12px), radius-md and neutral-500 all differ from Tailwind's."""

CLASSES = {
    "text-sm": "text-sm",
    "text-lg": "text-lg",
    "rounded-md": "rounded-md",
    "neutral": "bg-neutral-500",
    "primary": "bg-primary-500",
    "switch": "bg-secondary-500 dark:bg-primary-500",
    "fill": "bg-background-fill-primary",
    "text-lv-sm": "text-lv-sm",
    "rounded-lv-md": "rounded-lv-md",
    "lv-neutral": "bg-lv-neutral-500",
    "p-lv-md": "p-lv-md",
}
"""Probe id → its classes; the page has every probe once outside ``.dark`` and once inside."""

_STYLE = """(el) => { const s = getComputedStyle(el);
  return {fontSize: s.fontSize, radius: s.borderTopLeftRadius, background: s.backgroundColor,
          padding: s.paddingTop}; }"""
_AS_COMPUTED = """([property, value, dark]) => {
  const el = document.createElement("div");
  el.style.setProperty(property, value);
  document.getElementById(dark ? "dark" : "light").append(el);
  const out = getComputedStyle(el).getPropertyValue(property);
  el.remove();
  return out;
}"""


def _page(compiled: str, dark_class: bool = True) -> str:
    probes = "".join(
        f'<div id="{{scope}}-{key}" class="{html.escape(classes)}">x</div>'
        for key, classes in CLASSES.items()
    )
    return (
        "<!doctype html><html><head>"
        f"<style>{livery.Theme.load(THEME).css()}</style><style>{compiled}</style>"
        f'</head><body><div id="light">{probes.format(scope="light")}</div>'
        f'<div id="dark" class="dark">{probes.format(scope="dark")}</div></body></html>'
    )


@pytest.fixture(scope="module")
def tailwind_cache(request: pytest.FixtureRequest, node_or_skip: None) -> Path:
    return tailwind_npm.install(request.config.cache.mkdir("livery-tailwind-4.3.5"))


@pytest.fixture(scope="module")
def compiled(tailwind_cache: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Each mode's export compiled by the Tailwind CLI for the probes' classes."""
    theme = livery.Theme.load(THEME)
    markup = _page("")
    return {
        mode: tailwind_npm.compile_page(
            tailwind_cache,
            tmp_path_factory.mktemp(mode),
            markup,
            tailwind.export(theme.resolved(), name=theme.name, mode=mode),
        )
        for mode in tailwind.MODES
    }


def _styles(page: Any, compiled: str) -> dict[str, dict[str, str]]:
    page.set_content(_page(compiled))
    return {
        f"{scope}-{key}": page.locator(f"#{scope}-{key}").evaluate(_STYLE)
        for scope in ("light", "dark")
        for key in CLASSES
    }


def _computed(page: Any, property: str, value: str, dark: bool = False) -> str:
    """How Chromium computes ``value`` for ``property`` (so #10b981 compares to rgb(...))."""
    return page.evaluate(_AS_COMPUTED, [property, value, dark])


def _tailwind_default(cache: Path, name: str) -> str:
    match = re.search(rf"{re.escape(name)}:\s*([^;]+);", tailwind_npm.theme_css(cache))
    assert match, name
    return " ".join(match.group(1).split())


def test_the_defaults_the_export_repeats_are_tailwinds_own(tailwind_cache: Path) -> None:
    shipped = tailwind_npm.theme_css(tailwind_cache)
    tailwind_names = set(re.findall(r"^\s*(--[a-z0-9-]+):", shipped, re.MULTILINE))
    livery_names = set(re.findall(r"(--[a-z0-9-]+):", livery.Theme.load(THEME).css()))
    # exactly the names Livery's stylesheet would take from Tailwind, with Tailwind's values
    assert set(tailwind.TAILWIND_DEFAULTS) == tailwind_names & livery_names
    for name, value in tailwind.TAILWIND_DEFAULTS.items():
        assert _tailwind_default(tailwind_cache, name) == value


def test_namespaced_keeps_tailwinds_scales_and_adds_the_theme(
    page: Any, compiled: dict[str, str], tailwind_cache: Path
) -> None:
    theme = livery.Theme.load(THEME)
    styles = _styles(page, compiled["namespaced"])
    assert styles["light-text-sm"]["fontSize"] == "14px"
    assert styles["light-text-lg"]["fontSize"] == "18px"
    assert styles["light-rounded-md"]["radius"] == "6px"  # Tailwind's 0.375rem
    tailwind_neutral = _tailwind_default(tailwind_cache, "--color-neutral-500")
    assert styles["light-neutral"]["background"] == _computed(
        page, "background-color", tailwind_neutral
    )
    livery_neutral = _computed(page, "background-color", theme.literal("neutral_500"))
    assert styles["light-neutral"]["background"] != livery_neutral

    primary = _computed(page, "background-color", theme.literal("primary_500"))
    secondary = _computed(page, "background-color", theme.literal("secondary_500"))
    assert styles["light-primary"]["background"] == primary
    assert styles["light-switch"]["background"] == secondary
    assert styles["dark-switch"]["background"] == primary  # dark: follows the .dark class
    for scope, dark in (("light", False), ("dark", True)):
        fill = theme.literal("background_fill_primary", dark=dark)
        assert styles[f"{scope}-fill"]["background"] == _computed(
            page, "background-color", fill, dark
        )
    assert styles["light-fill"]["background"] != styles["dark-fill"]["background"]

    # the theme's own scales, under lv
    assert styles["light-text-lv-sm"]["fontSize"] == _computed(
        page, "font-size", theme.literal("text_sm")
    )
    assert styles["light-text-lv-sm"]["fontSize"] != "14px"
    assert styles["light-rounded-lv-md"]["radius"] == _computed(
        page, "border-top-left-radius", theme.literal("radius_md")
    )
    assert styles["light-lv-neutral"]["background"] == livery_neutral
    assert styles["light-p-lv-md"]["padding"] == _computed(
        page, "padding-top", theme.literal("spacing_md")
    )


def test_replace_gives_tailwinds_names_the_themes_values(
    page: Any, compiled: dict[str, str]
) -> None:
    theme = livery.Theme.load(THEME)
    styles = _styles(page, compiled["replace"])
    assert styles["light-text-sm"]["fontSize"] == _computed(
        page, "font-size", theme.literal("text_sm")
    )
    assert styles["light-text-sm"]["fontSize"] != "14px"
    assert styles["light-rounded-md"]["radius"] == _computed(
        page, "border-top-left-radius", theme.literal("radius_md")
    )
    assert styles["light-neutral"]["background"] == _computed(
        page, "background-color", theme.literal("neutral_500")
    )
    primary = _computed(page, "background-color", theme.literal("primary_500"))
    assert styles["light-primary"]["background"] == primary
    assert styles["dark-switch"]["background"] == primary
    # the lv names are namespaced mode's only: Tailwind generated nothing for them
    assert ".text-lv-sm" not in compiled["replace"]
