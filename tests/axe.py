"""axe-core, the accessibility engine browsers' audit tools use, installed from the npm
registry (pinned) for the tests that judge pages with it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.npm_packages import npm_folder

VERSION = "4.11.0"


def install(folder: Path) -> Path:
    """``axe.min.js`` of the pinned axe-core, installed in ``folder`` (once per folder)."""
    npm_folder(folder, "livery-axe", {"axe-core": VERSION})
    return folder / "node_modules" / "axe-core" / "axe.min.js"


def run(page: Any, script: Path, context: object = None, rules: list[str] | None = None) -> list:
    """axe's violations on ``page`` (its context: a selector or include/exclude object)."""
    page.add_script_tag(path=str(script))
    options = {"runOnly": rules} if rules else {}
    return page.evaluate(
        "([context, options]) => axe.run(context || document, options).then(r => r.violations)",
        [context, options],
    )
