"""Issue 15: ``create`` refuses a package that Python or an installed distribution provides.

Installed next to the real one, a component package ``pydantic`` would shadow it (or be
shadowed), whichever ``sys.path`` finds first. Distributions are real ones: this
environment's, and small ones installed into a folder put on ``sys.path`` for a test, as pip
would lay them out.
"""

from __future__ import annotations

import sys
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

from livery.component.names import component_names, normalise_distribution
from livery.component.templates import create
from livery.errors import TemplateError


@pytest.mark.parametrize(
    "name",
    [
        "Pydantic",
        "Numpy",
        "Requests",
        "Starlette",
        "Jinja2",
        "Pip",
        "Setuptools",
        "Pytest",
        "Playwright",
        "pydantic",
        "PYDANTIC",
    ],
)
def test_a_name_an_installed_distribution_provides_is_refused(name: str) -> None:
    with pytest.raises(TemplateError) as caught:
        component_names(name)
    package = name.lower()
    message = str(caught.value)
    assert message.startswith(f"component name {name!r} makes the package {package!r}, which ")
    assert "the installed distribution " in message and "shadow" in message
    assert message.endswith(f"(e.g. gradio_{package} or livery_{package})")


@pytest.mark.parametrize("name", ["json", "os", "Asyncio", "Typing", "sqlite3"])
def test_a_standard_library_name_is_refused(name: str) -> None:
    with pytest.raises(TemplateError, match="would shadow the module of that name"):
        component_names(name)


@pytest.mark.parametrize("name", ["Torch", "Tensorflow", "Django", "Pandas", "Sklearn"])
def test_a_well_known_name_is_refused_even_where_it_is_not_installed(name: str) -> None:
    installed = name.lower() in packages_distributions()
    who = "the installed distribution" if installed else "a well-known distribution"
    with pytest.raises(TemplateError, match=f"which {who} .*already provides"):
        component_names(name)


@pytest.mark.parametrize(
    ("name", "package"),
    [("livery_pydantic", "livery_pydantic"), ("gradio_numpy", "gradio_numpy"), ("Stars", "stars")],
)
def test_the_suggested_names_are_free(name: str, package: str) -> None:
    assert component_names(name).package == package


@pytest.mark.parametrize("given", ["livery", "Livery", "livery-sdk", "LIVERY_SDK", "livery.sdk"])
def test_livery_s_own_distribution_names_are_refused(given: str) -> None:
    with pytest.raises(TemplateError, match="is taken by Livery itself"):
        normalise_distribution(given)
    with pytest.raises(TemplateError, match="is taken by Livery itself"):
        component_names("MyWidget", given)


def _install(site: Path, distribution: str, package: str, *, component: bool) -> None:
    """A distribution laid out as pip installs it: the package and its ``.dist-info``."""
    (site / package).mkdir(parents=True)
    (site / package / "__init__.py").write_text("")
    info = site / f"{distribution.replace('-', '_')}-0.1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {distribution}\nVersion: 0.1.0\n")
    (info / "RECORD").write_text(f"{package}/__init__.py,,\n")
    (info / "top_level.txt").write_text(f"{package}\n")
    if component:
        (info / "entry_points.txt").write_text(
            f"[livery.components]\n{package} = {package}:Widget\n"
        )


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "site"
    folder.mkdir()
    monkeypatch.syspath_prepend(str(folder))
    return folder


def test_a_package_any_installed_distribution_provides_is_refused(site: Path) -> None:
    _install(site, "acme-gauges", "gauge_meter", component=False)
    with pytest.raises(TemplateError) as caught:
        component_names("GaugeMeter")
    assert "which the installed distribution acme-gauges already provides" in str(caught.value)
    assert "gauge_meter" not in sys.modules  # the check reads metadata, imports nothing


def test_the_project_s_own_installed_component_does_not_count(site: Path) -> None:
    """``pip install -e .`` of the project, then ``create --force`` to restore its files."""
    _install(site, "livery-sdk-gauge-meter", "gauge_meter", component=True)
    assert component_names("GaugeMeter").distribution == "livery-sdk-gauge-meter"


def test_a_distribution_of_the_same_name_that_is_no_component_still_counts(site: Path) -> None:
    _install(site, "gauge-meter", "gauge_meter", component=False)
    with pytest.raises(TemplateError, match="installed distribution gauge-meter"):
        component_names("GaugeMeter", "gauge-meter")


def test_create_writes_nothing_for_a_refused_name(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="shadow"):
        create("Pydantic", cwd=tmp_path)
    assert list(tmp_path.iterdir()) == []
