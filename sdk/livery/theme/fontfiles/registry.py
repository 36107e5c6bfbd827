"""Fetch a font package from the npm registry: its latest release, then its tarball, checked.

Only the standard library is used (no new dependency). Every read is bounded, so a hostile or
broken registry cannot fill memory, and the tarball must match the release's ``sha512``
integrity before anything in it is looked at.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Final

from livery.errors import FontUnavailableWarning

REGISTRY: Final = "https://registry.npmjs.org"
"""The registry asked, unless ``$LIVERY_NPM_REGISTRY`` names another (a mirror, a test's)."""
MAX_MANIFEST: Final = 1_000_000
MAX_TARBALL: Final = 50_000_000
TIMEOUT: Final = 30.0


@dataclass(frozen=True)
class Release:
    """One published version of a package: where its tarball is and what it must hash to."""

    package: str
    version: str
    tarball: str
    integrity: str


def registry_url() -> str:
    return os.environ.get("LIVERY_NPM_REGISTRY", REGISTRY).rstrip("/")


def latest(package: str) -> Release:
    """The release ``dist-tags.latest`` points at (the registry's ``/<package>/latest``)."""
    url = f"{registry_url()}/{urllib.parse.quote(package, safe='@')}/latest"
    data = json.loads(_get(url, MAX_MANIFEST, package))
    try:
        dist = data["dist"]
        release = Release(package, str(data["version"]), dist["tarball"], dist["integrity"])
    except (KeyError, TypeError):
        raise FontUnavailableWarning(f"{package}: the registry's answer has no dist") from None
    if not release.tarball.startswith(("https://", f"{registry_url()}/")):
        raise FontUnavailableWarning(f"{package}: tarball {release.tarball[:80]!r} is not https")
    return release


def download(release: Release) -> bytes:
    """The release's tarball, refused unless it matches its ``sha512-…`` integrity."""
    data = _get(release.tarball, MAX_TARBALL, release.package)
    algorithm, _, expected = release.integrity.partition("-")
    if algorithm != "sha512":
        raise FontUnavailableWarning(
            f"{release.package}@{release.version}: integrity {algorithm!r} is not sha512"
        )
    actual = base64.b64encode(hashlib.sha512(data).digest()).decode()
    if actual != expected:
        raise FontUnavailableWarning(
            f"{release.package}@{release.version}: the tarball does not match its sha512 "
            "integrity (corrupted or tampered download); nothing was cached"
        )
    return data


def _get(url: str, limit: int, package: str) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
            data = response.read(limit + 1)
    except urllib.error.HTTPError as error:
        raise FontUnavailableWarning(f"{package}: the registry answered {error.code}") from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise FontUnavailableWarning(
            f"{package}: cannot reach {urllib.parse.urlsplit(url).netloc} ({reason}), "
            "and it is not cached"
        ) from None
    if len(data) > limit:
        raise FontUnavailableWarning(f"{package}: {url} is larger than {limit:,} bytes")
    return data
