"""Gemeenteprofiel: one municipality against its regions and the province."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import export_buttons, measures, sidebar, strings
from dashboard.charts.compare import NUMBER, PERCENT, interval_text
from dashboard.charts.overview import quarter_trend, ranked_bars
from dashboard.charts.profile import km_curves, status_bars
from dashboard.components import chart
from dashboard.context import page_context
from dashboard.describe import count_text
from dashboard.queries.compare import comparison_inputs
from dashboard.queries.overview import per_quarter, top
from dashboard.queries.profile import status_counts
from dashboard.small_numbers import few_cases
from etl import metrics
from etl.vocabularies import CATEGORIES, STATUSES, THEMES

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
inputs = comparison_inputs(ctx.con, ctx.filters.with_(region=None))
counts, dates, members = inputs.counts, inputs.dates, inputs.members
own = counts[counts["cbs_code"] == code]
own_regions = list(members.loc[members["cbs_code"] == code, "region_code"])

st.title(strings.PROFILE_TITLE.format(name=name))
st.caption(
    strings.PROFILE_FACTS.format(
        population=count_text(own["population"].iloc[0]),
        regions=", ".join(ctx.region_names[r] for r in own_regions) or strings.PROFILE_NO_REGION,
    )
)
st.write(strings.PROFILE_INTRO.format(selection=selection))
obstacles = int(own["obstacles"].iloc[0])
if obstacles == 0:
    st.info(strings.PROFILE_NONE, icon="ℹ️")
    st.stop()
if few_cases(obstacles):
    st.warning(strings.PROFILE_FEW.format(count=obstacles), icon="⚠️")

# Key figures: the municipality's value and interval, its regions and the province.
rows = []
for key in measures.PROFILE_KEYS:
    measure = measures.BY_KEY[key]
    unit = PERCENT if measure.is_share else NUMBER
    mine = measures.compute(own, dates[dates["cbs_code"] == code], measure, ctx.as_of)
    mine = measures.judged(mine, measure, float("nan")).iloc[0]
    refs = measures.references(
        counts, dates, members, ctx.region_names, measure, ctx.as_of, strings.PROVINCE_NAME
    ).set_index("code")
    row = {
        strings.PROFILE_COL_MEASURE: measure.label,
        strings.PROFILE_COL_OWN: interval_text(
            mine["value"], mine["low"], mine["high"], unit, compact=True
        ),
    }
    for ref_code in ("provincie", *own_regions):
        ref = refs.loc[ref_code]
        verdict = metrics.compare_to_reference([mine["low"]], [mine["high"]], [ref["value"]])[0]
        label = (
            strings.PROFILE_COL_VS_PROVINCE
            if ref_code == "provincie"
            else strings.PROFILE_COL_VS_REGION.format(region=ref["name"])
        )
        row[ref["name"]] = interval_text(ref["value"], ref["low"], ref["high"], unit, compact=True)
        row[label] = verdict or "–"
    rows.append(row)
st.subheader(strings.PROFILE_TABLE)
st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
st.caption(strings.PROFILE_TABLE_CAPTION.format(selection=selection))

own_filters = ctx.filters
left, right = st.columns(2)
with left:
    chart(
        ranked_bars(
            top(ctx.con, own_filters, "category"), CATEGORIES.labels(), strings.PROFILE_CATEGORIES
        ),
        strings.TOP_CAPTION.format(what="soort", selection=selection),
        key="profile_categories",
    )
with right:
    chart(
        ranked_bars(top(ctx.con, own_filters, "theme"), THEMES.labels(), strings.PROFILE_THEMES),
        strings.TOP_CAPTION.format(what="thema", selection=selection),
        key="profile_themes",
    )

left, right = st.columns(2)
with left:
    chart(
        status_bars(
            status_counts(ctx.con, own_filters), STATUSES.labels(), title=strings.PROFILE_STATUS
        ),
        strings.PROFILE_STATUS_CAPTION.format(selection=selection),
        key="profile_status",
    )
with right:

    def curve(frame: pd.DataFrame) -> pd.DataFrame:
        events = metrics.time_to_event(frame["reported_at"], frame["first_response_at"], ctx.as_of)
        return metrics.km_curve(events["duration"], events["observed"])

    chart(
        km_curves(
            {name: curve(dates[dates["cbs_code"] == code]), strings.PROVINCE_NAME: curve(dates)},
            title=strings.PROFILE_KM,
        ),
        strings.PROFILE_KM_CAPTION.format(selection=selection),
        key="profile_km",
    )

chart(
    quarter_trend(per_quarter(ctx.con, own_filters)),
    strings.PROFILE_TREND_CAPTION.format(selection=selection),
    key="profile_trend",
)

export_buttons.render("gemeente", code)
