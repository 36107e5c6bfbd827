"""What the handlers share: the registry, its pages, the compressed bodies and the assets.

``create_app`` puts one ``GalleryState`` on ``app.state.gallery``; handlers are module-level
functions and take it from the request.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from starlette.requests import Request

from livery.gallery.compressed import Compressed
from livery.gallery.pages import Pages
from livery.gallery.registry import Registry


@dataclass(frozen=True)
class GalleryState:
    """The objects behind one gallery application."""

    registry: Registry
    pages: Pages
    compressed: Compressed
    assets: Path
    """The folder ``/assets/…`` serves."""


def state(request: Request) -> GalleryState:
    """The gallery the request was sent to."""
    found: GalleryState = request.app.state.gallery
    return found
