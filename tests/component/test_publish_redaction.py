"""Issue 15: a hostile index echoes the credentials back, transformed; none reaches the user.

A tiny HTTP server on 127.0.0.1 plays the index: it answers every upload 403 with the
``Authorization`` header it got, decoded and re-encoded a dozen ways, in its status line and
its error page (and the start of the upload body). ``livery component publish`` runs for real
(twine in a subprocess); its stdout and stderr must hold no form of the secret.
"""

from __future__ import annotations

import base64
import html
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote, quote_plus

import pytest

from livery.component.secrets import MASK, Scrubber, encodings

pytestmark = pytest.mark.build
pytest.importorskip("twine", reason="publishing needs twine")

LIVERY = (sys.executable, "-m", "livery")
PASSWORD = 'S3cr3t p@ss:w/rd+"<&>=?%x'
"""Characters that each encoding spells differently."""
TOKEN = "pypi-AgEIcHlwaS5vcmcCJGE0Yzk0ZTY1LTRiNWItNDI1Mi1hYmU3"


def echoes(header: str, password: str | None = None) -> list[str]:
    """What the hostile index sends back about an ``Authorization`` header."""
    basic = header.removeprefix("Basic ")
    decoded = base64.b64decode(basic).decode()
    user, _, secret = decoded.partition(":")
    secret = password or secret
    return [
        header,
        basic,
        decoded,
        secret,
        quote(decoded, safe=""),
        quote(secret).lower(),
        quote_plus(header),
        base64.urlsafe_b64encode(decoded.encode()).decode().rstrip("="),
        base64.b64encode(secret.encode()).decode(),
        f"http://{user}:{quote(secret, safe='')}@127.0.0.1/simple/",
        json.dumps({"authorization": header, "password": secret}),
        html.escape(secret),
        decoded.encode().hex().upper(),
        secret.encode().hex(),
    ]


class HostileIndex:
    """Answers every request 403, echoing the credentials it was sent in many forms."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self.glued = False
        """Glue the echo to a word longer than any line, so that a wrapping tool cuts it."""
        index = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                header = self.headers.get("authorization", "")
                body = self.rfile.read(int(self.headers.get("content-length", "0") or 0))
                index.seen.append(header)
                forms = echoes(header) if header.startswith("Basic ") else [header]
                reason = "Forbidden for " + " ".join(forms[:4]).replace("\n", " ")
                if index.glued:
                    reason = "x" * 4970 + forms[2]  # twine lines are 5,000 columns: it straddles
                page = "\n".join(["<h1>403 Forbidden</h1>", *forms, body[:300].decode("latin-1")])
                data = page.encode()
                self.send_response(403, reason.encode("latin-1", "replace").decode("latin-1"))
                self.send_header("content-type", "text/html; charset=utf-8")
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/legacy/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture(scope="module")
def hostile() -> Iterator[HostileIndex]:
    index = HostileIndex()
    yield index
    index.server.shutdown()


@pytest.fixture(scope="module")
def project(built: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("redaction") / "text"
    shutil.copytree(built["text"].project.root, copy, symlinks=True)
    return copy


def publish(project: Path, index: HostileIndex, home: Path, **credentials: str):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("TWINE_") and key != "LIVERY_PUBLISH_TOKEN"
    }
    env.update(HOME=str(home), **credentials)
    return subprocess.run(
        [*LIVERY, "component", "publish", str(project), "--repository-url", index.url],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def assert_nothing_of(secret: str, header: str, printed: str) -> None:
    for form in {*echoes(header, secret), secret}:
        assert form.lower() not in printed.lower(), form


@pytest.mark.parametrize(
    ("credentials", "secret"),
    [
        ({"TWINE_USERNAME": "alice", "TWINE_PASSWORD": PASSWORD}, PASSWORD),
        ({"LIVERY_PUBLISH_TOKEN": TOKEN}, TOKEN),
    ],
    ids=["twine_password", "livery_token"],
)
def test_a_hostile_index_echoing_the_secret_shows_none_of_it(
    project: Path, hostile: HostileIndex, tmp_path: Path, credentials: dict[str, str], secret: str
) -> None:
    hostile.seen.clear()
    result = publish(project, hostile, tmp_path, **credentials)
    assert hostile.seen and hostile.seen[0].startswith("Basic ")  # the secret was sent …
    printed = result.stdout + result.stderr
    assert result.returncode == 1
    assert result.stderr.startswith("error: upload failed: ") and "403" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert MASK in printed  # … echoed back, and masked
    assert_nothing_of(secret, hostile.seen[0], printed)


def test_a_secret_glued_to_a_long_word_is_not_shown_in_pieces(
    project: Path, hostile: HostileIndex, tmp_path: Path
) -> None:
    hostile.seen.clear()
    hostile.glued = True
    try:
        result = publish(project, hostile, tmp_path, LIVERY_PUBLISH_TOKEN=TOKEN)
    finally:
        hostile.glued = False
    assert result.returncode == 1
    assert result.stderr.startswith("error: upload failed: HTTPError: 403 Forbidden from ")
    assert result.stderr.rstrip().endswith("(the index's answer repeated a credential: not shown)")
    printed = "".join((result.stdout + result.stderr).split())
    for piece in (TOKEN[:12], TOKEN[-12:], TOKEN[20:32]):
        assert piece not in printed


def test_a_password_in_pypirc_is_masked_in_every_form_too(
    project: Path, hostile: HostileIndex, tmp_path: Path
) -> None:
    (tmp_path / ".pypirc").write_text(
        "[distutils]\nindex-servers = hostile\n\n"
        f"[hostile]\nrepository = {hostile.url}\nusername = bob\npassword = {PASSWORD}\n"
    )
    hostile.seen.clear()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("TWINE_") and key != "LIVERY_PUBLISH_TOKEN"
    }
    env["HOME"] = str(tmp_path)
    result = subprocess.run(
        [*LIVERY, "component", "publish", str(project), "-r", "hostile"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 1 and hostile.seen
    assert_nothing_of(PASSWORD, hostile.seen[0], result.stdout + result.stderr)


@pytest.mark.parametrize("form", sorted(set(echoes("Basic " + base64.b64encode(
    f"alice:{PASSWORD}".encode()).decode()))))  # fmt: skip
def test_the_scrubber_masks_each_form(form: str) -> None:
    scrubber = Scrubber.of([PASSWORD], users=["alice"])
    scrubbed = scrubber.scrub(f"the index said: {form} (end)")
    assert form not in scrubbed and PASSWORD not in scrubbed
    assert scrubbed.startswith("the index said: ") and scrubbed.endswith(" (end)")


def test_encodings_include_the_basic_header_and_leave_short_forms_out() -> None:
    forms = encodings("hunter2-secret", ["me"])
    assert base64.b64encode(b"me:hunter2-secret").decode() in forms
    assert all(len(form) >= 4 for form in forms)
    assert Scrubber.of(["hunter2-secret"], users=["me"]).scrub("nothing here") == "nothing here"
