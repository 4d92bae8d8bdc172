"""The selected obstacles one by one, searchable, with each obstacle's response history.

The only row-level reading of the dashboard: a list of obstacles is rows by nature. It
stays cheap at a million obstacles: the count comes from the marts, and the newest
`limit` rows are read from the report day on which they begin (found in the day marts),
so DuckDB skips the older row groups of core.obstacles (stored in report-day order).
"""

from __future__ import annotations

import duckdb
import pandas as pd

from readmodel.database import query, row, text_search
from readmodel.rollups import OBSTACLE_MARTS, obstacle_conditions, obstacle_totals, smallest
from readmodel.selection import Filters

# Text columns the search box looks in (case-insensitive, anywhere in the text).
SEARCHED = ("o.description", "o.obstacle_id", "m.name")
COLUMNS = (
    "o.obstacle_id, o.initiative_id, o.cbs_code, m.name AS municipality, o.reported_at, "
    "o.theme, o.category, o.severity, o.level, o.status, o.first_response_at, "
    "date_diff('day', o.reported_at, o.first_response_at) AS days_to_first_response, "
    "o.resolved_at, o.description"
)


def _matching(filters: Filters, search: str | None) -> tuple[str, list[object]]:
    """FROM/WHERE for the selected obstacles whose description, id or municipality matches."""
    where, params = obstacle_conditions(filters)
    # The marts' phase column is the initiative's; on rows it comes from the join.
    phase = "LEFT JOIN core.initiatives AS i USING (initiative_id) " if filters.phase else ""
    sql = (
        "FROM (SELECT o.*"
        + (", i.phase" if filters.phase else "")
        + f" FROM core.obstacles AS o {phase}) AS o "
        "LEFT JOIN core.municipalities AS m USING (cbs_code) "
        f"WHERE {where}"
    )
    matches, needles = text_search(SEARCHED, search)
    return sql + matches, [*params, *needles]


def count_obstacles(con: duckdb.DuckDBPyConnection, filters: Filters, search: str | None) -> int:
    """How many selected obstacles match the search (from the marts without a search)."""
    if not (search or "").strip():
        return int(obstacle_totals(con, filters).iloc[0]["obstacles"])
    sql, params = _matching(filters, search)
    return int(row(con, f"SELECT count(*) {sql}", params, name="count_obstacles")[0])


def obstacles(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    search: str | None = None,
    limit: int | None = None,
) -> pd.DataFrame:
    """One row per matching obstacle, newest first (all of them when limit is None).

    Columns: obstacle_id, initiative_id, cbs_code, municipality (name), reported_at,
    theme, category, severity, level, status, first_response_at, days_to_first_response
    (NULL when unanswered), resolved_at, description. No contact columns exist in core;
    descriptions are redacted.
    """
    sql, params = _matching(filters, search)
    if limit is not None and not (search or "").strip():
        since = _cutoff(con, filters, limit)
        if since is not None:
            sql += " AND o.reported_at >= ?"
            params = [*params, since]
    return query(
        con,
        f"SELECT {COLUMNS} {sql} ORDER BY o.reported_at DESC, o.obstacle_id LIMIT ?",
        [*params, limit],
        name="obstacles",
    )


def _cutoff(con: duckdb.DuckDBPyConnection, filters: Filters, limit: int):
    """The earliest report day among the newest `limit` selected obstacles (None: all)."""
    mart = smallest(OBSTACLE_MARTS, filters.dimensions() | {"reported_at"})
    where, params = obstacle_conditions(filters)
    return row(
        con,
        "SELECT max(reported_at) FROM (SELECT reported_at, sum(sum(obstacles)) OVER "
        f"(ORDER BY reported_at DESC) AS newer FROM {mart.table} WHERE {where} "
        "GROUP BY reported_at) WHERE newer >= ?",
        [*params, limit],
        name="newest_day",
    )[0]


def history(con: duckdb.DuckDBPyConnection, obstacle_id: str) -> pd.DataFrame:
    """The responses to one obstacle, oldest first: responded_at, outcome, note."""
    return query(
        con,
        "SELECT responded_at, outcome, note FROM core.responses WHERE obstacle_id = ? "
        "ORDER BY responded_at, response_id",
        [obstacle_id],
        name="history",
    )
