"""Small SQL helpers of the roll-up: the snapshots are attached as s0, s1, ... and a temp
table `kept` says which municipalities each counts for."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from etl.duck import run_with_frames
from etl.rollup.sources import Source


def kept_table(con, sources: Sequence[Source], kept: Sequence[frozenset[str]]) -> None:
    frame = pd.DataFrame(
        [(i, code) for i, codes in enumerate(kept) for code in sorted(codes)],
        columns=["source", "cbs_code"],
    ).astype({"source": "int32", "cbs_code": "string"})
    run_with_frames(con, "CREATE TEMP TABLE kept AS SELECT * FROM frame", frame=frame)


def union(sources: Sequence[Source], table: str, columns: str = "*", keyed: bool = True) -> str:
    """One SELECT over every source's `table`, keeping only the rows of municipalities the
    source counts for when `keyed` (sources are attached as s0, s1, ...)."""
    parts = []
    for i in range(len(sources)):
        where = (
            f" WHERE cbs_code IN (SELECT cbs_code FROM kept WHERE source = {i})" if keyed else ""
        )
        parts.append(f"SELECT {columns} FROM s{i}.{table}{where}")
    return " UNION ALL BY NAME ".join(parts)


def columns(con, database: str, schema: str, table: str) -> list[str]:
    return [name for name, _ in typed_columns(con, database, schema, table)]


def typed_columns(con, database: str, schema: str, table: str) -> list[tuple[str, str]]:
    """(name, type) of every column of a table, in order."""
    return [
        (name, kind)
        for name, kind in con.execute(
            "SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = ? "
            "AND schema_name = ? AND table_name = ? ORDER BY column_index",
            [database, schema, table],
        ).fetchall()
    ]
