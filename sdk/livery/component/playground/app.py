"""The playground's web application (starlette): the page, its assets, and the event API.

``POST /api/stories/<slug>/events/<event>`` with ``{"value": …}`` is one round trip through
Python: validation and ``preprocess`` (``from_browser``), the story's handler, ``postprocess``
(``to_browser``). The answer is ``{"ok": true, "value": …}``, or ``{"ok": false, "error":
"<one line>"}`` when the component refuses the value or the handler raises — an answer for the
page to show next to the story, never a crash of the server. ``…/messages`` (``{"content",
"buffers"}``) runs the component's ``on_message``, ``…/commands/<name>`` (``{"msg",
"buffers"}``) one of its ``@command`` methods (``"response"``, ``"buffers"``); every answer
carries the ``"messages"`` Python sent meanwhile. Buffers are base64 text. Requests that are
not JSON, too large or for an unknown story get a 4xx with the same shape. ``GET
/api/locate?line=&column=`` maps a position in the bundle (a ``render`` error's stack) back
through its source map: ``{"where": "frontend/index.js:12:11"}``.

Every response carries a strict Content-Security-Policy like the gallery's: scripts, styles and
the component's bundle come only from this server (no inline code, no Blob URLs), so what the
playground shows would also run under a strict host. ``POST`` requires ``application/json``,
which a cross-origin page cannot send without a preflight this server never grants, and the
Host header is checked when serving on loopback (against DNS rebinding).

The demo is read through a callable on every request, so a dev server can swap in a reloaded
one without rebuilding the application. ``dev_routes`` (the dev server's event stream) turns
on dev mode: the page also loads ``static/dev.js``, which applies what the stream says.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import BaseRoute, Route

from livery._web import SecurityHeaders, load_json, read_body, security_headers
from livery.component.base import MAP_FILE, Component
from livery.component.files import UploadStore, use_host
from livery.component.messages import decode_buffers, encode_buffers
from livery.component.playground.demo import Demo
from livery.component.playground.page import render_page
from livery.component.playground.uploads import upload_routes
from livery.component.sourcemap import locate
from livery.component.static import MODEL_JS
from livery.component.story import Story
from livery.component.themes import check_theme, theme_css
from livery.errors import ComponentError, HandlerError, JsonDepthError, LiveryError
from livery.theme import Theme
from livery.theme.fontfiles import find_file, stack_faces

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; media-src 'self' data: blob:; font-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
"""No inline script and nothing from another origin. Styles may be inline, as every anywidget
host allows: front ends set ``style=`` attributes and add ``<style>`` elements, and a style
cannot fetch anything here (images and fonts come from this server or data:/blob: URLs a
component makes from a value or an upload)."""
MAX_EVENT_BYTES = 32 * 1024 * 1024
"""The largest event body (an image value travels as base64)."""
STATIC_DIR = Path(__file__).parent / "static"
_JS = "text/javascript; charset=utf-8"
STATIC_FILES: dict[str, tuple[Path, str]] = {
    "playground.css": (STATIC_DIR / "playground.css", "text/css; charset=utf-8"),
    "playground.js": (STATIC_DIR / "playground.js", _JS),
    "story-model.js": (STATIC_DIR / "story-model.js", _JS),
    "model.js": (MODEL_JS, _JS),
    "dev.js": (STATIC_DIR / "dev.js", _JS),
    "favicon.svg": (STATIC_DIR / "favicon.svg", "image/svg+xml"),
}
"""The only files under ``/static/``: a fixed list, so no path ever reaches the disk.
``model.js`` is the model every host of a component shares (``livery.component.static``)."""
_NO_STORE = {"Cache-Control": "no-store"}
logger = logging.getLogger("livery.playground")

DemoSource = Callable[[], Demo]


@lru_cache(maxsize=64)
def theme_fonts(name: str) -> str:
    """The ``@font-face`` rules of a library theme's hosted fonts, for ``/themes/<name>.css``:
    the files are this server's ``/fonts/<file>`` copies (fetched once into Livery's font
    cache), so the page's fonts come from its own origin like everything else."""
    theme = Theme.load(check_theme(name))
    return stack_faces((*theme.font, *theme.font_mono), "../fonts", minify=True)


