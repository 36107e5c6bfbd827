"""The gallery's web application (starlette): pages, data, downloads, assets and the builder API.

Every response carries a strict Content-Security-Policy (no inline script or style, nothing
from another origin) and ``nosniff``. Static files come only from the gallery's own
``static`` folder, through a path check that refuses ``..``, hidden names, absolute paths and
anything that resolves outside it. Unknown addresses are a 404 page, never a file listing.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import threading
from collections import OrderedDict
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import (
    FileResponse,
    HTMLResponse,
    JSONResponse,
    Response,
)
from starlette.routing import Route

from livery._web import SecurityHeaders, security_headers
from livery.errors import LiveryError
from livery.gallery import downloads
from livery.gallery.builder import MAX_REQUEST_BYTES
from livery.gallery.cards import slugify
from livery.gallery.pages import CSP, Pages
from livery.gallery.registry import Registry
from livery.gallery.render import static_dir
from livery.gallery.watch import Watcher

MEDIA_TYPES = {
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".json": "application/json",
}
"""The only kinds of file the asset route serves."""

SECURITY_HEADERS = security_headers(CSP)


class Compressed:
    """Pages and data files as bytes, gzipped once per text rather than once per request.

    The index of a thousand themes is over a megabyte of HTML; compressing it for every
    request cost more than rendering it. The texts come from the ``Pages`` caches, so the
    same object comes back until its page changes: that object is what the cache checks.
    Responses that carry ``Content-Encoding`` pass through the gzip middleware as they are.
    """

    MINIMUM = 1024
    """Smaller bodies are sent as they are (as the middleware does)."""

    def __init__(self, size: int = 256) -> None:
        self._size = size
        self._cache: OrderedDict[str, _Body] = OrderedDict()
        self._lock = threading.Lock()

    def response(self, request: Request, key: str, text: str, media_type: str) -> Response:
        with self._lock:
            body = self._cache.get(key)
            if body is None or body.text is not text:
                body = self._cache[key] = _Body(text)
            self._cache.move_to_end(key)
            while len(self._cache) > self._size:
                self._cache.popitem(last=False)
        if len(body.raw) >= self.MINIMUM and "gzip" in request.headers.get("accept-encoding", ""):
            headers = {"Content-Encoding": "gzip", "Vary": "Accept-Encoding"}
            return Response(body.gzipped(), media_type=media_type, headers=headers)
        return Response(body.raw, media_type=media_type)


class _Body:
    """One text as UTF-8, and gzipped when first asked for."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.raw = text.encode()
        self._gzipped: bytes | None = None

    def gzipped(self) -> bytes:
        if self._gzipped is None:  # two threads may both compress it once: no harm
            self._gzipped = gzip.compress(self.raw, compresslevel=9, mtime=0)
        return self._gzipped


