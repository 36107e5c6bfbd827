"""The gallery's web application (starlette): the factory that wires routes, middleware and
the background work together.

Every response carries a strict Content-Security-Policy (no inline script or style, nothing
from another origin) and ``nosniff``. Unknown addresses are a 404 page, never a file listing.
The handlers are in ``routes``; the gzip cache of large bodies is ``compressed``.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable, Sequence
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware

from livery._web import SecurityHeaders, security_headers
from livery.gallery.compressed import Compressed
from livery.gallery.pages import CSP, Pages
from livery.gallery.registry import Registry
from livery.gallery.render import static_dir
from livery.gallery.routes import ROUTES
from livery.gallery.routes.pages import error_page
from livery.gallery.routes.state import GalleryState
from livery.gallery.watch import Watcher

SECURITY_HEADERS = security_headers(CSP)


def create_app(
    folders: Sequence[Path] = (),
    *,
    include_library: bool = True,
    watch: bool = True,
    allowed_hosts: Sequence[str] | None = None,
    registry: Registry | None = None,
) -> Starlette:
    """The gallery application over the library and ``folders``.

    On start-up it describes every theme, grades them in the background and, with ``watch``,
    watches the folders so that new, changed and deleted theme files show without a restart.
    ``allowed_hosts`` limits the Host header (against DNS rebinding when bound to loopback).
    """
    registry = registry or Registry(folders, include_library=include_library)
    gallery = GalleryState(registry, Pages(registry, live=True), Compressed(), static_dir())
    app = Starlette(
        routes=list(ROUTES),
        middleware=_middleware(allowed_hosts),
        exception_handlers={HTTPException: error_page},
        lifespan=_lifespan(registry, watch=watch),
    )
    app.state.gallery = gallery
    app.state.registry = registry
    return app


def _middleware(allowed_hosts: Sequence[str] | None) -> list[Middleware]:
    """Security headers on everything, the Host check if asked for, then gzip."""
    middleware = [Middleware(SecurityHeaders, headers=SECURITY_HEADERS)]
    if allowed_hosts:
        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts)))
    middleware.append(Middleware(GZipMiddleware, minimum_size=Compressed.MINIMUM))
    return middleware


def _lifespan(
    registry: Registry, *, watch: bool
) -> Callable[[Starlette], contextlib.AbstractAsyncContextManager[None]]:
    """Start the registry's worker (and the folder watcher) with the server, stop them after."""

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        registry.start()
        watcher = Watcher(registry) if watch and registry.folders else None
        if watcher is not None:
            watcher.start()
        try:
            yield
        finally:
            if watcher is not None:
                watcher.stop()
            registry.stop()

    return lifespan
