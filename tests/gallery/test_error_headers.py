"""Issue 15: a 500 still carries the security headers, and JSON too deep to read is a 400.

Starlette answers an unexpected exception from outside every middleware, so its 500 had no
Content-Security-Policy. Real uvicorn servers on free 127.0.0.1 ports: the gallery with a
route that fails as a bug would, the playground whose demo cannot be read (what the dev server
does before its first build), and both with request bodies of 8,000 ``[``.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.requests import Request

from livery._web import MAX_JSON_DEPTH, load_json
from livery.component.playground import create_app as create_playground
from livery.component.playground.app import CSP as PLAYGROUND_CSP
from livery.component.playground.demo import Demo
from livery.errors import JsonDepthError
from livery.gallery.app import create_app as create_gallery
from livery.gallery.pages import CSP as GALLERY_CSP
from tests.component.servers import serve_app

DEEP = "[" * 8000
EXPECTED = {"x-content-type-options": "nosniff", "x-frame-options": "DENY"}


def assert_secured(response: httpx.Response, csp: str) -> None:
    assert response.headers.get("content-security-policy") == csp
    for name, value in EXPECTED.items():
        assert response.headers.get(name) == value, name


def _fails(request: Request) -> None:
    raise RuntimeError("a bug in a handler")


@pytest.fixture(scope="module")
def gallery_url() -> Iterator[str]:
    app = create_gallery(include_library=False, watch=False)
    app.add_route("/fails", _fails)
    with serve_app(app) as url:
        yield url


def test_a_gallery_500_carries_the_security_headers(gallery_url: str) -> None:
    response = httpx.get(f"{gallery_url}/fails", timeout=30)
    assert response.status_code == 500
    assert response.text == "internal server error"  # no traceback, no detail
    assert_secured(response, GALLERY_CSP)
    assert httpx.get(f"{gallery_url}/data/version.json", timeout=30).status_code == 200


def test_a_deep_builder_body_is_a_400_with_the_headers(gallery_url: str) -> None:
    response = httpx.post(
        f"{gallery_url}/api/build",
        content=DEEP,
        headers={"content-type": "application/json"},
        timeout=30,
    )
    assert response.status_code == 400
    assert "nests deeper than" in response.json()["error"]
    assert_secured(response, GALLERY_CSP)


def _no_demo() -> Demo:
    raise RuntimeError("the dev server has no demo yet")


def test_a_playground_500_carries_the_security_headers() -> None:
    with serve_app(create_playground(_no_demo)) as url:
        response = httpx.get(f"{url}/", timeout=30)
        assert response.status_code == 500
        assert "Traceback" not in response.text
        assert_secured(response, PLAYGROUND_CSP)
        static = httpx.get(f"{url}/static/playground.css", timeout=30)
        assert static.status_code == 200  # the server goes on answering


@pytest.mark.build
def test_a_deep_event_body_is_a_400_with_a_message(built: dict[str, Any]) -> None:
    from livery.component.playground.demo import load_demo

    demo = load_demo(Path(built["text"].project.root))
    slug = demo.stories[0].slug
    with serve_app(create_playground(demo)) as url:
        event = f"{url}/api/stories/{slug}/events/change"
        headers = {"content-type": "application/json"}
        deep = httpx.post(event, content=DEEP, headers=headers, timeout=30)
        assert deep.status_code == 400
        assert deep.json() == {
            "ok": False,
            "error": f"the JSON nests deeper than {MAX_JSON_DEPTH} levels",
        }
        assert_secured(deep, PLAYGROUND_CSP)
        nested = '{"value": ' + "[" * 150 + "]" * 150 + "}"
        assert httpx.post(event, content=nested, headers=headers, timeout=30).status_code == 400
        fine = httpx.post(event, content='{"value": "hello"}', headers=headers, timeout=30)
        assert fine.status_code == 200 and fine.json()["ok"] is True


@pytest.mark.build
def test_a_large_declared_event_is_refused_before_it_is_read(built: dict[str, Any]) -> None:
    """A 40 MB Content-Length is answered 413 at once: the server does not wait for (nor
    read) a body that never comes."""
    from livery.component.playground.demo import load_demo

    demo = load_demo(Path(built["text"].project.root))
    slug = demo.stories[0].slug
    with serve_app(create_playground(demo)) as url:
        host, port = url.removeprefix("http://").split(":")
        request = (
            f"POST /api/stories/{slug}/events/change HTTP/1.1\r\nHost: {host}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {40 * 2**20}\r\n\r\n"
        )
        with socket.create_connection((host, int(port)), timeout=10) as connection:
            connection.sendall(request.encode())
            answer = ""
            while "larger than" not in answer and (chunk := connection.recv(65536)):
                answer += chunk.decode("latin-1")
        assert answer.startswith("HTTP/1.1 413 "), answer[:80]
        assert "larger than 32 MB" in answer


def _stream_chunks(url: str, path: str, total: int) -> tuple[str, int]:
    """POST up to ``total`` bytes in 64 KB chunks with no Content-Length (chunked transfer),
    as a client that does not say how much is coming; the answer and how much was sent when
    it came. The body is never finished: an answer proves the server counted while it
    streamed."""
    host, port = url.removeprefix("http://").split(":")
    head = (
        f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
        "Transfer-Encoding: chunked\r\n\r\n"
    )
    chunk = b"%x\r\n%s\r\n" % (65536, b" " * 65536)
    sent = [0]
    answered = threading.Event()

    def send(connection: socket.socket) -> None:
        try:
            while sent[0] < total and not answered.is_set():
                connection.sendall(chunk)
                sent[0] += 65536
        except OSError:
            pass  # the server answered and closed: stop sending

    with socket.create_connection((host, int(port)), timeout=60) as connection:
        connection.sendall(head.encode())
        sender = threading.Thread(target=send, args=(connection,), daemon=True)
        sender.start()
        answer = connection.recv(65536)
        at = sent[0]
        answered.set()
        while b"\r\n\r\n" not in answer and (more := connection.recv(65536)):
            answer += more
        connection.shutdown(socket.SHUT_RDWR)
        sender.join(timeout=10)
    return answer.decode("latin-1"), at


def test_a_streamed_builder_body_is_cut_off_at_the_limit(gallery_url: str) -> None:
    """Issue 15: a body without a Content-Length is counted while it streams; the gallery
    answers 413 once it passes the builder's limit instead of reading it whole."""
    answer, sent = _stream_chunks(gallery_url, "/api/build", 64 * 2**20)
    assert answer.startswith("HTTP/1.1 413 "), answer[:80]
    assert sent < 8 * 2**20  # answered long before the 64 MB the client would send


