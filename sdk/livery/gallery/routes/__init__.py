"""The gallery's address table: every URL the server answers, and the handler behind it.

Handlers are plain functions grouped by what they serve — ``pages`` (HTML), ``files`` (theme
stylesheets, downloads, data files, assets) and ``api`` (the builder) — and find the gallery's
objects on ``request.app.state`` (see ``state``), so that ``create_app`` only wires them.
"""

from __future__ import annotations

from typing import Final

from starlette.routing import Route

from livery.gallery.routes import api, components, files, fonts, pages

ROUTES: Final = (
    Route("/", pages.index),
    Route("/themes/{slug}/", pages.detail),
    Route("/themes/{slug}/{filename}", files.theme_file),
    Route("/compare/", pages.compare),
    Route("/builder/", pages.builder_page),
    Route("/components/", components.page),
    Route("/components/model.js", components.model),
    Route("/components/{slug}/{filename}", components.component_file),
    Route("/data/themes.json", files.themes_json),
    Route("/data/version.json", files.version_json),
    Route("/data/pairs.css", files.pairs_css),
    Route("/assets/{path:path}", files.asset),
    Route("/fonts/{filename}", fonts.font_file),
    Route("/api/build", api.build, methods=["POST"]),
    Route("/api/build.{kind}", api.build_file),
)
