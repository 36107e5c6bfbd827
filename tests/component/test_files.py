"""File values (``livery.component.files``): a browser names only files its host stored.

Unit tests of the ``File`` type and its rules, the hosts' stores (the playground's, Gradio's,
the standalone page's ``data:`` URLs) and the playground's upload routes over real HTTP.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import httpx
import pytest
from pydantic import BaseModel, RootModel, ValidationError
from starlette.applications import Starlette

from livery.component import Component, PayloadError
from livery.component.files import (
    INLINE_FILES,
    File,
    FileRules,
    UploadStore,
    current_host,
    default_store,
    use_host,
)
from livery.component.gradio_files import GRADIO_FILES, api_info, upload_folder
from livery.component.playground.uploads import NAME_HEADER, upload_routes
from tests.component.servers import serve_app

PNG = b"\x89PNG\r\n\x1a\n" + bytes(40)


def png_sniff(head: bytes) -> str | None:
    return "image/png" if head.startswith(b"\x89PNG\r\n\x1a\n") else None


class Attachment(Component):
    """A document and an optional small PNG: two file fields, so two traits."""

    class Value(BaseModel):
        document: File
        picture: Annotated[File, FileRules(max_bytes=100, mimes=("image/png",), sniff=png_sniff)]
        note: str = ""

    def example_value(self) -> BaseModel:
        return self.Value(
            document=File.from_bytes(b"hello", "a.txt"),
            picture=File.from_bytes(PNG, "p.png"),
        )


class Single(Component):
    Value = RootModel[File]


def uploaded(data: bytes, name: str, mime: str) -> dict:
    """What ``model.upload`` gives the front end for ``data`` (in the current host)."""
    return current_host().publish(File.from_bytes(data, name, mime))


def test_a_file_field_travels_as_a_reference_and_arrives_as_a_file() -> None:
    widget = Attachment()
    payload = widget.example_payload()
    assert set(payload["document"]) == {"url", "name", "mime", "size"}
    assert payload["document"]["name"] == "a.txt" and payload["document"]["size"] == 5
    assert payload["document"]["mime"] == "text/plain"
    value = widget.from_browser("change", payload)
    assert value.document.read_bytes() == b"hello"
    assert value.picture.mime == "image/png" and value.picture.name == "p.png"
    assert Attachment.trait_names() == ("document", "picture", "note")
    assert Attachment.binary_names() == ()  # no base64 in the JSON


def test_a_root_file_value_is_unwrapped_for_the_handler() -> None:
    payload = uploaded(b"%PDF-1.7", "paper.pdf", "application/pdf")
    file = Single().from_browser("change", payload)
    assert isinstance(file, File) and file.name == "paper.pdf" and file.mime == "application/pdf"
    assert file.path.read_bytes() == b"%PDF-1.7"


@pytest.mark.parametrize(
    "url",
    [
        "/etc/passwd",
        "/api/files/../../etc/passwd",
        "file:///etc/passwd",
        "/api/files/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    ],
)
def test_a_browser_cannot_name_a_file_the_host_did_not_store(url: str) -> None:
    problem = f"Single: event 'change': value: {url!r} is not a file this host stored"
    with pytest.raises(PayloadError, match=re.escape(problem)):
        Single().from_browser("change", {"url": url, "name": "x", "mime": "text/plain"})


def test_a_browser_cannot_add_a_path() -> None:
    payload = {**uploaded(b"x", "x.txt", "text/plain"), "path": "/etc/passwd"}
    with pytest.raises(PayloadError, match=r"a file has only url, name, mime and size"):
        Single().from_browser("change", payload)
    with pytest.raises(PayloadError, match=r"a file must be an object"):
        Single().from_browser("change", "/etc/passwd")


def test_a_string_path_from_python_data_is_not_a_file() -> None:
    """Only ``Path`` objects (which JSON cannot make) name files directly."""
    with pytest.raises(ValidationError):
        RootModel[File].model_validate("/etc/passwd")
    assert RootModel[File].model_validate(Path(__file__)).root.path == Path(__file__)


def test_another_store_does_not_know_the_token() -> None:
    payload = uploaded(b"secret", "s.txt", "text/plain")
    other = UploadStore()
    try:
        with use_host(other), pytest.raises(PayloadError, match="is not a file this host stored"):
            Single().from_browser("change", payload)
    finally:
        other.close()
    assert not other.root.exists()


def test_rules_limit_size_type_and_check_the_bytes() -> None:
    base = Attachment().example_payload()
    cases = [
        (uploaded(PNG + bytes(100), "big.png", "image/png"), "big.png is over 100 bytes"),
        (uploaded(b"GIF89a", "a.gif", "image/gif"), "a.gif is image/gif, not image/png"),
        (
            uploaded(b"<svg onload=alert(1)>", "x.png", "image/png"),
            "the bytes of x.png are not image/png",
        ),
    ]
    for picture, problem in cases:
        with pytest.raises(PayloadError, match=f"Attachment: event 'change': picture: {problem}"):
            Attachment().from_browser("change", {**base, "picture": picture})


def test_the_schema_describes_the_browser_form() -> None:
    schema = Attachment.api_info()["properties"]["picture"]
    assert schema["required"] == ["url"] and schema["x-livery-file"] is True
    assert schema["properties"]["mime"]["enum"] == ["image/png"]
    assert schema["properties"]["size"]["maximum"] == 100


def test_publishing_a_python_file_copies_it_into_the_store(tmp_path: Path) -> None:
    source = tmp_path / "report.csv"
    source.write_text("a,b\n")
    payload = Single().to_browser(source)
    assert payload["name"] == "report.csv" and payload["mime"] == "text/csv"
    stored = Single().from_browser("change", payload)
    assert stored.path.parent.parent == default_store().root and stored.read_bytes() == b"a,b\n"
    source.write_text("changed")  # the browser's file does not change with the original
    assert stored.read_bytes() == b"a,b\n"


def test_a_store_refuses_an_upload_over_its_limit() -> None:
    store = UploadStore(max_bytes=10)
    try:
        with pytest.raises(ValueError, match="over 10 bytes"):
            store.save([b"12345", b"678901"], "x", "text/plain")
        assert list(store.root.iterdir()) == []
    finally:
        store.close()


def test_inline_files_carry_the_bytes_in_data_urls() -> None:
    with use_host(INLINE_FILES):
        payload = Attachment().example_payload()
        assert payload["document"]["url"] == "data:text/plain;base64,aGVsbG8="
        value = Attachment().from_browser("change", payload)
        with pytest.raises(PayloadError, match="is not a data: URL"):
            Single().from_browser("change", {"url": "/etc/passwd"})
    assert value.document.read_bytes() == b"hello"


def test_gradio_files_accept_only_the_upload_folder(tmp_path: Path) -> None:
    folder = upload_folder()
    folder.mkdir(parents=True, exist_ok=True)
    inside = folder / "livery-test-upload.txt"
    inside.write_bytes(b"up")
    outside = tmp_path / "elsewhere.txt"
    outside.write_bytes(b"no")
    meta = {"_type": "gradio.FileData"}
    try:
        with use_host(GRADIO_FILES):
            file = Single().from_browser(
                None, {"path": str(inside), "orig_name": "u.txt", "meta": meta}
            )
            assert file.name == "u.txt" and file.mime == "text/plain" and file.size == 2
            for path in (str(outside), str(folder / ".." / "etc" / "passwd"), "/etc/passwd"):
                with pytest.raises(PayloadError, match="is not a file uploaded to this app"):
                    Single().from_browser(None, {"path": path, "meta": meta})
            dumped = Single().to_browser(file)
        assert dumped["meta"] == meta and dumped["path"] == str(inside)
        assert dumped["orig_name"] == "u.txt"
    finally:
        inside.unlink()


def test_gradio_api_info_names_file_data() -> None:
    from gradio_client.utils import json_schema_to_python_type

    info = api_info(Attachment.api_info())
    picture = info["properties"]["picture"]
    assert picture["title"] == "FileData"
    assert picture["properties"]["meta"]["properties"]["_type"]["const"] == "gradio.FileData"
    assert json_schema_to_python_type(api_info(Single.api_info())) == "filepath"


# -- the playground's upload routes, over HTTP ------------------------------------------------


@pytest.fixture(scope="module")
def upload_server() -> Iterator[tuple[str, UploadStore]]:
    """The upload routes of a fresh store, served by uvicorn on a free loopback port."""
    store = UploadStore(max_bytes=1000)
    try:
        with serve_app(Starlette(routes=upload_routes(store))) as url:
            yield url, store
    finally:
        store.close()


def test_an_upload_is_stored_and_served_by_its_token(upload_server) -> None:
    url, store = upload_server
    answer = httpx.post(
        f"{url}/api/uploads",
        content=PNG,
        headers={"content-type": "image/png", NAME_HEADER: "caf%C3%A9%2F..%2Fx.png"},
    )
    assert answer.status_code == 200
    file = answer.json()["file"]
    assert file["name"] == "x.png" and file["mime"] == "image/png" and file["size"] == len(PNG)
    served = httpx.get(url + file["url"])
    assert served.content == PNG and served.headers["content-type"] == "image/png"
    with use_host(store):
        assert Single().from_browser("change", file).read_bytes() == PNG


def test_uploads_need_the_name_header_and_stay_under_the_limit(upload_server) -> None:
    url, _ = upload_server
    plain = httpx.post(f"{url}/api/uploads", content=b"x", headers={"content-type": "text/plain"})
    assert plain.status_code == 400 and NAME_HEADER in plain.json()["error"]
    big = httpx.post(f"{url}/api/uploads", content=bytes(1001), headers={NAME_HEADER: "big.bin"})
    assert big.status_code == 413 and big.json() == {
        "ok": False,
        "error": "big.bin is over 1000 bytes",
    }
    assert httpx.get(f"{url}/api/files/nope").status_code == 404


def test_documents_are_served_as_downloads_not_pages(upload_server) -> None:
    url, _ = upload_server
    for mime in ("text/html", "image/svg+xml", "text/javascript"):
        answer = httpx.post(
            f"{url}/api/uploads",
            content=b"<script>alert(1)</script>",
            headers={"content-type": mime, NAME_HEADER: "x"},
        )
        served = httpx.get(url + answer.json()["file"]["url"])
        assert served.headers["content-type"] == "application/octet-stream"
        assert served.headers["content-disposition"].startswith("attachment")


def test_store_json_has_no_paths() -> None:
    text = json.dumps(Attachment().example_payload())
    assert str(default_store().root) not in text


def test_publishing_the_same_file_again_copies_it_once() -> None:
    store = UploadStore()
    try:
        sample = File.from_bytes(b"sample", "s.txt")  # in the default store, not this one
        with use_host(store):
            first, again = Single().to_browser(sample), Single().to_browser(sample)
        assert first == again
        assert len(list(store.root.iterdir())) == 1
    finally:
        store.close()
