"""The Gradio 6 app the fidelity bench photographs: the kitchen sink's widgets, each with an
``elem_id`` equal to its ``data-widget`` name in the kitchen sink, holding the same values.

The sink's own markup (gallery/templates/kitchen_sink.html) is the reference for what each
widget shows; this module repeats its labels and values so both draw the same text.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

THUMB_COLOURS = ("#f97316", "#0ea5e9", "#22c55e", "#a855f7")
"""The gallery's thumbnails: flat squares, so both pages draw identical pixels."""


def thumbnails(folder: Path) -> list[str]:
    """Write the gallery's thumbnails as SVG files in ``folder``; their paths."""
    paths = []
    for index, colour in enumerate(THUMB_COLOURS):
        path = folder / f"thumb-{index + 1}.svg"
        path.write_text(
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4">'
            f'<rect width="4" height="4" fill="{colour}"/></svg>',
            encoding="utf-8",
        )
        paths.append(str(path))
    return paths


CODE = (
    "def warm(image, hue=-12):\n"
    '    """Shift the sky towards orange."""\n'
    "    return image.shift(hue=hue)"
)
"""The Code widget's text, as the kitchen sink shows it."""


def demo(folder: Path) -> Any:
    """The app; ``folder`` receives the gallery's image files (Gradio serves them from there).

    Each form widget sits in a column of its own, so Gradio gives it a form of its own: one
    bordered box per widget, as the kitchen sink draws each widget as one block.
    """
    import gradio as gr

    with gr.Blocks() as app:
        with gr.Row(elem_id="button"):
            gr.Button("Run", variant="primary")
            gr.Button("Clear", variant="secondary")
        with gr.Column():
            gr.Textbox(
                label="Prompt", value="A lighthouse at dusk", interactive=True, elem_id="textbox"
            )
        with gr.Column():
            gr.Slider(1, 100, value=30, step=1, label="Steps", interactive=True, elem_id="slider")
        with gr.Column():
            gr.Dropdown(
                ["livery-diffusion-xl", "livery-diffusion-base", "tiny-sketch"],
                value="livery-diffusion-xl",
                label="Model",
                interactive=True,
                elem_id="dropdown",
            )
        with gr.Column():
            gr.Checkbox(
                value=True, label="Upscale the result", interactive=True, elem_id="checkbox"
            )
        with gr.Column():
            gr.Radio(
                ["Small", "Medium", "Large"],
                value="Medium",
                label="Size",
                interactive=True,
                elem_id="radio",
            )
        with gr.Column():
            gr.CheckboxGroup(
                ["Cats", "Dogs", "Birds"],
                value=["Cats", "Birds"],
                label="Subjects",
                interactive=True,
                elem_id="checkbox-group",
            )
        with gr.Accordion("Advanced settings", open=True, elem_id="accordion"):
            gr.Markdown("Guidance 7.5 · Scheduler Euler a · [docs](#docs)")
        with gr.Tabs(elem_id="tabs"):
            with gr.Tab("Results"):
                gr.Markdown("Four runs today. [Open the latest](#runs).")
            with gr.Tab("History"):
                gr.Markdown("Nothing yet.")
            with gr.Tab("Settings"):
                gr.Markdown("Nothing to configure here.")
        gr.Dataframe(
            [[1, "xl", 0.92], [2, "base", 0.87], [3, "sketch", 0.61]],
            headers=["Run", "Model", "Score"],
            label="Runs",
            interactive=True,
            elem_id="dataframe",
        )
        gr.Label({"lighthouse": 0.72, "tower": 0.18, "boat": 0.06}, label="Label", elem_id="label")
        gr.Code(CODE, language="python", label="Code", elem_id="code")
        gr.Image(label="Image", type="filepath", elem_id="image")
        gr.File(label="File", elem_id="file")
        gr.Gallery(thumbnails(folder), label="Gallery", columns=4, elem_id="gallery")
        gr.Chatbot(
            [
                {"role": "user", "content": "Can you make the sky warmer?"},
                {
                    "role": "assistant",
                    "content": "Done — the sky now leans orange. See [the code](#code).",
                },
            ],
            label="Chatbot",
            height=220,
            elem_id="chatbot",
        )
        gr.MultimodalTextbox(
            label="Message",
            placeholder="Type a message",
            interactive=True,
            elem_id="multimodal-textbox",
        )
    return app
