"""Keep upload credentials out of everything Livery prints.

twine masks passwords in its own messages, but an index's error page, a URL with a password
in it or a future twine version may still echo one. Every message about an upload therefore
goes through a ``Scrubber`` that knows the secrets in play — ``LIVERY_PUBLISH_TOKEN``,
``TWINE_PASSWORD``, passwords in ``.pypirc`` and in URLs — and replaces them, along with
anything shaped like a PyPI token.
"""

from __future__ import annotations

import configparser
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

MASK = "********"
SECRET_VARIABLES = ("LIVERY_PUBLISH_TOKEN", "TWINE_PASSWORD")
_TOKEN_SHAPE = re.compile(r"pypi-[A-Za-z0-9_\-]{16,}")
_URL_USERINFO = re.compile(r"(\w+://)[^/\s@]+@")
_MIN_SECRET_CHARS = 4
"""Shorter values are not masked: replacing every "ab" in a message would hide the message."""


@dataclass(frozen=True)
class Scrubber:
    """Replaces known secrets in text."""

    secrets: tuple[str, ...] = ()

    @classmethod
    def from_environment(cls, env: Mapping[str, str], *urls: str | None) -> Scrubber:
        """The secrets of an upload: its environment, ``.pypirc`` and URL passwords."""
        found = [env.get(name, "") for name in SECRET_VARIABLES]
        found += _pypirc_passwords(env)
        found += [urlsplit(url).password or "" for url in urls if url]
        found += [urlsplit(env.get("TWINE_REPOSITORY_URL", "")).password or ""]
        return cls.of(found)

    @classmethod
    def of(cls, values: Iterable[str]) -> Scrubber:
        unique = {value for value in values if len(value) >= _MIN_SECRET_CHARS}
        return cls(tuple(sorted(unique, key=len, reverse=True)))  # longest first

    def scrub(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, MASK)
        text = _URL_USERINFO.sub(rf"\1{MASK}@", text)
        return _TOKEN_SHAPE.sub(MASK, text)


def _pypirc_passwords(env: Mapping[str, str]) -> list[str]:
    """Every ``password`` in the ``.pypirc`` twine would read (none if it is unreadable)."""
    home = env.get("HOME") or os.path.expanduser("~")
    parser = configparser.RawConfigParser()
    try:
        parser.read(Path(home) / ".pypirc", encoding="utf-8")
    except (configparser.Error, OSError, UnicodeDecodeError):
        return []
    return [
        parser.get(section, "password")
        for section in parser.sections()
        if parser.has_option(section, "password")
    ]
