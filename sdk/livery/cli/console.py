"""Where the command line writes: results on stdout, messages and errors on stderr."""

from __future__ import annotations

import sys

from rich.console import Console

_PIPED_WIDTH = 160
"""Output that goes to a file or a pipe is not wrapped at rich's default of 80 columns."""

out = Console(highlight=False, soft_wrap=True, width=None if sys.stdout.isatty() else _PIPED_WIDTH)
err = Console(
    stderr=True,
    highlight=False,
    soft_wrap=True,
    width=None if sys.stderr.isatty() else _PIPED_WIDTH,
)


def error_line(message: str) -> None:
    """One line on stderr: ``error: <message>`` (markup in the message is not interpreted)."""
    err.print(f"[bold red]error:[/] {escape(message)}")


def escape(text: str) -> str:
    """Make text safe to print through rich (theme names come from strangers)."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)
