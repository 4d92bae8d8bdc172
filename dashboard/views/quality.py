"""Data en kwaliteit: the latest load, rejected rows and why, freshness, definitions."""

from __future__ import annotations

from datetime import date
from functools import partial

import streamlit as st

from charts.quality import rejects_bars
from dashboard import exports, strings
from dashboard.components import chart, plain
from dashboard.context import page_context
from readmodel import format, quality
from readmodel import strings as labels
from readmodel.tables import (
    definitions_table,
    files_table,
    loads_table,
    rejects_summary_table,
    rejects_table,
    warnings_table,
)

SHOWN = 500
ctx = page_context()
st.title(strings.NAV_QUALITY)
st.write(strings.QUALITY_INTRO)
history = quality.loads(ctx.con)
load = history.iloc[0]
as_of = format.day(load["as_of"])
fresh = quality.freshness(ctx.con)

st.subheader(strings.QUALITY_LOAD_HEADER)
for column, (label, value, help_text) in zip(
    st.columns(8),
    (
        (labels.METRIC_AS_OF, as_of, strings.HELP_AS_OF),
        (labels.METRIC_LOAD, str(ctx.load_id), None),
        (labels.METRIC_FILES, format.count(load["files"]), None),
        (labels.METRIC_LOADED, format.count(load["rows_loaded"]), strings.HELP_LOADED),
        (labels.METRIC_REJECTED, format.count(load["rows_rejected"]), strings.HELP_REJECTED),
        (
            strings.METRIC_LOAD_AGE,
            format.count(quality.days_since(load["finished_at"], date.today())),
            strings.HELP_LOAD_AGE,
        ),
        (strings.METRIC_REPORT_AGE, format.count(fresh["report_age"]), strings.HELP_REPORT_AGE),
        (
            strings.METRIC_RESPONSE_AGE,
            format.count(fresh["response_age"]),
            strings.HELP_RESPONSE_AGE,
        ),
    ),
    strict=True,
):
    column.metric(label, value, help=help_text)
st.write(
    strings.QUALITY_LOAD_TEXT.format(
        load_id=ctx.load_id,
        started=format.moment(load["started_at"]),
        finished=format.moment(load["finished_at"]),
        status=labels.LOAD_STATUS.get(load["status"], load["status"]),
        province=plain(load["province"]),
    )
    + (f" **{strings.QUALITY_SYNTHETIC}**" if load["synthetic"] else "")
)
st.caption(
    strings.FRESHNESS_TEXT.format(
        registered=format.day(fresh["newest_registration"]),
        reported=format.day(fresh["newest_report"]),
        responded=format.day(fresh["newest_response"]),
        as_of=as_of,
    )
)

st.subheader(strings.QUALITY_FILES_HEADER)
st.dataframe(files_table(quality.files(ctx.con, ctx.load_id)), hide_index=True, key="files_table")
st.caption(strings.QUALITY_FILES_CAPTION)

st.subheader(strings.QUALITY_REJECTS_HEADER)
summary = quality.rejects_summary(ctx.con, ctx.load_id)
if summary.empty:
    st.success(strings.QUALITY_NO_REJECTS, icon="✅")
else:
    caption = strings.QUALITY_REJECTS_CAPTION.format(load_id=ctx.load_id, as_of=as_of)
    chart(rejects_bars(summary), caption, key="rejects_chart")
    st.dataframe(rejects_summary_table(summary), hide_index=True, key="rejects_summary")
    # The first rows on screen, every row in the download: the page stays light however many.
    first = quality.rejects(ctx.con, ctx.load_id, limit=SHOWN)
    with st.expander(strings.QUALITY_REJECTS_LIST):
        st.dataframe(rejects_table(first), hide_index=True, key="rejects_table")
        total = int(summary["rejects"].sum())
        st.caption(
            strings.QUALITY_REJECTS_LIST_CAPTION.format(
                count=format.count(total), shown=format.count(len(first))
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

st.subheader(strings.QUALITY_WARNINGS_HEADER)
warnings = quality.warnings(ctx.con, ctx.load_id)
if warnings.empty:
    st.success(strings.QUALITY_NO_WARNINGS, icon="✅")
else:
    st.dataframe(warnings_table(warnings), hide_index=True, key="warnings_table")

st.subheader(strings.QUALITY_HISTORY_HEADER)
st.dataframe(loads_table(history), hide_index=True, key="loads_table")
st.caption(strings.QUALITY_HISTORY_CAPTION)

st.subheader(strings.QUALITY_DEFINITIONS_HEADER)
# Static tables: the definitions are read, not sorted, and need their whole text.
st.table(definitions_table(quality.definitions_frame()).set_index(labels.COL_TERM))
st.caption(strings.QUALITY_DEFINITIONS_CAPTION)
terms = quality.page_terms().rename(
    columns={"term": labels.COL_TERM, "meaning": labels.COL_MEANING}
)
st.table(terms.set_index(labels.COL_TERM))
st.caption(strings.QUALITY_TERMS_CAPTION)
