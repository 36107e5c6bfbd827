"""A step-by-step progress display on stderr for long commands (``livery component build``).

Each step shows a spinner and its elapsed time while it runs, then ✓ and its result (or ✗).
On a terminal this is a live rich display; piped, rich prints the finished steps once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from livery.cli.console import escape


class StepProgress:
    """Implements ``livery.component.build.Reporter`` with a rich ``Progress``."""

    def __init__(self, console: Console) -> None:
        self.progress = Progress(
            SpinnerColumn(finished_text=""),
            TextColumn("{task.description}"),
            TimeElapsedColumn(),
            console=console,
            transient=False,
        )

    def __enter__(self) -> StepProgress:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    @contextmanager
    def step(self, title: str) -> Iterator[Callable[[str], None]]:
        task = self.progress.add_task(f"{escape(title)}…", total=1)
        result: list[str] = []
        try:
            yield result.append
        except BaseException:
            self.progress.update(task, completed=1, description=f"[red]✗[/] {escape(title)}")
            raise
        detail = f"  [dim]{escape(result[-1])}[/]" if result else ""
        self.progress.update(task, completed=1, description=f"[green]✓[/] {escape(title)}{detail}")

    def warn(self, message: str) -> None:
        self.progress.console.print(f"[yellow]warning:[/] {escape(message)}")
