with gr.Blocks() as demo:
    ... # your code here
demo.launch(theme=gr.themes.Soft())
    ...
