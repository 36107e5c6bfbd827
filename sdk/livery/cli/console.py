"""Where the command line writes: results on stdout, messages and errors on stderr."""

from __future__ import annotations

import sys

from rich.console import Console

from livery.errors import printable

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
    """Make text safe to print through rich and to a terminal: theme names, descriptions,
    paths and component metadata come from strangers, and a raw ``\x1b]0;…\x07`` would
    retitle the window (or worse), so control characters and lone surrogates show escaped
    (``\x1b``) and rich markup shows as typed. Every command prints user text through this."""
    from rich.markup import escape as rich_escape

    return rich_escape(printable(text, one_line=True))
