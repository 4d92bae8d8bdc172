"""What every `omzien` sub-command shares: consoles, options and a Dutch exit without traceback."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Annotated

import duckdb
import typer
from rich.console import Console

from etl import settings
from etl.messages import CLI

# Piped output (CI logs, files) gets a wide console so tables stay readable. Markup and
# emoji codes are off: data and paths hold square brackets ("bel [telefoon]", "[/]") and
# colons that must print as written.
console = Console(
    highlight=False, markup=False, emoji=False, width=None if sys.stdout.isatty() else 160
)
errors = Console(
    stderr=True,
    highlight=False,
    markup=False,
    emoji=False,
    width=None if sys.stderr.isatty() else 160,
)

RawOption = Annotated[
    Path, typer.Option("--raw", envvar=settings.RAW_DIR.env, help=settings.RAW_DIR.help)
]
WarehouseOption = Annotated[
    Path, typer.Option("--warehouse", envvar=settings.WAREHOUSE.env, help=settings.WAREHOUSE.help)
]
ProvinceOption = Annotated[
    str, typer.Option("--province", envvar=settings.PROVINCE.env, help=CLI["province_help"])
]
AsOfOption = Annotated[
    str | None, typer.Option("--as-of", help="Peildatum JJJJ-MM-DD (standaard: vandaag).")
]
OverwriteOption = Annotated[bool, typer.Option("--overwrite", help=CLI["overwrite_help"])]

# Days the ETL and exports can reason about: the contract's dates start in 1900, and date
# arithmetic (three years before, a quarter after) must stay within what Python and DuckDB
# hold.
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2100, 12, 31)
# Tables every omzien warehouse has; a DuckDB file without them is someone else's.
WAREHOUSE_TABLES = ("etl.loads", "etl.files", "etl.rejects", "etl.warnings")


def fail(message: str, code: int) -> typer.Exit:
    """Print a Dutch message on stderr and return the Exit to raise (0 ok, 1 failed, 2 usage)."""
    errors.print(message)
    return typer.Exit(code)


def in_range(day: date, written: str) -> date:
    if not FIRST_DAY <= day <= LAST_DAY:
        raise fail(
            CLI["as_of_range"].format(
                value=written, first=FIRST_DAY.isoformat(), last=LAST_DAY.isoformat()
            ),
            2,
        )
    return day


def parse_province(value: str) -> str:
    """The province (or Nederland) as CBS spells it, or a Dutch usage error (exit 2)."""
    try:
        return settings.canonical_province(value)
    except settings.UnknownProvince as exc:
        raise fail(str(exc), 2) from None


def parse_as_of(value: str | None) -> date:
    if value is None:
        return date.today()
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise fail(CLI["bad_date"].format(value=value), 2) from None
    return in_range(day, value)


def warehouse_problem(path: Path, tables: tuple[str, ...] = WAREHOUSE_TABLES) -> str | None:
    """Why `path` is no readable omzien warehouse (Dutch detail); None when it is one."""
    if path.is_dir():
        return CLI["not_a_warehouse_directory"]
    try:
        with duckdb.connect(str(path), read_only=True) as con:
            present = {
                f"{schema}.{table}"
                for schema, table in con.execute(
                    "SELECT schema_name, table_name FROM duckdb_tables() "
                    "WHERE database_name = current_database()"
                ).fetchall()
            }
    except (duckdb.Error, OSError, RuntimeError):
        return CLI["not_a_warehouse_unreadable"]
    missing = [t for t in tables if t not in present]
    if missing:
        return CLI["not_a_warehouse_missing"].format(tables=", ".join(missing))
    return None


def open_warehouse(
    path: Path, tables: tuple[str, ...] = WAREHOUSE_TABLES
) -> duckdb.DuckDBPyConnection:
    """A read-only connection to an omzien warehouse, or a Dutch exit (1) saying why not."""
    if not path.exists():
        raise fail(CLI["no_warehouse"].format(path=path), 1)
    problem = warehouse_problem(path, tables)
    if problem:
        raise fail(CLI["not_a_warehouse"].format(path=path, detail=problem), 1)
    return duckdb.connect(str(path), read_only=True)


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or path.is_relative_to(folder)


def _beside(target: Path) -> Path:
    """The first free name next to target: name-2.ext, name-3.ext, ..."""
    number = 2
    while True:
        candidate = target.with_name(f"{target.stem}-{number}{target.suffix}")
        if not candidate.exists():
            return candidate
        number += 1


def safe_output(target: Path, *, overwrite: bool, warehouse: Path | None = None) -> Path:
    """Where an output file may be written: never over the warehouse, into the raw folder or
    onto a folder; an existing file only with --overwrite, else a free name beside it."""
    resolved = target.resolve()
    raw = settings.raw_dir().resolve()
    warehouses = {settings.warehouse_path().resolve()}
    if warehouse is not None:
        warehouses.add(warehouse.resolve())
    guarded = warehouses | {w.with_name(w.name + ".wal") for w in warehouses}
    if target.is_dir():
        raise fail(CLI["out_is_directory"].format(path=target), 2)
    if resolved in guarded or any(
        target.exists() and w.exists() and target.samefile(w) for w in warehouses
    ):
        raise fail(CLI["out_is_warehouse"].format(path=target), 2)
    if _inside(resolved, raw):
        raise fail(CLI["out_in_raw"].format(path=target, raw=raw), 2)
    if target.exists() and not overwrite:
        beside = _beside(target)
        errors.print(CLI["out_beside"].format(path=target))
        return beside
    return target


@contextlib.contextmanager
def read_model(path: Path, *, empty_message: str) -> Iterator:
    """The omzien warehouse at `path`, read-only, as the read layer sees it.

    Exits 1 with a Dutch message when there is no file, when the file is no omzien
    warehouse (empty, corrupt, another program's database, an older version) or when it
    holds no load yet (`empty_message`, with {path}).
    """
    from readmodel.warehouse import WarehouseProblem, read_warehouse

    with open_warehouse(path) as con:
        try:
            warehouse = read_warehouse(con)
        except WarehouseProblem as problem:
            raise fail(f"{problem} ({path})", 1) from None
        if warehouse is None:
            raise fail(empty_message.format(path=path), 1)
        yield warehouse
