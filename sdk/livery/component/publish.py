"""``livery component publish``: upload the built wheel and sdist to a package index.

Publishing what was built, not what is in the folder now, is the easy mistake: so before any
upload the files in ``dist/`` are checked against the project — they must exist, be for the
version in ``pyproject.toml`` and be built from the sources as they are now (``frontend/``,
``backend/``, ``pyproject.toml``): their contents are compared with the hashes the build
recorded (``livery.component.dist``), so restoring a file's bytes does not call for a rebuild.
A ``dist/`` the record does not describe (built by ``python -m build``, say) must be newer
than every source file instead. Each refusal is one line that says to run
``livery component build``.

The upload itself is twine's (``python -m twine upload``, in a subprocess so its console
output and exit code stay its own). Credentials are never passed on the command line, where
other users could read them: ``LIVERY_PUBLISH_TOKEN`` becomes ``TWINE_USERNAME=__token__`` /
``TWINE_PASSWORD`` in twine's environment; otherwise twine reads its own ``TWINE_*`` variables
or ``.pypirc``. Whatever twine prints is scrubbed of every secret Livery knows of before it
reaches a message.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from packaging.utils import (
    InvalidSdistFilename,
    InvalidWheelFilename,
    canonicalize_name,
    canonicalize_version,
    parse_sdist_filename,
    parse_wheel_filename,
)

from livery._extras import AUTHORING_INSTALL
from livery.component.dist import recorded_sources, source_files, source_hashes
from livery.component.project import Project
from livery.component.secrets import Scrubber
from livery.errors import PublishError

TOKEN_VARIABLE = "LIVERY_PUBLISH_TOKEN"
_TIMEOUT_S = 600
_BUILD_HINT = "run 'livery component build'"
_ALREADY = re.compile(r"\b409 Conflict\b|already exists?", re.IGNORECASE)
_FROM_URL = re.compile(r"(?:Uploading distributions to|from)\s+(\S+://\S+)")
_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
_COLUMNS = "5000"


@dataclass(frozen=True)
class Release:
    """The distribution files of one version, ready to upload."""

    name: str
    """The distribution name as ``pyproject.toml`` spells it."""
    version: str
    files: tuple[Path, ...]
    """Wheel(s) first, then the sdist: the order twine uploads them in."""


@dataclass(frozen=True)
class Published:
    """What an upload did."""

    release: Release
    repository: str
    """The index it went to (as twine reported it), or ``""`` when twine did not say."""


def find_release(project: Project) -> Release:
    """The wheel and sdist in ``dist/`` for the project's version, checked to be current.

    Raises ``PublishError`` when ``dist/`` is missing, holds no files for this version, lacks
    the wheel or the sdist, or is older than a source file.
    """
    name, version = _name_and_version(project)
    dist = project.dist_dir
    shown = project.display(dist)
    if not dist.is_dir():
        raise PublishError(f"{shown}/ is missing: {_BUILD_HINT} first")
    wheels, sdists, others = _distributions(dist, name, version)
    if not wheels and not sdists:
        found = f"only {', '.join(sorted(others))}" if others else "no distributions"
        raise PublishError(
            f"{shown}/ holds {found}, nothing for {name} {version} (the version in "
            f"pyproject.toml): {_BUILD_HINT}"
        )
    if not wheels or not sdists:
        missing = "wheel" if not wheels else "sdist"
        raise PublishError(f"{shown}/ has no {missing} for {name} {version}: {_BUILD_HINT}")
    files = (*sorted(wheels), *sorted(sdists))
    stale = _changed_source(project, files)
    if stale is not None:
        raise PublishError(f"{shown}/ is older than the sources ({stale}): {_BUILD_HINT}")
    return Release(name, version, files)


def publish_project(
    folder: str | os.PathLike[str] = ".",
    *,
    repository_url: str | None = None,
    repository: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> Published:
    """Check ``dist/`` and upload its files for the current version with twine."""
    project = Project.find(folder)
    release = find_release(project)
    return upload(release, repository_url=repository_url, repository=repository, environ=environ)


def upload(
    release: Release,
    *,
    repository_url: str | None = None,
    repository: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> Published:
    """Upload ``release`` with ``python -m twine upload``; ``PublishError`` if it fails.

    ``repository_url`` wins over ``repository`` (a ``.pypirc`` section); with neither,
    twine's own defaults apply (``TWINE_REPOSITORY_URL``, ``.pypirc``, PyPI).
    """
    if importlib.util.find_spec("twine") is None:
        raise PublishError(
            f"publishing needs twine (Livery's authoring tools): {AUTHORING_INSTALL}"
        )
    env = dict(os.environ if environ is None else environ)
    scrubber = Scrubber.from_environment(env, repository_url)
    token = env.pop(TOKEN_VARIABLE, "")
    if token:
        env["TWINE_USERNAME"] = "__token__"
        env["TWINE_PASSWORD"] = token
    # No colour, and wide lines: rich wraps twine's lines at 80 columns (always, on a "dumb"
    # terminal), which would split an echoed secret where the scrubber cannot see it whole.
    env.update({"NO_COLOR": "1", "TERM": "xterm", "PYTHONIOENCODING": "utf-8", "COLUMNS": _COLUMNS})
    command = [sys.executable, "-m", "twine", "upload", "--non-interactive"]
    command += ["--disable-progress-bar", "--verbose"]  # verbose: the index's own reason
    if repository_url:
        command += ["--repository-url", repository_url]
    elif repository:
        command += ["--repository", repository]
    command += [str(path) for path in release.files]
    try:
        result = subprocess.run(
            command, capture_output=True, text=True, env=env, timeout=_TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired:
        raise PublishError(f"the upload took over {_TIMEOUT_S} s") from None
    output = scrubber.scrub(_ANSI.sub("", result.stdout + "\n" + result.stderr))
    where = _repository(output, scrubber.scrub(repository_url or ""))
    if result.returncode != 0:
        if _ALREADY.search(output):
            raise PublishError(
                f"version {release.version} of {release.name} is already on "
                f"{where or 'the index'}; bump the version"
            )
        # A secret glued to a word longer than a line is still cut in two: then only twine's
        # own first line (status and URL) is shown, none of the index's text.
        raise PublishError(f"upload failed: {_reason(output, echo=not scrubber.leaks(output))}")
    return Published(release, where)


def _name_and_version(project: Project) -> tuple[str, str]:
    table = project.metadata()
    name, version = table.get("name"), table.get("version")
    if not isinstance(name, str) or not isinstance(version, str):
        shown = project.display(project.pyproject)
        raise PublishError(f"{shown}: publishing needs [project] name and a static version")
    return name, version


def _distributions(dist: Path, name: str, version: str) -> tuple[list[Path], list[Path], set[str]]:
    """The wheels and sdists of ``name`` ``version`` in ``dist``, and what else is there."""
    wanted_name, wanted_version = canonicalize_name(name), canonicalize_version(version)
    wheels: list[Path] = []
    sdists: list[Path] = []
    others: set[str] = set()
    for path in dist.iterdir():
        parsed = _parse(path.name)
        if parsed is None:
            continue
        kind, dist_name, dist_version = parsed
        if dist_name == wanted_name and canonicalize_version(dist_version) == wanted_version:
            (wheels if kind == "wheel" else sdists).append(path)
        else:
            others.add(f"{dist_name} {dist_version}")
    return wheels, sdists, others


def _parse(filename: str) -> tuple[str, str, str] | None:
    try:
        if filename.endswith(".whl"):
            name, version, *_ = parse_wheel_filename(filename)
            return "wheel", name, str(version)
        if filename.endswith((".tar.gz", ".zip")):
            name, version = parse_sdist_filename(filename)
            return "sdist", name, str(version)
    except (InvalidWheelFilename, InvalidSdistFilename):
        return None
    return None


def _changed_source(project: Project, files: tuple[Path, ...]) -> str | None:
    """What changed since ``files`` were built (``frontend/x.js changed after the build``),
    or ``None`` if they are current."""
    recorded = recorded_sources(project, files)
    if recorded is None:
        newer = _newest_source(project, after=min(path.stat().st_mtime_ns for path in files))
        return None if newer is None else f"{project.display(newer)} changed after the build"
    current = source_hashes(project)
    for relative in sorted(recorded.keys() | current.keys()):
        if recorded.get(relative) == current.get(relative):
            continue
        if relative not in recorded:
            what = "was added"
        else:
            what = "was removed" if relative not in current else "changed"
        return f"{project.display(project.root / relative)} {what} after the build"
    return None


def _newest_source(project: Project, after: int) -> Path | None:
    """A source file modified after ``after`` (ns), or ``None`` if the build is current."""
    for path in source_files(project):
        try:
            if path.stat().st_mtime_ns > after:
                return path
        except FileNotFoundError:  # removed while we looked
            continue
    return None


def _repository(output: str, given: str) -> str:
    if given:
        return given
    found = _FROM_URL.search(output)
    return found.group(1).rstrip(".") if found else ""


def _reason(output: str, *, echo: bool = True) -> str:
    """The line of twine's output that says what went wrong, and with ``echo`` the line after
    it (the index's own words)."""
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    for index, line in enumerate(lines):
        if line.startswith(("ERROR", "HTTPError", "InvalidDistribution")):
            text = line.removeprefix("ERROR").strip()
            following = lines[index + 1] if index + 1 < len(lines) else ""
            if not echo:
                text += " (the index's answer repeated a credential: not shown)"
            elif following and not following.startswith(("ERROR", "WARNING", "INFO")):
                text += f" ({following})"
            return text
    return lines[-1] if lines else "twine printed nothing"
