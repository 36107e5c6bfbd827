demo = gr.Interface()
demo.launch(theme=gr.themes.Monochrome())
