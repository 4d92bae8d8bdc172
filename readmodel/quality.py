"""What the loads did: files, rejected rows, warnings, freshness, and the definitions."""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from etl import settings
from etl.metrics.registry import definitions_frame as metric_definitions
from readmodel import strings
from readmodel.database import has_table, query


def loads(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every load, newest first, with all columns of etl.loads."""
    return query(con, "SELECT * FROM etl.loads ORDER BY load_id DESC", name="loads")


def networks(con: duckdb.DuckDBPyConnection) -> pd.DataFrame | None:
    """The networks a national roll-up adds up (public.networks) with how many
    municipalities each counts for; None for any other warehouse."""
    if not has_table(con, "public", "networks"):
        return None
    return query(
        con,
        "SELECT n.network, n.province, n.as_of, n.published_at, n.synthetic, "
        "count(c.cbs_code) AS municipalities FROM public.networks AS n "
        "LEFT JOIN public.coverage AS c USING (network) GROUP BY ALL ORDER BY n.network",
        name="networks",
    )


def files(con: duckdb.DuckDBPyConnection, load_id: int) -> pd.DataFrame:
    """The files of one load in path order: what became of their rows, and any error."""
    return query(
        con,
        "SELECT path, source, rows_read, rows_loaded, rows_rejected, rows_superseded, "
        "rows_erased, error FROM etl.files WHERE load_id = ? ORDER BY path",
        [load_id],
        name="files",
    )


def rejects_summary(con: duckdb.DuckDBPyConnection, load_id: int) -> pd.DataFrame:
    """One row per (file, rule, field): rejects (rows x rules) and the first row's reason."""
    return query(
        con,
        """
        SELECT path, source, rule, field, count(*) AS rejects,
            arg_min(reason, coalesce(row_number, 0)) AS example
        FROM etl.rejects WHERE load_id = ?
        GROUP BY ALL
        ORDER BY rejects DESC, path, rule, field
        """,
        [load_id],
        name="rejects_summary",
    )


def rejects(con: duckdb.DuckDBPyConnection, load_id: int, limit: int | None = None) -> pd.DataFrame:
    """The rejected (row, rule)s of one load, by file and row (all when limit is None)."""
    return query(
        con,
        "SELECT path, row_number, field, value, reason, rule FROM etl.rejects "
        "WHERE load_id = ? ORDER BY path, row_number NULLS FIRST, field, rule LIMIT ?",
        [load_id, limit],
        name="rejects",
    )


def warnings(con: duckdb.DuckDBPyConnection, load_id: int) -> pd.DataFrame:
    """Warnings of one load: files without a source, ignored columns."""
    return query(
        con,
        "SELECT path, kind, message FROM etl.warnings WHERE load_id = ? ORDER BY path, kind",
        [load_id],
        name="warnings",
    )


def freshness(con: duckdb.DuckDBPyConnection) -> dict[str, object]:
    """Newest registration, report and response, and how many days each lies before the
    as-of day (None where the warehouse has none)."""
    frame = query(
        con,
        "SELECT newest_registration, newest_report, newest_response, "
        "date_diff('day', newest_registration, as_of) AS registration_age, "
        "date_diff('day', newest_report, as_of) AS report_age, "
        "date_diff('day', newest_response, as_of) AS response_age FROM marts.load_summary",
        name="freshness",
    )
    return {k: (None if pd.isna(v) else v) for k, v in frame.iloc[0].to_dict().items()}


def days_since(moment: object, today: date) -> int | None:
    """Whole days from a timestamp (a load's finished_at) to today; None when unknown."""
    if moment is None or pd.isna(moment):
        return None
    return (today - pd.Timestamp(moment).date()).days


def definitions_frame() -> pd.DataFrame:
    """Every figure and rule as etl/metrics/registry.py defines it, once.

    Columns: key, label, kind, numerator, denominator, period, censoring, interval, note.
    """
    return metric_definitions()


def page_terms() -> pd.DataFrame:
    """The terms of the agenda and obstacle list (term, meaning), thresholds filled in."""
    frame = pd.DataFrame(strings.PAGE_TERMS, columns=["term", "meaning"], dtype="string")
    minimum = str(settings.small_numbers())
    return frame.assign(meaning=frame["meaning"].str.replace("{minimum}", minimum))
