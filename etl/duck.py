"""Small helpers for the SQL the ETL writes itself in DuckDB.

Quoting is for names and constants of our own code and model files (contract column names,
export paths, comments), never a value a user types: that is always a bound parameter.
"""

from __future__ import annotations

import duckdb


def identifier(name: str) -> str:
    """A column or table name as a quoted SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def literal(text: str) -> str:
    """A text as a SQL string literal (where DuckDB takes no parameter: views, COMMENT ON)."""
    return "'" + text.replace("'", "''") + "'"


def run_with_frames(con: duckdb.DuckDBPyConnection, sql: str, **frames: object) -> None:
    """Run `sql` with pandas frames or Arrow tables visible under their names, and let them
    go afterwards, also when the statement fails."""
    for name, frame in frames.items():
        con.register(name, frame)
    try:
        con.execute(sql)
    finally:
        for name in frames:
            con.unregister(name)
