"""axe-core (the npm package, injected into real pages) finds no accessibility violation in
the gallery's own chrome: index, a detail page, compare, builder, components and the 404
page, light and dark, at desktop and phone widths.

The kitchen-sink previews (``.lv-ks``) and the contrast table's samples (``.sample``, each a
theme's pair on purpose, failing ones included) are left out: their colours are the theme's,
which the contrast audit grades. Landmarks are checked over the whole page, previews included, since
several previews on one page must still be told apart."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.npm_packages import npm_folder

from .conftest import Gallery
from .test_browser import until

pytestmark = pytest.mark.browser

AXE_VERSION = "4.10.3"
PAGES = {
    "index": ("", "() => document.querySelectorAll('#cards .card-previews .lv-ks').length > 0"),
    "detail": ("themes/soft/", "() => !!document.querySelector('#preview')"),
    "compare": (
        "compare/?t=soft,ocean,citrus",
        "() => document.body.dataset.compared === 'soft,ocean,citrus'",
    ),
    "builder": ("builder/?from=soft", "() => document.readyState === 'complete'"),
    "components": ("components/", "() => !!document.body.dataset.ready"),
    "not-found": ("no/such/page/", "() => document.readyState === 'complete'"),
}
THEME_CONTENT = {"exclude": [[".lv-ks"], [".sample"]]}
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 812}}
RUN = """async (options) => {
  const result = await axe.run(options.context, options.run);
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 4).map((n) => n.target.join(' ') + ': ' + n.failureSummary),
  }));
}"""


@pytest.fixture(scope="session")
def axe_script(request: pytest.FixtureRequest, node_or_skip: None) -> Path:
    """axe-core from the npm registry, installed once into pytest's cache."""
    folder = request.config.cache.mkdir(f"livery-axe-core-{AXE_VERSION}")
    npm_folder(folder, "livery-axe-core", {"axe-core": AXE_VERSION})
    return folder / "node_modules" / "axe-core" / "axe.min.js"


def audit(page: Any, axe_script: Path, context: object, rules: list[str] | None = None) -> list:
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(axe_script))
    run: dict[str, object] = {"resultTypes": ["violations"]}
    if rules:
        run["runOnly"] = rules
    return page.evaluate(RUN, {"context": context, "run": run})


def report(found: dict[str, list]) -> str:
    return json.dumps(found, indent=1)[:6000]


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("mode", ["light", "dark"])
def test_the_gallery_chrome_has_no_axe_violations(
    browser: Any, gallery: Gallery, axe_script: Path, mode: str, width: str
) -> None:
    # axe is injected as an inline script, which the gallery's policy rightly refuses.
    context = browser.new_context(viewport=WIDTHS[width], color_scheme=mode, bypass_csp=True)
    page = context.new_page()
    found: dict[str, list] = {}
    try:
        for name, (path, ready) in PAGES.items():
            page.goto(gallery.url + path)
            until(page, ready, timeout=15)
            assert page.get_attribute("html", "data-ui") == mode
            violations = audit(page, axe_script, THEME_CONTENT)
            landmarks = audit(page, axe_script, {"include": [["body"]]}, ["landmark-unique"])
            if violations or landmarks:
                found[name] = violations + landmarks
    finally:
        context.close()
    assert not found, f"axe-core {AXE_VERSION}, {mode}, {width}:\n{report(found)}"


def test_axe_sees_a_violation(browser: Any, gallery: Gallery, axe_script: Path) -> None:
    """The audit is live: an unlabelled field added to the page is reported."""
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    try:
        page.goto(gallery.url + "themes/soft/")
        page.evaluate(
            "() => document.querySelector('main').append(Object.assign("
            "document.createElement('input'), {type: 'text'}))"
        )
        ids = [v["id"] for v in audit(page, axe_script, THEME_CONTENT)]
        assert "label" in ids
    finally:
        context.close()
