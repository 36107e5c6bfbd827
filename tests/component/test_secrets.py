"""Upload credentials never reach a message: the scrubber, and publishing without twine."""

from __future__ import annotations

from pathlib import Path

import pytest

from livery.component import publish
from livery.component.publish import Release, upload
from livery.component.secrets import MASK, Scrubber
from livery.errors import PublishError


def test_known_secrets_url_passwords_and_token_shapes_are_masked(tmp_path: Path) -> None:
    (tmp_path / ".pypirc").write_text("[pypi]\nusername = me\npassword = from-the-pypirc\n")
    env = {
        "HOME": str(tmp_path),
        "LIVERY_PUBLISH_TOKEN": "livery-token-value",
        "TWINE_PASSWORD": "twine-password",
    }
    scrubber = Scrubber.from_environment(env, "https://me:url-password@example.test/legacy/")
    text = (
        "livery-token-value twine-password from-the-pypirc url-password "
        "https://someone:other@example.test/ pypi-AgEIcHlwaS5vcmcCJGE0Yzk0ZTY1 ok"
    )
    scrubbed = scrubber.scrub(text)
    for secret in ("livery-token-value", "twine-password", "from-the-pypirc", "url-password",
                   "someone:other", "pypi-AgEI"):  # fmt: skip
        assert secret not in scrubbed
    assert scrubbed.endswith(f"https://{MASK}@example.test/ {MASK} ok")


def test_short_values_are_not_treated_as_secrets() -> None:
    assert Scrubber.of(["ab", ""]).scrub("a cab") == "a cab"


def test_publishing_without_twine_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(publish.importlib.util, "find_spec", lambda name: None)
    release = Release("livery-x", "0.1.0", ())
    with pytest.raises(
        PublishError, match=r"publishing needs twine .*: pip install 'livery-sdk\[authoring\]'"
    ):
        upload(release, repository_url="http://127.0.0.1:9/")
