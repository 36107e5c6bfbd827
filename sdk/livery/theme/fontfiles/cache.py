"""The font cache: one folder per package release, holding only the woff2 files asked for.

``$LIVERY_CACHE_DIR/fonts`` (else ``~/.cache/livery/fonts``) holds
``@fontsource/<slug>@<version>/`` folders, each with the woff2 files of the weights asked for
so far (normal style, every subset), the package's licence and ``faces.json``, which lists
every file with its weight, subset and ``unicode-range``. A folder is built in a temporary
folder beside it and renamed into place, so a download killed halfway never leaves a half
cache; asking for a new weight builds the folder again with the old weights and the new.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import tarfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from livery._cache import cache_root as livery_cache
from livery._files import new_folder, swap_folder
from livery.errors import FontUnavailableWarning

MANIFEST: Final = "faces.json"
FILE_NAME: Final = re.compile(r"[a-z0-9-]+\.woff2")
"""Every file name the cache writes and serves (generated, then checked against this)."""
MAX_MEMBER: Final = 5_000_000
_VERSION = re.compile(r"[0-9A-Za-z.+-]{1,40}")


@dataclass(frozen=True)
class Face:
    """One ``@font-face``: a file of one weight and one subset, and the characters it has."""

    file: str
    weight: int
    subset: str
    unicode_range: str


@dataclass(frozen=True)
class FontSet:
    """The cached files of one family: where they are and the faces they make."""

    family: str
    package: str
    version: str
    folder: Path
    faces: tuple[Face, ...]
    asked: frozenset[int] = frozenset()
    """Every weight asked for when the folder was built, including those the package lacks
    (so that asking again does not download it again)."""

    @property
    def weights(self) -> frozenset[int]:
        return frozenset(face.weight for face in self.faces)

    def paths(self) -> list[Path]:
        return [self.folder / face.file for face in self.faces]


def cache_root() -> Path:
    """Where font packages are cached (``$LIVERY_CACHE_DIR/fonts``, else
    ``~/.cache/livery/fonts``)."""
    return livery_cache() / "fonts"


def cached(package: str, family: str) -> FontSet | None:
    """The newest cached release of ``package``, or ``None`` if none is cached (or readable)."""
    scope, _, name = package.rpartition("/")
    parent = cache_root() / scope
    best: tuple[tuple[int, ...], FontSet] | None = None
    for folder in parent.glob(f"{name}@*") if parent.is_dir() else ():
        found = _read(folder, package, family)
        if found is not None:
            key = _version_key(found.version)
            if best is None or key > best[0]:
                best = (key, found)
    return None if best is None else best[1]


def find_file(name: str) -> Path | None:
    """The cached woff2 file called ``name`` (newest release first), or ``None``: what a
    server's ``/fonts/<name>`` answers, for generated names only."""
    if not FILE_NAME.fullmatch(name):
        return None
    root = cache_root() / "@fontsource"
    folders = [f for f in root.glob("*@*") if f.is_dir()] if root.is_dir() else []
    folders.sort(key=lambda f: _version_key(f.name.rpartition("@")[2]), reverse=True)
    for folder in folders:
        if name.startswith(folder.name.rpartition("@")[0] + "-") and (folder / name).is_file():
            return folder / name
    return None


