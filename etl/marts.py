"""Builds the marts after core: SQL for grain and counts, etl.metrics for the statistics."""

from __future__ import annotations

from datetime import date

import duckdb

from etl import settings
from etl.metrics.scorecard import OBSTACLE_COLUMNS, STATISTICS, scorecard
from etl.models import run_models

SCORECARD = "marts.municipality_scorecard"


def build_scorecard(
    con: duckdb.DuckDBPyConnection, as_of: date, small_below: int | None = None
) -> None:
    """marts.municipality_scorecard: the SQL model's rows, statistics filled in from Python."""
    run_models(con, "marts/municipality_scorecard")
    counts = con.execute(f"SELECT * FROM {SCORECARD} ORDER BY cbs_code").df()
    missing = [c for c in STATISTICS if c not in counts.columns]
    if missing:
        raise RuntimeError(f"{SCORECARD} lacks statistic column(s) {', '.join(missing)}")
    obstacles = con.execute(
        f"SELECT {', '.join(OBSTACLE_COLUMNS)} FROM core.obstacles ORDER BY obstacle_id"
    ).df()
    filled = scorecard(
        obstacles,
        counts.drop(columns=list(STATISTICS)),
        as_of,
        small_below=settings.small_numbers() if small_below is None else small_below,
    )
    assignments = ", ".join(f'"{c}" = s."{c}"' for c in STATISTICS)
    con.register("scorecard_statistics", filled[["cbs_code", *STATISTICS]])
    try:
        con.execute(
            f"UPDATE {SCORECARD} AS m SET {assignments} "
            "FROM scorecard_statistics AS s WHERE m.cbs_code = s.cbs_code"
        )
    finally:
        con.unregister("scorecard_statistics")
