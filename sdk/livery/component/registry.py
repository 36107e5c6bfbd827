"""Installed components: packages that declare the entry point group ``livery.components``.

A component package says ``[project.entry-points."livery.components"] my_widget =
"my_widget:MyWidget"``; the playground, the gallery and ``livery component list`` find it here.
Loading imports the package, which may fail for a broken one: ``load`` turns any such failure
into a ``ComponentError`` so a listing can show it next to the others instead of crashing.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import EntryPoint, entry_points

from livery.component.base import Component
from livery.errors import ComponentError

ENTRY_POINT_GROUP = "livery.components"


@dataclass(frozen=True)
class InstalledComponent:
    """One entry point in the group, and the distribution that declares it."""

    name: str
    package: str
    version: str
    target: str
    """``module:Class`` as declared."""
    entry_point: EntryPoint

    def load(self) -> type[Component]:
        """The component class, or a ``ComponentError`` saying why it cannot be used."""
        try:
            loaded = self.entry_point.load()
        except Exception as error:
            raise ComponentError(
                f"cannot import {self.target}: {type(error).__name__}: {error}",
                component=self.name,
            ) from None
        if not (isinstance(loaded, type) and issubclass(loaded, Component)):
            raise ComponentError(
                f"{self.target} is not a livery.Component subclass", component=self.name
            )
        return loaded


def installed() -> list[InstalledComponent]:
    """Every installed component, sorted by name then package."""
    found: dict[tuple[str, str], InstalledComponent] = {}
    for point in entry_points(group=ENTRY_POINT_GROUP):
        dist = point.dist
        package = dist.name if dist is not None else "?"
        version = dist.version if dist is not None else "?"
        key = (point.name, package)
        found.setdefault(key, InstalledComponent(point.name, package, version, point.value, point))
    return [found[key] for key in sorted(found)]
