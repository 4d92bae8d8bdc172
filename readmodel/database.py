"""The one place that runs SQL on the warehouse: bound parameters and a time limit.

Every query of the read layer goes through `query` (a DataFrame) or `row` (one tuple).
SQL text is built only from our own constants; every value from a user is a parameter.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

import duckdb
import pandas as pd

# A page must never hang on a runaway query; DuckDB stops a statement on interrupt().
TIME_LIMIT_SECONDS = 60.0


class QueryTimeout(RuntimeError):
    """A query ran longer than TIME_LIMIT_SECONDS and was stopped."""


def query(
    con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[object] = (), *, name: str = ""
) -> pd.DataFrame:
    """Run `sql` with bound `params` and return the result as a DataFrame."""
    return _run(con, sql, params, name, lambda result: result.df())


def row(
    con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[object] = (), *, name: str = ""
) -> tuple:
    """Run `sql` with bound `params` and return its first row (a query that has one)."""
    return _run(con, sql, params, name, lambda result: result.fetchone())


def _run(con, sql: str, params: Sequence[object], name: str, take):
    timer = threading.Timer(TIME_LIMIT_SECONDS, con.interrupt)
    timer.start()
    try:
        return take(con.execute(sql, list(params)))
    except duckdb.InterruptException as exc:
        raise QueryTimeout(name or sql.split("\n", 1)[0]) from exc
    finally:
        timer.cancel()


def has_table(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    """True when the warehouse (or snapshot) behind `con` holds schema.table."""
    found = row(
        con,
        "SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() "
        "AND schema_name = ? AND table_name = ?",
        [schema, table],
        name="has_table",
    )
    return bool(found[0])


def text_search(columns: Sequence[str], search: str | None) -> tuple[str, list[object]]:
    """' AND (...)' matching `search` anywhere in any of `columns` (case-insensitive, no
    wildcards, the text a parameter), with its parameters; empty without a search."""
    needle = (search or "").strip().lower()
    if not needle:
        return "", []
    matches = " OR ".join(f"contains(lower(coalesce({column}, '')), ?)" for column in columns)
    return f" AND ({matches})", [needle] * len(columns)
