"""Overzicht: headline figures for the selection, trend per quarter, top categories/themes."""

from __future__ import annotations

import streamlit as st

from dashboard import strings
from dashboard.charts.overview import quarter_trend, ranked_bars
from dashboard.components import chart, empty_selection, headline_metric
from dashboard.context import page_context
from dashboard.describe import period_text
from dashboard.queries.overview import headline, per_quarter, top
from dashboard.queries.selection import previous_period
from etl.vocabularies import CATEGORIES, THEMES

ctx = page_context()
selection = ctx.selection_text()
st.title(strings.NAV_OVERVIEW)
st.write(strings.OVERVIEW_INTRO.format(selection=selection))

now = headline(ctx.con, ctx.filters, ctx.as_of)
previous_filters = previous_period(ctx.filters, ctx.first_day, ctx.as_of)
before = headline(ctx.con, previous_filters, ctx.as_of)
# Before the data begin there is nothing to compare with: no deltas then.
has_before = before["obstacles"] > 0
columns = st.columns(5)
with columns[0]:
    headline_metric(strings.METRIC_INITIATIVES, now["initiatives"], help=strings.HELP_INITIATIVES)
with columns[1]:
    headline_metric(
        strings.METRIC_OBSTACLES,
        now["obstacles"],
        help=strings.HELP_OBSTACLES,
        previous=before["obstacles"] if has_before else None,
    )
for column, key, label, help_text in (
    (columns[2], "answered", strings.METRIC_ANSWERED, strings.HELP_ANSWERED),
    (columns[3], "resolved", strings.METRIC_RESOLVED, strings.HELP_RESOLVED),
    (columns[4], "stale", strings.METRIC_STALE, strings.HELP_STALE),
):
    with column:
        headline_metric(
            label,
            now[key],
            total=now["obstacles"],
            help=help_text,
            previous=before[key] if has_before else None,
            previous_total=before["obstacles"],
        )

if now["obstacles"] == 0:
    empty_selection()
    st.stop()

chart(
    quarter_trend(per_quarter(ctx.con, ctx.filters)),
    strings.TREND_CAPTION.format(selection=selection),
    key="trend",
)
left, right = st.columns(2)
with left:
    chart(
        ranked_bars(
            top(ctx.con, ctx.filters, "category"), CATEGORIES.labels(), strings.TOP_CATEGORIES
        ),
        strings.TOP_CAPTION.format(what="soort", selection=selection),
        key="top_categories",
    )
with right:
    chart(
        ranked_bars(top(ctx.con, ctx.filters, "theme"), THEMES.labels(), strings.TOP_THEMES),
        strings.TOP_CAPTION.format(what="thema", selection=selection),
        key="top_themes",
    )

st.subheader(strings.CHANGE_HEADER)
st.write(
    strings.NO_PREVIOUS
    if not has_before
    else strings.CHANGE_TEXT.format(
        previous=period_text(previous_filters, ctx.first_day, ctx.as_of),
        obstacles=now["obstacles"],
        obstacles_before=before["obstacles"],
        resolved=now["resolved"],
        resolved_before=before["resolved"],
    )
)
