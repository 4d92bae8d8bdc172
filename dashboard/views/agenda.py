"""Sociale agenda: obstacles that recur across municipalities, ranked, with who must act."""

from __future__ import annotations

from functools import partial

import streamlit as st

from charts import strings as chart_strings
from charts.agenda import TOP, agenda_bars
from charts.theme import ACCENT, PRIMARY
from dashboard import export_buttons, strings
from dashboard.components import chart, empty_selection, solutions_picker
from dashboard.context import page_context
from etl import settings
from readmodel import format
from readmodel import strings as labels
from readmodel.agenda import GROUPINGS, RECURRING_MIN, agenda, trend_possible
from readmodel.tables import agenda_table

ctx = page_context()
selection = ctx.selection_text()
st.title(strings.NAV_AGENDA)
st.write(strings.AGENDA_INTRO.format(selection=selection))

grouping = st.segmented_control(
    strings.AGENDA_GROUPING,
    list(GROUPINGS),
    format_func={"pair": strings.AGENDA_BY_PAIR, "category": strings.AGENDA_BY_CATEGORY}.get,
    default="pair",
    required=True,
    key="agenda_grouping",
)
items = agenda(
    ctx.con, ctx.filters, first_day=ctx.first_day, as_of=ctx.as_of, grouping=grouping or "pair"
)
if items.empty:
    empty_selection()
    st.stop()

recurring = items[items["recurring"]]
title = chart_strings.AGENDA_CHART_TITLE
if recurring.empty:
    st.info(strings.AGENDA_NONE_RECURRING, icon="ℹ️")
    shown, title = items, chart_strings.AGENDA_CHART_TITLE_ALL
else:
    st.markdown(
        strings.AGENDA_SUMMARY.format(
            recurring=format.count(len(recurring)),
            obstacles=format.count(recurring["obstacles"].sum()),
            total=format.count(items["obstacles"].sum()),
            single=format.count(len(items) - len(recurring)),
        )
        + " "
        + strings.AGENDA_RECURRING_RULE.format(minimum=RECURRING_MIN)
    )
    shown = recurring

chart(
    agenda_bars(shown, title=title),
    strings.AGENDA_CHART_CAPTION.format(count=min(TOP, len(shown)), selection=selection),
    key="agenda_chart",
)

st.header(strings.AGENDA_TABLE_HEADER)
number = st.column_config.NumberColumn
percent = partial(st.column_config.ProgressColumn, min_value=0, max_value=100, format="%d%%")
st.dataframe(
    agenda_table(shown),
    hide_index=True,
    placeholder="–",
    column_config={
        labels.COL_AGENDA_RANK: number(width="small"),
        labels.COL_MUNICIPALITIES: number(help=labels.HELP_AGENDA_MUNICIPALITIES),
        labels.COL_INITIATIVES: number(help=labels.HELP_AGENDA_INITIATIVES),
        labels.COL_OBSTACLES: number(),
        labels.COL_UNRESOLVED: number(help=labels.HELP_AGENDA_UNRESOLVED),
        labels.COL_UNRESOLVED_SHARE: percent(help=labels.HELP_AGENDA_UNRESOLVED, color=PRIMARY),
        labels.COL_SEVERE_SHARE: percent(help=labels.HELP_AGENDA_SEVERE, color=ACCENT),
        labels.COL_TREND: st.column_config.TextColumn(
            help=labels.HELP_AGENDA_TREND.format(minimum=settings.small_numbers())
        ),
        labels.COL_LEVEL: st.column_config.TextColumn(help=labels.HELP_AGENDA_LEVEL),
    },
    key="agenda_table",
)
trend_note = (
    strings.AGENDA_TREND_NOTE.format(end=format.day(ctx.filters.end or ctx.as_of))
    if trend_possible(ctx.filters, first_day=ctx.first_day, as_of=ctx.as_of)
    else strings.AGENDA_TREND_SHORT_NOTE
)
st.caption(
    strings.AGENDA_TABLE_CAPTION.format(
        selection=selection, suppress_below=settings.suppress_below()
    )
    + " "
    + trend_note
)
solutions_picker(shown, ctx.filters, "agenda_solutions")

export_buttons.render("agenda")
