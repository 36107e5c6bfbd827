"""Real notebook hosts for ``to_anywidget()`` tests: a JupyterLab and a marimo server."""
