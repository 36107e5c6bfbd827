"""The HTML pages: index, a theme's detail page, compare, builder, and the 404 page."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from livery.gallery.routes.state import state

HTML = "text/html; charset=utf-8"


def index(request: Request) -> Response:
    gallery = state(request)
    return gallery.compressed.response(request, "/", gallery.pages.index(), HTML)


def detail(request: Request) -> Response:
    gallery = state(request)
    slug = request.path_params["slug"]
    text = gallery.pages.detail(slug)
    if text is None:
        raise HTTPException(404)
    return gallery.compressed.response(request, f"/themes/{slug}/", text, HTML)


def compare(request: Request) -> Response:
    return _html(state(request).pages.compare())


def builder_page(request: Request) -> Response:
    return _html(state(request).pages.builder_page(request.query_params.get("from")))


async def error_page(request: Request, exc: Exception) -> Response:
    """Every ``HTTPException``: the 404 page, or the detail as plain text for other codes."""
    status = getattr(exc, "status_code", 404)
    if status == 404:
        return HTMLResponse(state(request).pages.not_found(), status_code=404)
    detail = getattr(exc, "detail", "") or ""
    return Response(detail, status_code=status, media_type="text/plain; charset=utf-8")


def _html(text: str | None) -> Response:
    if text is None:
        raise HTTPException(404)
    return HTMLResponse(text)
