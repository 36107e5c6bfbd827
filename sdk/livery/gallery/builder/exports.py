"""What the builder offers to download: every export format the command line has.

Each download is the text ``livery theme export -f FORMAT -o NAME`` writes for the same theme
(the engine's own ``FORMATS``, nothing rewritten), under a file name that says what it is.
DTCG design tokens are three files (light tokens, the dark overrides and the resolver that
joins them), named the way the command line names them, so their references match.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from livery.theme import FORMATS, Theme, tailwind_export

CSS: Final = "text/css; charset=utf-8"
JSON: Final = "application/json"


@dataclass(frozen=True)
class Export:
    """One download: ``/api/build.<kind>?s=…`` gives ``<stem><suffix>``."""

    kind: str
    label: str
    media_type: str
    suffix: str
    render: Callable[[Theme, str], str]
    """``(theme, stem) -> text``."""
    command: str
    """The command line that writes the same file (``NAME`` for the theme file)."""

    def filename(self, stem: str) -> str:
        return f"{stem}{self.suffix}"


def _format(name: str) -> Callable[[Theme, str], str]:
    return lambda theme, stem: FORMATS[name](theme)


def _dtcg(part: str) -> Callable[[Theme, str], str]:
    def render(theme: Theme, stem: str) -> str:
        files = FORMATS["dtcg"].files
        assert files is not None  # the DTCG format is several files
        return files(theme, stem)[f"{stem}{part}"]

    return render


EXPORTS: Final = (
    Export("toml", "TOML theme file", "application/toml; charset=utf-8", ".toml",
           _format("toml"), "-f toml"),
    Export("theme.css", "CSS", CSS, ".css", _format("css"), "-f css"),
    Export("gradio.json", "Gradio theme JSON", JSON, ".gradio.json", _format("gradio"),
           "-f gradio"),
    Export("scss", "SCSS", "text/x-scss; charset=utf-8", ".scss", _format("scss"), "-f scss"),
    Export("tailwind.css", "Tailwind v4", CSS, ".tailwind.css",
           lambda theme, stem: tailwind_export(theme, "namespaced"), "-f tailwind"),
    Export("tailwind-replace.css", "Tailwind v4, replacing its scales", CSS,
           ".tailwind-replace.css", lambda theme, stem: tailwind_export(theme, "replace"),
           "-f tailwind --tailwind-mode replace"),
    Export("tokens.json", "Design tokens (DTCG)", JSON, ".tokens.json", _dtcg(".tokens.json"),
           "-f dtcg"),
    Export("dark.tokens.json", "Dark-mode tokens (DTCG)", JSON, ".dark.tokens.json",
           _dtcg(".dark.tokens.json"), "-f dtcg"),
    Export("resolver.json", "DTCG resolver", JSON, ".resolver.json", _dtcg(".resolver.json"),
           "-f dtcg"),
)  # fmt: skip
"""Every download of a built theme, in the order the page lists them."""

BY_KIND: Final = {export.kind: export for export in EXPORTS}
