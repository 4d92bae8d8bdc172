"""Headline figures, trend per quarter and top categories/themes for the selection."""

from __future__ import annotations

from datetime import date, timedelta

import duckdb
import pandas as pd

from dashboard.filters import Filters
from dashboard.queries.selection import initiative_conditions, selected_obstacles

# Statuses that are not an answer to the question: still waiting for a decision.
UNDECIDED = ["open", "ontvangen", "in_behandeling"]
STALE_AFTER_DAYS = 90


def headline(con: duckdb.DuckDBPyConnection, filters: Filters, as_of: date) -> dict[str, int]:
    """Counts behind the headline figures; shares are count / obstacles (the denominator)."""
    obstacles_sql, obstacle_params = selected_obstacles(filters)
    initiatives_where, initiative_params = initiative_conditions(filters)
    row = con.execute(
        f"""
        WITH sel AS ({obstacles_sql})
        SELECT
            (SELECT count(*) FROM core.initiatives AS i WHERE {initiatives_where}) AS initiatives,
            count(*) AS obstacles,
            count(*) FILTER (WHERE first_response_at IS NOT NULL) AS answered,
            count(*) FILTER (WHERE resolved_at IS NOT NULL) AS resolved,
            count(*) FILTER (WHERE list_contains(?, status) AND reported_at <= ?) AS stale
        FROM sel
        """,
        [*obstacle_params, *initiative_params, UNDECIDED, as_of - timedelta(days=STALE_AFTER_DAYS)],
    ).fetchone()
    keys = ("initiatives", "obstacles", "answered", "resolved", "stale")
    return dict(zip(keys, (int(v) for v in row), strict=True))


def per_quarter(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """One row per quarter with reports: quarter start, label ('2024 K1'), counts."""
    sql, params = selected_obstacles(filters)
    return con.execute(
        f"""
        WITH sel AS ({sql})
        SELECT
            CAST(date_trunc('quarter', reported_at) AS DATE) AS quarter,
            strftime(date_trunc('quarter', reported_at), '%Y') || ' K'
                || quarter(reported_at) AS label,
            count(*) AS obstacles,
            count(*) FILTER (WHERE first_response_at IS NOT NULL) AS answered,
            count(*) FILTER (WHERE resolved_at IS NOT NULL) AS resolved
        FROM sel
        GROUP BY ALL
        ORDER BY quarter
        """,
        params,
    ).df()


def top(
    con: duckdb.DuckDBPyConnection, filters: Filters, dimension: str, limit: int = 10
) -> pd.DataFrame:
    """The most reported categories or themes: code, obstacles, resolved."""
    if dimension not in ("category", "theme"):
        raise ValueError(dimension)
    sql, params = selected_obstacles(filters)
    return con.execute(
        f"""
        WITH sel AS ({sql})
        SELECT {dimension} AS code, count(*) AS obstacles,
            count(*) FILTER (WHERE resolved_at IS NOT NULL) AS resolved
        FROM sel GROUP BY ALL ORDER BY obstacles DESC, code LIMIT ?
        """,
        [*params, limit],
    ).df()
