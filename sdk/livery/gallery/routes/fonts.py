"""``/fonts/<file>``: the woff2 files of the themes' hosted fonts, from Livery's font cache.

Only names the cache generates (``[a-z0-9-]+.woff2``) are looked up, so no request reaches
any other file; the preview stylesheets point here with ``../../fonts/<file>``.
"""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, Response

from livery.theme.fontfiles import find_file


def font_file(request: Request) -> Response:
    path = find_file(request.path_params["filename"])
    if path is None:
        raise HTTPException(404)
    return FileResponse(
        path, media_type="font/woff2", headers={"Cache-Control": "public, max-age=86400"}
    )
