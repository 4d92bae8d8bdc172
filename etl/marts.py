"""Builds the marts after core: the count marts in SQL, then the scorecard's figures.

The scorecard's statistics are the registry's figures (etl/metrics/registry.py) computed
by etl/metrics/figures.py from the count marts, exactly as the dashboard computes them for
the whole province: one definition, one computation.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from etl import settings
from etl.duck import identifier, literal, run_with_frames
from etl.metrics.figures import figure
from etl.metrics.registry import Metric, metric, statistics
from etl.metrics.small_numbers import few_cases
from etl.models import run_models

SCORECARD = "marts.municipality_scorecard"
# In build order: each roll-up reads the finer mart before it.
COUNT_MARTS = (
    "marts/obstacle_counts",
    "marts/obstacle_counts_by_day",
    "marts/obstacle_counts_by_kind",
    "marts/survival_counts",
    "marts/survival_counts_by_municipality",
    "marts/initiative_counts",
    "marts/initiative_counts_by_kind",
    "marts/agenda_reach",
    "marts/initiative_reach",
    "marts/initiative_directory",
    "marts/load_summary",
)
# The scorecard's count columns under the names the registry's figures use.
FIGURE_COUNTS = {
    "obstacles": "obstacles",
    "answered": "obstacles_answered",
    "resolved": "obstacles_resolved",
    "refused": "obstacles_refused",
    "initiatives": "initiatives",
    "population": "population",
}


# A roll-up's counts mean what the finer mart's do: their comments are copied over.
ROLLUPS = {
    "marts.obstacle_counts_by_day": "marts.obstacle_counts",
    "marts.obstacle_counts_by_kind": "marts.obstacle_counts",
    "marts.initiative_directory": "core.initiatives",
}


def build_marts(con: duckdb.DuckDBPyConnection, small_below: int | None = None) -> None:
    """Every mart, the scorecard last."""
    run_models(
        con,
        "staging/obstacle_cells",
        "staging/obstacle_facts",
        *COUNT_MARTS,
        "marts/municipality_scorecard",
    )
    for rollup, finer in ROLLUPS.items():
        inherit_comments(con, finer, rollup)
    add_scorecard_figures(con, settings.small_numbers() if small_below is None else small_below)


def scorecard_figures(
    counts: pd.DataFrame, survival: pd.DataFrame, small_below: int
) -> pd.DataFrame:
    """cbs_code plus every statistic column (value, _low, _high per figure) and small_numbers.

    `counts` is the scorecard as its SQL builds it, `survival` marts.survival_counts_by_
    municipality. Pure: the ETL and the tests call it the same way.
    """
    frame = counts.assign(**{name: counts[column] for name, column in FIGURE_COUNTS.items()})
    columns: dict[str, object] = {"cbs_code": frame["cbs_code"]}
    for found in statistics():
        events = survival[survival["event"] == found.event] if found.event else None
        values = figure(found, frame, events)
        columns[found.key] = values["value"].to_numpy(dtype=float)
        columns[f"{found.key}_low"] = values["low"].to_numpy(dtype=float)
        columns[f"{found.key}_high"] = values["high"].to_numpy(dtype=float)
    columns["small_numbers"] = few_cases(frame["obstacles"], small_below)
    return pd.DataFrame(columns)


def add_scorecard_figures(con: duckdb.DuckDBPyConnection, small_below: int) -> None:
    counts = con.execute(f"SELECT * FROM {SCORECARD} ORDER BY cbs_code").df()
    survival = con.execute(
        "SELECT event, cbs_code, days, events, censored "
        "FROM marts.survival_counts_by_municipality ORDER BY event, cbs_code, days"
    ).df()
    figures = scorecard_figures(counts, survival, small_below)
    for found in statistics():
        for suffix in ("", "_low", "_high"):
            _add_column(con, f"{found.key}{suffix}", "DOUBLE", _comment(found, suffix))
    _add_column(con, "small_numbers", "BOOLEAN", _comment(metric("small_numbers"), ""))
    assignments = ", ".join(
        f"{identifier(c)} = f.{identifier(c)}" for c in figures.columns if c != "cbs_code"
    )
    run_with_frames(
        con,
        f"UPDATE {SCORECARD} AS m SET {assignments} "
        "FROM scorecard_figures AS f WHERE m.cbs_code = f.cbs_code",
        scorecard_figures=figures,
    )


def _add_column(con: duckdb.DuckDBPyConnection, name: str, sql_type: str, comment: str) -> None:
    # Names and comments come from the registry (our own text), never from data.
    con.execute(f"ALTER TABLE {SCORECARD} ADD COLUMN {identifier(name)} {sql_type}")
    con.execute(f"COMMENT ON COLUMN {SCORECARD}.{identifier(name)} IS {literal(comment)}")


def _comment(found: Metric, suffix: str) -> str:
    """The column's meaning from the registry (Dutch definition, as /kwaliteit shows it)."""
    if suffix:
        end = "Lower" if suffix == "_low" else "Upper"
        return f"{end} end of the 95% interval of {found.key}: {found.interval}"
    if found.kind == "flag":
        return f"{found.label}: {found.numerator} {found.note}"
    return (
        f"{found.label} (etl/metrics/registry.py). Teller: {found.numerator} "
        f"Noemer: {found.denominator} Open knelpunten: {found.censoring} {found.note}"
    ).strip()


def inherit_comments(con: duckdb.DuckDBPyConnection, source: str, target: str) -> None:
    """Give `target`'s columns without a comment the comment of `source`'s same column."""
    source_schema, source_table = source.split(".")
    target_schema, target_table = target.split(".")
    comments = con.execute(
        "SELECT s.column_name, s.comment FROM duckdb_columns() AS s JOIN duckdb_columns() AS t "
        "USING (column_name) WHERE s.schema_name = ? AND s.table_name = ? "
        "AND t.schema_name = ? AND t.table_name = ? AND s.database_name = t.database_name "
        "AND s.database_name = current_database() AND coalesce(t.comment, '') = '' "
        "AND coalesce(s.comment, '') <> ''",
        [source_schema, source_table, target_schema, target_table],
    ).fetchall()
    for column, comment in comments:
        # Table and column names are our own model's, never data.
        con.execute(f"COMMENT ON COLUMN {target}.{identifier(column)} IS {literal(comment)}")