@pytest.mark.build
def test_a_streamed_event_body_is_cut_off_at_the_limit(built: dict[str, Any]) -> None:
    """The playground read a 40 MB body whole before answering 413; streamed in without a
    Content-Length, it is now refused once it passes 32 MB."""
    from livery.component.playground.demo import load_demo

    demo = load_demo(Path(built["text"].project.root))
    path = f"/api/stories/{demo.stories[0].slug}/events/change"
    with serve_app(create_playground(demo)) as url:
        answer, sent = _stream_chunks(url, path, 256 * 2**20)
    assert answer.startswith("HTTP/1.1 413 "), answer[:80]
    assert sent < 48 * 2**20


@pytest.mark.parametrize(
    ("text", "value"),
    [("[]", []), ('{"a": [1, {"b": 2}]}', {"a": [1, {"b": 2}]}), ('"x"', "x"), ("3", 3)],
)
def test_load_json_reads_ordinary_json(text: str, value: object) -> None:
    assert load_json(text) == value


@pytest.mark.parametrize("text", [DEEP, "[" * 101 + "]" * 101, '{"a":' * 200 + "1" + "}" * 200])
def test_load_json_refuses_deep_json_in_one_line(text: str) -> None:
    with pytest.raises(JsonDepthError) as caught:
        load_json(text)
    assert str(caught.value) == f"the JSON nests deeper than {MAX_JSON_DEPTH} levels"
    assert isinstance(caught.value, ValueError)


def test_load_json_still_refuses_what_is_not_json() -> None:
    with pytest.raises(ValueError) as caught:
        load_json("{nope")
    assert not isinstance(caught.value, JsonDepthError)
