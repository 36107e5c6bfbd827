with gr.Blocks() as demo:
    ... # your code here
demo.launch(theme=gr.themes.Default(spacing_size="sm", radius_size="none"))
    ...
