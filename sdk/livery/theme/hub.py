"""The versions of a theme shared on the Hugging Face Hub, read from a Space's file listing.

Gradio publishes each version of a theme as ``themes/theme_schema@<version>.json`` in a Space
and picks one with a semantic-version expression (``"3.10.0"``, ``">=3.10,<3.15"``, empty for
the latest). Livery does not talk to the Hub, but code that lists or picks those files from a
``SpaceInfo`` it fetched itself runs unchanged. Versions and expressions are read by
``semantic_version``, the library Gradio uses, so a version Gradio picks is the one Livery
picks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import semantic_version


@dataclass
class ThemeAsset:
    """One published version of a theme: its file name in the Space and the version in it."""

    filename: str
    version: semantic_version.Version = field(init=False)

    def __post_init__(self) -> None:
        self.version = semantic_version.Version(self.filename.split("@")[1].replace(".json", ""))


def get_theme_assets(space_info: Any) -> list[ThemeAsset]:
    """The theme files of a Space (a ``huggingface_hub`` ``SpaceInfo``, or anything with
    ``siblings`` holding ``rfilename``s): those under ``themes/``."""
    return [
        ThemeAsset(sibling.rfilename)
        for sibling in space_info.siblings or ()
        if sibling.rfilename.startswith("themes/")
    ]


def get_matching_version(assets: list[ThemeAsset], expression: str | None) -> ThemeAsset | None:
    """The asset with the highest version ``expression`` allows (any, when it is empty), or
    ``None`` when none does."""
    best = semantic_version.SimpleSpec(expression or "*").select([a.version for a in assets])
    return next((asset for asset in assets if asset.version == best), None)


def next_version(assets: list[ThemeAsset]) -> str:
    """The version an upload without one would get: the patch after the latest."""
    return str(max(asset.version for asset in assets).next_patch())


def has_version(assets: list[ThemeAsset], version: str) -> bool:
    """Whether ``assets`` hold ``version``."""
    wanted = semantic_version.Version(version)
    return any(asset.version == wanted for asset in assets)
