"""The playground: a component's stories in a themed page, with events round-tripping to Python.

``livery component playground`` serves it (``serve``); ``create_app`` is the starlette
application, reusable by a dev server that reloads the demo; ``load_demo`` reads a project's
``demo/app.py``; ``installed`` shows an installed component by name, without its project. The
page mounts the component's built ES module once per story with a ``model`` whose events go to
the server, which runs ``from_browser`` → the story's handler → ``to_browser`` and sends the
new value back.
"""

from livery.component.playground.app import create_app
from livery.component.playground.demo import Demo, load_demo
from livery.component.playground.server import serve
from livery.errors import DemoError

__all__ = ["Demo", "DemoError", "create_app", "load_demo", "serve"]
