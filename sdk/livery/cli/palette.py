"""``livery palette SEED``: the 11 shades a seed colour grows into, as terminal swatches."""

from __future__ import annotations

import typer
from coloraide import Color as ColourValue
from rich.table import Table

from livery.cli.console import escape, out
from livery.errors import SeedError, ThemeError
from livery.theme import SHADES, palette, place


def show(
    seed: str = typer.Argument(..., help="Any CSS colour: #7c3aed, oklch(…), rebeccapurple"),
) -> None:
    """Print the palette grown from SEED: a swatch, hex and oklch per shade."""
    try:
        hue = palette(seed)
    except SeedError as error:
        raise ThemeError(str(error), variable="seed") from None
    seed_shade = place(seed).shade
    table = Table("shade", "", "hex", "oklch", "", box=None, pad_edge=False)
    for shade, hex_value in zip(SHADES, hue.expand()):
        lightness, chroma, hue_angle = ColourValue(hex_value).convert("oklch").normalize()[:-1]
        angle = 0.0 if hue_angle != hue_angle else hue_angle
        table.add_row(
            shade,
            f"[on {hex_value}]      [/]",
            hex_value,
            f"oklch({lightness:.3f} {chroma:.3f} {angle:.1f})",
            "← seed" if shade == seed_shade else "",
        )
    out.print(f"palette from {escape(seed)}")
    out.print(table)
