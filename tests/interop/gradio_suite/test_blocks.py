import os
from unittest.mock import patch

import pytest

import gradio as gr
import livery
import livery.themes

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"


class TestBlocksMethods:
    @patch(
        "gradio.themes.ThemeClass.from_hub",
        side_effect=ValueError("Something went wrong!"),
    )
    def test_use_default_theme_as_fallback(self, mock_from_hub):
        with pytest.warns(
            UserWarning, match="Cannot load freddyaboulton/this-theme-does-not-exist"
        ):
            with gr.Blocks() as demo:
                pass
            demo.launch(
                prevent_thread_lock=True,
                theme="freddyaboulton/this-theme-does-not-exist",
            )
            assert demo.theme.to_dict() == livery.themes.Default().to_dict()
            demo.close()
