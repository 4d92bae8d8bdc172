"""Sums of the count marts for a selection, from the smallest mart that can answer it.

Each family of marts (obstacles, survival, initiatives) has a finest table with every
dimension the selection filters on, and roll-ups with fewer dimensions and far fewer rows.
A question needs the dimensions its filters and its grouping use; `smallest` picks the
first mart (they are listed small to large) that has them all, so the default view reads a
few thousand rows whether the warehouse holds a thousand obstacles or a million. Every
measure is a count, so the sum over a mart's rows is exact whichever mart answers.

SQL text is built only from the constants here; every value of the selection is bound.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import duckdb
import pandas as pd

from readmodel.database import query
from readmodel.selection import Filters


@dataclass(frozen=True)
class Mart:
    """A count mart and the dimensions (columns that are not counts) it keeps."""

    table: str
    dimensions: tuple[str, ...]

    def has(self, needed: frozenset[str]) -> bool:
        return needed <= set(self.dimensions)


OBSTACLE_DIMENSIONS = ("cbs_code", "reported_at", "theme", "category", "phase", "level")
OBSTACLE_MARTS = (
    Mart("marts.obstacle_counts_by_kind", ("cbs_code", "theme", "category", "phase", "level")),
    Mart("marts.obstacle_counts_by_day", ("cbs_code", "reported_at")),
    Mart("marts.obstacle_counts", OBSTACLE_DIMENSIONS),
)
SURVIVAL_MARTS = (
    Mart("marts.survival_counts_by_municipality", ("event", "cbs_code", "days")),
    Mart("marts.survival_counts", ("event", *OBSTACLE_DIMENSIONS, "days")),
)
INITIATIVE_MARTS = (
    Mart("marts.initiative_counts_by_kind", ("cbs_code", "phase", "themes")),
    Mart("marts.initiative_counts", ("cbs_code", "registered_at", "phase", "themes")),
)
# Groupings that are not a column: (SQL expression, the dimension it needs).
DERIVED = {
    "quarter": ("CAST(date_trunc('quarter', reported_at) AS DATE)", "reported_at"),
    "month": ("CAST(date_trunc('month', reported_at) AS DATE)", "reported_at"),
}


def smallest(marts: Sequence[Mart], needed: frozenset[str]) -> Mart:
    """The first (smallest) mart with every needed dimension."""
    for mart in marts:
        if mart.has(needed):
            return mart
    raise ValueError(f"no mart has the dimensions {sorted(needed)}")


def place_conditions(filters: Filters, column: str = "cbs_code") -> tuple[list[str], list]:
    """The region and municipality of the selection as conditions on a CBS code column."""
    clauses: list[str] = []
    params: list[object] = []
    if filters.region:
        clauses.append(
            f"{column} IN (SELECT cbs_code FROM core.region_members WHERE region_code = ?)"
        )
        params.append(filters.region)
    if filters.municipality:
        clauses.append(f"{column} = ?")
        params.append(filters.municipality)
    return clauses, params


def obstacle_conditions(filters: Filters) -> tuple[str, list[object]]:
    """WHERE for any mart with obstacle dimensions (and core.obstacles joined to phase)."""
    clauses, params = place_conditions(filters)
    for condition, value in (
        ("reported_at >= ?", filters.start),
        ("reported_at <= ?", filters.end),
        ("list_contains(?, theme)", list(filters.themes) or None),
        ("list_contains(?, category)", list(filters.categories) or None),
        ("phase = ?", filters.phase),
        ("level = ?", filters.level),
    ):
        if value is not None:
            clauses.append(condition)
            params.append(value)
    return " AND ".join(clauses) or "TRUE", params


def initiative_conditions(filters: Filters) -> tuple[str, list[object]]:
    """WHERE on the initiative marts: place, phase, themes, registered by the period's end.

    Category and level describe obstacles, not initiatives, and an initiative registered
    before the period still works in it, so those and the period's start do not narrow.
    """
    clauses, params = place_conditions(filters)
    for condition, value in (
        ("registered_at <= ?", filters.end),
        ("phase = ?", filters.phase),
        ("list_has_any(themes, ?)", list(filters.themes) or None),
    ):
        if value is not None:
            clauses.append(condition)
            params.append(value)
    return " AND ".join(clauses) or "TRUE", params


def initiative_dimensions(filters: Filters) -> frozenset[str]:
    wanted = {
        "registered_at": filters.end is not None,
        "phase": filters.phase is not None,
        "themes": bool(filters.themes),
    }
    return frozenset(name for name, used in wanted.items() if used)


def _grouping(by: Sequence[str]) -> tuple[list[str], frozenset[str]]:
    """SELECT expressions for the grouping and the dimensions they need."""
    expressions, needed = [], set()
    for name in by:
        if name in DERIVED:
            expression, dimension = DERIVED[name]
            expressions.append(f"{expression} AS {name}")
            needed.add(dimension)
        else:
            expressions.append(name)
            needed.add(name)
    return expressions, frozenset(needed)


def _sums(
    con: duckdb.DuckDBPyConnection,
    mart: Mart,
    grouping: list[str],
    where: str,
    params: list[object],
    *,
    name: str,
    fixed: frozenset[str] = frozenset(),
    columns: Sequence[str] | None = None,
) -> pd.DataFrame:
    """The mart's counts (`columns`, or all of them) summed per grouping. `fixed`:
    dimensions the WHERE holds to one value; when the grouping and those are all of the
    mart's dimensions, each row is its own group and is read as it is (no aggregation over
    tens of thousands of rows)."""
    if columns is None:
        others = f"* EXCLUDE ({', '.join(mart.dimensions)})"
    else:  # names from our own code, checked: a page reading two counts sums only those
        if not all(column.isidentifier() for column in columns):
            raise ValueError(f"not count columns: {columns}")
        others = "[" + ", ".join(f"'{column}'" for column in columns) + "]"
    if set(grouping) | fixed == set(mart.dimensions):
        select = ", ".join([*grouping, f"CAST(COLUMNS({others}) AS BIGINT)"])
        tail = " ORDER BY ALL"
    else:
        counts = f"CAST(coalesce(sum(COLUMNS({others})), 0) AS BIGINT)"
        select = ", ".join([*grouping, counts])
        tail = " GROUP BY ALL ORDER BY ALL" if grouping else ""
    return query(con, f"SELECT {select} FROM {mart.table} WHERE {where}{tail}", params, name=name)


def obstacle_totals(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    by: Sequence[str] = (),
    columns: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Counts of the selected obstacles summed, one row per value of `by` (or one row).

    `by` holds obstacle dimensions (cbs_code, theme, category, phase, level) or 'quarter'
    / 'month' of the report. Columns: the grouping, then `columns` or every count:
    obstacles, answered, resolved, stale, followed_90d, resolved_in_90d, ...,
    status_<status> (see marts.obstacle_counts).
    """
    grouping, grouped = _grouping(by)
    mart = smallest(OBSTACLE_MARTS, filters.dimensions() | grouped)
    where, params = obstacle_conditions(filters)
    return _sums(con, mart, grouping, where, params, name="obstacle_totals", columns=columns)


def survival_totals(
    con: duckdb.DuckDBPyConnection, filters: Filters, event: str, by: Sequence[str] = ()
) -> pd.DataFrame:
    """Per-day event and censoring counts of the selected obstacles: `by`, days, events,
    censored. A Kaplan-Meier curve of each group is a function of exactly these counts."""
    grouping, grouped = _grouping([*by, "days"])
    mart = smallest(SURVIVAL_MARTS, filters.dimensions() | grouped | {"event"})
    where, params = obstacle_conditions(filters)
    return _sums(
        con,
        mart,
        grouping,
        f"event = ? AND {where}",
        [event, *params],
        name="survival_totals",
        fixed=frozenset({"event"}),
    )


def initiative_totals(
    con: duckdb.DuckDBPyConnection, filters: Filters, by: Sequence[str] = ()
) -> pd.DataFrame:
    """Initiatives of the selection (see `initiative_conditions`), one row per `by` value."""
    grouping, grouped = _grouping(by)
    mart = smallest(INITIATIVE_MARTS, initiative_dimensions(filters) | grouped)
    where, params = initiative_conditions(filters)
    return _sums(con, mart, grouping, where, params, name="initiative_totals")
