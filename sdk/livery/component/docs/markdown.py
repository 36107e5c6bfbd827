"""The component's reference as a section of its ``README.md``, kept between markers.

The section sits between ``<!-- livery-docs:start -->`` and ``<!-- livery-docs:end -->``
(inserted before the first ``## `` heading when the markers are missing); every byte outside the
markers is kept, so the author's own README text survives every re-run.

Docstrings, descriptions, defaults and story names are the component author's text, not
Livery's: the Markdown turns ``<``, ``>`` and ``&`` into entities, backslash-escapes Markdown's
own punctuation and never puts a ``<`` in code, so no text can add HTML or spell a marker.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from livery.component.base import Component
from livery.component.docs.page import PAGE
from livery.component.docs.reference import (
    Prop,
    blocks,
    checked_distribution,
    gradio_snippet,
    reference,
    segments,
)
from livery.component.story import Story
from livery.errors import DocsError

START = "<!-- livery-docs:start -->"
END = "<!-- livery-docs:end -->"
README = "README.md"
_MD_PUNCTUATION = re.compile(r"([\\`*_\[\]{}|#~])")
_MD_LINE_START = re.compile(r"^(\d+)([.)])|^([-+=])")


def readme_section(
    component: type[Component],
    stories: Sequence[Story],
    *,
    distribution: str | None = None,
    page: str = PAGE.as_posix(),
) -> str:
    """The README section (Markdown, without the markers) documenting ``component``."""
    ref = reference(component)
    lines = [
        f"<!-- Written by 'livery component docs' from {ref.name}: edits here are replaced. -->",
        "",
        f"## {ref.name} reference",
        "",
    ]
    lines += [block + "\n" for block in _md_blocks("\n\n".join([ref.summary, ref.body]))]
    if distribution is not None:
        lines += ["```sh", f"pip install {checked_distribution(distribution)}", "```", ""]
    lines += ["In a Gradio 6 app:", "", "```python", gradio_snippet(ref), "```", ""]
    lines += ["### Props", ""]
    lines += [block + "\n" for block in _md_blocks(ref.props_note)]
    lines += _md_table("Prop", ref.props)
    lines += ["### Events", ""]
    if ref.events:
        lines += [f"- `{event}`: `widget.{event}(fn, inputs, outputs)`" for event in ref.events]
    else:
        lines.append("None: the component only shows its value.")
    lines += ["", "### Value", "", f"Type: {_md_code(ref.value_type)}"]
    if ref.value_description:
        lines += ["", _md_inline(ref.value_description)]
    lines += ["", "```json", _md_json(ref.schema), "```", ""]
    if ref.traits:
        lines += [
            "### Traits",
            "",
            "Read and set one by one: `model.get(name)`, `model.set(name, v)`.",
            "",
        ]
        lines += _md_table("Trait", ref.traits)
    if ref.commands:
        lines += ["### Commands", "", ", ".join(f"`{name}`" for name in ref.commands), ""]
    lines += ["### Stories", ""]
    for story in stories:
        note = f": {_md_inline(story.description)}" if story.description.strip() else ""
        lines.append(f"- {_md_text(story.name)}{note}")
    lines += ["", f"Live previews of every story: [{_md_text(page)}]({_md_link(page)}).", ""]
    return "\n".join(lines)


def _md_text(text: str) -> str:
    """Plain text that Markdown shows as it is: no HTML, no emphasis, no list, no table cell."""
    text = re.sub(r"\s+", " ", text)  # a segment keeps its edges: "a ``b`` c"
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_PUNCTUATION.sub(r"\\\1", text)
    return _MD_LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", text)


def _md_code(text: str, *, cell: bool = False) -> str:
    """``text`` as inline code when it can be, else escaped text: code shows ``>`` and ``&`` as
    they are, but it cannot hold a backtick or an entity, and a ``<`` could spell a marker.
    In a table ``cell`` a ``|`` is escaped, which GFM undoes inside code too."""
    if not text or re.search(r"[`<\n]", text) or text != text.strip():
        return _md_text(text) if text else ""
    return f"`{text.replace('|', chr(92) + '|')}`" if cell else f"`{text}`"


def _md_inline(text: str, *, cell: bool = False) -> str:
    """Docstring text on one line, with its ````literal```` parts as code."""
    return "".join(
        _md_code(part, cell=cell) if literal else _md_text(part)
        for literal, part in segments(" ".join(text.split()))
    )


def _md_blocks(text: str) -> list[str]:
    out = []
    for kind, items in blocks(text):
        if kind == "ul":
            out.append("\n".join(f"- {_md_inline(item)}" for item in items))
        else:
            out.append(_md_inline(items[0]))
    return out


def _md_json(value: object) -> str:
    """JSON for a fenced block: ASCII with ``<``, ``>``, ``&`` and backticks as ``\\u`` escapes
    (the same data), so it can neither close the fence nor spell a marker."""
    text = json.dumps(value, indent=2, ensure_ascii=True)
    for char in "<>&`":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


def _md_table(what: str, rows: Sequence[Prop]) -> list[str]:
    lines = [f"| {what} | Type | Default | Description |", "|---|---|---|---|"]
    for row in rows:
        cells = [_md_code(text, cell=True) for text in (row.name, row.type, row.default)]
        lines.append(f"| {' | '.join(cells)} | {_md_inline(row.description, cell=True)} |")
    return [*lines, ""]


def _md_link(target: str) -> str:
    return "".join(
        char if char.isalnum() or char in "/._-" else f"%{ord(char):02X}" for char in target
    )


def with_section(readme: str, section: str, shown: str = README) -> str:
    """``readme`` with ``section`` between the markers, every other byte kept.

    Without markers the section goes before the first ``## `` heading after the title (outside
    code fences), or at the end. The file's line endings are used for the inserted lines.
    """
    newline = "\r\n" if "\r\n" in readme else "\n"
    block = f"{START}\n{section.rstrip()}\n{END}".replace("\n", newline)
    start = readme.find(START)
    if start >= 0:
        end = readme.find(END, start + len(START))
        if end < 0:
            raise DocsError(f"{shown}: {START} has no {END} after it; add it or remove both")
        return readme[:start] + block + readme[end + len(END) :]
    if END in readme:
        raise DocsError(f"{shown}: {END} has no {START} before it; add it or remove both")
    where = _insertion_point(readme)
    if where is not None:
        return readme[:where] + block + newline * 2 + readme[where:]
    if not readme or readme.endswith(newline * 2):
        separator = ""
    else:
        separator = newline if readme.endswith(newline) else newline * 2
    return readme + separator + block + newline


def _insertion_point(readme: str) -> int | None:
    """The offset of the first ``## `` line (the title is ``# ``), outside code fences."""
    offset, fence = 0, ""
    for line in readme.splitlines(keepends=True):
        marker = line.lstrip()[:3]
        if marker in ("```", "~~~"):
            fence = "" if fence == marker else fence or marker
        elif not fence and line.startswith("## "):
            return offset
        offset += len(line)
    return None