def safe_static_path(root: Path, requested: str) -> Path | None:
    """The file ``requested`` names inside ``root``, or ``None`` if it is not a plain asset.

    Refused: empty, absolute or backslashed paths, ``.``/``..``/hidden segments, NUL bytes,
    unknown file types, and anything that resolves (through links) outside ``root``.
    """
    if not requested or "\\" in requested or "\x00" in requested or requested.startswith("/"):
        return None
    parts = requested.split("/")
    if any(not part or part.startswith(".") for part in parts):
        return None
    base = root.resolve()
    try:
        path = (base / requested).resolve()
    except (OSError, RuntimeError):
        return None
    if not path.is_relative_to(base) or not path.is_file():
        return None
    if path.suffix.lower() not in MEDIA_TYPES:
        return None
    return path


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
    pages = Pages(registry, live=True)
    assets = static_dir()

    compressed = Compressed()

    def html(text: str | None) -> Response:
        if text is None:
            raise HTTPException(404)
        return HTMLResponse(text)

    def index(request: Request) -> Response:
        return compressed.response(request, "/", pages.index(), "text/html; charset=utf-8")

    def detail(request: Request) -> Response:
        slug = request.path_params["slug"]
        text = pages.detail(slug)
        if text is None:
            raise HTTPException(404)
        return compressed.response(request, f"/themes/{slug}/", text, "text/html; charset=utf-8")

    def theme_file(request: Request) -> Response:
        slug, filename = request.path_params["slug"], request.path_params["filename"]
        card = registry.card(slug)
        if card is None or not card.ok:
            raise HTTPException(404)
        if filename == "scoped.css":
            try:
                css = registry.preview_css(slug)
            except Exception:
                raise HTTPException(404) from None
            return Response(css, media_type="text/css; charset=utf-8")
        download = downloads.find(slug, filename)
        if download is None:
            raise HTTPException(404)
        try:
            text = download.render(registry.theme(slug))
        except Exception:
            raise HTTPException(404) from None
        return Response(
            text,
            media_type=download.media_type,
            headers={"Content-Disposition": f'attachment; filename="{filename}"'},
        )

    def compare(request: Request) -> Response:
        return html(pages.compare())

    def builder_page(request: Request) -> Response:
        return html(pages.builder_page(request.query_params.get("from")))

    def themes_json(request: Request) -> Response:
        return compressed.response(
            request, "/data/themes.json", pages.themes_json(), "application/json"
        )

    def version_json(request: Request) -> Response:
        return Response(
            pages.version_json(),
            media_type="application/json",
            headers={"Cache-Control": "no-store"},
        )

    def pairs_css(request: Request) -> Response:
        return Response(pages.pairs_css(), media_type="text/css; charset=utf-8")

    def asset(request: Request) -> Response:
        path = safe_static_path(assets, request.path_params["path"])
        if path is None:
            raise HTTPException(404)
        return FileResponse(path, media_type=MEDIA_TYPES[path.suffix.lower()])

    async def build(request: Request) -> Response:
        if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
            return JSONResponse({"error": "send the settings as application/json"}, 415)
        body = await request.body()
        if len(body) > MAX_REQUEST_BYTES:
            return JSONResponse({"error": "the request is too large"}, 413)
        try:
            data = json.loads(body)
        except ValueError:
            return JSONResponse({"error": "the request is not JSON"}, 400)
        try:
            built = await run_in_threadpool(pages.builder.build, data)
        except Exception as error:
            # The settings were read; the engine said no. That is an answer, not a failed
            # request (a 4xx would also log a console error in the page for every typo).
            return JSONResponse({"ok": False, "error": _message(error)})
        return JSONResponse(
            {
                "ok": True,
                "css": built.css,
                "toml": built.toml,
                "python": built.python,
                "grade": built.grade,
                "state": built.request.canonical(),
            }
        )

    async def build_file(request: Request) -> Response:
        kind = request.path_params["kind"]
        if kind not in ("css", "toml", "py"):
            raise HTTPException(404)
        state = request.query_params.get("s", "")
        if len(state) > MAX_REQUEST_BYTES:
            raise HTTPException(413)
        try:
            data = json.loads(state)
        except ValueError:
            raise HTTPException(400, "the state is not JSON") from None
        try:
            built = await run_in_threadpool(pages.builder.build, data)
        except Exception as error:
            raise HTTPException(400, _message(error)) from None
        if kind == "css":
            return Response(built.css, media_type="text/css; charset=utf-8")
        text, media = {
            "toml": (built.toml, "application/toml; charset=utf-8"),
            "py": (built.python, "text/x-python; charset=utf-8"),
        }[kind]
        name = f"{slugify(built.request.name or built.request.base)}.{kind}"
        return Response(
            text,
            media_type=media,
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )

    async def not_found(request: Request, exc: Exception) -> Response:
        status = getattr(exc, "status_code", 404)
        if status == 404:
            return HTMLResponse(pages.not_found(), status_code=404)
        detail = getattr(exc, "detail", "") or ""
        return Response(detail, status_code=status, media_type="text/plain; charset=utf-8")

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

    routes = [
        Route("/", index),
        Route("/themes/{slug}/", detail),
        Route("/themes/{slug}/{filename}", theme_file),
        Route("/compare/", compare),
        Route("/builder/", builder_page),
        Route("/data/themes.json", themes_json),
        Route("/data/version.json", version_json),
        Route("/data/pairs.css", pairs_css),
        Route("/assets/{path:path}", asset),
        Route("/api/build", build, methods=["POST"]),
        Route("/api/build.{kind}", build_file),
    ]
    middleware = [Middleware(SecurityHeaders, headers=SECURITY_HEADERS)]
    if allowed_hosts:
        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts)))
    middleware.append(Middleware(GZipMiddleware, minimum_size=1024))
    app = Starlette(
        routes=routes,
        middleware=middleware,
        exception_handlers={HTTPException: not_found},
        lifespan=lifespan,
    )
    app.state.registry = registry
    app.state.pages = pages
    return app


def _message(error: Exception) -> str:
    """The one line a builder error shows."""
    if isinstance(error, LiveryError):
        return str(error)
    return f"{type(error).__name__}: {error}"
