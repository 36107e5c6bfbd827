"""``Story``: one named state of a component, for the playground, demos and visual tests.

A project's ``demo/app.py`` defines ``component`` (the class) and ``stories`` (a list of
``Story``): empty, with a value, disabled, showing an error, … The playground shows one per
tab and runs ``handler`` when the story's event fires; visual tests take one snapshot per
story. Keeping this a plain data structure lets every host read the same file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from livery.component.base import Component, Payload
from livery.component.validation import handler_error


@dataclass(frozen=True)
class Story:
    """A component in one state, and optionally what Python does when it fires an event."""

    name: str
    value: Any = None
    """The Python value to show (it goes through ``postprocess``)."""
    props: Mapping[str, Any] = field(default_factory=dict)
    handler: Callable[[Any], Any] | None = None
    """Called with the preprocessed value when ``event`` fires; its result is the new value."""
    event: str | None = None
    """The event ``handler`` listens to (default: the component's first event)."""
    description: str = ""

    @property
    def slug(self) -> str:
        """The name as a file- and URL-safe id (``"with a value"`` → ``"with-a-value"``)."""
        return re.sub(r"[^a-z0-9]+", "-", self.name.lower()).strip("-") or "story"

    def instance(self, component: type[Component]) -> Component:
        """The component in this story's state."""
        return component(value=self.value, **self.props)

    def handler_event(self, instance: Component) -> str | None:
        """The event ``handler`` runs on: ``event``, or the component's first one."""
        return self.event or (instance.events[0] if instance.events else None)

    def respond(self, instance: Component, event: str, data: Payload) -> Payload:
        """What a host sends back when the browser fired ``event`` with ``data``.

        The data is validated and preprocessed for ``event``; if this story's handler listens
        to that event its result is postprocessed and returned, otherwise the value comes back
        as the component holds it. ``PayloadError`` for data the component refuses,
        ``HandlerError`` when the handler raises — both one line a host can show.
        """
        value = instance.from_browser(event, data)
        if self.handler is None or event != self.handler_event(instance):
            return instance.to_browser(value)
        try:
            result = self.handler(value)
        except Exception as error:
            name = getattr(self.handler, "__name__", "the handler")
            raise handler_error(instance.name, name, error, event) from error
        return instance.to_browser(result)

    def run(self, instance: Component, data: Payload, event: str | None = None) -> Payload:
        """The browser data after this story's handler ran on ``data`` (unchanged without one).

        Raises ``PayloadError`` for data the component refuses.
        """
        chosen = event or self.event or (instance.events[0] if instance.events else "change")
        if self.handler is None:
            return instance.to_browser(instance.from_browser(chosen, data))
        return instance.call(self.handler, chosen, data)
