import gradio as gr
from gradio.themes.utils import colors

# Custom theme tuned for Fooocus Revamp
FooocusTheme = gr.themes.Soft(
    primary_hue=colors.blue,
    secondary_hue=colors.indigo,
)

theme = FooocusTheme
