theme = gr.themes.Default(radius_size="md").set(
    button_primary_border_radius="*radius_xl",
)