def store(
    package: str, version: str, family: str, tarball: bytes, weights: frozenset[int]
) -> FontSet:
    """Extract the woff2 files of ``weights`` (normal style, every subset) from ``tarball``
    into the release's cache folder, replacing it whole; return what it now holds."""
    if not _VERSION.fullmatch(version):
        raise FontUnavailableWarning(f"{package}: version {version[:40]!r} is not a version")
    slug = package.rpartition("/")[2]
    members = _members(package, tarball)
    ranges = _unicode_ranges(package, members)
    faces = []
    for subset, unicode_range in ranges.items():
        for weight in sorted(weights):
            file = f"{slug}-{subset}-{weight}-normal.woff2"
            if FILE_NAME.fullmatch(file) and f"package/files/{file}" in members:
                faces.append(Face(file, weight, subset, unicode_range))
    if not faces:
        available = ", ".join(str(w) for w in sorted(_weights(members, slug))) or "none"
        raise FontUnavailableWarning(
            f"{package}@{version}: no woff2 file for weights "
            f"{', '.join(map(str, sorted(weights)))} (it has {available})"
        )
    target = cache_root() / f"{package}@{version}"
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = new_folder(target.parent, f".{target.name}.")
    try:
        for face in faces:
            (staging / face.file).write_bytes(members[f"package/files/{face.file}"])
        if "package/LICENSE" in members:
            (staging / "LICENSE").write_bytes(members["package/LICENSE"])
        manifest = {
            "package": package,
            "version": version,
            "asked": sorted(weights),
            "faces": [face.__dict__ for face in faces],
        }
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        swap_folder(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return FontSet(family, package, version, target, tuple(faces), frozenset(weights))


def _members(package: str, tarball: bytes) -> dict[str, bytes]:
    """The regular files of the tarball that the cache may use (``package/files/*.woff2``,
    ``unicode.json``, ``LICENSE``), by name. A member with an absolute path, a ``..`` part
    or a link anywhere refuses the whole tarball."""
    wanted: dict[str, bytes] = {}
    try:
        with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
            for member in archive:
                name = member.name
                if name.startswith("/") or ".." in name.split("/") or "\\" in name:
                    raise FontUnavailableWarning(f"{package}: the tarball holds a path {name!r}")
                if member.issym() or member.islnk():
                    raise FontUnavailableWarning(f"{package}: the tarball holds a link {name!r}")
                if not member.isfile() or not _useful(name):
                    continue
                if member.size > MAX_MEMBER:
                    raise FontUnavailableWarning(f"{package}: {name} is over {MAX_MEMBER:,} bytes")
                handle = archive.extractfile(member)
                if handle is not None:
                    wanted[name] = handle.read(MAX_MEMBER + 1)
    except (tarfile.TarError, EOFError, OSError) as error:
        raise FontUnavailableWarning(f"{package}: the tarball cannot be read ({error})") from None
    return wanted


def _useful(name: str) -> bool:
    if name in ("package/unicode.json", "package/LICENSE"):
        return True
    folder, _, file = name.rpartition("/")
    return folder == "package/files" and file.endswith("-normal.woff2")


def _unicode_ranges(package: str, members: dict[str, bytes]) -> dict[str, str]:
    """Subset → ``unicode-range`` from the package's ``unicode.json`` (``[0]`` keys of large
    families become subset ``0``), each checked to be a list of ``U+…`` ranges."""
    try:
        data = json.loads(members["package/unicode.json"])
    except (KeyError, ValueError):
        raise FontUnavailableWarning(
            f"{package}: the package has no readable unicode.json"
        ) from None
    ranges = {}
    for key, value in data.items() if isinstance(data, dict) else ():
        subset = str(key).strip("[]")
        if re.fullmatch(r"[a-z0-9-]{1,40}", subset) and isinstance(value, str):
            text = value.replace(" ", "")
            if _RANGES.fullmatch(text):
                ranges[subset] = text
    return ranges


_RANGE = r"U\+[0-9A-Fa-f?]{1,6}(?:-[0-9A-Fa-f]{1,6})?"
_RANGES = re.compile(rf"{_RANGE}(?:,{_RANGE})*")


def _weights(members: dict[str, bytes], slug: str) -> set[int]:
    found = set()
    for name in members:
        match = re.fullmatch(rf"package/files/{re.escape(slug)}-.+-(\d+)-normal\.woff2", name)
        if match:
            found.add(int(match.group(1)))
    return found


def _read(folder: Path, package: str, family: str) -> FontSet | None:
    """The cache folder's font set, or ``None`` if its manifest is missing, unreadable, or
    names a file that is not there (so a damaged folder is fetched again)."""
    try:
        data: Any = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        faces = tuple(
            Face(str(f["file"]), int(f["weight"]), str(f["subset"]), str(f["unicode_range"]))
            for f in data["faces"]
        )
        version = str(data["version"])
        asked = frozenset(int(weight) for weight in data.get("asked", ()))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if data.get("package") != package or not faces:
        return None
    for face in faces:
        if not FILE_NAME.fullmatch(face.file) or not _RANGES.fullmatch(face.unicode_range):
            return None
        if not (folder / face.file).is_file():
            return None
    return FontSet(family, package, version, folder, faces, asked)


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", version))
