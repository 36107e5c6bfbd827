"""The files a theme's detail page offers: CSS, TOML, Gradio JSON and design tokens.

Each is an export from ``livery.theme.FORMATS`` under a file name that says what it is
(``soft.gradio.json``), served with ``Content-Disposition: attachment`` by the server and
written as files by the static build.
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

    def filename(self, slug: str) -> str:
        return f"{slug}{self.suffix}"

    def render(self, theme: Theme) -> str:
        return FORMATS[self.format](theme)


DOWNLOADS: Final = (
    Download("css", ".css", "CSS", "text/css; charset=utf-8", "css"),
    Download("toml", ".toml", "TOML theme file", "application/toml; charset=utf-8", "toml"),
    Download("gradio", ".gradio.json", "Gradio theme JSON", "application/json", "gradio"),
    Download("tokens", ".tokens.json", "Design tokens (DTCG)", "application/json", "dtcg"),
)


def find(slug: str, filename: str) -> Download | None:
    """The download ``filename`` names for the theme ``slug`` (``soft.toml`` → TOML)."""
    for download in DOWNLOADS:
        if filename == download.filename(slug):
            return download
    return None
