"""Issue 15: text a package brings to the gallery (a docstring, a summary, an error) shows as
one line of printable characters, however it was written."""

from __future__ import annotations

import pytest

from livery.gallery.cards import one_line
from livery.gallery.components import SUMMARY_LENGTH, _summary


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("retitled\x1b]0;pwned\x07 window", "retitled ]0;pwned window"),
        ("a\x00b", "a b"),
        ("two\nlines\r\nand\u2028a separator", "two lines and a separator"),
        ("bell\x07\x9bcsi", "bell csi"),
        ("  already   fine  ", "already fine"),
    ],
)
def test_one_line_drops_control_characters(text: str, shown: str) -> None:
    assert one_line(text) == shown


def test_a_summary_is_the_docstring_s_first_line_made_printable() -> None:
    class Odd:
        """Shows\x1b[31m red\x00 text.

        More lines the card does not show.
        """

    assert _summary(Odd, "no-such-distribution-xyz") == "Shows [31m red text."  # type: ignore[arg-type]


def test_a_megabyte_summary_is_cut() -> None:
    class Long:
        pass

    Long.__doc__ = "word " * 200_000
    summary = _summary(Long, "no-such-distribution-xyz")  # type: ignore[arg-type]
    assert len(summary) == SUMMARY_LENGTH
    assert summary.endswith("…")
    assert summary.startswith("word word")


def test_no_docstring_and_no_distribution_is_an_empty_summary() -> None:
    class Bare:
        pass

    assert _summary(Bare, "no-such-distribution-xyz") == ""  # type: ignore[arg-type]
