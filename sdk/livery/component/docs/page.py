"""The component's reference as one static HTML page, every story of ``demo/app.py`` live.

Each story is mounted in the chosen theme by the same standalone mount the visual tests use.
The page inlines the bundle, the model and every stylesheet, so it works opened from disk
(``file://``).

Docstrings, descriptions, defaults and story names are the component author's text, not
Livery's: the page escapes them (jinja2 autoescaping), and stylesheets are inlined so that
nothing in them can end their ``<style>`` element.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from livery.component.base import Component
from livery.component.docs.reference import (
    blocks,
    checked_distribution,
    gradio_snippet,
    reference,
    segments,
)
from livery.component.story import Story

PAGE = Path("docs") / "index.html"
"""Where the page goes, relative to the project's root."""
TEMPLATES = Path(__file__).with_name("templates")


def docs_page(
    component: type[Component],
    stories: Sequence[Story],
    theme: str = "default",
    *,
    distribution: str | None = None,
) -> str:
    """The docs as one static HTML page, every story mounted live in ``theme`` (a library
    theme). Needs the built front end (``AssetsMissingError`` otherwise)."""
    from livery.component.standalone import mount_html
    from livery.component.themes import check_theme, theme_css

    ref = reference(component)
    chosen = check_theme(theme)
    previews = [
        {
            "name": story.name,
            "slug": story.slug,
            "description": story.description,
            "mount": Markup(mount_html(story.instance(component), f"livery-story-{story.slug}")),
        }
        for story in stories
    ]
    return (
        _environment()
        .get_template("page.html.jinja")
        .render(
            ref=ref,
            theme=chosen,
            theme_css=_style_text(theme_css(chosen)),
            component_css=_style_text(component.css()),
            install=checked_distribution(distribution) if distribution is not None else None,
            gradio=gradio_snippet(ref),
            schema=json.dumps(ref.schema, indent=2, ensure_ascii=False),
            stories=previews,
        )
    )


def _html_inline(text: str) -> Markup:
    return Markup("").join(
        Markup("<code>{}</code>").format(part) if literal else escape(part)
        for literal, part in segments(text)
    )


def _html_blocks(text: str) -> Markup:
    out = []
    for kind, items in blocks(text):
        if kind == "ul":
            listed = Markup("").join(Markup("<li>{}</li>").format(_html_inline(i)) for i in items)
            out.append(Markup("<ul>{}</ul>").format(listed))
        else:
            out.append(Markup("<p>{}</p>").format(_html_inline(items[0])))
    return Markup("\n").join(out)


def _style_text(css: str) -> Markup:
    """CSS for a ``<style>`` element: ``</`` becomes ``<\\/`` (the same CSS), so nothing in it
    can end the element."""
    return Markup(css.replace("</", "<\\/"))


@cache
def _environment() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    environment.filters["inline"] = _html_inline
    environment.filters["blocks"] = _html_blocks
    return environment
