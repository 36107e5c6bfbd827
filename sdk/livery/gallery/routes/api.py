"""The builder's API: settings in, a built theme out (``POST /api/build``), or one of its
files by GET (``/api/build.<kind>?s=<state>``): ``css`` is the preview's stylesheet (which the
page's ``<link>`` uses), ``py`` the Python snippet, and every other kind one of
``builder.exports``, the file ``livery theme export`` writes for the same theme."""

from __future__ import annotations

from typing import Final

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from livery._web import load_json, read_body
from livery.errors import JsonDepthError, LiveryError, ThemeBuilderError, ThemeError
from livery.gallery.builder import MAX_REQUEST_BYTES, Built
from livery.gallery.builder.exports import BY_KIND
from livery.gallery.routes.files import CSS, attachment
from livery.gallery.routes.state import state

PYTHON: Final = "text/x-python; charset=utf-8"


async def build(request: Request) -> Response:
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        return JSONResponse({"error": "send the settings as application/json"}, 415)
    body = await read_body(request, MAX_REQUEST_BYTES)  # counted while it streams in
    if body is None:
        return JSONResponse({"error": "the request is too large"}, 413)
    try:
        data = load_json(body)
    except JsonDepthError as error:
        return JSONResponse({"error": str(error)}, 400)
    except ValueError:
        return JSONResponse({"error": "the request is not JSON"}, 400)
    try:
        built = await _build(request, data)
    except Exception as error:
        # The settings were read; the engine said no. That is an answer, not a failed
        # request (a 4xx would also log a console error in the page for every typo).
        return JSONResponse({"ok": False, "error": _message(error), "field": _field(error)})
    return JSONResponse(built.to_json())


async def build_file(request: Request) -> Response:
    kind = request.path_params["kind"]
    if kind not in ("css", "py") and kind not in BY_KIND:
        raise HTTPException(404)
    text = request.query_params.get("s", "")
    if len(text) > MAX_REQUEST_BYTES:
        raise HTTPException(413)
    try:
        data = load_json(text)
    except JsonDepthError as error:
        raise HTTPException(400, str(error)) from None
    except ValueError:
        raise HTTPException(400, "the state is not JSON") from None
    try:
        built = await _build(request, data)
    except Exception as error:
        raise HTTPException(400, _message(error)) from None
    if kind == "css":
        return Response(built.css, media_type=CSS)
    stem = built.stem()
    if kind == "py":
        return attachment(built.python, PYTHON, f"{stem}.py")
    export = BY_KIND[kind]
    try:
        body = await run_in_threadpool(export.render, built.theme, stem)
    except Exception as error:
        raise HTTPException(400, _message(error)) from None
    return attachment(body, export.media_type, export.filename(stem))


async def _build(request: Request, data: object) -> Built:
    """Build off the event loop: the engine's work is synchronous and can take a while."""
    return await run_in_threadpool(state(request).pages.builder.build, data)


def _message(error: Exception) -> str:
    """The one line a builder error shows."""
    if isinstance(error, LiveryError):
        return str(error)
    return f"{type(error).__name__}: {error}"


def _field(error: Exception) -> str | None:
    """The builder field an error concerns, for the page to mark (``None``: the whole form)."""
    if isinstance(error, ThemeBuilderError):
        return error.field
    if isinstance(error, ThemeError):
        return error.variable
    return None
