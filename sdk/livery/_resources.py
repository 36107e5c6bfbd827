"""Find Livery's data folders the same way from a wheel and from a checkout.

A wheel carries them inside the package as ``livery/_data/<name>``; a checkout (or an editable
install) keeps them at the repository's top level, two folders above this file.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """Return the folder holding Livery's ``name`` data (``themes``, ``gallery``, …)."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parents[1] / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"Livery's {name!r} data folder is missing from this installation")
