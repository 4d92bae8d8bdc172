"""Landing page: what the warehouse holds, with the synthetic-data banner when it applies."""

from __future__ import annotations

import streamlit as st

from dashboard import strings
from dashboard.connection import connect, warehouse_path
from dashboard.queries.loads import headline_counts, latest_load

st.title(strings.APP_TITLE)
con = connect()
if con is None:
    st.info(strings.NO_WAREHOUSE.format(path=warehouse_path()))
    st.stop()

load = latest_load(con)
if load is None:
    st.info(strings.NO_WAREHOUSE.format(path=warehouse_path()))
    st.stop()
if load["synthetic"]:
    st.warning(strings.SYNTHETIC_BANNER, icon="⚠️")

st.write(strings.LANDING_INTRO)
counts = headline_counts(con)
columns = st.columns(4)
for column, key, label, help_text in (
    (columns[0], "initiatives", strings.METRIC_INITIATIVES, strings.HELP_INITIATIVES),
    (columns[1], "obstacles", strings.METRIC_OBSTACLES, strings.HELP_OBSTACLES),
    (columns[2], "responses", strings.METRIC_RESPONSES, strings.HELP_RESPONSES),
    (columns[3], "municipalities", strings.METRIC_MUNICIPALITIES, strings.HELP_MUNICIPALITIES),
):
    column.metric(label, f"{int(counts[key]):,}".replace(",", "."), help=help_text)

st.caption(
    strings.LAST_LOAD.format(
        as_of=load["as_of"].strftime("%d-%m-%Y"),
        load_id=load["load_id"],
        finished_at=load["finished_at"].strftime("%d-%m-%Y %H:%M"),
        rejected=load["rows_rejected"],
    )
)
