"""Gemeenten vergelijken: every municipality on one measure, with intervals and a funnel."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from dashboard import export_buttons, measures, strings
from dashboard.charts.compare import (
    NUMBER,
    PERCENT,
    dot_plot,
    funnel_plot,
    interval_text,
    with_labels,
)
from dashboard.components import chart, empty_selection, measure_picker
from dashboard.context import page_context
from dashboard.queries.compare import comparison_inputs
from etl import metrics, settings
from etl.reference import BIG_CITY

ctx = page_context()
st.title(strings.NAV_COMPARE)
st.write(strings.COMPARE_INTRO.format(selection=ctx.selection_text()))

left, middle, right = st.columns([2, 1, 1])
measure = measure_picker(left, "compare_measure")
city_apart = middle.toggle(
    strings.BIG_CITY_APART, help=strings.BIG_CITY_APART_HELP, key="compare_city_apart"
)
adjust = right.toggle(
    strings.OVERDISPERSION,
    help=strings.OVERDISPERSION_HELP,
    key="compare_overdispersion",
    disabled=not measure.funnel,
)

inputs = comparison_inputs(ctx.con, ctx.filters)
if inputs.empty:
    empty_selection()
    st.stop()
counts, dates, members = inputs.counts, inputs.dates, inputs.members
unit = PERCENT if measure.is_share else NUMBER

table = measures.compute(counts, dates, measure, ctx.as_of)
refs = measures.references(
    counts, dates, members, ctx.region_names, measure, ctx.as_of, strings.PROVINCE_NAME
)
province = refs.iloc[0]
table = table[table["cbs_code"].isin(inputs.shown)]
if ctx.filters.region:
    refs = refs[refs["code"].isin(["provincie", ctx.filters.region])]
else:
    refs = refs[refs["code"].isin(["provincie", "u16", "regio_amersfoort", "regio_foodvalley"])]
if city_apart:
    rest = counts[counts["cbs_code"] != BIG_CITY]
    without = measures.pooled(rest, dates[dates["cbs_code"] != BIG_CITY], measure, ctx.as_of)
    extra = pd.DataFrame(
        [{"code": "zonder_stad", "name": strings.PROVINCE_WITHOUT_CITY, **without}]
    )
    refs = pd.concat([refs, extra], ignore_index=True)
    city = table[table["cbs_code"] == BIG_CITY]
    table = table[table["cbs_code"] != BIG_CITY]
    if not city.empty:
        row = city.iloc[0]
        st.metric(strings.CITY_FIGURE, interval_text(row["value"], row["low"], row["high"], unit))

judged = with_labels(measures.judged(table, measure, province["value"]), unit)
colour_of = {
    code: next(
        (
            r
            for r in ("stad_utrecht", "u10", "u16", "regio_amersfoort", "regio_foodvalley")
            if r in set(members.loc[members["cbs_code"] == code, "region_code"])
        ),
        None,
    )
    for code in judged["cbs_code"]
}
chart(
    dot_plot(
        judged,
        refs,
        title=measure.label,
        unit=unit,
        colour_of=colour_of,
        region_names=ctx.region_names,
    ),
    strings.DOT_CAPTION.format(
        measure=measure.label, few=settings.small_numbers(), selection=ctx.selection_text()
    ),
    key="compare_dots",
)

if measure.funnel:
    points = metrics.funnel_points(
        judged.assign(
            obstacles=judged["n"],
            successes=counts.set_index("cbs_code")
            .loc[judged["cbs_code"], measure.column]
            .to_numpy(),
        ),
        "successes",
        "obstacles",
        p0=province["value"],
        adjust_overdispersion=adjust,
    ).assign(
        hover=judged["hover"].to_numpy(),
        small_numbers=judged["small_numbers"].to_numpy(),
        suppressed=judged["suppressed"].to_numpy(),
    )
    phi = float(points["phi"].iloc[0])
    limits = metrics.funnel_limits(
        province["value"], np.arange(1, max(judged["n"].max(), 10) + 1), phi=phi
    )
    st.write(metrics.describe_funnel(points))
    if adjust:
        st.caption(strings.FUNNEL_PHI.format(phi=f"{phi:.2f}".replace(".", ",")))
    chart(
        funnel_plot(
            points,
            limits,
            province["value"],
            title=strings.FUNNEL_TITLE.format(measure=measure.label),
            province=strings.PROVINCE_NAME,
        ),
        strings.FUNNEL_CAPTION.format(selection=ctx.selection_text()),
        key="compare_funnel",
    )

st.subheader(strings.TABLE_HEADER)
scale = 100 if unit == PERCENT else 1
shown = judged.assign(
    region=judged["cbs_code"].map(colour_of).map(ctx.region_names).fillna(""),
    value=judged["value"] * scale,
    low=judged["low"] * scale,
    high=judged["high"] * scale,
)[
    [
        "name",
        "region",
        "population",
        "n",
        "value",
        "low",
        "high",
        "comparison",
        "rank",
        "small_numbers",
    ]
]
number_format = "%.0f%%" if unit == PERCENT else "%.1f"
st.dataframe(
    shown.sort_values(["rank", "name"], na_position="last"),
    hide_index=True,
    width="stretch",
    column_config={
        "name": strings.COL_MUNICIPALITY,
        "region": strings.COL_REGION,
        "population": st.column_config.NumberColumn(strings.COL_POPULATION, format="localized"),
        "n": strings.COL_CASES,
        "value": st.column_config.NumberColumn(strings.COL_VALUE, format=number_format),
        "low": st.column_config.NumberColumn(strings.COL_LOW, format=number_format),
        "high": st.column_config.NumberColumn(strings.COL_HIGH, format=number_format),
        "comparison": strings.COL_VERDICT,
        "rank": st.column_config.NumberColumn(strings.COL_RANK, format="%d"),
        "small_numbers": strings.COL_FEW,
    },
)

export_buttons.render("vergelijking", ctx.filters.region or "u16")
