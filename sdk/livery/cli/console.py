"""Where the command line writes: results on stdout, messages and errors on stderr."""

from __future__ import annotations

from rich.console import Console

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def error_line(message: str) -> None:
    """One line on stderr: ``error: <message>`` (markup in the message is not interpreted)."""
    err.print(f"[bold red]error:[/] {escape(message)}")


def escape(text: str) -> str:
    """Make text safe to print through rich (theme names come from strangers)."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)
