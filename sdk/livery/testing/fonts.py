"""The bundled test fonts, and the two ways snapshot pages are made to use only them.

Text is the largest source of pixel noise between machines: each has its own fonts, and a
missing theme font falls back to whatever the system offers. Snapshots therefore draw every
glyph with DejaVu Sans and DejaVu Sans Mono, shipped in ``fonts/``:

* in the page, ``@font-face`` rules load them (from the page's own origin, never the network)
  and the theme's ``--font``/``--font-mono`` variables point at them, which works everywhere;
* on Linux, Chromium is also given a fontconfig file that knows no other font, so generic
  families (``sans-serif``, ``monospace``, ``system-ui``), names like ``Arial`` and browser
  defaults resolve to the same two files instead of the machine's fonts.
"""

from __future__ import annotations

import sys
from pathlib import Path

FONT_DIR = Path(__file__).parent / "fonts"
"""Where the bundled fonts and their licence live."""

SANS_FAMILY = "Livery Test Sans"
MONO_FAMILY = "Livery Test Mono"
FONT_FILES = {SANS_FAMILY: "DejaVuSans.ttf", MONO_FAMILY: "DejaVuSansMono.ttf"}
"""Web-font family name → bundled file."""

FONT_URL_PREFIX = "/__livery__/fonts/"
"""The path under the test page's origin from which the bundled fonts are served."""


def font_path(file_name: str) -> Path | None:
    """The bundled font served as ``FONT_URL_PREFIX + file_name``, or ``None``."""
    if file_name not in FONT_FILES.values():
        return None
    return FONT_DIR / file_name


def font_face_css() -> str:
    """``@font-face`` rules for the bundled fonts, and the theme's font variables set to them.

    The variables are marked ``!important`` so a theme or component stylesheet cannot put its
    own (machine-dependent) font back.
    """
    faces = "\n".join(
        f'@font-face {{ font-family: "{family}"; '
        f'src: url("{FONT_URL_PREFIX}{file}") format("truetype"); }}'
        for family, file in FONT_FILES.items()
    )
    return (
        f"{faces}\n"
        ":root, :root.dark, :root .dark {\n"
        f'  --font: "{SANS_FAMILY}", "DejaVu Sans", sans-serif !important;\n'
        f'  --font-mono: "{MONO_FAMILY}", "DejaVu Sans Mono", monospace !important;\n'
        "}\n"
    )


def fontconfig_supported() -> bool:
    """Whether Chromium reads fontconfig here (Linux and the BSDs, not macOS or Windows)."""
    return sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd"))


def write_fontconfig(folder: Path) -> Path:
    """Write a fontconfig file that knows only the bundled fonts, and return its path.

    Its cache goes into ``folder`` too, so the user's font cache is never touched. Rendering
    settings are fixed (grey-scale anti-aliasing, slight hinting) instead of inherited from the
    desktop's configuration.
    """
    folder.mkdir(parents=True, exist_ok=True)
    aliases = "\n".join(
        f'  <alias binding="same"><family>{generic}</family>'
        f"<prefer><family>{family}</family></prefer></alias>"
        for generic, family in (
            ("sans-serif", "DejaVu Sans"),
            ("serif", "DejaVu Sans"),
            ("system-ui", "DejaVu Sans"),
            ("cursive", "DejaVu Sans"),
            ("fantasy", "DejaVu Sans"),
            ("monospace", "DejaVu Sans Mono"),
        )
    )
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n'
        '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        "<fontconfig>\n"
        f"  <dir>{_xml(str(FONT_DIR))}</dir>\n"
        f"  <cachedir>{_xml(str(folder / 'cache'))}</cachedir>\n"
        f"{aliases}\n"
        '  <match target="font">\n'
        '    <edit name="antialias" mode="assign"><bool>true</bool></edit>\n'
        '    <edit name="hinting" mode="assign"><bool>true</bool></edit>\n'
        '    <edit name="hintstyle" mode="assign"><const>hintslight</const></edit>\n'
        '    <edit name="rgba" mode="assign"><const>none</const></edit>\n'
        "  </match>\n"
        "</fontconfig>\n",
        encoding="utf-8",
    )
    return config


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
