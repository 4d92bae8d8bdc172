"""Knelpunten verkennen: the selected obstacles, searchable, with their response history."""

from __future__ import annotations

import streamlit as st

from dashboard import strings
from dashboard.access import members_only
from dashboard.components import DATE, empty_selection, plain
from dashboard.context import page_context
from dashboard.exports import obstacle_downloads
from dashboard.sections import obstacle_history
from readmodel import format
from readmodel import strings as labels
from readmodel.obstacles import count_obstacles, obstacles
from readmodel.tables import obstacle_table

SHOWN = 500  # rows on screen; the downloads hold every match

ctx = page_context()
selection = ctx.selection_text()
st.title(strings.NAV_OBSTACLES)
if not ctx.rows:  # a public snapshot holds no obstacle, response or description
    members_only(ctx.visitor, strings.MEMBERS_ONLY_OBSTACLES)
    st.stop()
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

obstacle_history.render(ctx, frame, table)
