"""Gemeenteprofiel: one municipality against its regions and the province."""

from __future__ import annotations

import streamlit as st

from charts.profile import km_curves, status_bars
from dashboard import export_buttons, sidebar, strings
from dashboard.components import chart, top_charts, trend_chart
from dashboard.context import page_context
from etl import settings
from etl.metrics import few_cases
from etl.metrics.registry import FIRST_RESPONSE
from etl.vocabularies import STATUSES
from readmodel import format
from readmodel.overview import status_counts
from readmodel.profile import curves, key_figures
from readmodel.tables import key_figures_frame

ctx = page_context()
code = ctx.filters.municipality
if code is None:
    st.title(strings.NAV_PROFILE)
    st.info(strings.PROFILE_CHOOSE, icon="ℹ️")
    names = ctx.municipality_names
    st.selectbox(
        strings.PROFILE_PICK,
        [sidebar.ALL, *sorted(names, key=names.get)],
        format_func=lambda c: names.get(c, "—"),
        key="profile_pick",
        on_change=lambda: st.session_state.update(
            {sidebar.KEY_MUNICIPALITY: st.session_state["profile_pick"]}
        ),
    )
    st.stop()

name = ctx.municipality_names[code]
selection = ctx.selection_text()
data = ctx.inputs()
own = data.counts[data.counts["cbs_code"] == code].iloc[0]
regions = [ctx.region_names[r] for r in ctx.regions_of(code)]
st.title(strings.PROFILE_TITLE.format(name=name))
st.caption(
    strings.PROFILE_FACTS.format(
        population=format.count(own["population"]),
        regions=", ".join(regions) or strings.PROFILE_NO_REGION,
    )
)
st.write(strings.PROFILE_INTRO.format(selection=selection, area=ctx.area_reference))
if own["obstacles"] == 0:
    st.info(strings.PROFILE_NONE, icon="ℹ️")
    st.stop()
if few_cases(own["obstacles"], settings.small_numbers()):
    st.warning(strings.PROFILE_FEW.format(count=format.count(own["obstacles"])), icon="⚠️")

st.header(strings.PROFILE_TABLE)
st.dataframe(
    key_figures_frame(key_figures(data, code), name, ctx.area_short),
    hide_index=True,
    width="stretch",
)
st.caption(strings.PROFILE_TABLE_CAPTION.format(selection=selection, area=ctx.area_reference))

top_charts(
    ctx.con,
    ctx.filters,
    selection,
    (strings.PROFILE_CATEGORIES, strings.PROFILE_THEMES),
    ("profile_categories", "profile_themes"),
)

left, right = st.columns(2)
with left:
    chart(
        status_bars(
            status_counts(ctx.con, ctx.filters), STATUSES.labels(), title=strings.PROFILE_STATUS
        ),
        strings.PROFILE_STATUS_CAPTION.format(selection=selection),
        key="profile_status",
    )
with right:
    groups = {name: frozenset({code}), ctx.province_name: frozenset(ctx.municipality_names)}
    chart(
        km_curves(curves(data, FIRST_RESPONSE, groups), title=strings.PROFILE_KM),
        strings.PROFILE_KM_CAPTION.format(selection=selection),
        key="profile_km",
    )

trend_chart(ctx, ctx.filters, selection, "profile_trend")

export_buttons.render("gemeente", code)
