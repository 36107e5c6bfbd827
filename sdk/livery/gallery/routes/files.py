"""Files: a theme's preview stylesheet and downloads, the data files, and the assets.

Static files come only from the gallery's own ``static`` folder, through a path check that
refuses ``..``, hidden names, absolute paths and anything that resolves outside it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, Response

from livery.gallery import downloads
from livery.gallery.routes.state import state

CSS: Final = "text/css; charset=utf-8"
JSON: Final = "application/json"
MEDIA_TYPES: Final = {
    ".css": CSS,
    ".js": "text/javascript; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".json": JSON,
}
"""The only kinds of file the asset route serves."""


def theme_file(request: Request) -> Response:
    """``scoped.css`` (the preview stylesheet) or one of the theme's downloads."""
    registry = state(request).registry
    slug, filename = request.path_params["slug"], request.path_params["filename"]
    card = registry.card(slug)
    if card is None or not card.ok:
        raise HTTPException(404)
    if filename == "scoped.css":
        try:
            css = registry.preview_css(slug)
        except Exception:
            raise HTTPException(404) from None
        return Response(css, media_type=CSS)
    download = downloads.find(slug, filename)
    if download is None:
        raise HTTPException(404)
    try:
        text = download.render(registry.theme(slug))
    except Exception:
        raise HTTPException(404) from None
    return attachment(text, download.media_type, filename)


def themes_json(request: Request) -> Response:
    gallery = state(request)
    return gallery.compressed.response(
        request, "/data/themes.json", gallery.pages.themes_json(), JSON
    )


def version_json(request: Request) -> Response:
    return Response(
        state(request).pages.version_json(),
        media_type=JSON,
        headers={"Cache-Control": "no-store"},
    )


def pairs_css(request: Request) -> Response:
    return Response(state(request).pages.pairs_css(), media_type=CSS)


def asset(request: Request) -> Response:
    path = safe_static_path(state(request).assets, request.path_params["path"])
    if path is None:
        raise HTTPException(404)
    return FileResponse(path, media_type=MEDIA_TYPES[path.suffix.lower()])


def attachment(text: str, media_type: str, filename: str) -> Response:
    """A file to save rather than show (``filename`` is always a slug and a known suffix)."""
    return Response(
        text,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


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
