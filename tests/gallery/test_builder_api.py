"""The builder's server side over real HTTP: every download equals what ``livery theme
export`` writes for the same theme, errors name their field, the variable groups cover the
catalogue, and the full state fits the request cap."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import livery
from livery.gallery.builder import MAX_REQUEST_BYTES
from livery.gallery.builder.exports import EXPORTS
from livery.gallery.builder.groups import OWN_CONTROLS, grouped
from livery.theme import VARIABLES, Kind

from .conftest import Gallery

LIVERY = [sys.executable, "-m", "livery"]
STATE = {
    "from": "soft",
    "name": "Rose garden",
    "description": "Roses on Soft, with a teal seed",
    "settings": {"primary_hue": "rose", "secondary_hue": "#0d9488", "radius_size": "lg"},
    "variables": {
        "block_radius": "*radius_xxl",
        "body_text_color_dark": "#fafaf0",
        "primary_500": "#e11d48",
        "link_text_color": "*secondary_700",
    },
}
CLI_FORMATS = {
    "toml": ["-f", "toml"],
    "theme.css": ["-f", "css"],
    "gradio.json": ["-f", "gradio"],
    "scss": ["-f", "scss"],
    "tailwind.css": ["-f", "tailwind"],
    "tailwind-replace.css": ["-f", "tailwind", "--tailwind-mode", "replace"],
}


def cli_export(theme_file: Path, out: Path, *arguments: str) -> None:
    done = subprocess.run(
        [*LIVERY, "theme", "export", str(theme_file), *arguments, "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


def test_every_download_is_what_the_command_line_writes(gallery: Gallery, tmp_path: Path) -> None:
    state = json.dumps(STATE)
    downloads = {}
    for export in EXPORTS:
        response = gallery.get(f"api/build.{export.kind}", params={"s": state})
        assert response.status_code == 200, export.kind
        assert response.headers["content-type"] == export.media_type
        disposition = response.headers["content-disposition"]
        assert disposition == f'attachment; filename="rose-garden{export.suffix}"'
        downloads[export.kind] = response.text
    theme_file = tmp_path / "rose-garden.toml"
    theme_file.write_text(downloads["toml"], encoding="utf-8")
    theme = livery.Theme.load(theme_file)
    assert theme.name == "Rose garden" and theme.description == STATE["description"]
    assert theme.value("body_text_color_dark") == "#fafaf0"

    cli = tmp_path / "cli"
    cli.mkdir()
    for kind, arguments in CLI_FORMATS.items():
        out = cli / f"rose-garden.{kind}"
        cli_export(theme_file, out, *arguments)
        assert downloads[kind] == out.read_text(encoding="utf-8"), kind
    cli_export(theme_file, cli / "rose-garden.resolver.json", "-f", "dtcg")
    for kind in ("tokens.json", "dark.tokens.json", "resolver.json"):
        assert downloads[kind] == (cli / f"rose-garden.{kind}").read_text(encoding="utf-8"), kind

    python = gallery.get("api/build.py", params={"s": state})
    assert python.headers["content-disposition"] == 'attachment; filename="rose-garden.py"'
    namespace: dict[str, object] = {}
    exec(python.text, namespace)
    assert namespace["theme"] == theme


def test_a_build_reports_values_contrast_and_the_base(gallery: Gallery) -> None:
    data = gallery.post("api/build", json=STATE).json()
    assert data["ok"] is True
    assert data["values"]["block_radius"] == ["*radius_xxl", "24px"]
    assert data["values"]["primary_500"] == ["#e11d48", "#e11d48"]
    assert data["values"]["body_text_color_dark"][1] == "#fafaf0"
    assert data["base"]["primary_hue"] == "indigo" and data["base"]["name"] == "Soft"
    summary = data["contrast"]
    assert summary["grade"] == data["grade"] and summary["total"] >= summary["aa"] >= summary["aaa"]
    assert summary["worst"]["ratio"] > 0 and summary["worst"]["pair"]

    lowered = {**STATE, "variables": {"body_text_color": "#d4d4d8"}}
    worse = gallery.post("api/build", json=lowered).json()["contrast"]
    assert worse["grade"] == "fails" and worse["aa"] < summary["aa"]


@pytest.mark.parametrize(
    ("change", "field", "text"),
    [
        ({"variables": {"block_radius": "12 monkeys"}}, "block_radius", "block_radius"),
        ({"variables": {"body_text_color_dark": "red;}"}}, "body_text_color_dark", "';'"),
        ({"variables": {"link_text_color": "*nowhere"}}, "link_text_color", "nowhere"),
        ({"settings": {"primary_hue": "chartreuse-ish"}}, "primary_hue", "primary_hue"),
        ({"settings": {"font": "comic"}}, "font", "choose one of"),
        ({"from": "no-such-theme"}, "from", "no theme 'no-such-theme'"),
        ({"name": "x" * 101}, "name", "at most 100"),
    ],
)
def test_errors_name_the_field_that_caused_them(
    gallery: Gallery, change: dict[str, object], field: str, text: str
) -> None:
    data = gallery.post("api/build", json={"from": "soft", **change}).json()
    assert data["ok"] is False and data["field"] == field
    assert text in data["error"] and "\n" not in data["error"]
    assert "soft.toml" not in data["error"]  # the person wrote the value, not the base's file


def test_the_full_state_fits_the_request_cap(gallery: Gallery) -> None:
    """Every field of the page edited at once (base values as written, so all valid) is
    accepted by POST and by the stylesheet's GET URL."""
    base = livery.Theme.load("soft")
    names = [v.name for v in VARIABLES if v.group != "font"]
    names += [f"{v.name}_dark" for v in VARIABLES if v.has_dark]
    variables = {
        name: base.value(name) for name in names if len(base.value(name)) <= 40
    }  # the data: URL images are longer than a person would type
    state = {
        **STATE,
        "description": "d" * 2000,
        "settings": {**STATE["settings"], "font": "serif", "font_mono": "code"},
        "variables": variables,
    }
    text = json.dumps(state, separators=(",", ":"))
    assert len(variables) > 300 and len(text) < MAX_REQUEST_BYTES
    assert gallery.post("api/build", json=state).json()["ok"] is True
    response = gallery.get("api/build.css", params={"s": text})
    assert response.status_code == 200 and response.text.startswith(".lv-builder{")


def test_unknown_download_kinds_are_not_found(gallery: Gallery) -> None:
    state = json.dumps({"from": "soft"})
    for kind in ("exe", "json", "tokens", "../toml"):
        assert gallery.get(f"api/build.{kind}", params={"s": state}).status_code == 404


def test_every_variable_is_in_exactly_one_group() -> None:
    placed = [variable.name for _, members in grouped() for variable in members]
    expected = [v.name for v in VARIABLES if v.group not in OWN_CONTROLS]
    assert sorted(placed) == sorted(expected) and len(placed) == len(set(placed))
    by_key = {group.key: [v.name for v in members] for group, members in grouped()}
    assert "button_primary_background_fill" in by_key["button"]
    assert {"checkbox_label_text_color", "radio_circle"} <= set(by_key["checkbox"])
    assert "table_even_background_fill" in by_key["table"]
    assert "chatbot_text_size" in by_key["chatbot"]
    assert all(v.kind is Kind.LENGTH for v in grouped()[0][1])  # core sizing comes first
