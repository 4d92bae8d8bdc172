"""What the warehouse holds: the latest load and headline counts."""

from __future__ import annotations

import duckdb
import pandas as pd


def latest_load(con: duckdb.DuckDBPyConnection) -> dict | None:
    """The most recent load: as-of day, when it finished, rejected rows, synthetic flag."""
    frame = con.execute(
        "SELECT load_id, as_of, finished_at, rows_loaded, rows_rejected, synthetic "
        "FROM etl.loads ORDER BY load_id DESC LIMIT 1"
    ).df()
    return None if frame.empty else frame.iloc[0].to_dict()


def headline_counts(con: duckdb.DuckDBPyConnection) -> pd.Series:
    """Counts of the core tables: initiatives, obstacles, responses, municipalities."""
    return (
        con.execute(
            "SELECT (SELECT count(*) FROM core.initiatives) AS initiatives, "
            "(SELECT count(*) FROM core.obstacles) AS obstacles, "
            "(SELECT count(*) FROM core.responses) AS responses, "
            "(SELECT count(*) FROM core.municipalities) AS municipalities"
        )
        .df()
        .iloc[0]
    )
