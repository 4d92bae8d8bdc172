"""The selected obstacles one by one, searchable, with each obstacle's response history."""

from __future__ import annotations

import duckdb
import pandas as pd

from dashboard.filters import Filters
from dashboard.queries.selection import selected_obstacles

# Text columns the search box looks in (case-insensitive, anywhere in the text).
SEARCHED = ("o.description", "o.obstacle_id", "m.name")


def _matching(filters: Filters, search: str | None) -> tuple[str, list[object]]:
    """FROM/WHERE for the selected obstacles whose description, id or municipality matches."""
    sql, params = selected_obstacles(filters)
    needle = (search or "").strip().lower()
    where = " OR ".join(f"contains(lower(coalesce({column}, '')), ?)" for column in SEARCHED)
    return (
        f"FROM ({sql}) AS o LEFT JOIN core.municipalities AS m USING (cbs_code) "
        f"WHERE ? = '' OR {where}",
        [*params, needle, *[needle] * len(SEARCHED)],
    )


def count_obstacles(con: duckdb.DuckDBPyConnection, filters: Filters, search: str | None) -> int:
    """How many selected obstacles match the search."""
    sql, params = _matching(filters, search)
    return int(con.execute(f"SELECT count(*) {sql}", params).fetchone()[0])


def obstacles(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    search: str | None = None,
    limit: int | None = None,
) -> pd.DataFrame:
    """One row per matching obstacle, newest first (all of them when limit is None).

    Columns: obstacle_id, municipality (name), reported_at, theme, category, severity,
    level, status, first_response_at, days_to_first_response (NULL when unanswered),
    resolved_at, description. No contact columns exist in core; descriptions are redacted.
    """
    sql, params = _matching(filters, search)
    return con.execute(
        f"""
        SELECT o.obstacle_id, m.name AS municipality, o.reported_at, o.theme, o.category,
            o.severity, o.level, o.status, o.first_response_at,
            date_diff('day', o.reported_at, o.first_response_at) AS days_to_first_response,
            o.resolved_at, o.description
        {sql}
        ORDER BY o.reported_at DESC, o.obstacle_id
        LIMIT ?
        """,
        [*params, limit],
    ).df()


def history(con: duckdb.DuckDBPyConnection, obstacle_id: str) -> pd.DataFrame:
    """The responses to one obstacle, oldest first: responded_at, outcome, note."""
    return con.execute(
        "SELECT responded_at, outcome, note FROM core.responses WHERE obstacle_id = ? "
        "ORDER BY responded_at, response_id",
        [obstacle_id],
    ).df()
