theme = gr.themes.Default(primary_hue="blue").set(
    loader_color="#FF0000",
    slider_color="#FF0000",
)

with gr.Blocks() as demo:
    ... # your code here
demo.launch(theme=theme)
