"""Data en kwaliteit: the latest load, rejected rows and why, freshness, definitions."""

from __future__ import annotations

from datetime import date

import streamlit as st

from dashboard import strings
from dashboard.access import members_only
from dashboard.components import plain
from dashboard.context import page_context
from dashboard.sections import load_files
from readmodel import format, quality
from readmodel import strings as labels
from readmodel.tables import definitions_table, loads_table, networks_table

ctx = page_context()
st.title(strings.NAV_QUALITY)
st.write(strings.QUALITY_INTRO)
history = quality.loads(ctx.con)
load = history.iloc[0]
as_of = format.day(load["as_of"])
fresh = quality.freshness(ctx.con)

st.header(strings.QUALITY_LOAD_HEADER)
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

networks = quality.networks(ctx.con)
if networks is not None:
    st.header(strings.QUALITY_NETWORKS_HEADER)
    st.dataframe(networks_table(networks), hide_index=True, key="networks_table")
    st.caption(strings.QUALITY_NETWORKS_CAPTION)

if ctx.rows:
    load_files.render(ctx, as_of)
else:  # the public snapshot: provenance and counts, no files, paths or rejected values
    members_only(ctx.visitor, strings.MEMBERS_ONLY_REJECTS)

st.header(strings.QUALITY_HISTORY_HEADER)
st.dataframe(loads_table(history), hide_index=True, key="loads_table")
st.caption(strings.QUALITY_HISTORY_CAPTION)

st.header(strings.QUALITY_DEFINITIONS_HEADER)
# Static tables: the definitions are read, not sorted, and need their whole text.
st.table(definitions_table(quality.definitions_frame()).set_index(labels.COL_TERM))
st.caption(strings.QUALITY_DEFINITIONS_CAPTION)
terms = quality.page_terms().rename(
    columns={"term": labels.COL_TERM, "meaning": labels.COL_MEANING}
)
st.table(terms.set_index(labels.COL_TERM))
st.caption(strings.QUALITY_TERMS_CAPTION)
