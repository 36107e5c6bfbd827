"""Keep upload credentials out of everything Livery prints.

twine masks passwords in its own messages, but an index's error page, a URL with a password
in it or a future twine version may still echo one. Every message about an upload therefore
goes through a ``Scrubber`` that knows the secrets in play — ``LIVERY_PUBLISH_TOKEN``,
``TWINE_PASSWORD``, passwords in ``.pypirc`` and in URLs — and replaces them, along with
anything shaped like a PyPI token.

A hostile index can echo a secret transformed, so each is masked in every form it may take on
the way: as sent (the password, and ``user:password`` for each known user), base64 (the Basic
``Authorization`` header; standard and URL-safe, with and without padding) and hex, each of
those URL-encoded (``%40``, ``+``), HTML-, JSON- and repr-escaped. Matching ignores case, so
``%2b`` and hex in either case are caught too.
"""

from __future__ import annotations

import base64
import configparser
import html
import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote, quote_plus, urlsplit

MASK = "********"
SECRET_VARIABLES = ("LIVERY_PUBLISH_TOKEN", "TWINE_PASSWORD")
TOKEN_USER = "__token__"
"""The user name an API token uploads as."""
_TOKEN_SHAPE = re.compile(r"pypi-[A-Za-z0-9_\-]{16,}")
_URL_USERINFO = re.compile(r"(\w+://)[^/\s@]+@")
_WHITESPACE = re.compile(r"\s+")
_MIN_SECRET_CHARS = 4
"""Shorter values are not masked: replacing every "ab" in a message would hide the message."""


@dataclass(frozen=True)
class Scrubber:
    """Replaces known secrets in text."""

    secrets: tuple[str, ...] = ()
    """Every form of every secret, longest first."""

    @classmethod
    def from_environment(cls, env: Mapping[str, str], *urls: str | None) -> Scrubber:
        """The secrets of an upload: its environment, ``.pypirc`` and URL passwords, with the
        users they may be sent with (``TWINE_USERNAME``, ``.pypirc``, URLs, ``__token__``)."""
        addresses = [url for url in (*urls, env.get("TWINE_REPOSITORY_URL")) if url]
        pypirc = _pypirc(env)
        found = [env.get(name, "") for name in SECRET_VARIABLES]
        found += [password for _, password in pypirc]
        found += [urlsplit(url).password or "" for url in addresses]
        users = [TOKEN_USER, env.get("TWINE_USERNAME", ""), *(user for user, _ in pypirc)]
        users += [urlsplit(url).username or "" for url in addresses]
        return cls.of(found, users=[user for user in users if user])

    @classmethod
    def of(cls, values: Iterable[str], *, users: Iterable[str] = ()) -> Scrubber:
        """Masks ``values`` (those of 4 characters or more) in all their forms."""
        chosen = tuple(users)
        unique = {value for value in values if len(value) >= _MIN_SECRET_CHARS}
        forms = {form for value in unique for form in encodings(value, chosen)}
        return cls(tuple(sorted(forms, key=len, reverse=True)))

    def scrub(self, text: str) -> str:
        if self.secrets:
            text = _pattern(self.secrets).sub(MASK, text)
        text = _URL_USERINFO.sub(rf"\1{MASK}@", text)
        return _TOKEN_SHAPE.sub(MASK, text)

    def leaks(self, scrubbed: str) -> bool:
        """Whether ``scrubbed`` still holds a secret cut by line breaks or spaces (a tool that
        wraps long lines splits one where ``scrub`` cannot see it whole)."""
        squashed = tuple(sorted({_squash(form) for form in self.secrets} - {""}))
        return bool(squashed) and bool(_pattern(squashed).search(_squash(scrubbed)))


def encodings(secret: str, users: Iterable[str] = ()) -> set[str]:
    """``secret`` (and ``user:secret`` for each of ``users``) in every form an index may echo
    it in (see the module's docstring); forms under 4 characters are left out."""
    sent = [secret, *(f"{user}:{secret}" for user in users)]
    binary: set[str] = set()
    for text in sent:
        raw = text.encode("utf-8", "surrogatepass")
        for encoded in (base64.b64encode(raw), base64.urlsafe_b64encode(raw)):
            binary |= {encoded.decode(), encoded.decode().rstrip("=")}
        binary.add(raw.hex())
    forms: set[str] = set()
    for text in (*sent, *binary):
        forms |= {
            text,
            quote(text, safe=""),
            quote(text),
            quote_plus(text),
            html.escape(text),
            html.escape(text, quote=False),
            json.dumps(text)[1:-1],
            repr(text)[1:-1],
        }
    return {form for form in forms if len(form) >= _MIN_SECRET_CHARS}


def _squash(text: str) -> str:
    return _WHITESPACE.sub("", text)


@lru_cache(maxsize=16)
def _pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, forms)), re.IGNORECASE)


def _pypirc(env: Mapping[str, str]) -> list[tuple[str, str]]:
    """Every (``username``, ``password``) in the ``.pypirc`` twine would read (none if it is
    unreadable); a section without a user name has ``""``."""
    home = env.get("HOME") or os.path.expanduser("~")
    parser = configparser.RawConfigParser()
    try:
        parser.read(Path(home) / ".pypirc", encoding="utf-8")
    except (configparser.Error, OSError, UnicodeDecodeError):
        return []
    return [
        (parser.get(section, "username", fallback=""), parser.get(section, "password"))
        for section in parser.sections()
        if parser.has_option(section, "password")
    ]
