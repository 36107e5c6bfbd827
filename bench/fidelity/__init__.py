"""Parts of ``bench/kitchen_sink_fidelity.py``: the real Gradio app it measures against, and
the pixel comparison of one widget drawn twice."""
