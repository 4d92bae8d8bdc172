"""Downloads of the obstacle list and the rejected rows: Excel-safe CSV and xlsx.

Streamlit calls a download's data function when the button is clicked, on a thread of its
own; `on_own_cursor` gives it a cursor of its own, as a DuckDB cursor is one thread's.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

import duckdb
import streamlit as st

from dashboard import strings
from dashboard.connection import connect
from etl import settings
from etl.spreadsheet import excel_csv_bytes, write_xlsx
from readmodel import format
from readmodel.describe import describe
from readmodel.obstacles import obstacles
from readmodel.quality import rejects
from readmodel.selection import Filters
from readmodel.tables import obstacle_table, rejects_table

CSV_MIME = "text/csv"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def on_own_cursor(make: Callable[[duckdb.DuckDBPyConnection], bytes]) -> Callable[[], bytes]:
    """A no-argument data function for st.download_button that opens its own cursor.

    Row-level downloads are offered only to those who see the full warehouse, so that is
    the file it opens.
    """

    def data() -> bytes:
        con = connect(settings.warehouse_path())
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


def obstacles_csv(con: duckdb.DuckDBPyConnection, filters: Filters, search: str | None) -> bytes:
    return excel_csv_bytes(obstacle_table(obstacles(con, filters, search)))


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
    frame = obstacle_table(obstacles(con, filters, search))
    provenance = {
        strings.PROVENANCE_SOURCE: strings.PROVENANCE_SOURCE_TEXT,
        strings.PROVENANCE_AS_OF: format.day(as_of),
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


def obstacle_downloads(ctx, search: str, total: int) -> None:
    """CSV and xlsx of every obstacle that matches (not only the rows on screen)."""
    name = partial(file_name, strings.FILE_OBSTACLES, synthetic=ctx.synthetic, as_of=ctx.as_of)
    help_text = strings.DOWNLOAD_HELP.format(count=format.count(total))
    left, right, _ = st.columns([1, 1, 3])
    for column, label, make, extension, mime, key in (
        (left, strings.DOWNLOAD_CSV, obstacles_csv, "csv", CSV_MIME, "download_csv"),
        (
            right,
            strings.DOWNLOAD_XLSX,
            partial(
                obstacles_xlsx,
                as_of=ctx.as_of,
                load_id=ctx.load_id,
                selection=describe(ctx, ctx.filters),
                synthetic=ctx.synthetic,
            ),
            "xlsx",
            XLSX_MIME,
            "download_xlsx",
        ),
    ):
        column.download_button(
            label,
            data=on_own_cursor(partial(make, filters=ctx.filters, search=search)),
            file_name=name(extension),
            mime=mime,
            help=help_text,
            icon=":material/download:",
            key=key,
        )
