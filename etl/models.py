"""Runs the SQL model files under etl/sql: one file per table, named after it."""

from __future__ import annotations

import re
from importlib.resources import files

import duckdb

from etl.duck import literal

_SQL = files("etl") / "sql"
_TARGET = re.compile(
    r"CREATE\s+(?:OR\s+REPLACE\s+)?(?P<temp>TEMP\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?"
    r"(?P<name>[\w.]+)",
    re.IGNORECASE,
)


def model_sql(name: str) -> str:
    """Text of a model, e.g. `model_sql("core/obstacles")`."""
    return (_SQL / f"{name}.sql").read_text(encoding="utf-8")


def model_names(layer: str) -> list[str]:
    return sorted(
        f"{layer}/{entry.name.removesuffix('.sql')}"
        for entry in (_SQL / layer).iterdir()
        if entry.name.endswith(".sql")
    )


def grain(sql: str) -> str:
    """The opening line of a model: what one row of its table is."""
    first = sql.lstrip().splitlines()[0]
    if not first.startswith("--"):
        raise ValueError("a model must open with a comment saying what one row is")
    return first.removeprefix("--").strip()


def run_model(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Execute a model; a persistent table gets its grain line as table comment."""
    sql = model_sql(name)
    con.execute(sql)
    target = _TARGET.search(sql)
    if target and not target.group("temp"):
        # The grain line is our own text, not user input.
        con.execute(f"COMMENT ON TABLE {target.group('name')} IS {literal(grain(sql))}")


def run_models(con: duckdb.DuckDBPyConnection, *names: str) -> None:
    for name in names:
        run_model(con, name)
