theme = gr.themes.Default()
theme.custom_css = """
button.primary {
    background: linear-gradient(135deg, var(--primary-400), var(--primary-600));
    transition: transform 0.15s ease, box-shadow 0.15s ease;
}
button.primary:hover {
    transform: translateY(-2px);
    box-shadow: 0 4px 12px color-mix(in srgb, var(--primary-500) 40%, transparent);
}
"""

with gr.Blocks(theme=theme) as demo:
    gr.Textbox(label="Input")
    gr.Button("Submit", variant="primary")
demo.launch()
