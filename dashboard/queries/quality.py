"""What the loads did: files, rejected rows, warnings, freshness, and the definitions."""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from dashboard import strings
from etl import settings
from etl.metrics.definitions import definitions_frame as metric_definitions


def loads(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every load, newest first, with all columns of etl.loads."""
    return con.execute("SELECT * FROM etl.loads ORDER BY load_id DESC").df()


def files(con: duckdb.DuckDBPyConnection, load_id: int) -> pd.DataFrame:
    """The files of one load in path order: what became of their rows, and any error."""
    return con.execute(
        "SELECT path, source, rows_read, rows_loaded, rows_rejected, rows_superseded, "
        "rows_erased, error FROM etl.files WHERE load_id = ? ORDER BY path",
        [load_id],
    ).df()


def rejects_summary(con: duckdb.DuckDBPyConnection, load_id: int) -> pd.DataFrame:
    """One row per (file, rule, field): rejects (rows x rules) and the first row's reason."""
    return con.execute(
        """
        SELECT path, source, rule, field, count(*) AS rejects,
            arg_min(reason, coalesce(row_number, 0)) AS example
        FROM etl.rejects WHERE load_id = ?
        GROUP BY ALL
        ORDER BY rejects DESC, path, rule, field
        """,
        [load_id],
    ).df()


def rejects(con: duckdb.DuckDBPyConnection, load_id: int) -> pd.DataFrame:
    """Every rejected (row, rule) of one load, by file and row."""
    return con.execute(
        "SELECT path, row_number, field, value, reason, rule FROM etl.rejects "
        "WHERE load_id = ? ORDER BY path, row_number NULLS FIRST, field, rule",
        [load_id],
    ).df()


def warnings(con: duckdb.DuckDBPyConnection, load_id: int) -> pd.DataFrame:
    """Warnings of one load: files without a source, ignored columns."""
    return con.execute(
        "SELECT path, kind, message FROM etl.warnings WHERE load_id = ? ORDER BY path, kind",
        [load_id],
    ).df()


def freshness(con: duckdb.DuckDBPyConnection, as_of: date) -> dict[str, object]:
    """Newest registration, report and response, and how many days each lies before as_of."""
    row = con.execute(
        """
        SELECT newest_registration, newest_report, newest_response,
            date_diff('day', newest_registration, ?) AS registration_age,
            date_diff('day', newest_report, ?) AS report_age,
            date_diff('day', newest_response, ?) AS response_age
        FROM (SELECT
            (SELECT max(registered_at) FROM core.initiatives) AS newest_registration,
            (SELECT max(reported_at) FROM core.obstacles) AS newest_report,
            (SELECT max(responded_at) FROM core.responses) AS newest_response)
        """,
        [as_of, as_of, as_of],
    ).df()
    return row.iloc[0].to_dict()


def days_since(moment: object, today: date) -> int | None:
    """Whole days from a timestamp (a load's finished_at) to today; None when unknown."""
    if moment is None or pd.isna(moment):
        return None
    return (today - pd.Timestamp(moment).date()).days


def definitions_frame() -> pd.DataFrame:
    """Every figure of the scorecard as etl.metrics.definitions defines it, once.

    Columns: key, label, kind, numerator, denominator, period, censoring, interval, note.
    """
    return metric_definitions()


def page_terms() -> pd.DataFrame:
    """The terms of the agenda and obstacle list (term, meaning), thresholds filled in."""
    frame = pd.DataFrame(strings.PAGE_TERMS, columns=["term", "meaning"], dtype="string")
    minimum = str(settings.small_numbers())
    return frame.assign(meaning=frame["meaning"].str.replace("{minimum}", minimum))
