with gr.Blocks() as demo:
    ... # your code here
demo.launch(theme=gr.themes.Default(primary_hue="red", secondary_hue="pink"))
    ...
