"""Who solved it? Where a kind of obstacle (one theme, one category) gets resolved, and how.

Two answers for a selection narrowed to one theme and one category:

- per municipality, how often and how fast: the registry's figures resolved_share,
  resolved_within_90d and median_days_to_resolution, computed by readmodel.comparison
  (inputs/compare) exactly as the compare page computes them for the same selection, with
  the small-numbers rule applied and few-case municipalities left unranked;
- the resolved obstacles one by one, newest first, with the note of the response that
  resolved them (free text, redacted by the ETL like every stored text).

The resolving response of an obstacle is the one its `resolved_at` comes from: its
earliest opgelost or deels_opgelost response (on the same day, the lowest response id).
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from etl.metrics.registry import metric
from etl.vocabularies import RESOLVED_OUTCOMES
from readmodel.comparison import Comparison, compare, inputs
from readmodel.database import query
from readmodel.rollups import obstacle_conditions
from readmodel.selection import Filters
from readmodel.warehouse import Warehouse

# How often, how fast: the order the page and the export show them in.
SOLUTION_METRICS = ("resolved_share", "resolved_within_90d", "median_days_to_resolution")
RANKED_BY = "resolved_share"

# The response each resolved obstacle was resolved on: outcome and note (the first of the
# day; arg_min_null keeps a missing note rather than taking a later response's).
_RESOLVING_RESPONSE = """
    SELECT
        r.obstacle_id,
        arg_min(r.outcome, (r.responded_at, r.response_id)) AS outcome,
        arg_min_null(r.note, (r.responded_at, r.response_id)) AS note
    FROM core.responses AS r
"""
RESOLVING = f"""{_RESOLVING_RESPONSE}
    WHERE list_contains(?, r.outcome)
    GROUP BY r.obstacle_id
"""
# The same for the obstacles of a CTE `o` only (the cases a page shows). An obstacle's
# resolved_at is the day of its first resolving response, so only responses since the
# earliest of those days are joined: a filter in the scan, not a join of every response.
RESOLVING_OF_CASES = f"""{_RESOLVING_RESPONSE}
    JOIN o ON r.obstacle_id = o.obstacle_id AND r.responded_at = o.resolved_at
    WHERE r.responded_at >= (SELECT min(resolved_at) FROM o) AND list_contains(?, r.outcome)
    GROUP BY r.obstacle_id
"""
CASE_COLUMNS = (
    "o.obstacle_id, o.cbs_code, m.name AS municipality, o.initiative_id, "
    "i.name AS initiative, o.theme, o.category, o.reported_at, o.resolved_at, "
    "date_diff('day', o.reported_at, o.resolved_at) AS days_to_resolution, "
    "r.outcome, r.note"
)
PHASED = (
    "(SELECT o2.*, i2.phase FROM core.obstacles AS o2 "
    "LEFT JOIN core.initiatives AS i2 USING (initiative_id))"
)
CASE_JOINS = (
    "LEFT JOIN resolving AS r ON r.obstacle_id = o.obstacle_id "
    "LEFT JOIN core.municipalities AS m ON m.cbs_code = o.cbs_code "
    "LEFT JOIN core.initiatives AS i ON i.initiative_id = o.initiative_id "
)


def narrowed(filters: Filters, theme: str, category: str) -> Filters:
    """The selection for one kind of obstacle: the other filters stay as they are."""
    return filters.with_(themes=(theme,), categories=(category,))


@dataclass(frozen=True)
class Solutions:
    """The figures of one kind of obstacle for every municipality the selection shows."""

    filters: Filters  # narrowed to the theme and category
    comparisons: dict[str, Comparison]  # metric key -> the compare page's comparison
    table: pd.DataFrame  # one row per shown municipality with such obstacles (see `solutions`)

    @property
    def province(self) -> dict[str, pd.Series]:
        """The province's value of each figure (code, name, value, low, high, n)."""
        return {key: found.province for key, found in self.comparisons.items()}

    @property
    def obstacles(self) -> int:
        return int(self.table["obstacles"].sum())

    @property
    def resolved(self) -> int:
        return int(self.table["resolved"].sum())


def solutions(warehouse: Warehouse, filters: Filters, theme: str, category: str) -> Solutions:
    """How often and how fast each municipality resolves obstacles of one theme and category.

    `table` columns: cbs_code, name, obstacles, resolved, then per figure of
    SOLUTION_METRICS <key>, <key>_low, <key>_high (shares NaN where suppressed), and
    small_numbers, suppressed, rank (by resolved_share; NaN for few cases). Ranked
    municipalities first, by rank, then the few-case ones by name. Only municipalities with
    at least one such obstacle that the selection shows (region, municipality).
    """
    selection = narrowed(filters, theme, category)
    data = inputs(warehouse, selection)
    comparisons = {key: compare(data, metric(key), selection.region) for key in SOLUTION_METRICS}
    ranked = comparisons[RANKED_BY].rows()
    table = ranked[["cbs_code", "name", "obstacles", "resolved"]].copy()
    for key, found in comparisons.items():
        figures = found.rows().set_index("cbs_code")[["value", "low", "high"]]
        figures.columns = [key, f"{key}_low", f"{key}_high"]
        table = table.join(figures, on="cbs_code")
    table = table.join(
        ranked.set_index("cbs_code")[["small_numbers", "suppressed", "rank"]], on="cbs_code"
    )
    table = table[table["obstacles"] > 0]
    if selection.municipality:
        table = table[table["cbs_code"] == selection.municipality]
    table = pd.concat(
        [
            table[table["rank"].notna()].sort_values(["rank", "name"], kind="stable"),
            table[table["rank"].isna()].sort_values("name", kind="stable"),
        ]
    ).reset_index(drop=True)
    return Solutions(selection, comparisons, table)


def resolved_cases(
    con: duckdb.DuckDBPyConnection, filters: Filters, limit: int | None = None
) -> pd.DataFrame:
    """The selected obstacles that were (partly) resolved, newest resolution first.

    Columns: obstacle_id, cbs_code, municipality, initiative_id, initiative (name; NULL
    without one), theme, category, reported_at, resolved_at, days_to_resolution, outcome and
    note of the resolving response. Ties: the lower obstacle id first.
    """
    where, params = obstacle_conditions(filters)
    # The phase filter is the reporting initiative's phase (as in the marts).
    source = PHASED if filters.phase else "core.obstacles"
    # The cases first, then the resolving responses of those cases only: a million
    # responses are not grouped for the two hundred a page shows.
    order = "o.resolved_at DESC, o.obstacle_id"
    return query(
        con,
        f"WITH o AS (SELECT * FROM (SELECT * FROM {source} WHERE {where}) AS o "
        f"WHERE o.resolved_at IS NOT NULL ORDER BY {order} LIMIT ?), "
        f"resolving AS ({RESOLVING_OF_CASES}) "
        f"SELECT {CASE_COLUMNS} FROM o {CASE_JOINS}ORDER BY {order}",
        [*params, limit, list(RESOLVED_OUTCOMES)],
        name="resolved_cases",
    )
