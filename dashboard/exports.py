"""Downloads: the tables of the pages as Excel-safe CSV and xlsx bytes (no Streamlit here).

Streamlit calls a download's data function when the button is clicked, on a thread of its
own; `on_own_cursor` gives it a cursor of its own, as a DuckDB cursor is one thread's.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import duckdb
import pandas as pd

from dashboard import strings
from dashboard.connection import connect
from dashboard.describe import dutch_date
from dashboard.filters import Filters
from dashboard.queries.obstacles import obstacles
from dashboard.queries.quality import rejects
from dashboard.tables import obstacle_table, rejects_table
from etl.spreadsheet import excel_csv_bytes, write_xlsx

CSV_MIME = "text/csv"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def on_own_cursor(make: Callable[[duckdb.DuckDBPyConnection], bytes]) -> Callable[[], bytes]:
    """A no-argument data function for st.download_button that opens its own cursor."""

    def data() -> bytes:
        con = connect()
        if con is None:
            return b""
        try:
            return make(con)
        finally:
            con.close()

    return data


def file_name(template: str, extension: str, *, synthetic: bool, **values: object) -> str:
    """'omzien-knelpunten-2026-11-26.csv'; demo data say so in the name too."""
    demo = strings.FILE_DEMO if synthetic else ""
    return template.format(demo=demo, **values) + "." + extension


def obstacle_export(
    con: duckdb.DuckDBPyConnection, filters: Filters, search: str | None
) -> pd.DataFrame:
    """Every matching obstacle (no display limit), as the page's table shows it."""
    return obstacle_table(obstacles(con, filters, search))


def obstacles_csv(con: duckdb.DuckDBPyConnection, filters: Filters, search: str | None) -> bytes:
    return excel_csv_bytes(obstacle_export(con, filters, search))


def obstacles_xlsx(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    search: str | None,
    *,
    as_of: date,
    load_id: int,
    selection: str,
    synthetic: bool,
) -> bytes:
    """The obstacles sheet plus a 'Bron' sheet: as-of day, load, selection, search, rows."""
    frame = obstacle_export(con, filters, search)
    provenance = {
        strings.PROVENANCE_SOURCE: strings.PROVENANCE_SOURCE_TEXT,
        strings.PROVENANCE_AS_OF: dutch_date(as_of),
        strings.PROVENANCE_LOAD: load_id,
        strings.PROVENANCE_SELECTION: selection,
        strings.PROVENANCE_SEARCH: (search or "").strip() or "–",
        strings.PROVENANCE_ROWS: len(frame),
    }
    return write_xlsx(
        frame, sheet=strings.SHEET_OBSTACLES, provenance=provenance, synthetic=synthetic
    )


def rejects_csv(con: duckdb.DuckDBPyConnection, load_id: int) -> bytes:
    """Every rejected row of a load with its reason, for whoever keeps the forms."""
    return excel_csv_bytes(rejects_table(rejects(con, load_id)))
