"""Livery's optional parts: which import belongs to which extra, and the line that says how to
install a missing one.

The runtime (``pip install livery-sdk``) is what an app needs to use themes and components;
building, publishing, the servers and visual testing come with ``livery-sdk[authoring]``. The
authoring modules are imported only by the code that uses them, so a missing one shows up as
a ``ModuleNotFoundError`` there; ``authoring_missing`` turns it into a user error.
"""

from __future__ import annotations

import importlib.util

from livery.errors import AuthoringMissingError

AUTHORING_INSTALL = "pip install 'livery-sdk[authoring]'"

AUTHORING_MODULES = frozenset(
    {
        "build",
        "hatchling",
        "nodeenv",
        "PIL",
        "pixelmatch",
        "playwright",
        "starlette",
        "twine",
        "uvicorn",
        "watchdog",
    }
)
"""Top-level import names of the ``authoring`` extra's packages."""


def authoring_missing(error: ModuleNotFoundError, what: str) -> AuthoringMissingError | None:
    """The user error for ``error`` when it is an authoring module that is missing (``what``
    needed it), else ``None``: any other missing module is a bug, not the user's."""
    top = (error.name or "").split(".")[0]
    if top not in AUTHORING_MODULES:
        return None
    return _missing(what, top)


def require_authoring(what: str, *modules: str) -> None:
    """Fail before any work starts when ``what`` needs one of ``modules`` (authoring imports
    that happen only halfway through, such as the wheel build after the bundle)."""
    for name in modules:
        if importlib.util.find_spec(name) is None:
            raise _missing(what, name)


def _missing(what: str, module: str) -> AuthoringMissingError:
    return AuthoringMissingError(
        f"{what} needs Livery's authoring tools ({module} is not installed): {AUTHORING_INSTALL}"
    )
