"""Run the playground, or with ``reload`` the dev server: ``livery._web.serve`` on 127.0.0.1.

A site is what ``serve`` runs: its application (built once the port is bound and the Host
names to accept are known), its announcement, and what to close when it stops. The
playground's site loads the demo and checks the theme before the socket is bound, so a project
that is not built, a broken ``demo/app.py`` or an unknown theme is one error line and no
server; the dev server's (``livery.component.dev.server.DevSite``) builds after binding, so a
port in use is said before a build.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from starlette.applications import Starlette

from livery._web import serve as serve_app
from livery.component.playground.app import create_app
from livery.component.playground.installed import open_demo
from livery.component.themes import check_theme

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8100


def serve(
    folder: str | os.PathLike[str] = ".",
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    theme: str = "default",
    open_browser: bool = False,
    reload: bool = False,
    announce: Callable[[str], None] = print,
) -> None:
    """Serve the playground of the project in ``folder`` (or, when no such folder exists, of
    the installed component it names) until interrupted; with ``reload``
    every save rebuilds and updates the open pages (``livery component dev``)."""
    if reload:
        from livery.component.dev.server import DevSite

        site: PlaygroundSite | DevSite = DevSite(folder, theme=theme, announce=announce)
    else:
        site = PlaygroundSite(folder, theme=theme)
    try:
        serve_app(
            site.app,
            host=host,
            port=port,
            banner=site.banner,
            announce=announce,
            open_browser=open_browser,
            on_stop=site.stopping,
        )
    finally:
        site.close()


class PlaygroundSite:
    """The playground of a built project, for ``serve``."""

    def __init__(self, folder: str | os.PathLike[str], *, theme: str) -> None:
        self.theme = check_theme(theme)
        self.demo = open_demo(folder)  # a project folder, or an installed component's name

    def app(self, hosts: list[str] | None) -> Starlette:
        return create_app(self.demo, theme=self.theme, allowed_hosts=hosts)

    def banner(self, url: str) -> str:
        count = len(self.demo.stories)
        return f"{stories_on(self.demo.component.name, count, url)}  (Ctrl-C to stop)"

    def stopping(self) -> None:
        """Nothing holds a stop up."""

    def close(self) -> None:
        """Nothing to release."""


def stories_on(component: str, count: int, url: str) -> str:
    """``DemoText: 4 stories on http://127.0.0.1:8100/``: how the playground and the dev
    server announce themselves."""
    return f"{component}: {count} stor{'y' if count == 1 else 'ies'} on {url}"
