"""The component SDK's exception family: every problem names what it is about.

``ComponentError`` is a ``LiveryError``, so the command line prints it as one line and exits 1.
A bad value from the browser is a ``PayloadError`` naming the component, the event and the
problem; a host turns it into an error for that event instead of crashing. Scaffolding and
building have their own subclasses so callers can tell a user's mistake in a class from a
missing Node.js or a failed bundle.
"""

from __future__ import annotations

from collections.abc import Sequence

from livery.errors import LiveryError


class ComponentError(LiveryError):
    """A component, its value or its project is not usable.

    ``component`` is the component's name, ``event`` the event being handled (when any),
    ``problem`` what is wrong. The message is ``Component: event 'x': problem``.
    """

    def __init__(
        self, problem: str, *, component: str | None = None, event: str | None = None
    ) -> None:
        self.problem = problem
        self.component = component
        self.event = event
        super().__init__(problem)

    def __str__(self) -> str:
        parts = []
        if self.component:
            parts.append(self.component)
        if self.event:
            parts.append(f"event {self.event!r}")
        return ": ".join([*parts, self.problem])


class ComponentDefinitionError(ComponentError, TypeError):
    """A ``Component`` subclass is declared wrongly (its ``Value``, ``events`` or ``props``)."""


class PayloadError(ComponentError, ValueError):
    """A value from the browser (or from ``postprocess``) does not fit the component's model."""


class HandlerError(ComponentError):
    """A Python event handler (a story's, say) raised while a host ran it for an event."""


class PropsError(ComponentError, ValueError):
    """A component was given a prop it does not declare, or a value of the wrong type."""


class AssetsMissingError(ComponentError):
    """The component's built front end (``templates/index.js``) is not there."""


class TemplateError(ComponentError):
    """``livery component create`` cannot scaffold: a bad name, template or target folder."""


class NodeNotFoundError(ComponentError):
    """No usable Node.js was found; the message says how to get one."""


class BuildError(ComponentError):
    """``livery component build`` failed: npm, esbuild, SCSS or the wheel/sdist build.

    ``lines`` holds every problem as one line each (``file:line:col: message`` for esbuild,
    ``file:line: message`` for SCSS); the message is the first line and how many more there
    are, and the command line prints them all.
    """

    def __init__(self, lines: str | Sequence[str]) -> None:
        self.lines = (lines,) if isinstance(lines, str) else tuple(lines)
        if not self.lines:
            self.lines = ("the build failed",)
        more = len(self.lines) - 1
        problem = self.lines[0]
        if more:
            problem += f" (and {more} more error{'s' * (more != 1)})"
        super().__init__(problem)
