"""The component SDK: a Python class plus a framework-free ES module, scaffolded and built.

``Component`` is the base class (value model, pre/postprocessing, events, props, built
assets); ``Story`` a named state of a component for demos, the playground and visual tests.
Scaffolding (``templates``), Node.js lookup (``node``), building (``build``), publishing
(``publish``), the ``playground`` and the Gradio bridge (``gradio``, behind
``Component.to_gradio()``) are imported on demand, so ``import livery`` stays light.
"""

from livery.component.base import Component, Payload
from livery.component.files import File, FileRules
from livery.component.messages import command
from livery.component.props import BaseProps
from livery.component.story import Story
from livery.errors import (
    AssetsMissingError,
    BuildError,
    ComponentDefinitionError,
    ComponentError,
    HandlerError,
    NodeNotFoundError,
    PayloadError,
    PropsError,
    TemplateError,
)

__all__ = [
    "AssetsMissingError",
    "BaseProps",
    "BuildError",
    "Component",
    "ComponentDefinitionError",
    "ComponentError",
    "File",
    "FileRules",
    "HandlerError",
    "NodeNotFoundError",
    "Payload",
    "PayloadError",
    "PropsError",
    "Story",
    "TemplateError",
    "command",
]
