"""What a load did with each file: files, rejected rows and why, warnings (for members).

Rows, paths and rejected values are row-level: a public snapshot holds none of them, so the
quality page shows this section only to whoever sees the full warehouse.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from charts.quality import rejects_bars
from dashboard import exports, strings
from dashboard.components import chart
from readmodel import format, quality
from readmodel.tables import files_table, rejects_summary_table, rejects_table, warnings_table

SHOWN = 500  # rejected rows on screen; the download holds them all


def render(ctx, as_of: str) -> None:
    st.header(strings.QUALITY_FILES_HEADER)
    files = quality.files(ctx.con, ctx.load_id)
    st.dataframe(files_table(files), hide_index=True, key="files_table")
    st.caption(strings.QUALITY_FILES_CAPTION)

    st.header(strings.QUALITY_REJECTS_HEADER)
    summary = quality.rejects_summary(ctx.con, ctx.load_id)
    if summary.empty:
        st.success(strings.QUALITY_NO_REJECTS, icon="✅")
    else:
        caption = strings.QUALITY_REJECTS_CAPTION.format(load_id=ctx.load_id, as_of=as_of)
        chart(rejects_bars(summary), caption, key="rejects_chart")
        st.dataframe(rejects_summary_table(summary), hide_index=True, key="rejects_summary")
        first = quality.rejects(ctx.con, ctx.load_id, limit=SHOWN)
        with st.expander(strings.QUALITY_REJECTS_LIST):
            st.dataframe(rejects_table(first), hide_index=True, key="rejects_table")
            st.caption(
                strings.QUALITY_REJECTS_LIST_CAPTION.format(
                    count=format.count(int(summary["rejects"].sum())),
                    shown=format.count(len(first)),
                )
            )
        st.download_button(
            strings.DOWNLOAD_REJECTS,
            data=exports.on_own_cursor(partial(exports.rejects_csv, load_id=ctx.load_id)),
            file_name=exports.file_name(
                strings.FILE_REJECTS, "csv", synthetic=ctx.synthetic, load_id=ctx.load_id
            ),
            mime=exports.CSV_MIME,
            icon=":material/download:",
            key="download_rejects",
        )

    st.header(strings.QUALITY_WARNINGS_HEADER)
    warnings = quality.warnings(ctx.con, ctx.load_id)
    if warnings.empty:
        st.success(strings.QUALITY_NO_WARNINGS, icon="✅")
    else:
        st.dataframe(warnings_table(warnings), hide_index=True, key="warnings_table")
