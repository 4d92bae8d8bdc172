"""What every `omzien` sub-command shares: consoles, options and a Dutch exit without traceback."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from etl import settings
from etl.messages import CLI

# Piped output (CI logs, files) gets a wide console so tables stay readable.
console = Console(highlight=False, width=None if sys.stdout.isatty() else 160)
errors = Console(stderr=True, highlight=False, width=None if sys.stderr.isatty() else 160)

RawOption = Annotated[
    Path, typer.Option("--raw", envvar=settings.RAW_DIR.env, help=settings.RAW_DIR.help)
]
WarehouseOption = Annotated[
    Path, typer.Option("--warehouse", envvar=settings.WAREHOUSE.env, help=settings.WAREHOUSE.help)
]
AsOfOption = Annotated[
    str | None, typer.Option("--as-of", help="Peildatum JJJJ-MM-DD (standaard: vandaag).")
]


def fail(message: str, code: int) -> typer.Exit:
    """Print a Dutch message on stderr and return the Exit to raise (0 ok, 1 failed, 2 usage)."""
    errors.print(message)
    return typer.Exit(code)


def parse_as_of(value: str | None) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise fail(CLI["bad_date"].format(value=value), 2) from None
