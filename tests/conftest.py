"""Shared fixtures: a real Chromium through Playwright, and small helpers."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(scope="session")
def browser(livery_browser: object) -> object:
    """One headless Chromium for the whole run: the ``livery.testing`` plugin's (Playwright
    allows one synchronous driver per thread, so everything shares it)."""
    return livery_browser


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh page with a fixed viewport."""
    context = browser.new_context(viewport={"width": 800, "height": 600})  # type: ignore[attr-defined]
    page = context.new_page()
    yield page
    context.close()


ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session", autouse=True)
def font_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One font cache (``LIVERY_CACHE_DIR``) for the whole run: each font package is
    downloaded once per session, and never into the user's own cache."""
    with pytest.MonkeyPatch.context() as patch:
        folder = tmp_path_factory.mktemp("livery-cache")
        patch.setenv("LIVERY_CACHE_DIR", str(folder))
        yield folder


@pytest.fixture(scope="session")
def livery_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Livery's own wheel, built from this checkout once per session."""
    out = tmp_path_factory.mktemp("livery-wheel")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (wheel,) = out.glob("livery_sdk-*.whl")
    return wheel


@pytest.fixture(scope="session")
def axe_core(request: pytest.FixtureRequest) -> Path:
    """The pinned axe-core script (npm), installed once into pytest's cache."""
    from tests import axe

    return axe.install(Path(request.config.cache.mkdir(f"livery-axe-{axe.VERSION}")))


@pytest.fixture(scope="session")
def node_or_skip() -> None:
    from livery._node import find_node
    from livery.errors import NodeNotFoundError

    try:
        find_node()
    except NodeNotFoundError as error:
        pytest.skip(f"needs Node.js: {error}")


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory, node_or_skip: None) -> dict[str, Any]:
    """Every component template created and fully built once per session (``BuildResult`` by
    template name); the component tests and the gallery's share it."""
    from tests.component.projects import build_all

    return build_all(tmp_path_factory.mktemp("built"))


@pytest.fixture(scope="session")
def site(built: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every built wheel installed into one folder (a PYTHONPATH)."""
    from tests.component.projects import install_wheels

    return install_wheels(built, tmp_path_factory.mktemp("site"))
