"""Knelpunten verkennen: the selected obstacles, searchable, with their response history."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import strings
from dashboard.components import empty_selection, plain, solutions_link
from dashboard.context import page_context
from dashboard.exports import obstacle_downloads
from readmodel import format
from readmodel import strings as labels
from readmodel.obstacles import count_obstacles, history, obstacles
from readmodel.tables import history_table, obstacle_table

SHOWN = 500  # rows on screen; the downloads hold every match
DATE = st.column_config.DateColumn(format="DD-MM-YYYY")

ctx = page_context()
selection = ctx.selection_text()
st.title(strings.NAV_OBSTACLES)
st.write(strings.OBSTACLES_INTRO.format(selection=selection))

search = st.text_input(
    strings.OBSTACLES_SEARCH,
    placeholder=strings.OBSTACLES_SEARCH_PLACEHOLDER,
    key="obstacle_search",
).strip()
total = count_obstacles(ctx.con, ctx.filters, search)
if total == 0:
    if search:
        st.info(strings.OBSTACLES_NONE_FOUND.format(search=plain(search)), icon="ℹ️")
    else:
        empty_selection()
    st.stop()

frame = obstacles(ctx.con, ctx.filters, search, limit=SHOWN)
found = strings.OBSTACLES_FOUND_LIMITED if total > len(frame) else strings.OBSTACLES_FOUND
found = strings.OBSTACLES_FOUND_ONE if total == 1 else found
st.markdown(found.format(count=format.count(total), shown=format.count(len(frame))))
obstacle_downloads(ctx, search, total)

table = obstacle_table(frame)
st.dataframe(
    table,
    hide_index=True,
    placeholder="–",
    column_config={
        labels.COL_REPORTED: DATE,
        labels.COL_FIRST_RESPONSE: DATE,
        labels.COL_RESOLVED: DATE,
        labels.COL_DAYS_TO_RESPONSE: st.column_config.TextColumn(help=labels.HELP_DAYS_TO_RESPONSE),
        labels.COL_DESCRIPTION: st.column_config.TextColumn(width="large"),
    },
    key="obstacle_table",
)
st.caption(strings.OBSTACLES_TABLE_CAPTION.format(as_of=format.day(ctx.as_of), selection=selection))

st.subheader(strings.HISTORY_HEADER)
choices = pd.Series(
    [
        f"{row.obstacle_id} · {row.municipality or ''} · {format.day(row.reported_at)}"
        for row in frame.itertuples()
    ],
    index=frame["obstacle_id"],
)
picked = st.selectbox(
    strings.HISTORY_PICK, list(choices.index), format_func=choices.get, key="obstacle_pick"
)
row = table[table[labels.COL_ID] == picked].iloc[0]
# Ids and names come from exports: shown as text, never as Markdown.
st.text(
    strings.HISTORY_SUMMARY.format(
        obstacle_id=picked,
        municipality=row[labels.COL_MUNICIPALITY],
        reported=format.day(row[labels.COL_REPORTED]),
        category=row[labels.COL_CATEGORY],
        theme=row[labels.COL_THEME],
        status=row[labels.COL_STATUS],
    )
)
if isinstance(row[labels.COL_DESCRIPTION], str):
    st.text(row[labels.COL_DESCRIPTION])
kind = frame.set_index("obstacle_id").loc[picked]
solutions_link(ctx.filters, kind["theme"], kind["category"])
responses = history(ctx.con, picked)
if responses.empty:
    st.info(
        strings.HISTORY_NONE.format(
            reported=format.day(row[labels.COL_REPORTED]), as_of=format.day(ctx.as_of)
        ),
        icon="ℹ️",
    )
else:
    st.dataframe(
        history_table(responses),
        hide_index=True,
        placeholder="–",
        column_config={labels.COL_RESPONSE_DATE: DATE},
        key="history_table",
    )
    st.caption(strings.HISTORY_CAPTION.format(as_of=format.day(ctx.as_of)))
