"""File values: a ``Value`` field (or ``RootModel``) that is a file the host stored.

Big values do not belong in JSON: a file travels as a reference. The front end uploads it
with ``model.upload(file)`` (``host.upload``), which hands back the browser form
``{"url", "name", "mime", "size"}`` to put into the value; the handler receives a ``File``
(``.path``, ``.name``, ``.mime``, ``.size``, ``.read_bytes()``) for the host's stored copy.

The browser form is untrusted. Its ``url`` is only a token naming a file the host itself
stored (an upload, or a file Python sent to this browser), never a path: a value naming
anything else is refused, so a browser cannot make a handler read ``/etc/passwd``. Each host
has its own ``FileHost``: the playground's ``UploadStore`` (``playground/uploads.py``),
Gradio's upload folder (``gradio_files.py``, where the value carries Gradio's ``FileData``
dicts so Gradio moves and checks the files itself); a host makes its own current with
``use_host`` around a call. Elsewhere (unit tests, ``Story.run``, scripts) a process-wide
temporary store is current.

Limits are declared on the field: ``Annotated[File, FileRules(max_bytes=…, mimes=…,
sniff=…)]``. The type comes from the host's record (or the file name), and ``sniff`` can
check the bytes are what they claim, so a handler never gets a "PNG" that is something else.

``File`` is a frozen dataclass rather than a ``Path`` subclass: ``Path.name`` would be the
stored copy's token, not the user's file name, ``Path``'s writing methods invite changing a
file the host serves, and a plain immutable record compares and hashes by what it holds.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import mimetypes
import os
import re
import secrets
import shutil
import tempfile
import threading
import weakref
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

DEFAULT_MAX_BYTES = 100 * 2**20
"""The largest file a ``File`` field accepts unless its ``FileRules`` say otherwise."""
NAME_LENGTH = 255
SNIFF_BYTES = 64
"""How much of a file ``FileRules.sniff`` sees."""
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{22,64}$")
_BROWSER_KEYS = frozenset({"url", "name", "mime", "size"})


@dataclass(frozen=True)
class File:
    """A file a handler receives (or returns): the host's stored copy and what it is.

    ``path`` is on this machine, readable by the handler; ``name`` is the user's file name
    (``"cat.png"``), ``mime`` its type, ``size`` its length in bytes.
    """

    path: Path
    name: str = ""
    mime: str = "application/octet-stream"
    size: int = 0

    @classmethod
    def from_path(cls, path: str | os.PathLike[str], name: str | None = None) -> File:
        """A file already on disk (a handler's result, say); the type guessed from its name."""
        path = Path(path)
        shown = path.name if name is None else name
        return cls(path, shown, guess_mime(shown), path.stat().st_size)

    @classmethod
    def from_bytes(cls, data: bytes, name: str = "", mime: str | None = None) -> File:
        """``data`` stored by the current host (``use_host``), ready to send to a browser."""
        return current_host().add_bytes(bytes(data), name, mime or guess_mime(name))

    def read_bytes(self) -> bytes:
        """The file's bytes."""
        return self.path.read_bytes()

    def open(self) -> BinaryIO:
        """The file opened for reading (binary)."""
        return self.path.open("rb")

    def head(self, count: int = SNIFF_BYTES) -> bytes:
        """The first ``count`` bytes: enough to tell most formats apart."""
        with self.path.open("rb") as stream:
            return stream.read(count)

    # -- pydantic ----------------------------------------------------------------------------

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return FileRules().core_schema()

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return FileRules().json_schema()


@dataclass(frozen=True)
class FileRules:
    """What a ``File`` field accepts: ``Annotated[File, FileRules(…)]``.

    ``mimes`` lists the accepted types (empty: any); ``sniff(head) -> mime | None`` tells the
    type from the first bytes, and a file whose bytes are not the type it claims is refused.
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    mimes: tuple[str, ...] = ()
    sniff: Callable[[bytes], str | None] | None = field(default=None, compare=False)

    def check(self, file: File) -> File:
        """``file`` if it keeps these rules; ``ValueError`` (one line) saying why not."""
        label = file.name or "the file"
        if file.size > self.max_bytes:
            raise ValueError(f"{label} is over {size_text(self.max_bytes)}")
        if self.mimes and file.mime not in self.mimes:
            raise ValueError(f"{label} is {file.mime}, not {' or '.join(self.mimes)}")
        if self.sniff is not None:
            found = self.sniff(file.head())
            if found != file.mime:
                looks = f" (they look like {found})" if found else ""
                raise ValueError(f"the bytes of {label} are not {file.mime}{looks}")
        return file

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return self.core_schema()

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return self.json_schema()

    def core_schema(self) -> core_schema.CoreSchema:
        """Validation through the current host; serialisation as the host's browser form."""
        return core_schema.with_info_plain_validator_function(
            self._validate,
            serialization=core_schema.plain_serializer_function_ser_schema(
                _serialize, info_arg=True
            ),
        )

    def json_schema(self) -> JsonSchemaValue:
        """The browser form; ``x-livery-file`` lets a host swap in its own (Gradio's)."""
        schema: dict[str, Any] = {
            "type": "object",
            "title": "File",
            "description": "A file the host stored: upload it with model.upload(file).",
            "properties": {
                "url": {"type": "string"},
                "name": {"type": "string", "maxLength": NAME_LENGTH},
                "mime": {"type": "string"},
                "size": {"type": "integer", "minimum": 0, "maximum": self.max_bytes},
            },
            "required": ["url"],
            "x-livery-file": True,
        }
        if self.mimes:
            schema["properties"]["mime"]["enum"] = list(self.mimes)
        return schema

    def _validate(self, value: Any, info: core_schema.ValidationInfo) -> File:
        if isinstance(value, File):
            return self.check(value)
        if isinstance(value, os.PathLike) and info.mode == "python":
            # A Path object comes from Python code (a handler's result), never from JSON.
            return self.check(File.from_path(value))
        return self.check(current_host().resolve(value))


def _serialize(file: File, info: core_schema.SerializationInfo) -> Any:
    if info.mode == "json":
        return current_host().publish(file)
    return file


def guess_mime(name: str) -> str:
    """The type a file name suggests (``application/octet-stream`` when it says nothing)."""
    return mimetypes.guess_type(name, strict=False)[0] or "application/octet-stream"


def clean_name(name: object) -> str:
    """A user's file name fit to show and store: no folders, no control characters."""
    text = str(name or "").replace("\\", "/").rsplit("/", 1)[-1]
    text = "".join(char for char in text if char.isprintable())
    return text[:NAME_LENGTH]


def size_text(count: int) -> str:
    """``count`` bytes for a message: "10 MB", or "100 bytes" below a megabyte."""
    return f"{count / 1_000_000:g} MB" if count >= 1_000_000 else f"{count} bytes"


# -- hosts -------------------------------------------------------------------------------------


class FileHost(Protocol):
    """How a host keeps files: what a browser's reference names, and how Python's files
    become references a browser can use."""

    def resolve(self, data: object) -> File:
        """The stored file a browser's value names; ``ValueError`` if it names none."""
        ...

    def publish(self, file: File) -> dict[str, Any]:
        """The browser form of ``file`` (stored or registered so the browser can fetch it)."""
        ...

    def add_bytes(self, data: bytes, name: str, mime: str) -> File:
        """``data`` kept as a file of this host's."""
        ...


@dataclass(frozen=True)
class _Record:
    file: File
    token: str


class UploadStore:
    """Files kept in a private temporary folder, each named by an unguessable token.

    A browser names a file by its URL, ``<prefix><token>``; only tokens this store handed out
    resolve. Files Python sends (``publish``) are copied in, so what a browser can fetch is
    exactly this folder's contents. The folder is removed with the store (or at exit).
    """

    def __init__(self, *, prefix: str = "/api/files/", max_bytes: int = DEFAULT_MAX_BYTES):
        self.prefix = prefix
        self.max_bytes = max_bytes
        self.root = Path(tempfile.mkdtemp(prefix="livery-files-")).resolve()
        self._records: dict[str, _Record] = {}
        self._by_path: dict[Path, str] = {}
        self._copies: dict[tuple[File, int], str] = {}
        """Files published from elsewhere (and their modification time): copied once."""
        self._lock = threading.Lock()
        self._cleanup = weakref.finalize(self, shutil.rmtree, self.root, ignore_errors=True)

    def close(self) -> None:
        """Delete every stored file."""
        self._cleanup()

    def url(self, token: str) -> str:
        return f"{self.prefix}{token}"

    def get(self, token: str) -> File | None:
        """The stored file ``token`` names, or ``None``."""
        record = self._records.get(token) if _TOKEN.match(token) else None
        return record.file if record else None

    def save(self, chunks: Iterable[bytes], name: str, mime: str) -> File:
        """Store the bytes ``chunks`` yields; ``ValueError`` past ``max_bytes``."""
        token = secrets.token_urlsafe(24)
        name = clean_name(name)
        # One folder per token keeps the user's file name on disk (Gradio's cache and
        # downloads name files after their path) without two uploads ever colliding.
        folder = self.root / token
        folder.mkdir()
        path = folder / (name if name not in ("", ".", "..") else "file")
        size = 0
        try:
            with path.open("xb") as stream:
                for chunk in chunks:
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise ValueError(f"the file is over {size_text(self.max_bytes)}")
                    stream.write(chunk)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        return self._register(File(path, name, mime, size), token)

    def add_bytes(self, data: bytes, name: str, mime: str) -> File:
        return self.save([data], name, mime)

    def token_of(self, file: File) -> str | None:
        """The token of ``file`` if it is this store's very record."""
        token = self._by_path.get(file.path)
        return token if token and self._records[token].file == file else None

    def resolve(self, data: object) -> File:
        if not isinstance(data, dict):
            raise ValueError("a file must be an object {url, name, mime, size}")
        extra = set(data) - _BROWSER_KEYS
        if extra:
            raise ValueError(f"a file has only url, name, mime and size, not {sorted(extra)}")
        url = data.get("url")
        if not isinstance(url, str):
            raise ValueError("a file needs its url (from model.upload)")
        token = url.removeprefix(self.prefix) if url.startswith(self.prefix) else ""
        file = self.get(token)
        if file is None:
            raise ValueError(f"{url[:80]!r} is not a file this host stored")
        return file

    def publish(self, file: File) -> dict[str, Any]:
        token = self.token_of(file)
        if token is None:
            # A file from elsewhere (a story's sample, a handler's result): copied in once, so
            # rendering the same value again does not fill the folder.
            source = (file, file.path.stat().st_mtime_ns)
            token = self._copies.get(source)
            if token is None:
                with file.open() as stream:
                    chunks = iter(lambda: stream.read(2**20), b"")
                    token = self._by_path[self.save(chunks, file.name, file.mime).path]
                self._copies[source] = token
        stored = self._records[token].file
        return {
            "url": self.url(token),
            "name": stored.name,
            "mime": stored.mime,
            "size": stored.size,
        }

    def _register(self, file: File, token: str) -> File:
        with self._lock:
            self._records[token] = _Record(file, token)
            self._by_path[file.path] = token
        return file


class InlineFiles:
    """Files as ``data:`` URLs, for pages with no server (``standalone.mount_html``).

    ``publish`` puts the bytes into the URL; ``resolve`` takes a ``data:`` URL back (the bytes
    are the value, so nothing on this machine is named) into the default store.
    """

    max_bytes: int = DEFAULT_MAX_BYTES

    def resolve(self, data: object) -> File:
        if not isinstance(data, dict) or not isinstance(data.get("url"), str):
            raise ValueError("a file must be an object {url, name, mime, size}")
        url = data["url"]
        head, comma, body = url.partition(",")
        if not (head.startswith("data:") and head.endswith(";base64") and comma):
            raise ValueError(f"{url[:40]!r} is not a data: URL with base64 bytes")
        if len(body) > self.max_bytes * 4 // 3 + 4:
            raise ValueError(f"the file is over {size_text(self.max_bytes)}")
        try:
            content = base64.b64decode(body, validate=True)
        except binascii.Error:
            raise ValueError("the data: URL is not base64") from None
        mime = head.removeprefix("data:").removesuffix(";base64") or "application/octet-stream"
        return default_store().add_bytes(content, clean_name(data.get("name")), mime)

    def publish(self, file: File) -> dict[str, Any]:
        encoded = base64.b64encode(file.read_bytes()).decode("ascii")
        url = f"data:{file.mime};base64,{encoded}"
        return {"url": url, "name": file.name, "mime": file.mime, "size": file.size}

    def add_bytes(self, data: bytes, name: str, mime: str) -> File:
        return default_store().add_bytes(data, name, mime)


INLINE_FILES = InlineFiles()

_current: ContextVar[FileHost | None] = ContextVar("livery_file_host", default=None)
_default: UploadStore | None = None
_default_lock = threading.Lock()


def default_store() -> UploadStore:
    """The process-wide store used outside any host (tests, ``Story.run``, scripts)."""
    global _default
    with _default_lock:
        if _default is None:
            _default = UploadStore()
        return _default


def current_host() -> FileHost:
    """The host whose files values name now: the one ``use_host`` set, else the default."""
    return _current.get() or default_store()


@contextlib.contextmanager
def use_host(host: FileHost) -> Iterator[FileHost]:
    """Make ``host`` current for the values validated and dumped inside the block."""
    token = _current.set(host)
    try:
        yield host
    finally:
        _current.reset(token)
