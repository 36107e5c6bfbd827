"""File values in Gradio 6: ``File`` fields travel as Gradio's own ``FileData`` dicts.

Gradio moves and checks every ``{"path", …, "meta": {"_type": "gradio.FileData"}}`` it finds
in a value: before ``preprocess`` it refuses a path that is not in its upload folder (a user
upload) and copies the file into the component's cache; after ``postprocess`` it copies the
handler's file into the cache and sets its ``url``. So in Gradio a Livery file *is* a
``FileData`` dict, and

- ``GradioFiles`` (the ``FileHost`` Gradio calls run under, ``use_host(GRADIO_FILES)``)
  accepts only paths inside Gradio's upload folder, which is where Gradio's own checks left
  them, and dumps files as ``FileData`` for Gradio to move;
- ``api_info(component)`` names ``FileData`` where the value has a file, so
  ``gradio_client`` knows the field is a file and ``handle_file(path)`` uploads it;
- ``FILES_JS`` is the front end's side: ``host.upload`` through ``gr.HTML``'s
  ``upload(file)``, and the translation between ``FileData`` and the browser form every
  front end reads (``{url, name, mime, size}``, with the host-private ``path``).

Gradio is imported lazily: this module is imported by ``livery.component.gradio`` only.
"""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any

from livery.component.files import File, clean_name, default_store, guess_mime

FILE_DATA_TYPE = "gradio.FileData"
_GRADIO_KEYS = frozenset({"path", "url", "size", "orig_name", "mime_type", "is_stream", "meta"})

FILES_JS = """\
const isFileData = (v) => v !== null && typeof v === "object" && !Array.isArray(v)
  && v.meta?._type === "gradio.FileData";
const isLiveryFile = (v) => v !== null && typeof v === "object" && !Array.isArray(v)
  && typeof v.path === "string" && "url" in v && !("meta" in v);
const mapDeep = (value, test, change) => {
  if (test(value)) return change(value);
  if (Array.isArray(value)) return value.map((item) => mapDeep(item, test, change));
  if (value !== null && typeof value === "object" && !(value instanceof DataView)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, mapDeep(item, test, change)]),
    );
  }
  return value;
};
const fromGradio = (value) => mapDeep(value, isFileData, (f) => ({
  url: f.url ?? "", name: f.orig_name ?? "", mime: f.mime_type ?? "", size: f.size ?? 0,
  path: f.path,
}));
const toGradio = (value) => mapDeep(value, isLiveryFile, (f) => ({
  path: f.path, url: f.url ?? null, orig_name: f.name ?? null, mime_type: f.mime ?? null,
  size: f.size ?? null, is_stream: false, meta: { _type: "gradio.FileData" },
}));
const uploadFile = async (file) => {
  const { path, url } = await upload(file);
  return {
    url, path, name: file.name, mime: file.type || "application/octet-stream", size: file.size,
  };
};
"""
"""For ``gradio.py``'s adapter: ``read`` returns ``fromGradio(value)``, ``write`` stores
``toGradio(value)``, and the host's ``upload(file)`` is ``uploadFile(file)`` (``gr.HTML``'s
``upload`` returns ``{path, url}`` of the file in Gradio's upload folder)."""


def upload_folder() -> Path:
    """Gradio's upload folder (``GRADIO_TEMP_DIR``), where uploads and its caches live."""
    from gradio.utils import get_upload_folder

    return Path(get_upload_folder()).resolve()


class GradioFiles:
    """The ``FileHost`` of Gradio calls: files are ``FileData`` in Gradio's upload folder."""

    def resolve(self, data: object) -> File:
        if not isinstance(data, dict) or not isinstance(data.get("path"), str):
            raise ValueError("a file must be Gradio FileData {path, meta, …}")
        extra = set(data) - _GRADIO_KEYS - {"name", "mime"}
        if extra:
            raise ValueError(f"a file has only Gradio FileData keys, not {sorted(extra)}")
        folder = upload_folder()
        path = Path(os.path.realpath(data["path"]))
        if not path.is_relative_to(folder) or not path.is_file():
            raise ValueError(f"{data['path'][:80]!r} is not a file uploaded to this app")
        name = clean_name(data.get("orig_name") or data.get("name") or path.name)
        mime = data.get("mime_type") or data.get("mime") or guess_mime(name)
        if not isinstance(mime, str):
            raise ValueError("a file's mime_type must be a string")
        return File(path, name, mime, path.stat().st_size)

    def publish(self, file: File) -> dict[str, Any]:
        return {
            "path": str(file.path),
            "url": None,
            "size": file.size,
            "orig_name": file.name or None,
            "mime_type": file.mime,
            "is_stream": False,
            "meta": {"_type": FILE_DATA_TYPE},
        }

    def add_bytes(self, data: bytes, name: str, mime: str) -> File:
        # A temporary file: Gradio's postprocessing copies it into its cache (tempdir is
        # allowed), after which ``resolve`` finds it in the upload folder.
        return default_store().add_bytes(data, name, mime)


GRADIO_FILES = GradioFiles()


def file_data_schema() -> dict[str, Any]:
    """Gradio's ``FileData`` JSON schema with its ``meta`` inlined (one self-contained dict)."""
    from gradio.data_classes import FileData

    schema = FileData.model_json_schema()
    definitions = schema.pop("$defs", {})
    meta = schema["properties"]["meta"]
    reference = meta.get("$ref", "").rsplit("/", 1)[-1]
    if reference in definitions:
        schema["properties"]["meta"] = {**definitions[reference], "default": meta.get("default")}
    return schema


def api_info(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` (a component's ``api_info()``) with every Livery file as ``FileData``."""
    file_data = file_data_schema()

    def swap(node: Any) -> Any:
        if isinstance(node, dict):
            if node.get("x-livery-file"):
                described = {**file_data}
                if node.get("description"):
                    described["description"] = node["description"]
                return described
            return {key: swap(item) for key, item in node.items()}
        if isinstance(node, list):
            return [swap(item) for item in node]
        return node

    return swap(copy.deepcopy(schema))
