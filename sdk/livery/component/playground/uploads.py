"""The playground's file uploads: ``POST /api/uploads`` stores one, ``GET /api/files/<token>``
serves it.

The front end's ``model.upload(file)`` sends the file as the raw request body (no multipart:
nothing to parse, and the size is counted while it streams in), its type as ``Content-Type``
and its name, URL-encoded, in ``X-Livery-File-Name``. That custom header is required: a
cross-origin page cannot send it without a preflight this server never grants, so no other
site can fill the store. The answer is ``{"ok": true, "file": {url, name, mime, size}}``, the
browser form to put into the value, or ``{"ok": false, "error": "<one line>"}``.

Files are served only by token from the app's ``UploadStore``. Types a browser would render as
a document or run (HTML, SVG, JavaScript, …) are served as ``application/octet-stream``
attachments, so an upload can never act as a page or a script of the playground's origin.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from urllib.parse import quote, unquote

from starlette.requests import ClientDisconnect, Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route

from livery.component.files import UploadStore, clean_name, size_text

NAME_HEADER = "x-livery-file-name"
UPLOADS_PATH = "/api/uploads"
FILES_PATH = "/api/files/"
INLINE_TYPES = ("image/", "audio/", "video/")
"""Types served as themselves: what an ``<img>``, ``<audio>`` or ``<video>`` shows."""
NOT_INLINE = frozenset({"image/svg+xml"})
"""Image types that are documents (SVG runs scripts when opened as a page)."""
_NO_STORE = {"Cache-Control": "no-store"}


def upload_routes(store: UploadStore) -> list[Route]:
    """The two routes of ``store``'s uploads; ``store.prefix`` must be ``/api/files/``."""

    async def upload(request: Request) -> Response:
        encoded = request.headers.get(NAME_HEADER)
        if encoded is None:
            return _failure(f"send the file's name in {NAME_HEADER}", 400)
        name = clean_name(unquote(encoded))
        mime = request.headers.get("content-type", "").split(";")[0].strip().lower()
        mime = mime or "application/octet-stream"
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > store.max_bytes:
            return _failure(f"{name or 'the file'} is over {size_text(store.max_bytes)}", 413)
        try:
            chunks = [chunk async for chunk in _limited(request, store.max_bytes)]
        except ValueError:
            return _failure(f"{name or 'the file'} is over {size_text(store.max_bytes)}", 413)
        except ClientDisconnect:
            return _failure("the upload was interrupted", 400)
        file = store.save(chunks, name, mime)
        return JSONResponse({"ok": True, "file": store.publish(file)}, headers=_NO_STORE)

    def serve(request: Request) -> Response:
        file = store.get(request.path_params["token"])
        if file is None or not file.path.is_file():
            return Response("not found", status_code=404, media_type="text/plain")
        inline = file.mime.startswith(INLINE_TYPES) and file.mime not in NOT_INLINE
        disposition = "inline" if inline else "attachment"
        headers = {
            **_NO_STORE,
            "Content-Disposition": f"{disposition}; filename*=UTF-8''{quote(file.name or 'file')}",
        }
        media = file.mime if inline else "application/octet-stream"
        return FileResponse(file.path, media_type=media, headers=headers)

    return [
        Route(UPLOADS_PATH, upload, methods=["POST"]),
        Route(FILES_PATH + "{token}", serve),
    ]


async def _limited(request: Request, limit: int) -> AsyncIterator[bytes]:
    """The body's chunks; ``ValueError`` as soon as they pass ``limit`` bytes."""
    total = 0
    async for chunk in request.stream():
        total += len(chunk)
        if total > limit:
            raise ValueError("too large")
        yield chunk


def _failure(message: str, status: int) -> JSONResponse:
    return JSONResponse({"ok": False, "error": message}, status_code=status, headers=_NO_STORE)
