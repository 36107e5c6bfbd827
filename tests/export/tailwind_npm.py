"""The real Tailwind CSS v4 CLI, installed once per pytest cache, for the export's consumers.

``install(cache)`` puts ``tailwindcss`` and ``@tailwindcss/cli`` (pinned: the versions the
issue was measured with) in ``cache/node_modules`` through Livery's own npm step, so npm runs
again only when the pins change. ``compile_page(cache, folder, html, theme_css)`` writes the
page and the export into ``folder`` and returns the CSS Tailwind's CLI generates for the
page's classes.
"""

from __future__ import annotations

from pathlib import Path

from livery._node import find_node
from livery.component.process import run_tool
from tests.npm_packages import npm_folder

VERSION = "4.3.5"
PACKAGES = {"tailwindcss": VERSION, "@tailwindcss/cli": VERSION}


def install(cache: Path) -> Path:
    """``cache`` with Tailwind installed (npm runs only when ``PACKAGES`` changed)."""
    return npm_folder(cache, "livery-tailwind-consumer", PACKAGES)


def theme_css(cache: Path) -> str:
    """Tailwind's own default theme (``tailwindcss/theme.css``) as installed."""
    return (cache / "node_modules" / "tailwindcss" / "theme.css").read_text(encoding="utf-8")


def compile_page(cache: Path, folder: Path, html: str, export: str) -> str:
    """The CSS Tailwind's CLI writes for ``html``'s classes with the export imported."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "page.html").write_text(html, encoding="utf-8")
    (folder / "livery-tailwind.css").write_text(export, encoding="utf-8")
    tailwind = (cache / "node_modules" / "tailwindcss" / "index.css").as_posix()
    (folder / "input.css").write_text(
        f'@import "{tailwind}" source(none);\n'
        '@import "./livery-tailwind.css";\n'
        '@source "./page.html";\n',
        encoding="utf-8",
    )
    node = find_node()
    cli = cache / "node_modules" / "@tailwindcss" / "cli" / "dist" / "index.mjs"
    result = run_tool(
        [str(node.executable), str(cli), "-i", "input.css", "-o", "out.css"],
        cwd=folder,
        what="tailwindcss",
        timeout_s=120,
        env=node.env(),
    )
    assert result.returncode == 0, result.stderr
    return (folder / "out.css").read_text(encoding="utf-8")