def create_app(
    demo: Demo | DemoSource,
    *,
    theme: str = "default",
    allowed_hosts: Sequence[str] | None = None,
    dev_routes: Sequence[BaseRoute] | None = None,
) -> Starlette:
    """The playground for ``demo`` (or for whatever ``demo()`` returns at each request)."""
    current: DemoSource = demo if callable(demo) else (lambda: demo)
    default_theme = check_theme(theme)
    dev = dev_routes is not None
    uploads = UploadStore()  # this app's files: uploads, and what its stories send

    def page(request: Request) -> Response:
        chosen = request.query_params.get("theme", default_theme)
        try:
            chosen = check_theme(chosen)
        except LiveryError:
            chosen = default_theme
        mode = "dark" if request.query_params.get("mode") == "dark" else "light"
        with use_host(uploads):  # the stories' files as this app serves them
            html = render_page(current(), theme=chosen, mode=mode, dev=dev)
        return HTMLResponse(html, headers=_NO_STORE)

    def bundle(request: Request) -> Response:
        built = current()
        return bundle_file(request.path_params["name"], built.js_path, built.css_path)

    def locate_error(request: Request) -> Response:
        """``{"where": "frontend/index.js:12:11"}``: a bundle position (``?line=&column=``, from
        a render error's stack) mapped back through the source map; ``null`` if it cannot be."""
        built = current()
        try:
            line, column = (int(request.query_params[key]) for key in ("line", "column"))
        except (KeyError, ValueError):
            return _failure("send ?line=&column= (numbers)", 400)
        source_map = built.js_path.with_name(MAP_FILE)
        where = locate(source_map, line, column, built.project.root)
        return JSONResponse({"where": where}, headers=_NO_STORE)

    def stories(request: Request) -> Response:
        built = current()
        with use_host(uploads):
            return JSONResponse(
                {
                    "component": built.component.name,
                    "events": list(built.component.events),
                    "stories": [
                        {
                            "slug": story.slug,
                            "name": story.name,
                            "state": story.instance(built.component).state(),
                        }
                        for story in built.stories
                    ],
                }
            )

    async def story_call(
        request: Request, required: str, run: Callable[[Component, Story, dict], object]
    ) -> Response:
        """One call from a story's front end: check the request, run ``run`` off the event
        loop on a fresh instance, answer with its result or one line saying why not."""
        built = current()
        story = built.story(request.path_params["slug"])
        if story is None:
            return _failure("no such story", 404)
        if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
            return _failure("send the event as application/json", 415)
        body = await read_body(request, MAX_EVENT_BYTES)
        if body is None:
            return _failure(f"the event is larger than {MAX_EVENT_BYTES // 2**20} MB", 413)
        try:
            data = load_json(body)
        except JsonDepthError as error:
            return _failure(str(error), 400)
        except ValueError:
            return _failure("the request is not JSON", 400)
        if not isinstance(data, dict) or required not in data:
            return _failure(f'send {{"{required}": …}}', 400)

        def respond() -> object:
            with use_host(uploads):
                instance = story.instance(built.component)
                answer = run(instance, story, data)
            messages = [
                [content, encode_buffers(buffers)] for content, buffers in instance.take_messages()
            ]
            return {"ok": True, **answer, "messages": messages}  # type: ignore[dict-item]

        try:
            answer = await run_in_threadpool(respond)
        except HandlerError as error:
            logger.error("%s", error, exc_info=error.__cause__)
            return _failure(str(error))
        except ComponentError as error:
            return _failure(str(error))
        except Exception as error:  # a bug in the component's own code: show it, keep serving
            logger.exception("%s of story %r", request.url.path, story.name)
            return _failure(f"{built.component.name}: {type(error).__name__}: {error}")
        return JSONResponse(answer, headers=_NO_STORE)

    async def event(request: Request) -> Response:
        name = request.path_params["event"]

        def run(instance: Component, story: Story, data: dict) -> dict:
            return {"value": story.respond(instance, name, data["value"])}

        return await story_call(request, "value", run)

    async def message(request: Request) -> Response:
        def run(instance: Component, story: Story, data: dict) -> dict:
            buffers = decode_buffers(data.get("buffers"), component=instance.name)
            instance.receive_message(data["content"], buffers)
            return {}

        return await story_call(request, "content", run)

    async def command(request: Request) -> Response:
        name = request.path_params["name"]

        def run(instance: Component, story: Story, data: dict) -> dict:
            buffers = decode_buffers(data.get("buffers"), component=instance.name, event=name)
            response, replies = instance.invoke(name, data["msg"], buffers)
            return {"response": response, "buffers": encode_buffers(replies)}

        return await story_call(request, "msg", run)

    async def http_error(request: Request, exc: Exception) -> Response:
        status = getattr(exc, "status_code", 500)
        detail = "not found" if status == 404 else (getattr(exc, "detail", "") or "error")
        return Response(detail, status_code=status, media_type="text/plain; charset=utf-8")

    routes = [
        Route("/", page),
        *asset_routes(),
        Route("/component/{name}", bundle),
        Route("/api/stories", stories),
        Route("/api/locate", locate_error),
        Route("/api/stories/{slug}/events/{event}", event, methods=["POST"]),
        Route("/api/stories/{slug}/messages", message, methods=["POST"]),
        Route("/api/stories/{slug}/commands/{name}", command, methods=["POST"]),
        *upload_routes(uploads),
        *(dev_routes or ()),
    ]
    middleware = [Middleware(SecurityHeaders, headers=security_headers(CSP))]
    if allowed_hosts:
        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts)))
    app = Starlette(
        routes=routes, middleware=middleware, exception_handlers={HTTPException: http_error}
    )
    app.state.demo = current
    app.state.uploads = uploads
    return app


