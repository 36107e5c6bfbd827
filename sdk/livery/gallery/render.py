"""The gallery's jinja2 environment: templates from ``data_dir("gallery")/templates``.

Autoescaping is on for every template and every string, and nothing from a theme is ever
marked safe: names, descriptions, tags and error messages come from strangers. Data that must
be JSON inside an attribute goes through ``tojson_text``, which returns a plain string so that
autoescaping still applies to it.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from livery import __version__
from livery._resources import data_dir


def gallery_dir() -> Path:
    """The gallery's front-end folder (templates and static assets)."""
    return data_dir("gallery")


def static_dir() -> Path:
    return gallery_dir() / "static"


def tojson_text(value: object) -> str:
    """JSON as an ordinary string (escaped by the template like any other text)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@cache
def environment() -> Environment:
    """The shared environment (jinja2 environments are safe to render from many threads)."""
    env = Environment(
        loader=FileSystemLoader(gallery_dir() / "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters["tojson_text"] = tojson_text
    env.globals["livery_version"] = __version__
    return env


def render(template: str, **context: object) -> str:
    """Render one page template."""
    return environment().get_template(template).render(**context)
