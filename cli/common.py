"""What every `omzien` sub-command shares: consoles, options and a Dutch exit without traceback."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
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


@contextlib.contextmanager
def open_warehouse(path: Path, *, empty_message: str) -> Iterator:
    """The omzien warehouse at `path`, read-only, as the read layer sees it.

    Exits 1 with a Dutch message when there is no file, when the file is no omzien
    warehouse (empty, corrupt, another program's database, an older version) or when it
    holds no load yet (`empty_message`, with {path}).
    """
    import duckdb

    from readmodel.warehouse import WarehouseProblem, read_warehouse

    if not path.exists():
        raise fail(CLI["no_warehouse"].format(path=path), 1)
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error:
        raise fail(CLI["unreadable_warehouse"].format(path=path), 1) from None
    with con:
        try:
            warehouse = read_warehouse(con)
        except WarehouseProblem as problem:
            raise fail(f"{problem} ({path})", 1) from None
        if warehouse is None:
            raise fail(empty_message.format(path=path), 1)
        yield warehouse
