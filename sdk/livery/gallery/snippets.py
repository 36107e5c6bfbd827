"""The code the gallery offers to copy: using a theme from Livery, and from Gradio.

Snippets name the theme the way its user would: a ``livery.themes`` class for Gradio's
built-ins, the library name for other library themes, and the downloaded TOML file for themes
from a folder. Strings are written as JSON literals, which Python reads the same way, so a
stranger's theme name cannot break out of its quotes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from livery.gallery.cards import Card


def literal(value: object) -> str:
    """A Python literal for a string or a list of strings."""
    return json.dumps(value, ensure_ascii=False)


def load_expression(card: Card) -> str:
    """How Python code gets this theme."""
    if card.gradio_class is not None:
        return f"livery.themes.{card.gradio_class}()"
    if card.library_name is not None:
        return f"livery.Theme.load({literal(card.library_name)})"
    return f"livery.Theme.load({literal(card.slug + '.toml')})  # the TOML download"


def livery_snippet(card: Card) -> str:
    """Using the theme from Python with Livery."""
    return (
        "import livery\n\n"
        f"theme = {load_expression(card)}\n"
        "css = theme.css()  # the stylesheet of CSS variables\n"
        "gradio_theme = theme.to_gradio()  # for gr.Theme.from_dict\n"
    )


def gradio_snippet(card: Card) -> str:
    """Using the theme in a Gradio app, through the Gradio JSON download.

    Gradio 6 takes the theme in ``launch()`` (``gr.Blocks(theme=…)`` was Gradio 5's way).
    """
    return (
        "import gradio as gr\n\n"
        "# the Gradio JSON download of this theme\n"
        f"theme = gr.Theme.load({literal(card.slug + '.gradio.json')})\n\n"
        "with gr.Blocks() as demo:\n"
        '    gr.Textbox(label="Prompt")\n'
        '    gr.Button("Run", variant="primary")\n\n'
        "demo.launch(theme=theme)  # Gradio 6 takes the theme here\n"
    )


def builder_snippet(
    card: Card, name: str | None, settings: Mapping[str, object], variables: Mapping[str, str]
) -> str:
    """Python that rebuilds what the builder shows: the base theme, the changed settings and
    the variables set."""
    lines = ["import livery", ""]
    if card.gradio_class is not None:
        arguments = [f"{key}={literal(value)}" for key, value in settings.items()]
        if name is not None:
            arguments.append(f"name={literal(name)}")
        if variables:  # the builder changes only what you edit; Gradio's .set() would reset
            arguments.append('semantics="livery"')  # the background fills (see the README)
        lines.append(f"theme = livery.themes.{card.gradio_class}({', '.join(arguments)})")
    else:
        lines.append(f"theme = {load_expression(card)}")
        if name is not None:
            lines.append(f"theme.name = {literal(name)}")
        lines += [f"theme.{key} = {literal(value)}" for key, value in settings.items()]
    if variables:
        lines.append("theme.set(")
        lines += [f"    {key}={literal(value)}," for key, value in variables.items()]
        lines.append(")")
    return "\n".join(lines) + "\n"
