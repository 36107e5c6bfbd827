"""The files a theme's detail page offers: CSS, SCSS, Tailwind, TOML, Gradio JSON and design
tokens.

Each is an export from ``livery.theme.FORMATS`` under a file name that says what it is
(``soft.gradio.json``), served with ``Content-Disposition: attachment`` by the server and
written as files by the static build. The design tokens are the DTCG export's token files
(light, and what dark mode changes), which Style Dictionary reads as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from livery.theme import FORMATS, Theme


@dataclass(frozen=True)
class Download:
    """One downloadable format of a theme."""

    kind: str
    suffix: str
    label: str
    media_type: str
    format: str
    """The key of ``FORMATS`` that writes it."""
    part: str = ""
    """For an export of several files: which one (its name after the stem)."""

    def filename(self, slug: str) -> str:
        return f"{slug}{self.suffix}"

    def render(self, theme: Theme) -> str:
        exporter = FORMATS[self.format]
        if not self.part or exporter.files is None:
            return exporter(theme)
        return exporter.files(theme, "theme")[f"theme{self.part}"]


DOWNLOADS: Final = (
    Download("css", ".css", "CSS", "text/css; charset=utf-8", "css"),
    Download("scss", ".scss", "SCSS variables and maps", "text/x-scss; charset=utf-8", "scss"),
    Download(
        "tailwind", ".tailwind.css", "Tailwind v4 theme", "text/css; charset=utf-8", "tailwind"
    ),
    Download("toml", ".toml", "TOML theme file", "application/toml; charset=utf-8", "toml"),
    Download("gradio", ".gradio.json", "Gradio theme JSON", "application/json", "gradio"),
    Download(
        "tokens", ".tokens.json", "Design tokens (DTCG)", "application/json", "dtcg", ".tokens.json"
    ),
    Download(
        "dark-tokens",
        ".dark.tokens.json",
        "Dark-mode tokens (DTCG)",
        "application/json",
        "dtcg",
        ".dark.tokens.json",
    ),
)


def find(slug: str, filename: str) -> Download | None:
    """The download ``filename`` names for the theme ``slug`` (``soft.toml`` → TOML)."""
    for download in DOWNLOADS:
        if filename == download.filename(slug):
            return download
    return None
