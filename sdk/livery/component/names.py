"""The names a new component project is made of, checked before any file is written.

From one NAME (``MyWidget`` or ``my_widget``) come the class (``MyWidget``), the import
package (``my_widget``), the CSS class and folder (``my-widget``) and the distribution
(``livery-my-widget`` unless ``--package-name`` says otherwise). Each must be valid for what
it names: a Python identifier that shadows neither a keyword nor a standard-library module,
and a PEP 508 distribution name, normalised as PEP 503 does.

The package may not be one that Python or another distribution already provides (``json``,
``pydantic``, ``numpy``…): installed next to it, one would shadow the other, and whichever
``sys.path`` finds first wins. Installed distributions are asked (``packages_distributions``);
a short list of well-known ones covers what this environment happens not to have.
"""

from __future__ import annotations

import keyword
import re
import sys
from dataclasses import dataclass
from importlib import metadata
from importlib.metadata import packages_distributions

from packaging.utils import canonicalize_name

from livery.errors import TemplateError

MAX_NAME_CHARS = 64
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+|[0-9]+")
DISTRIBUTION_NAME = re.compile(r"^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$", re.IGNORECASE)
"""A distribution name as PEP 508 allows it (safe in a shell line and a code block)."""
_RESERVED_MODULES = frozenset(
    {"livery", "gradio", "anywidget", "tests", "test", "demo", "frontend", "backend", "templates"}
)
"""Import names that would shadow a package the project itself uses or a folder it has."""
DISTRIBUTION_PREFIX = "livery-sdk-"
ENTRY_POINT_GROUP = "livery.components"
"""``livery.component.registry``'s group, named here so that ``create`` imports no component
machinery."""
_LIVERY_DISTRIBUTIONS = frozenset({"livery", "livery-sdk"})
"""Livery's own distribution (``livery-sdk``) and the name of its import package."""
WELL_KNOWN_PACKAGES = frozenset(
    {
        "aiohttp", "attr", "attrs", "bs4", "certifi", "click", "cv2", "django", "fastapi",
        "flask", "httpx", "huggingface_hub", "jinja2", "jupyter", "jupyterlab", "marimo",
        "matplotlib", "nltk", "numpy", "pandas", "pil", "pip", "playwright", "plotly",
        "pydantic", "pytest", "requests", "rich", "scipy", "seaborn", "setuptools", "six",
        "sklearn", "sqlalchemy", "starlette", "tensorflow", "tinycss2", "torch", "tqdm",
        "transformers", "typer", "urllib3", "uvicorn", "wheel", "yaml",
    }
)  # fmt: skip
"""Import packages of widely used distributions, refused even where they are not installed."""


@dataclass(frozen=True)
class ComponentNames:
    """Every name a project needs, derived from NAME and ``--package-name``."""

    name: str
    """NAME as given."""
    class_name: str
    """The Python class: ``MyWidget``."""
    package: str
    """The import package under ``backend/``: ``my_widget``."""
    slug: str
    """Lowercase with hyphens: ``my-widget`` (the default folder and the CSS class's root)."""
    distribution: str
    """The normalised distribution name: ``livery-my-widget``."""

    @property
    def title(self) -> str:
        """For people: ``My widget``."""
        words = self.slug.split("-")
        return " ".join([words[0].capitalize(), *words[1:]])

    @property
    def css_class(self) -> str:
        """The class on the component's root element: ``lv-my-widget``."""
        return f"lv-{self.slug}"


def component_names(name: str, package_name: str | None = None) -> ComponentNames:
    """Check NAME and ``package_name`` and derive the project's names, or ``TemplateError``."""
    words = _words(name)
    if "_" in name or not name[0].isupper():
        class_name = "".join(word[0].upper() + word[1:] for word in words)
    else:
        class_name = name
    package = "_".join(word.lower() for word in words)
    slug = "-".join(word.lower() for word in words)
    for derived, what in ((class_name, "class"), (package, "package")):
        if keyword.iskeyword(derived) or keyword.issoftkeyword(derived):
            raise TemplateError(f"component name {name!r} makes the {what} {derived!r}, a keyword")
    if package in sys.stdlib_module_names or package in _RESERVED_MODULES:
        raise TemplateError(
            f"component name {name!r} makes the package {package!r}, which would shadow the "
            f"module of that name; choose another name (e.g. {class_name}View)"
        )
    if package_name is None:
        package_name = DISTRIBUTION_PREFIX + slug
    distribution = normalise_distribution(package_name)
    provider = _provider(package, distribution)
    if provider is not None:
        raise TemplateError(
            f"component name {name!r} makes the package {package!r}, which {provider} already "
            "provides: installed together, one would shadow the other; choose another name "
            f"(e.g. gradio_{package} or livery_{package})"
        )
    return ComponentNames(name, class_name, package, slug, distribution)


def _provider(package: str, distribution: str) -> str | None:
    """Who already provides the import package ``package`` (compared case-insensitively), as
    a message says it, or None. The project's own distribution (a Livery component of the
    same name, installed in editable mode while it is developed) does not count."""
    wanted = package.lower()
    installed = {
        canonicalize_name(owner)
        for module, owners in packages_distributions().items()
        if module.lower() == wanted
        for owner in owners
    }
    if distribution in installed and _is_component(distribution):
        installed.discard(distribution)
    if installed:
        names = ", ".join(sorted(installed))
        return f"the installed distribution{'s' * (len(installed) > 1)} {names}"
    if wanted in WELL_KNOWN_PACKAGES:
        return "a well-known distribution"
    return None


def _is_component(distribution: str) -> bool:
    """Whether the installed ``distribution`` declares a Livery component (its entry point)."""
    try:
        points = metadata.distribution(distribution).entry_points
    except metadata.PackageNotFoundError:
        return False
    return any(point.group == ENTRY_POINT_GROUP for point in points)


def normalise_distribution(package_name: str) -> str:
    """``package_name`` checked against PEP 508 and normalised as PEP 503 does."""
    if not DISTRIBUTION_NAME.match(package_name):
        raise TemplateError(
            f"package name {package_name!r} is not a valid distribution name (letters, digits, "
            "'-', '_' and '.', starting and ending with a letter or digit)"
        )
    normalised = canonicalize_name(package_name)
    if normalised in _LIVERY_DISTRIBUTIONS:
        raise TemplateError(f"package name {package_name!r} is taken by Livery itself")
    return normalised


def _words(name: str) -> list[str]:
    if not name:
        raise TemplateError("the component name is empty")
    if len(name) > MAX_NAME_CHARS:
        raise TemplateError(f"component name {name[:20]!r}… is over {MAX_NAME_CHARS} characters")
    if not _NAME.match(name):
        raise TemplateError(
            f"component name {name!r} is not valid: use letters, digits and '_', starting with "
            "a letter (e.g. MyWidget or my_widget)"
        )
    words = [word for part in name.split("_") for word in _WORD.findall(part)]
    if not words:
        raise TemplateError(f"component name {name!r} has no letters")
    return words
