import gradio as gr

# Default theme to be used while implementing demos through UI created using gradio
_DEFAULT_GRADIO_THEME = gr.themes.Soft(primary_hue="teal", secondary_hue="teal", neutral_hue="cyan")

theme = _DEFAULT_GRADIO_THEME
