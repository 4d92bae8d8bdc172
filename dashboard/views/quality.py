"""Data en kwaliteit: the latest load, rejected rows and why, freshness, definitions."""

from __future__ import annotations

from datetime import date
from functools import partial

import streamlit as st

from dashboard import exports, strings
from dashboard.charts.quality import rejects_bars
from dashboard.components import chart
from dashboard.context import page_context
from dashboard.describe import count_text, dutch_date
from dashboard.queries import quality
from dashboard.tables import (
    definitions_table,
    files_table,
    loads_table,
    rejects_summary_table,
    rejects_table,
    warnings_table,
)

WHEN = st.column_config.DatetimeColumn(format="DD-MM-YYYY HH:mm")
DAY = st.column_config.DateColumn(format="DD-MM-YYYY")

ctx = page_context()
st.title(strings.NAV_QUALITY)
st.write(strings.QUALITY_INTRO)

history = quality.loads(ctx.con)
load = history.iloc[0]
load_id = int(load["load_id"])
as_of = dutch_date(load["as_of"])

st.subheader(strings.QUALITY_LOAD_HEADER)
columns = st.columns(5)
for column, label, value, help_text in (
    (columns[0], strings.METRIC_AS_OF, as_of, strings.HELP_AS_OF),
    (columns[1], strings.METRIC_LOAD, str(load_id), None),
    (columns[2], strings.METRIC_FILES, count_text(load["files"]), None),
    (columns[3], strings.METRIC_LOADED, count_text(load["rows_loaded"]), strings.HELP_LOADED),
    (columns[4], strings.METRIC_REJECTED, count_text(load["rows_rejected"]), strings.HELP_REJECTED),
):
    column.metric(label, value, help=help_text)
st.write(
    strings.QUALITY_LOAD_TEXT.format(
        load_id=load_id,
        started=load["started_at"].strftime("%d-%m-%Y %H:%M"),
        finished=load["finished_at"].strftime("%d-%m-%Y %H:%M"),
        status=strings.LOAD_STATUS.get(load["status"], load["status"]),
        province=load["province"],
    )
    + (f" **{strings.QUALITY_SYNTHETIC}**" if load["synthetic"] else "")
)

st.subheader(strings.QUALITY_FRESHNESS_HEADER)
fresh = quality.freshness(ctx.con, load["as_of"])
columns = st.columns(3)
for column, label, days, help_text in (
    (
        columns[0],
        strings.METRIC_LOAD_AGE,
        quality.days_since(load["finished_at"], date.today()),
        strings.HELP_LOAD_AGE,
    ),
    (columns[1], strings.METRIC_REPORT_AGE, fresh["report_age"], strings.HELP_REPORT_AGE),
    (columns[2], strings.METRIC_RESPONSE_AGE, fresh["response_age"], strings.HELP_RESPONSE_AGE),
):
    column.metric(label, count_text(days), help=help_text)
st.caption(
    strings.FRESHNESS_TEXT.format(
        registered=dutch_date(fresh["newest_registration"]),
        reported=dutch_date(fresh["newest_report"]),
        responded=dutch_date(fresh["newest_response"]),
        as_of=as_of,
    )
)

st.subheader(strings.QUALITY_FILES_HEADER)
st.dataframe(
    files_table(quality.files(ctx.con, load_id)), hide_index=True, placeholder="", key="files_table"
)
st.caption(strings.QUALITY_FILES_CAPTION)

st.subheader(strings.QUALITY_REJECTS_HEADER)
summary = quality.rejects_summary(ctx.con, load_id)
if summary.empty:
    st.success(strings.QUALITY_NO_REJECTS, icon="✅")
else:
    chart(
        rejects_bars(summary),
        strings.QUALITY_REJECTS_CAPTION.format(load_id=load_id, as_of=as_of),
        key="rejects_chart",
    )
    st.dataframe(
        rejects_summary_table(summary), hide_index=True, placeholder="", key="rejects_summary"
    )
    all_rejects = quality.rejects(ctx.con, load_id)
    with st.expander(strings.QUALITY_REJECTS_LIST):
        st.dataframe(
            rejects_table(all_rejects), hide_index=True, placeholder="", key="rejects_table"
        )
        st.caption(strings.QUALITY_REJECTS_LIST_CAPTION.format(count=count_text(len(all_rejects))))
    st.download_button(
        strings.DOWNLOAD_REJECTS,
        data=exports.on_own_cursor(partial(exports.rejects_csv, load_id=load_id)),
        file_name=exports.file_name(
            strings.FILE_REJECTS, "csv", synthetic=ctx.synthetic, load_id=load_id
        ),
        mime=exports.CSV_MIME,
        icon=":material/download:",
        key="download_rejects",
    )

st.subheader(strings.QUALITY_WARNINGS_HEADER)
warnings = quality.warnings(ctx.con, load_id)
if warnings.empty:
    st.success(strings.QUALITY_NO_WARNINGS, icon="✅")
else:
    st.dataframe(warnings_table(warnings), hide_index=True, placeholder="", key="warnings_table")

st.subheader(strings.QUALITY_HISTORY_HEADER)
st.dataframe(
    loads_table(history),
    hide_index=True,
    placeholder="",
    column_config={
        strings.METRIC_AS_OF: DAY,
        strings.COL_STARTED: WHEN,
        strings.COL_FINISHED: WHEN,
    },
    key="loads_table",
)
st.caption(strings.QUALITY_HISTORY_CAPTION)

st.subheader(strings.QUALITY_DEFINITIONS_HEADER)
# Static tables: the definitions are read, not sorted, and need their whole text.
st.table(definitions_table(quality.definitions_frame()).set_index(strings.COL_TERM))
st.caption(strings.QUALITY_DEFINITIONS_CAPTION)
terms = quality.page_terms()
st.table(
    terms.set_index("term")
    .rename_axis(strings.COL_TERM)
    .rename(columns={"meaning": strings.COL_MEANING})
)
st.caption(strings.QUALITY_TERMS_CAPTION)
