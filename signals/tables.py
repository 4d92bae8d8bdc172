"""The signals' tables in the warehouse: created from their SQL files, filled from frames."""

from __future__ import annotations

from importlib.resources import files

import duckdb
import pandas as pd

_SQL = files("signals") / "sql"
SIGNALS = "marts.signals"
SERIES = "marts.signal_series"
HISTORY = "etl.signal_history"
FILES = {SIGNALS: "signals", SERIES: "signal_series", HISTORY: "signal_history"}


def _sql(table: str) -> str:
    return (_SQL / f"{FILES[table]}.sql").read_text(encoding="utf-8")


def create(con: duckdb.DuckDBPyConnection, table: str) -> None:
    """Create `table` from its file; its opening line (what one row is) is its comment.
    The history has the columns (and column comments) of marts.signals."""
    own = _sql(table)
    sql = _sql(SIGNALS).replace(SIGNALS, HISTORY) if table == HISTORY else own
    con.execute(sql)
    grain = own.lstrip().splitlines()[0].removeprefix("--").strip()
    # The grain line is our own text, not data.
    con.execute(f"COMMENT ON TABLE {table} IS '{grain.replace(chr(39), chr(39) * 2)}'")


def columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    schema, name = table.split(".")
    return [
        row[0]
        for row in con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE database_name = current_database() "
            "AND schema_name = ? AND table_name = ? ORDER BY column_index",
            [schema, name],
        ).fetchall()
    ]


def insert(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    """The frame's rows into `table`, by column name (extra frame columns left out)."""
    if frame.empty:
        return
    wanted = columns(con, table)
    con.register("incoming_signals", frame[[c for c in wanted if c in frame.columns]])
    try:
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM incoming_signals")
    finally:
        con.unregister("incoming_signals")
