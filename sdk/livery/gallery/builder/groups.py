"""The builder's variable groups: every catalogue variable under the heading Gradio's
``gr.themes.builder()`` would show it, found by its name's prefix.

One table says which prefixes make a group, in the order the page lists them (Gradio's order:
core sizing, body, element colours, text, shadows, layout, then each component). The palette
shades and the font stacks have their own controls, so they are in no group here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from livery.theme import VARIABLES, Variable


@dataclass(frozen=True)
class Group:
    """One heading of the builder's variables: a key, a title, a line on what it styles and
    the name prefixes of its variables."""

    key: str
    title: str
    summary: str
    prefixes: tuple[str, ...]


GROUPS: Final = (
    Group("sizes", "Core sizing", "The size scales others refer to as *text_md, *spacing_lg…",
          ("text_", "spacing_", "radius_")),
    Group("body", "Body", "The page: background, text colour, size and weight",
          ("body_", "embed_")),
    Group("colours", "Element colours", "Accent, background and border colours",
          ("color_accent", "background_fill_", "border_color_")),
    Group("text", "Text and links", "Links, prose and section headers",
          ("link_", "prose_", "section_header_")),
    Group("shadows", "Shadows", "The shadows component shadows refer to", ("shadow_",)),
    Group("layout", "Layout", "Containers, gaps and panels",
          ("container_", "form_gap_", "layout_", "panel_")),
    Group("block", "Blocks", "The boxes around components, their labels and titles",
          ("block_",)),
    Group("button", "Buttons", "Primary, secondary and cancel buttons, and their sizes",
          ("button_",)),
    Group("input", "Inputs", "Text boxes, dropdowns and number fields", ("input_",)),
    Group("checkbox", "Checkboxes and radios", "Boxes, circles and their labels",
          ("checkbox_", "radio_")),
    Group("table", "Tables", "Data frames and tables", ("table_",)),
    Group("chatbot", "Chatbot", "Chat messages", ("chatbot_",)),
    Group("code", "Code", "Code blocks", ("code_",)),
    Group("accordion", "Accordions", "Accordion labels", ("accordion_",)),
    Group("error", "Errors", "Error messages and their icons", ("error_",)),
    Group("other", "Other components", "Loader, slider and statistics",
          ("loader_", "slider_", "stat_")),
)  # fmt: skip
"""The groups in page order; a variable belongs to the first group with a prefix of its name."""

OWN_CONTROLS: Final = frozenset({"palette", "font"})
"""Catalogue groups the page edits with their own controls (shade pickers, font stacks)."""


@lru_cache(maxsize=1)
def grouped() -> tuple[tuple[Group, tuple[Variable, ...]], ...]:
    """Each group with its variables, in catalogue order (empty groups left out)."""
    members: dict[str, list[Variable]] = {group.key: [] for group in GROUPS}
    for variable in VARIABLES:
        if variable.group in OWN_CONTROLS:
            continue
        group = group_of(variable.name)
        if group is None:
            raise LookupError(f"{variable.name} matches no builder group")  # a catalogue change
        members[group.key].append(variable)
    return tuple((group, tuple(members[group.key])) for group in GROUPS if members[group.key])


def group_of(name: str) -> Group | None:
    """The group a variable's name puts it in."""
    return next((group for group in GROUPS if name.startswith(group.prefixes)), None)
