"""Overzicht: headline figures for the selection, trend per quarter, top categories/themes."""

from __future__ import annotations

import streamlit as st

from dashboard import strings
from dashboard.components import (
    empty_selection,
    headline_metric,
    signals_link,
    top_charts,
    trend_chart,
)
from dashboard.context import page_context
from readmodel import format
from readmodel.describe import period_text
from readmodel.overview import headline, previous_period

ctx = page_context()
selection = ctx.selection_text()
st.title(strings.NAV_OVERVIEW)
st.write(strings.OVERVIEW_INTRO.format(selection=selection))
signals_link(ctx.con, ctx.filters)

now = headline(ctx.con, ctx.filters)
previous_filters = previous_period(ctx.filters, ctx.first_day, ctx.as_of)
before = headline(ctx.con, previous_filters)
# Before the data begin there is nothing to compare with: no deltas then.
has_before = before.obstacles > 0
columns = st.columns(5)
with columns[0]:
    headline_metric(strings.METRIC_INITIATIVES, now.initiatives, help=strings.HELP_INITIATIVES)
with columns[1]:
    headline_metric(
        strings.METRIC_OBSTACLES,
        now.obstacles,
        help=strings.HELP_OBSTACLES,
        previous=before.obstacles if has_before else None,
    )
for column, key, label, help_text in (
    (columns[2], "answered", strings.METRIC_ANSWERED, strings.HELP_ANSWERED),
    (columns[3], "resolved", strings.METRIC_RESOLVED, strings.HELP_RESOLVED),
    (columns[4], "stale", strings.METRIC_STALE, strings.HELP_STALE),
):
    with column:
        headline_metric(
            label,
            now.get(key),
            total=now.obstacles,
            help=help_text,
            previous=before.get(key) if has_before else None,
            previous_total=before.obstacles,
        )

if now.obstacles == 0:
    empty_selection()
    st.stop()

trend_chart(ctx, ctx.filters, selection, "trend")
top_charts(
    ctx.con,
    ctx.filters,
    selection,
    (strings.TOP_CATEGORIES, strings.TOP_THEMES),
    ("top_categories", "top_themes"),
)

st.header(strings.CHANGE_HEADER)
st.write(
    strings.NO_PREVIOUS
    if not has_before
    else strings.CHANGE_TEXT.format(
        previous=period_text(previous_filters, ctx.first_day, ctx.as_of),
        obstacles=format.count(now.obstacles),
        obstacles_before=format.count(before.obstacles),
        resolved=format.count(now.resolved),
        resolved_before=format.count(before.resolved),
    )
)
