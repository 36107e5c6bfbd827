"""The record of the files ``livery component create`` wrote into a project.

``--force`` may overwrite a file only if Livery wrote it and it is unchanged since: the manifest
(``.livery/created.json``) lists those files with the hash of what was written. Anything not
listed — the user's README, their own modules — and any listed file whose content no longer
has its hash (edited by the user, or named by a manifest Livery did not write) is never
overwritten or deleted.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path

from livery._files import write_atomic

MANIFEST = Path(".livery") / "created.json"


def read(project: Path) -> dict[str, str]:
    """The files Livery wrote in ``project`` (relative POSIX path → sha256), {} if none.

    A manifest that cannot be read counts as empty: then nothing is Livery's to overwrite.
    """
    try:
        data = json.loads((project / MANIFEST).read_text(encoding="utf-8"))
        files = data["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    if not isinstance(files, dict):
        return {}
    return {str(path): str(digest) for path, digest in files.items()}


def write(project: Path, template: str, files: Mapping[str, str]) -> None:
    """Record ``files`` (relative path → sha256) as written from ``template``."""
    data = {"template": template, "files": dict(sorted(files.items()))}
    write_atomic(project / MANIFEST, json.dumps(data, indent=2) + "\n")


def digest(text: str) -> str:
    """The hash the manifest stores for a file's text."""
    return digest_bytes(text.encode("utf-8"))


def digest_bytes(content: bytes) -> str:
    """The hash of a file's content as it is on disk, to compare with the manifest's."""
    return hashlib.sha256(content).hexdigest()
