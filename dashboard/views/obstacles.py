"""Knelpunten verkennen: the selected obstacles, searchable, with their response history."""

from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st

from dashboard import exports, strings
from dashboard.components import empty_selection
from dashboard.context import page_context
from dashboard.describe import count_text, dutch_date
from dashboard.queries.obstacles import count_obstacles, history, obstacles
from dashboard.tables import history_table, obstacle_table

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
        st.info(strings.OBSTACLES_NONE_FOUND.format(search=search), icon="ℹ️")
    else:
        empty_selection()
    st.stop()

frame = obstacles(ctx.con, ctx.filters, search, limit=SHOWN)
found = strings.OBSTACLES_FOUND_LIMITED if total > len(frame) else strings.OBSTACLES_FOUND
found = strings.OBSTACLES_FOUND_ONE if total == 1 else found
st.markdown(found.format(count=count_text(total), shown=count_text(len(frame))))

name = partial(exports.file_name, strings.FILE_OBSTACLES, synthetic=ctx.synthetic, as_of=ctx.as_of)
help_text = strings.DOWNLOAD_HELP.format(count=count_text(total))
left, right, _ = st.columns([1, 1, 3])
with left:
    st.download_button(
        strings.DOWNLOAD_CSV,
        data=exports.on_own_cursor(
            partial(exports.obstacles_csv, filters=ctx.filters, search=search)
        ),
        file_name=name("csv"),
        mime=exports.CSV_MIME,
        help=help_text,
        icon=":material/download:",
        key="download_csv",
    )
with right:
    st.download_button(
        strings.DOWNLOAD_XLSX,
        data=exports.on_own_cursor(
            partial(
                exports.obstacles_xlsx,
                filters=ctx.filters,
                search=search,
                as_of=ctx.as_of,
                load_id=int(ctx.load["load_id"]),
                selection=selection,
                synthetic=ctx.synthetic,
            )
        ),
        file_name=name("xlsx"),
        mime=exports.XLSX_MIME,
        help=help_text,
        icon=":material/download:",
        key="download_xlsx",
    )

st.dataframe(
    obstacle_table(frame),
    hide_index=True,
    placeholder="–",
    column_config={
        strings.COL_REPORTED: DATE,
        strings.COL_FIRST_RESPONSE: DATE,
        strings.COL_RESOLVED: DATE,
        strings.COL_DAYS_TO_RESPONSE: st.column_config.TextColumn(
            help=strings.HELP_DAYS_TO_RESPONSE
        ),
        strings.COL_DESCRIPTION: st.column_config.TextColumn(width="large"),
    },
    key="obstacle_table",
)
st.caption(strings.OBSTACLES_TABLE_CAPTION.format(as_of=dutch_date(ctx.as_of), selection=selection))

st.subheader(strings.HISTORY_HEADER)
choices = pd.Series(
    (
        frame["obstacle_id"]
        + " · "
        + frame["municipality"].fillna("")
        + " · "
        + frame["reported_at"].dt.strftime("%d-%m-%Y")
    ).to_numpy(),
    index=frame["obstacle_id"],
)
picked = st.selectbox(
    strings.HISTORY_PICK, list(choices.index), format_func=choices.get, key="obstacle_pick"
)
row = obstacle_table(frame[frame["obstacle_id"] == picked]).iloc[0]
st.markdown(
    strings.HISTORY_SUMMARY.format(
        obstacle_id=picked,
        municipality=row[strings.COL_MUNICIPALITY],
        reported=dutch_date(row[strings.COL_REPORTED]),
        category=row[strings.COL_CATEGORY],
        theme=row[strings.COL_THEME],
        status=row[strings.COL_STATUS],
    )
)
if isinstance(row[strings.COL_DESCRIPTION], str):
    st.text(row[strings.COL_DESCRIPTION])
responses = history(ctx.con, picked)
if responses.empty:
    st.info(
        strings.HISTORY_NONE.format(
            reported=dutch_date(row[strings.COL_REPORTED]), as_of=dutch_date(ctx.as_of)
        ),
        icon="ℹ️",
    )
else:
    st.dataframe(
        history_table(responses),
        hide_index=True,
        placeholder="–",
        column_config={strings.COL_RESPONSE_DATE: DATE},
        key="history_table",
    )
    st.caption(strings.HISTORY_CAPTION.format(as_of=dutch_date(ctx.as_of)))
