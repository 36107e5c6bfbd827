"""Where Livery keeps what it downloads once and reuses: ``$LIVERY_CACHE_DIR``, else
``~/.cache/livery`` (font packages, the Dart Sass compiler)."""

from __future__ import annotations

import os
from pathlib import Path


def cache_root() -> Path:
    """The cache folder (not created here: each user of it creates its own subfolder)."""
    base = os.environ.get("LIVERY_CACHE_DIR")
    return Path(base) if base else Path.home() / ".cache" / "livery"
