"""Sociale agenda: obstacles that recur across municipalities, ranked, with who must act."""

from __future__ import annotations

from functools import partial

import streamlit as st

from dashboard import export_buttons, strings
from dashboard.charts.agenda import TOP, agenda_bars
from dashboard.charts.theme import ACCENT, PRIMARY
from dashboard.components import chart, empty_selection
from dashboard.context import page_context
from dashboard.describe import count_text, dutch_date
from dashboard.queries.agenda import GROUPINGS, RECURRING_MIN, agenda, trend_possible
from dashboard.tables import agenda_table
from etl import settings

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
title = strings.AGENDA_CHART_TITLE
if recurring.empty:
    st.info(strings.AGENDA_NONE_RECURRING, icon="ℹ️")
    shown, title = items, strings.AGENDA_CHART_TITLE_ALL
else:
    st.markdown(
        strings.AGENDA_SUMMARY.format(
            recurring=count_text(len(recurring)),
            obstacles=count_text(recurring["obstacles"].sum()),
            total=count_text(items["obstacles"].sum()),
            single=count_text(len(items) - len(recurring)),
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

st.subheader(strings.AGENDA_TABLE_HEADER)
number = st.column_config.NumberColumn
percent = partial(st.column_config.ProgressColumn, min_value=0, max_value=100, format="%d%%")
st.dataframe(
    agenda_table(shown),
    hide_index=True,
    placeholder="–",
    column_config={
        strings.COL_AGENDA_RANK: number(width="small"),
        strings.COL_MUNICIPALITIES: number(help=strings.HELP_AGENDA_MUNICIPALITIES),
        strings.COL_INITIATIVES: number(help=strings.HELP_AGENDA_INITIATIVES),
        strings.COL_OBSTACLES: number(),
        strings.COL_UNRESOLVED: number(help=strings.HELP_AGENDA_UNRESOLVED),
        strings.COL_UNRESOLVED_SHARE: percent(help=strings.HELP_AGENDA_UNRESOLVED, color=PRIMARY),
        strings.COL_SEVERE_SHARE: percent(help=strings.HELP_AGENDA_SEVERE, color=ACCENT),
        strings.COL_TREND: st.column_config.TextColumn(
            help=strings.HELP_AGENDA_TREND.format(minimum=settings.small_numbers())
        ),
        strings.COL_LEVEL: st.column_config.TextColumn(help=strings.HELP_AGENDA_LEVEL),
    },
    key="agenda_table",
)
trend_note = (
    strings.AGENDA_TREND_NOTE.format(end=dutch_date(ctx.filters.end or ctx.as_of))
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

export_buttons.render("agenda")
