"""What the profile page needs beyond the shared queries: outcomes of one selection."""

from __future__ import annotations

import duckdb
import pandas as pd

from dashboard.filters import Filters
from dashboard.queries.selection import selected_obstacles


def status_counts(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """status, obstacles: where the selected obstacles stand now (latest response)."""
    sql, params = selected_obstacles(filters)
    return con.execute(
        f"SELECT status, count(*) AS obstacles FROM ({sql}) GROUP BY status "
        "ORDER BY obstacles DESC, status",
        params,
    ).df()
