"""The front end every host of a component shares: ``model.js``, and how to inline it.

``model.js`` is the one implementation of the ``model`` a component's ``render({ model, el })``
is given. The playground serves the file; hosts that take inline JavaScript only (the
standalone page, Gradio's ``js_on_load``) embed its text with ``import_model()`` and add a few
lines of their own that say where the state lives and where events go.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

MODEL_JS = Path(__file__).with_name("model.js")
_PLACEHOLDER = re.compile(r"__([A-Z]+)__")


@cache
def model_source() -> str:
    """The text of ``model.js`` (read once)."""
    return MODEL_JS.read_text(encoding="utf-8")


def script_json(value: object) -> str:
    """``value`` as JSON that is safe inside ``<script>``: no ``<``, so nothing can close it."""
    return json.dumps(value, ensure_ascii=True).replace("<", "\\u003c")


def fill(template: str, **values: object) -> str:
    """``template`` with each ``__NAME__`` replaced by ``values[NAME]`` as ``script_json``.

    In one pass, so a placeholder's name inside a bundle or a value is left alone.
    """
    return _PLACEHOLDER.sub(lambda found: script_json(values[found[1]]), template)


def import_model() -> str:
    """Statements that import ``createModel``, ``mountSource`` and the base64 helpers from
    ``model.js``'s text through a Blob URL; they await, so they go in a module script or an
    async function."""
    return (
        "const liveryModelUrl = URL.createObjectURL(\n"
        f'  new Blob([{script_json(model_source())}], {{ type: "text/javascript" }}),\n'
        ");\n"
        "const { createModel, mountSource, toBase64, fromBase64 } = await import(\n"
        "  liveryModelUrl,\n"
        ").finally(() =>\n"
        "  URL.revokeObjectURL(liveryModelUrl),\n"
        ");\n"
    )
