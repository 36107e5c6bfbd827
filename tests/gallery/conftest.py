"""Gallery fixtures: a real uvicorn server on a free 127.0.0.1 port, hostile theme folders,
and pages that fail the test on a dialog, a console error, a CSP violation or a request to
another origin."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from livery.gallery.app import create_app
from livery.theme.catalogue import VARIABLES

XSS_NAME = "<script>window.__pwned='name';alert('name')</script>"
XSS_DESCRIPTION = "<img src=x onerror=\"window.__pwned='desc';alert('desc')\"> & more"
XSS_TAG = '"><svg onload=alert(1)>'


@dataclass
class Gallery:
    """A running gallery server."""

    url: str
    server: uvicorn.Server
    thread: threading.Thread
    app: Any

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return httpx.get(self.url + path.lstrip("/"), timeout=30, **kwargs)

    def post(self, path: str, **kwargs: Any) -> httpx.Response:
        return httpx.post(self.url + path.lstrip("/"), timeout=30, **kwargs)

    def themes(self) -> list[dict[str, Any]]:
        return self.get("data/themes.json").json()["themes"]

    def wait_ready(self, timeout: float = 30) -> None:
        """Wait until every card is described and graded."""
        assert self.app.state.registry.wait(timeout), "the gallery never finished its cards"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def start_gallery(folders: list[Path] | tuple[Path, ...] = (), **options: Any) -> Gallery:
    """Start uvicorn with the gallery app on a free loopback port, in a thread."""
    app = create_app(list(folders), **options)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.02)
    return Gallery(f"http://127.0.0.1:{port}/", server, thread, app)


@pytest.fixture(scope="session")
def gallery() -> Iterator[Gallery]:
    """The gallery over the built-in themes only."""
    running = start_gallery()
    running.wait_ready()
    yield running
    running.stop()


def good_theme(name: str = "Fresh", primary: str = "rose", **extra: str) -> str:
    lines = [
        "[theme]",
        f"name = {json.dumps(name)}",
        'description = "A theme dropped in while the gallery runs"',
        'tags = ["fresh", "test"]',
        "[settings]",
        f"primary_hue = {json.dumps(primary)}",
        "[variables]",
    ]
    lines += [f"{key} = {json.dumps(value)}" for key, value in extra.items()]
    return "\n".join(lines) + "\n"


def write_hostile(folder: Path) -> dict[str, str]:
    """A folder of themes from a stranger; returns file name → what it attempts."""
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, str] = {}

    def put(name: str, text: str, what: str) -> None:
        (folder / name).write_text(text, encoding="utf-8")
        files[name] = what

    put(
        "xss.toml",
        "[theme]\n"
        f"name = {json.dumps(XSS_NAME)}\n"
        f"description = {json.dumps(XSS_DESCRIPTION)}\n"
        f'tags = [{json.dumps(XSS_TAG)}, "<b onmouseover=alert(2)>"]\n'
        'author = "</title><script>alert(3)</script>"\n'
        '[settings]\nprimary_hue = "red"\n',
        "markup in name, description, tags and author (valid theme)",
    )
    put(
        "breakout.toml",
        '[variables]\nbody_text_color = "red;} body{display:none"\n',
        "a value that would end its declaration",
    )
    put(
        "style-close.toml",
        '[variables]\nbody_background_fill = "</style><script>alert(4)</script>"\n',
        "a value that would close a style element",
    )
    put(
        "javascript-url.toml",
        '[variables]\nbody_background_fill = "url(javascript:alert(5))"\n',
        "a javascript: URL",
    )
    put(
        "remote-url.toml",
        '[variables]\nbody_background_fill = "url(https://evil.example/x.png)"\n',
        "a request to another origin",
    )
    put(
        "font-breakout.toml",
        "[settings]\nfont = [\"x'; } * { color: red } '\"]\n",
        "a font name that would leave its quotes",
    )
    put(
        "google-font.toml",
        '[theme]\nname = "Google font"\n[settings]\n'
        'font = [{ name = "Inter", source = "google", weights = [400] }, "sans-serif"]\n',
        "a Google font (valid, but must not be fetched by the gallery)",
    )
    put("invalid.toml", "this is [not toml\n", "invalid TOML")
    put("not-json.json", "{ not json", "invalid JSON")
    put(
        "evil.gradio.json",
        json.dumps({"theme": {"name": XSS_NAME, "body_text_color": "red;}*{display:none"}}),
        "Gradio JSON with a breakout value",
    )
    put("<svg onload=alert(6)>.toml", "[nope\n", "markup in the file name")
    (folder / "huge.toml").write_bytes(b"# " + b"x" * (10 * 1024 * 1024) + b"\n")
    files["huge.toml"] = "a 10 MB file"
    chain = ["[variables]"] + [f'v{i} = "*v{i + 1}"' for i in range(1000)]
    put("chain.toml", "\n".join(chain) + "\n", "a 1,000-step reference chain")
    names = [v.name for v in VARIABLES] + [f"{v.name}_dark" for v in VARIABLES if v.has_dark]
    cycle = ["[variables]"] + [
        f'{a} = "*{b.removesuffix("_dark")}"' for a, b in zip(names, [*names[1:], names[0]])
    ]
    put("cycle.toml", "\n".join(cycle) + "\n", "every variable in one reference cycle")
    return files


@pytest.fixture(scope="session")
def hostile_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    write_hostile(folder)
    return folder


@pytest.fixture(scope="session")
def hostile_gallery(hostile_dir: Path) -> Iterator[Gallery]:
    """The gallery over the built-ins and the hostile folder."""
    running = start_gallery([hostile_dir], watch=False)
    running.wait_ready()
    yield running
    running.stop()


# --- browser pages that watch for trouble --------------------------------------------------

WATCH_CSP = """
document.addEventListener("securitypolicyviolation", (event) => {
  (window.__cspViolations = window.__cspViolations || []).push(
    event.violatedDirective + " " + event.blockedURI);
});
"""


@dataclass
class Guard:
    """What a page did that it should not: dialogs, errors, violations, foreign requests."""

    origin: str
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def foreign(self) -> list[str]:
        return [
            url
            for url in self.requests
            if not url.startswith(self.origin) and not url.startswith(("data:", "blob:"))
        ]

    def check(self, page: Any) -> None:
        violations = page.evaluate("window.__cspViolations || []")
        assert not self.dialogs, f"a dialog opened: {self.dialogs}"
        assert not self.errors, f"console errors: {self.errors}"
        assert not violations, f"CSP violations: {violations}"
        assert not self.foreign(), f"requests to other origins: {self.foreign()}"


def guarded_page(browser: Any, origin: str, **context_options: Any) -> tuple[Any, Any, Guard]:
    """A new context and page whose trouble is recorded in the returned ``Guard``."""
    context_options.setdefault("viewport", {"width": 1280, "height": 900})
    context = browser.new_context(**context_options)
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    guard = Guard(origin.rstrip("/"))

    def on_dialog(dialog: Any) -> None:
        guard.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on(
        "console",
        lambda message: guard.errors.append(message.text) if message.type == "error" else None,
    )
    page.on("pageerror", lambda error: guard.errors.append(str(error)))
    page.on("request", lambda request: guard.requests.append(request.url))
    return context, page, guard
