"""Per-municipality counts and per-obstacle dates for the selection, for every measure."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from dashboard.filters import Filters
from dashboard.queries.selection import initiative_conditions, selected_obstacles


def municipality_counts(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """One row per municipality of the province (zero counts included).

    cbs_code, name, population, obstacles, answered, resolved, refused, open, initiatives.
    The municipality and region filters are left out on purpose: comparing needs all of
    them (the province value is over every municipality); pages narrow what they show.
    """
    everyone = filters.with_(municipality=None, region=None)
    obstacles_sql, obstacle_params = selected_obstacles(everyone)
    initiatives_where, initiative_params = initiative_conditions(everyone)
    return con.execute(
        f"""
        WITH sel AS ({obstacles_sql}),
        per_obstacle AS (
            SELECT cbs_code,
                count(*) AS obstacles,
                count(*) FILTER (WHERE first_response_at IS NOT NULL) AS answered,
                count(*) FILTER (WHERE resolved_at IS NOT NULL) AS resolved,
                count(*) FILTER (WHERE status = 'afgewezen') AS refused,
                count(*) FILTER (WHERE status = 'open') AS open
            FROM sel GROUP BY cbs_code
        ),
        per_initiative AS (
            SELECT cbs_code, count(*) AS initiatives
            FROM core.initiatives AS i WHERE {initiatives_where} GROUP BY cbs_code
        )
        SELECT m.cbs_code, m.name, m.population,
            coalesce(o.obstacles, 0) AS obstacles, coalesce(o.answered, 0) AS answered,
            coalesce(o.resolved, 0) AS resolved, coalesce(o.refused, 0) AS refused,
            coalesce(o.open, 0) AS open, coalesce(i.initiatives, 0) AS initiatives
        FROM core.municipalities AS m
        LEFT JOIN per_obstacle AS o USING (cbs_code)
        LEFT JOIN per_initiative AS i USING (cbs_code)
        ORDER BY m.cbs_code
        """,
        [*obstacle_params, *initiative_params],
    ).df()


def obstacle_dates(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """cbs_code, reported_at, first_response_at, resolved_at of each selected obstacle."""
    sql, params = selected_obstacles(filters.with_(municipality=None, region=None))
    return con.execute(
        f"SELECT cbs_code, reported_at, first_response_at, resolved_at FROM ({sql}) "
        "ORDER BY cbs_code, reported_at",
        params,
    ).df()


def region_members(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """region_code, cbs_code."""
    return con.execute("SELECT region_code, cbs_code FROM core.region_members ORDER BY ALL").df()


@dataclass(frozen=True)
class ComparisonInputs:
    """Everything a comparison needs: counts and dates over every municipality (the
    province is the reference), the region memberships, and the municipalities to show."""

    counts: pd.DataFrame
    dates: pd.DataFrame
    members: pd.DataFrame
    shown: frozenset[str]

    @property
    def empty(self) -> bool:
        return self.counts.loc[self.counts["cbs_code"].isin(self.shown), "obstacles"].sum() == 0


def comparison_inputs(con: duckdb.DuckDBPyConnection, filters: Filters) -> ComparisonInputs:
    """The selection's inputs for any comparison; a region only narrows `shown`."""
    counts = municipality_counts(con, filters)
    members = region_members(con)
    shown = (
        members.loc[members["region_code"] == filters.region, "cbs_code"]
        if filters.region
        else counts["cbs_code"]
    )
    return ComparisonInputs(counts, obstacle_dates(con, filters), members, frozenset(shown))
