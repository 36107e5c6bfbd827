"""The record of each snapshot failure, and the HTML page that lists them all.

Each failure is saved as a small JSON file next to its images, and the report is built from
whatever records the results folder holds when the session ends. Going through files rather
than memory means failures from several processes (pytest-xdist workers) land in one report.
The page is static HTML with relative image links, so the whole folder can be zipped up as a
CI artefact and opened anywhere; every name and message in it is escaped.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from html import escape
from pathlib import Path
from urllib.parse import quote

RECORD_SUFFIX = ".failure.json"
REPORT_NAME = "report.html"


@dataclass(frozen=True)
class FailureRecord:
    """One failed snapshot: the test, the snapshot name, why, and its images (paths relative
    to the results folder, ``None`` when not written)."""

    test: str
    name: str
    message: str
    expected: str | None = None
    actual: str | None = None
    diff: str | None = None


def save_record(root: Path, folder: Path, record: FailureRecord) -> Path:
    """Write ``record`` into ``folder`` (inside the results folder ``root``)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{record.name}{RECORD_SUFFIX}"
    path.write_text(json.dumps(asdict(record), indent=2), encoding="utf-8")
    return path


def relative(root: Path, path: Path | None) -> str | None:
    """``path`` relative to ``root`` with forward slashes (for a link), or ``None``."""
    if path is None:
        return None
    return path.resolve().relative_to(root.resolve()).as_posix()


def load_records(root: Path) -> list[FailureRecord]:
    """Every failure recorded under ``root``, ordered by test and snapshot name."""
    records = []
    for path in sorted(root.rglob(f"*{RECORD_SUFFIX}")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            records.append(FailureRecord(**data))
        except (OSError, ValueError, TypeError):
            continue  # a half-written or foreign file must not hide the other failures
    return sorted(records, key=lambda record: (record.test, record.name))


def write_report(root: Path, update_hint: str = "--update-snapshots") -> Path | None:
    """Write ``report.html`` listing every recorded failure; ``None`` when there is none.

    ``update_hint`` is the option the page tells to re-run with to accept changes."""
    records = load_records(root)
    if not records:
        return None
    path = root / REPORT_NAME
    path.write_text(render(records, update_hint), encoding="utf-8")
    return path


def render(records: list[FailureRecord], update_hint: str = "--update-snapshots") -> str:
    """The report page for ``records``."""
    count = len(records)
    title = f"{count} snapshot failure{'s' if count != 1 else ''}"
    index = "\n".join(
        f'<li><a href="#f{number}">{escape(record.test)} — {escape(record.name)}</a></li>'
        for number, record in enumerate(records)
    )
    sections = "\n".join(_section(number, record) for number, record in enumerate(records))
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Livery: {escape(title)}</title>
<style>
body {{ font: 14px/1.5 system-ui, sans-serif; margin: 2rem; color: #1f2937; }}
h1 {{ font-size: 1.4rem; }}
section {{ border-top: 1px solid #d1d5db; padding: 1rem 0; }}
h2 {{ font-size: 1.05rem; margin: 0; font-family: ui-monospace, monospace; }}
.message {{ white-space: pre-wrap; color: #b91c1c; }}
.images {{ display: flex; gap: 1rem; flex-wrap: wrap; align-items: flex-start; }}
figure {{ margin: 0; }}
figcaption {{ font-weight: 600; }}
img {{ max-width: 32vw; border: 1px solid #d1d5db;
       background: repeating-conic-gradient(#eee 0 25%, #fff 0 50%) 0 0 / 16px 16px; }}
</style>
</head>
<body>
<h1>Livery: {escape(title)}</h1>
<p>Red marks differing pixels, yellow marks anti-aliasing that was ignored.
Accept intended changes by re-running with <code>{escape(update_hint)}</code>.</p>
<ul>
{index}
</ul>
{sections}
</body>
</html>
"""


def _section(number: int, record: FailureRecord) -> str:
    figures = "\n".join(
        _figure(label, link)
        for label, link in (
            ("Expected", record.expected),
            ("Actual", record.actual),
            ("Diff", record.diff),
        )
        if link is not None
    )
    return (
        f'<section id="f{number}">\n'
        f"<h2>{escape(record.test)} — {escape(record.name)}</h2>\n"
        f'<p class="message">{escape(record.message)}</p>\n'
        f'<div class="images">\n{figures}\n</div>\n'
        "</section>"
    )


def _figure(label: str, link: str) -> str:
    href = escape(quote(link), quote=True)
    return (
        f'<figure><figcaption>{label}</figcaption><a href="{href}">'
        f'<img src="{href}" alt="{label}" loading="lazy"></a></figure>'
    )
