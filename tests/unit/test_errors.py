"""The one error tree: every exception and warning lives in ``livery.errors``, named alike.

Callers catch ``LiveryError`` to handle anything a user caused, so a class outside the tree
(or a second class of the same name somewhere else) is a bug even when nothing raises it yet.
The source files are parsed rather than imported so that a module behind an optional
dependency cannot hide an exception class.
"""

from __future__ import annotations

import ast
import builtins
import importlib.util
import inspect
from pathlib import Path

import pytest

import livery
import livery.css
import livery.errors
from livery.errors import LiveryError

PACKAGE = Path(livery.__file__).parent
ERRORS_FILE = Path(livery.errors.__file__)
ERRORS = [
    value
    for name, value in vars(livery.errors).items()
    if inspect.isclass(value)
    and issubclass(value, BaseException)
    and value.__module__ == "livery.errors"
]
_TREE = {error.__name__ for error in ERRORS}
_BUILTIN_EXCEPTIONS = {
    name
    for name, value in vars(builtins).items()
    if inspect.isclass(value) and issubclass(value, BaseException)
}


def _defined_classes(tree: ast.Module) -> list[ast.ClassDef]:
    return [node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]


def _base_name(base: ast.expr) -> str:
    """``ValueError`` → ``ValueError``; ``click.ClickException`` → ``ClickException``."""
    if isinstance(base, ast.Attribute):
        return base.attr
    if isinstance(base, ast.Name):
        return base.id
    return ""


def _is_exception_base(name: str, local: set[str]) -> bool:
    return (
        name in _BUILTIN_EXCEPTIONS
        or name in local
        or name in _TREE
        or name.endswith(("Error", "Exception", "Warning"))
    )


def _exception_classes(path: Path) -> list[str]:
    """The exception classes ``path`` defines, judged by their bases (and by each other)."""
    classes = _defined_classes(ast.parse(path.read_text(encoding="utf-8")))
    found: set[str] = set()
    grew = True
    while grew:
        grew = False
        for node in classes:
            if node.name not in found and any(
                _is_exception_base(_base_name(base), found) for base in node.bases
            ):
                found.add(node.name)
                grew = True
    return sorted(found)


def test_the_tree_is_not_empty() -> None:
    assert LiveryError in ERRORS
    assert len(ERRORS) > 30


@pytest.mark.parametrize("error", ERRORS, ids=lambda error: error.__name__)
def test_every_class_is_a_livery_error_named_for_what_it_is(error: type[BaseException]) -> None:
    assert issubclass(error, LiveryError)
    suffix = "Warning" if issubclass(error, Warning) else "Error"
    assert error.__name__.endswith(suffix)


def test_warnings_share_one_base() -> None:
    warnings = [error for error in ERRORS if issubclass(error, Warning)]
    assert warnings
    assert all(issubclass(warning, livery.errors.LiveryWarning) for warning in warnings)
    assert all(issubclass(warning, UserWarning) for warning in warnings)


def test_names_are_unique() -> None:
    names = [node.name for node in _defined_classes(ast.parse(ERRORS_FILE.read_text()))]
    assert len(names) == len(set(names))
    assert len({error.__name__ for error in ERRORS}) == len(ERRORS)


@pytest.mark.parametrize(
    ("error", "builtin"),
    [
        (livery.errors.InvalidOptionError, ValueError),
        (livery.errors.SeedError, ValueError),
        (livery.errors.NotAColourError, ValueError),
        (livery.errors.PayloadError, ValueError),
        (livery.errors.PropsError, ValueError),
        (livery.errors.ComponentDefinitionError, TypeError),
        (livery.errors.SnapshotMismatchError, AssertionError),
    ],
    ids=lambda value: value.__name__,
)
def test_built_in_bases_callers_rely_on_are_kept(
    error: type[BaseException], builtin: type[BaseException]
) -> None:
    assert issubclass(error, builtin)


def test_livery_exports_the_whole_tree() -> None:
    for error in ERRORS:
        assert error.__name__ in livery.__all__
        assert getattr(livery, error.__name__) is error


def test_the_module_docstring_draws_every_class() -> None:
    drawing = livery.errors.__doc__ or ""
    missing = [error.__name__ for error in ERRORS if f" {error.__name__}" not in drawing]
    assert not missing


def test_errors_is_the_bottom_layer() -> None:
    imported = []
    for node in ast.walk(ast.parse(ERRORS_FILE.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            imported.append(node.module or "")
        elif isinstance(node, ast.Import):
            imported.extend(alias.name for alias in node.names)
    assert not [module for module in imported if module.split(".")[0] == "livery"]


def test_no_other_module_defines_an_exception() -> None:
    stray = {
        str(path.relative_to(PACKAGE)): names
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != ERRORS_FILE and (names := _exception_classes(path))
    }
    assert not stray


def test_the_detector_on_a_file(tmp_path: Path) -> None:
    path = tmp_path / "module.py"
    path.write_text(
        "class Fine: ...\n"
        "class Worse(Bad): ...\n"
        "class Bad(Exception): ...\n"
        "class Click(click.ClickException): ...\n"
        "class Themed(ThemeError): ...\n"
    )
    assert _exception_classes(path) == ["Bad", "Click", "Themed", "Worse"]


@pytest.mark.parametrize("module", ["livery.component.errors", "livery.theme.css.errors"])
def test_the_per_area_error_modules_are_gone(module: str) -> None:
    assert importlib.util.find_spec(module) is None


def test_the_css_facade_still_exports_its_errors() -> None:
    for name in ("CssError", "CssFileError", "ScssError", "UnknownCssVariableWarning"):
        assert name in livery.css.__all__
        assert getattr(livery.css, name) is getattr(livery.errors, name)
