"""Custom messages and commands: how a front end and Python talk besides the value.

anywidget gives front ends two channels next to the synced state, and Livery keeps both so an
anywidget front end runs unchanged:

- ``msg:custom``: ``model.send(content, callbacks, buffers)`` in the browser reaches the
  component's ``on_message(content, buffers)``; ``self.send(content, buffers)`` in Python is
  heard by ``model.on("msg:custom", …)``. Hosts without a live channel (the playground,
  Gradio) deliver what Python sent in the answer to the call that made Python send it.
- commands: a method marked ``@command`` answers ``experimental.invoke(name, msg, {buffers})``
  with ``(response, buffers)`` (or just ``response``), as ``anywidget.experimental.command``.

Buffers travel as base64 text wherever the host speaks JSON (``encode_buffers`` /
``decode_buffers``).
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from livery.errors import ComponentDefinitionError, PayloadError

F = TypeVar("F", bound=Callable[..., Any])
Buffers = list[bytes]
Message = tuple[Any, Buffers]
"""One custom message: its JSON content and its binary buffers."""

_MARK = "_livery_command"
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
MAX_BUFFERS = 64
"""The most buffers one message may carry (each is still bounded by the host's body limit)."""


def command(function: F) -> F:
    """Mark a component method as a command the front end can ``experimental.invoke``.

    The method is called as ``method(self, msg, buffers)`` and returns the response, or
    ``(response, buffers)`` to send binary data back.
    """
    setattr(function, _MARK, True)
    return function


def collect_commands(owner: str, cls: type) -> dict[str, Callable[..., Any]]:
    """The ``@command`` methods of ``cls`` and its bases, by name (a subclass's win)."""
    found: dict[str, Callable[..., Any]] = {}
    for base in reversed(cls.__mro__):
        for name, attribute in vars(base).items():
            if callable(attribute) and getattr(attribute, _MARK, False):
                if not _NAME.match(name):
                    raise ComponentDefinitionError(
                        f"command name {name!r} must be a Python identifier", component=owner
                    )
                found[name] = attribute
    return found


def split_reply(reply: Any) -> Message:
    """A command's result as ``(response, buffers)``: a 2-tuple whose second item is a list of
    bytes is already that; anything else is a response with no buffers."""
    if (
        isinstance(reply, tuple)
        and len(reply) == 2
        and isinstance(reply[1], (list, tuple))
        and all(isinstance(item, (bytes, bytearray, memoryview)) for item in reply[1])
    ):
        return reply[0], [bytes(item) for item in reply[1]]
    return reply, []


def encode_buffers(buffers: Sequence[bytes]) -> list[str]:
    """Buffers as base64 text, for hosts that speak JSON."""
    return [base64.b64encode(bytes(buffer)).decode("ascii") for buffer in buffers]


def decode_buffers(data: object, *, component: str, event: str | None = None) -> Buffers:
    """Buffers a browser sent as base64 text; a ``PayloadError`` for anything else."""
    if data is None:
        return []
    if not isinstance(data, list) or not all(isinstance(item, str) for item in data):
        raise PayloadError(
            "buffers must be a list of base64 strings", component=component, event=event
        )
    if len(data) > MAX_BUFFERS:
        raise PayloadError(
            f"{len(data)} buffers (at most {MAX_BUFFERS})", component=component, event=event
        )
    try:
        return [base64.b64decode(item, validate=True) for item in data]
    except binascii.Error:
        raise PayloadError(
            "a buffer is not base64 text", component=component, event=event
        ) from None
