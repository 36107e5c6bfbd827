"""The HTML report: built from the failure records on disk, escaped, with relative links."""

from __future__ import annotations

from pathlib import Path

from livery.testing.report import (
    REPORT_NAME,
    FailureRecord,
    load_records,
    relative,
    render,
    save_record,
    write_report,
)


def test_no_failures_no_report(tmp_path: Path) -> None:
    assert write_report(tmp_path) is None
    assert not (tmp_path / REPORT_NAME).exists()


def test_the_report_lists_every_recorded_failure_in_order(tmp_path: Path) -> None:
    for test, name in (("t.py::test_b", "card"), ("t.py::test_a", "button")):
        folder = tmp_path / test.replace("::", "/")
        save_record(
            tmp_path,
            folder,
            FailureRecord(test, name, "differs", diff=f"{test.replace('::', '/')}/{name}-diff.png"),
        )
    (tmp_path / "stray.failure.json").write_text("{not json")
    records = load_records(tmp_path)
    assert [(r.test, r.name) for r in records] == [
        ("t.py::test_a", "button"),
        ("t.py::test_b", "card"),
    ]
    report = write_report(tmp_path)
    assert report == tmp_path / REPORT_NAME
    text = report.read_text()
    assert "2 snapshot failures" in text
    assert text.index("test_a") < text.index("test_b")
    assert 'src="t.py/test_a/button-diff.png"' in text


def test_names_and_messages_are_escaped_and_links_quoted() -> None:
    record = FailureRecord(
        test='t.py::test_x[<script>alert("x")</script>]',
        name="a&b",
        message="expected <b>",
        actual='t.py/test_x[<s>]/a"b-actual.png',
    )
    text = render([record])
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "a&amp;b" in text and "expected &lt;b&gt;" in text
    assert 'src="t.py/test_x%5B%3Cs%3E%5D/a%22b-actual.png"' in text
    assert "Expected</figcaption>" not in text  # no image, no figure


def test_relative_paths_use_forward_slashes(tmp_path: Path) -> None:
    assert relative(tmp_path, tmp_path / "a" / "b.png") == "a/b.png"
    assert relative(tmp_path, None) is None
