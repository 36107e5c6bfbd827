"""The Livery components the corpus's front ends run as: one class per front end's traits.

Each class declares what its anywidget original declares in Python (a ``traitlets.Int`` count
becomes a ``count: int`` field, a prop for every read-only trait) and no ``template_dir``: the
registry (``registry.py``) makes a subclass whose ``template_dir`` holds the bundled front end,
or writes a module next to a ``templates/`` folder, so a Jupyter kernel can import the same
class. ``calls`` (class-level) records what Python received where no story or event handler
sees it: custom messages and commands.
"""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import BaseModel, Field, RootModel

from livery.component import Component, command


class ValueCounter(Component):
    """``value = traitlets.Int(0)``: create-anywidget's templates, the README's counter and
    the blog's history widget."""

    Value = RootModel[int]
    events = ("change",)

    def example_value(self) -> int:
        return 0


class Count(BaseModel):
    count: int = 0


class DocsCounter(Component):
    """The docs' ``CounterWidget``: ``count = traitlets.Int(0)``, a trait that is not
    ``value``."""

    Value = Count
    events = ("change",)


class KnobProps(BaseModel):
    """wigglystuff ``Knob``'s traits besides ``value`` (``label`` is Livery's own prop)."""

    min_value: float = 0.0
    max_value: float = 100.0
    step: float = 1.0
    start_angle: float = -135.0
    end_angle: float = 135.0
    ticks: list[dict[str, Any]] = Field(default_factory=list)
    steps: list[float] = Field(default_factory=list)
    size: int = 80
    show_value: bool = True
    color: str = ""
    midi: bool = False
    midi_supported: bool = False
    midi_learning: bool = False
    midi_cc: int = -1
    midi_channel: int = -1
    midi_device: str = ""
    midi_key: str = ""
    midi_scope: str = ""


class Knob(Component):
    """wigglystuff ``Knob``: ``value = traitlets.Float(0.0)`` and its settings as props."""

    Value = RootModel[float]
    events = ("change",)
    props = KnobProps

    def example_value(self) -> float:
        return 0.0


class Point(BaseModel):
    x: float = 0.0
    y: float = 0.0


class Slider2DProps(BaseModel):
    width: int = 400
    height: int = 400
    x_bounds: tuple[float, float] = (-1.0, 1.0)
    y_bounds: tuple[float, float] = (-1.0, 1.0)


class Slider2D(Component):
    """wigglystuff ``Slider2D``: the traits ``x`` and ``y`` (the value), its canvas size and
    bounds as props."""

    Value = Point
    events = ("change",)
    props = Slider2DProps


class Echo(Component):
    """anywidget 0.9.4's ``experimental.invoke`` example: ``@command _echo`` upper-cases."""

    Value = RootModel[int]
    events = ()

    def example_value(self) -> int:
        return 0

    calls: ClassVar[list[tuple[Any, list[bytes]]]] = []

    @command
    def _echo(self, msg: Any, buffers: list[bytes]) -> tuple[Any, list[bytes]]:
        type(self).calls.append((msg, list(buffers)))
        return msg.upper(), buffers


GOOD_PARTS_MESSAGE = {"type": "my-event", "foo": "bar"}
"""What the docs' ``widget.send(…)`` sends."""


class CustomMessages(Component):
    """The docs' ``CustomMessageWidget`` (no traits): it only listens to ``msg:custom``. Hosts
    without a live channel deliver Python's messages with an answer, so any message from the
    front end makes Python send the docs' message."""

    Value = RootModel[int]
    events = ()

    def example_value(self) -> int:
        return 0

    calls: ClassVar[list[tuple[Any, list[bytes]]]] = []

    def on_message(self, content: Any, buffers: list[bytes]) -> None:
        type(self).calls.append((content, list(buffers)))
        self.send(GOOD_PARTS_MESSAGE)
