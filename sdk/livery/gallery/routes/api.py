"""The builder's API: settings in, a built theme out (``POST /api/build``), or one of its
files by GET (``/api/build.css|toml|py?s=<state>``, which the page's ``<link>`` can use)."""

from __future__ import annotations

import json
from typing import Final

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from livery.errors import LiveryError
from livery.gallery.builder import MAX_REQUEST_BYTES, Built
from livery.gallery.cards import slugify
from livery.gallery.routes.files import CSS, attachment
from livery.gallery.routes.state import state

FILE_TYPES: Final = {
    "toml": "application/toml; charset=utf-8",
    "py": "text/x-python; charset=utf-8",
}
"""The builder's downloads by suffix (``css`` is served as a stylesheet, not a download)."""


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
        built = await _build(request, data)
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
    if kind != "css" and kind not in FILE_TYPES:
        raise HTTPException(404)
    text = request.query_params.get("s", "")
    if len(text) > MAX_REQUEST_BYTES:
        raise HTTPException(413)
    try:
        data = json.loads(text)
    except ValueError:
        raise HTTPException(400, "the state is not JSON") from None
    try:
        built = await _build(request, data)
    except Exception as error:
        raise HTTPException(400, _message(error)) from None
    if kind == "css":
        return Response(built.css, media_type=CSS)
    body = built.toml if kind == "toml" else built.python
    name = f"{slugify(built.request.name or built.request.base)}.{kind}"
    return attachment(body, FILE_TYPES[kind], name)


async def _build(request: Request, data: object) -> Built:
    """Build off the event loop: the engine's work is synchronous and can take a while."""
    return await run_in_threadpool(state(request).pages.builder.build, data)


def _message(error: Exception) -> str:
    """The one line a builder error shows."""
    if isinstance(error, LiveryError):
        return str(error)
    return f"{type(error).__name__}: {error}"
