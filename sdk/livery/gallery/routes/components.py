"""The components page and the files its stories load: the shared model and each installed
component's built module and stylesheet, found through the catalogue (never a path from the
request)."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response

from livery.component.static import MODEL_JS
from livery.gallery.routes.files import MEDIA_TYPES
from livery.gallery.routes.state import state


def page(request: Request) -> Response:
    return HTMLResponse(state(request).pages.components())


def model(request: Request) -> Response:
    return FileResponse(MODEL_JS, media_type=MEDIA_TYPES[".js"])


def component_file(request: Request) -> Response:
    card = state(request).pages.catalogue.card(request.path_params["slug"])
    path = None if card is None else card.file(request.path_params["filename"])
    if path is None:
        raise HTTPException(404)
    return FileResponse(path, media_type=MEDIA_TYPES[path.suffix])
