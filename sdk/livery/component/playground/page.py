"""The playground page: one section per story, each with its initial state.

Rendered by jinja2 with autoescaping on: story names, descriptions and values come from the
project (and values may come from anywhere). The state a story starts in travels as JSON in a
``data-state`` attribute — escaped like any other text — because the page runs no inline
script. The bundle's URL carries its modification time, so a rebuilt front end is a new URL.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from livery import __version__
from livery.component.playground.demo import Demo
from livery.component.themes import theme_names

TEMPLATES_DIR = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class StoryView:
    """What the page shows of one story."""

    slug: str
    name: str
    description: str
    state: str
    """The initial state as JSON text."""
    handler: str
    """The handler's name and the event it runs on, or ``""``."""


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def story_views(demo: Demo) -> list[StoryView]:
    views = []
    for story in demo.stories:
        instance = story.instance(demo.component)
        handler = ""
        if story.handler is not None:
            name = getattr(story.handler, "__name__", "handler")
            handler = f"{name}() on {story.handler_event(instance)}"
        views.append(
            StoryView(
                slug=story.slug,
                name=story.name,
                description=story.description,
                state=json.dumps(instance.state(), ensure_ascii=False, separators=(",", ":")),
                handler=handler,
            )
        )
    return views


def _stamp(path: Path | None) -> str:
    return str(path.stat().st_mtime_ns) if path is not None and path.is_file() else "0"


def render_page(demo: Demo, *, theme: str, mode: str, dev: bool = False) -> str:
    """The page for ``demo`` with ``theme`` in ``mode`` (``"light"`` or ``"dark"``); ``dev``
    adds the dev server's script (hot reload and the error overlay)."""
    css_path = demo.css_path
    return (
        _environment()
        .get_template("index.html")
        .render(
            component=demo.component.name,
            package=demo.package,
            spec=json.dumps(demo.component.front_end_spec(), separators=(",", ":")),
            stories=story_views(demo),
            themes=theme_names(),
            theme=theme,
            mode=mode,
            bundle=f"component/index.js?v={_stamp(demo.js_path)}",
            component_css=f"component/style.css?v={_stamp(css_path)}" if css_path else None,
            livery_version=__version__,
            dev=dev,
        )
    )
