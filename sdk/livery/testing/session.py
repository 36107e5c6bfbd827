"""One run of snapshot checks: its rules, its results folder, what it changed, and its report.

The pytest plugin (one session per pytest process) and ``livery component test`` (one per
command) both drive a ``SnapshotSession``, so that they decide passed, created, updated and
failed alike, record failures alike and leave their images and ``report.html`` alike.

The rules: with ``update`` a missing baseline is written and one that no longer matches is
rewritten. Without it a missing baseline is created on a developer's machine but is a failure
when the ``CI`` environment variable is set, so that CI never passes by recording whatever it
rendered.

The results folder holds the last run's failures only. A folder this code made carries a
``.gitignore`` (so git ignores it, and the next run may empty it); in a folder someone else
made, only the failure records are ever removed.

Nothing here imports pytest, Playwright or Pillow: the plugin imports this module on every
pytest run.
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

from livery.testing.report import RECORD_SUFFIX, FailureRecord, relative, save_record, write_report
from livery.testing.snapshot import Outcome, check

UPDATE_OPTION = "--update-snapshots"
"""The pytest option that accepts changes (``livery component test`` says ``--update``)."""

_MARKER = ".gitignore"
_MARKER_TEXT = "# Written by Livery: failure images from the last run; disposable.\n*\n"
_MARKER_START = "# Written"
"""What every version of the marker starts with (older ones named the plugin or the command)."""


def in_ci() -> bool:
    """Whether this looks like a CI run (``CI`` set to anything but empty, 0, false or no)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


class SnapshotSession:
    """The baselines' rules for one run, and the failures it recorded under ``results``.

    ``create_missing`` defaults to "not on CI"; ``update_hint`` is the option that messages
    and the report tell people to re-run with. ``check`` and ``fail`` may be called from
    several threads at once.
    """

    def __init__(
        self,
        results: Path,
        *,
        update: bool = False,
        create_missing: bool | None = None,
        update_hint: str = UPDATE_OPTION,
    ) -> None:
        self.results = results.resolve()
        self.update = update
        self.create_missing = not in_ci() if create_missing is None else create_missing
        self.update_hint = update_hint
        self.created: list[Path] = []
        self.updated: list[Path] = []
        self.failures = 0
        self.report: Path | None = None
        self._lock = threading.Lock()

    def clear(self) -> None:
        """Remove the last run's failures, so the report shows only this run's."""
        if not self.results.is_dir():
            return
        marker = self.results / _MARKER
        if marker.is_file() and marker.read_text(encoding="utf-8").startswith(_MARKER_START):
            shutil.rmtree(self.results, ignore_errors=True)
            return
        for record in self.results.rglob(f"*{RECORD_SUFFIX}"):
            record.unlink(missing_ok=True)

    def check(
        self,
        png: bytes,
        baseline: Path,
        where: Path,
        *,
        test: str,
        name: str,
        label: str | None = None,
        threshold: float = 0.1,
        max_diff_pixels: int = 0,
    ) -> Outcome:
        """Compare ``png`` with ``baseline`` under this run's rules (``snapshot.check``).

        A failure's images go into ``results / where`` and it is recorded for the report
        under ``test`` and ``name``; ``label`` replaces ``snapshot 'name'`` in messages.
        """
        existed = self.results.exists()
        outcome = check(
            png,
            baseline,
            self.results / where,
            name=name,
            label=label,
            threshold=threshold,
            max_diff_pixels=max_diff_pixels,
            update=self.update,
            create_missing=self.create_missing,
            update_hint=self.update_hint,
        )
        if outcome.status == "created":
            with self._lock:
                self.created.append(baseline)
        elif outcome.status == "updated":
            with self._lock:
                self.updated.append(baseline)
        elif outcome.failed:
            self._record(
                where,
                FailureRecord(
                    test=test,
                    name=name,
                    message=outcome.message,
                    expected=relative(self.results, outcome.expected),
                    actual=relative(self.results, outcome.actual),
                    diff=relative(self.results, outcome.diff),
                ),
                claim=not existed,
            )
        return outcome

    def fail(self, where: Path, *, test: str, name: str, message: str) -> None:
        """Record a failure that has no images (the page did not render, say)."""
        self._record(
            where,
            FailureRecord(test=test, name=name, message=message),
            claim=not self.results.exists(),
        )

    def finish(self) -> Path | None:
        """Write ``report.html`` when failures were recorded; its path, or ``None``."""
        if self.results.is_dir():
            self.report = write_report(self.results, self.update_hint)
        return self.report

    def _record(self, where: Path, record: FailureRecord, *, claim: bool) -> None:
        """Save ``record``; ``claim`` marks the results folder as ours (this run made it)."""
        with self._lock:
            self.failures += 1
            if claim:
                self.results.mkdir(parents=True, exist_ok=True)
                (self.results / _MARKER).write_text(_MARKER_TEXT, encoding="utf-8")
        save_record(self.results, self.results / where, record)