def asset_routes() -> list[Route]:
    """The routes of the files every playground serves alike: its own scripts and styles,
    the library themes' stylesheets and their fonts (the dev server answers these itself)."""
    return [
        Route("/static/{name}", _static),
        Route("/themes/{name}.css", _theme_file),
        Route("/fonts/{name}", _font_file),
    ]


def bundle_file(name: str, js_path: Path, css_path: Path | None) -> Response:
    """``/component/<name>``: the built bundle, its source map or its stylesheet."""
    files: dict[str, tuple[Path | None, str]] = {
        "index.js": (js_path, "text/javascript; charset=utf-8"),
        MAP_FILE: (js_path.with_name(MAP_FILE), "application/json"),
        "style.css": (css_path, "text/css; charset=utf-8"),
    }
    path, media = files.get(name, (None, ""))
    if path is None:
        raise HTTPException(404)
    return _file(path, media, _NO_STORE)


def _static(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in STATIC_FILES:
        raise HTTPException(404)
    path, media = STATIC_FILES[name]
    return _file(path, media, _NO_STORE)


def _theme_file(request: Request) -> Response:
    try:
        css = theme_css(request.path_params["name"])
        fonts = theme_fonts(request.path_params["name"])
    except LiveryError:
        raise HTTPException(404) from None
    return Response(fonts + css, media_type="text/css; charset=utf-8")


def _font_file(request: Request) -> Response:
    path = find_file(request.path_params["name"])
    if path is None:
        raise HTTPException(404)
    return _file(path, "font/woff2")


def _file(path: Path, media: str, headers: dict[str, str] | None = None) -> Response:
    """A file read whole in this (thread-pool) handler: the playground's files are a few
    kilobytes to a few hundred, and ``FileResponse``'s stat and chunked reads in more
    thread-pool hops served a third as many requests (``bench/server_load.py``)."""
    try:
        body = path.read_bytes() if path.is_file() else None
    except OSError:  # gone since, or unreadable: as if it were not there
        body = None
    if body is None:
        raise HTTPException(404)
    return Response(body, media_type=media, headers=headers)


def _failure(message: str, status: int = 200) -> JSONResponse:
    """An event that did not go through: 200 when the component said no (an answer, not a
    failed request), 4xx when the request itself was wrong."""
    return JSONResponse({"ok": False, "error": message}, status_code=status, headers=_NO_STORE)
