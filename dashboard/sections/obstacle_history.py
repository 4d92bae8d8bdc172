"""The response history of one obstacle of the list, picked from the newest shown."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import strings
from dashboard.components import response_history_table, solutions_link
from readmodel import format
from readmodel import strings as labels
from readmodel.obstacles import history


def render(ctx, frame: pd.DataFrame, table: pd.DataFrame) -> None:
    st.header(strings.HISTORY_HEADER)
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
        response_history_table(responses, key="history_table")
        st.caption(strings.HISTORY_CAPTION.format(as_of=format.day(ctx.as_of)))
