"""Gemeenten vergelijken: every municipality on one measure, with intervals and a funnel."""

from __future__ import annotations

import streamlit as st

from charts.compare import dot_plot, funnel_plot, with_labels
from dashboard import export_buttons, strings
from dashboard.components import (
    chart,
    empty_selection,
    measure_picker,
    number_columns,
    plain,
    unit,
)
from dashboard.context import page_context
from etl import settings
from readmodel import format
from readmodel.comparison import (
    FOCUS_ENDS,
    WITH_CASES,
    city_apart,
    compare,
    focus,
    shown_references,
)
from readmodel.funnel import funnel
from readmodel.tables import comparison_frame

ctx = page_context()
st.title(strings.NAV_COMPARE)
st.write(strings.COMPARE_INTRO.format(selection=ctx.selection_text()))

left, middle, right = st.columns([2, 1, 1])
metric = measure_picker(left, "compare_measure")
apart = bool(ctx.city_areas()) and middle.toggle(
    strings.BIG_CITY_APART.format(city=ctx.city_name()),
    help=strings.BIG_CITY_APART_HELP,
    key="compare_city_apart",
)
adjust = right.toggle(
    strings.OVERDISPERSION,
    help=strings.OVERDISPERSION_HELP,
    key="compare_overdispersion",
    disabled=not metric.funnel,
)

data = ctx.inputs()
comparison = compare(data, metric, ctx.filters.region)
if comparison.empty:
    empty_selection()
    st.stop()
if apart:
    comparison, cities = city_apart(data, comparison)
    for row in cities.itertuples():
        label = ctx.region_names.get(ctx.home_region(row.cbs_code), row.name)
        st.metric(plain(label), format.interval(row.value, row.low, row.high, unit(metric)))
references = shown_references(comparison, ctx, ctx.filters.region)
rows = with_labels(comparison.rows(), unit(metric))
shown_rows = with_labels(focus(comparison, ctx.filters.municipality), unit(metric))
if (shown_rows["focus"] == WITH_CASES).any():
    st.caption(
        strings.DOT_WITH_CASES.format(
            count=format.count(len(rows)), shown=format.count(len(shown_rows))
        )
    )
elif shown_rows["focus"].notna().any():
    chosen = ctx.municipality_names.get(ctx.filters.municipality)
    st.caption(
        strings.DOT_FOCUS.format(
            count=format.count(len(rows)),
            ends=FOCUS_ENDS,
            chosen=strings.DOT_FOCUS_CHOSEN.format(name=plain(chosen)) if chosen else "",
            funnel=strings.DOT_FOCUS_FUNNEL if metric.funnel else "",
        )
    )
chart(
    dot_plot(
        shown_rows,
        references,
        title=metric.label,
        unit=unit(metric),
        colour_of={code: ctx.home_region(code) for code in shown_rows["cbs_code"]},
        region_names=ctx.region_names,
    ),
    strings.DOT_CAPTION.format(
        measure=metric.label,
        few=settings.small_numbers(),
        selection=ctx.selection_text(),
        area=ctx.area_reference,
    ),
    key="compare_dots",
)

shown = funnel(data, comparison, adjust_overdispersion=adjust)
if shown is not None:
    st.write(plain(shown.description))
    if adjust:
        st.caption(strings.FUNNEL_PHI.format(phi=format.decimal(shown.phi, 2)))
    chart(
        funnel_plot(
            shown.points.merge(rows[["cbs_code", "hover"]], on="cbs_code"),
            shown.limits,
            shown.p0,
            title=strings.FUNNEL_TITLE.format(measure=metric.label),
            province=ctx.province_name,
        ),
        strings.FUNNEL_CAPTION.format(selection=ctx.selection_text()),
        key="compare_funnel",
    )

st.header(strings.TABLE_HEADER)
st.caption(strings.TABLE_ALL.format(count=format.count(len(rows))))
st.dataframe(
    comparison_frame(rows, ctx, unit(metric)),
    hide_index=True,
    width="stretch",
    column_config=number_columns(unit(metric)),
)

region = ctx.filters.region or next(iter(ctx.main_regions()), None)
if region:
    export_buttons.render("vergelijking", region)
