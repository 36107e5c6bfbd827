import gradio as gr

theme = gr.themes.Default(
    font=["Noto Sans", "Helvetica", "ui-sans-serif", "system-ui", "sans-serif"],
    font_mono=["IBM Plex Mono", "ui-monospace", "Consolas", "monospace"],
).set(
    border_color_primary="#c5c5d2",
    button_large_padding="6px 12px",
    body_text_color_subdued="#484848",
    background_fill_secondary="#eaeaea",
)
