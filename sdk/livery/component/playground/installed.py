"""The playground of an installed component, with no project folder.

A template's wheel carries the project's ``demo/app.py`` as ``<package>/_demo.py``, so an
installed component shows its own stories (``installed_stories``; the gallery shows the same
ones). A wheel without them is shown in the states every component has: empty, with its
``example_value()``, disabled and with an error message (``default_stories``).
``find_installed`` accepts what people call a package: its import name (``demo_text``), its
distribution name (``livery-sdk-demo-text``) or the entry point's name, each in any spelling
an index would accept (``Livery_SDK_Demo.Text``, ``demo-text``).
``open_demo`` is what the playground command calls: a folder that exists is a project, as
before; anything else is looked up among the installed components.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path

from packaging.utils import canonicalize_name

from livery.component.base import Component
from livery.component.playground.demo import Demo, load_demo
from livery.component.registry import InstalledComponent, installed
from livery.component.story import Story
from livery.errors import ComponentError, DemoError


def default_stories(component: type[Component]) -> tuple[Story, ...]:
    """The stories of a component known only by its class (``ComponentError`` if its
    ``example_value()`` cannot be made)."""
    example = component().example_value()
    label = component.name
    return (
        Story("empty", props={"label": label}),
        Story("example", value=example, props={"label": label}),
        Story("disabled", value=example, props={"label": label, "disabled": True}),
        Story("error", value=example, props={"label": label, "error": "Something is wrong"}),
    )


DEMO_MODULE = "_demo"
"""Where a wheel keeps the project's stories: ``<package>/_demo.py``."""


def installed_stories(item: InstalledComponent, component: type[Component]) -> tuple[Story, ...]:
    """The stories the package ships (its project's ``demo/app.py``), else
    ``default_stories``. An error inside the shipped demo propagates: the caller names it."""
    name = f"{import_name(item)}.{DEMO_MODULE}"
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as error:
        if error.name != name:
            raise
        return default_stories(component)
    stories = tuple(getattr(module, "stories", ()) or ())
    if not all(isinstance(story, Story) for story in stories):
        raise DemoError(f"{name}: stories must be a list of livery.component.Story")
    return stories or default_stories(component)


def import_name(item: InstalledComponent) -> str:
    """The top-level package an entry point imports (``demo_text`` for
    ``demo_text.widget:DemoText``)."""
    return item.target.split(":", 1)[0].split(".", 1)[0].strip()


def find_installed(name: str) -> InstalledComponent:
    """The installed component ``name`` designates, or a ``DemoError`` listing the installed
    ones (or saying how a package adds one when there are none)."""
    found = installed()
    wanted = name.strip()
    matches = [item for item in found if item.name == wanted]
    if not matches:  # then any of its names, spelled as indexes compare them
        key = canonicalize_name(wanted)
        matches = [item for item in found if key in _spellings(item)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        names = ", ".join(item.name for item in matches)
        raise DemoError(f"{name!r} has several components ({names}); name one of them")
    if not found:
        raise DemoError(
            f"{name}: no such folder, and no component is installed (a package adds one with "
            "an entry point in the group livery.components)"
        )
    listed = ", ".join(f"{import_name(item)} ({item.package})" for item in found)
    raise DemoError(f"{name}: no such folder or installed component; installed: {listed}")


def _spellings(item: InstalledComponent) -> set[str]:
    """Every name ``item`` answers to, as indexes compare names (PEP 503)."""
    return {canonicalize_name(name) for name in (item.name, import_name(item), item.package)}


def installed_demo(item: InstalledComponent) -> Demo:
    """The demo of an installed component: its class and ``installed_stories``, checked like a
    project's (``DemoError`` with one line if it cannot be shown)."""
    try:
        component = item.load()
        stories = installed_stories(item, component)
        for story in stories:
            story.instance(component)
        component.js_path()  # AssetsMissingError: the wheel was built without its front end
    except ComponentError as error:
        raise DemoError(f"{item.name} ({item.package} {item.version}): {error}") from None
    except Exception as error:  # the package's own code failed (its example_value, say)
        reason = f"{type(error).__name__}: {error}".splitlines()[0]
        raise DemoError(f"{item.name} ({item.package} {item.version}): {reason}") from None
    return Demo(None, component, stories)


def open_demo(target: str | os.PathLike[str]) -> Demo:
    """A project folder's demo if ``target`` is a folder that exists, else the installed
    component it names."""
    if Path(target).exists():
        return load_demo(target)
    return installed_demo(find_installed(os.fspath(target)))
