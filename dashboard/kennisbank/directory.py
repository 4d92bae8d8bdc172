"""The directory of initiatives: search, legal form, order, a count and a table whose rows
open an initiative's card."""

from __future__ import annotations

import streamlit as st

from dashboard import strings
from dashboard.components import DATE
from dashboard.kennisbank.card import open_card
from etl.vocabularies import LEGAL_FORMS
from readmodel import format
from readmodel import strings as labels
from readmodel.describe import directory_text
from readmodel.kennisbank import SORTS, count_directory, directory
from readmodel.kennisbank_tables import directory_table

SHOWN = 1000  # rows on screen; the export (omzien export kennisbank) holds them all
TABLE_KEY = "kennisbank_table"


def render(ctx) -> None:
    st.title(strings.NAV_KENNISBANK)
    st.write(strings.KB_INTRO)
    if ctx.public:
        st.caption(strings.KB_PUBLIC)
    left, middle, right = st.columns([3, 1.5, 1.5])
    search = left.text_input(
        strings.KB_SEARCH, placeholder=strings.KB_SEARCH_PLACEHOLDER, key="kennisbank_search"
    ).strip()
    legal_form = middle.selectbox(
        strings.KB_LEGAL_FORM,
        ["", *LEGAL_FORMS.codes()],
        format_func=lambda code: LEGAL_FORMS.label(code) if code else strings.KB_ALL_LEGAL_FORMS,
        key="kennisbank_legal_form",
    )
    sort = right.selectbox(
        strings.KB_SORT, list(SORTS), format_func=strings.KB_SORTS.get, key="kennisbank_sort"
    )
    total = count_directory(
        ctx.con, ctx.filters, search=search, legal_form=legal_form or None, public=ctx.public
    )
    scope = strings.KB_CAPTION.format(scope=directory_text(ctx, ctx.filters))
    if total == 0:
        st.info(strings.KB_NONE, icon="ℹ️")
        st.caption(scope)
        return
    frame = directory(
        ctx.con,
        ctx.filters,
        search=search,
        legal_form=legal_form or None,
        public=ctx.public,
        sort=sort,
        limit=SHOWN,
    )
    found = strings.KB_FOUND_LIMITED if total > len(frame) else strings.KB_FOUND
    found = strings.KB_FOUND_ONE if total == 1 else found
    st.markdown(found.format(count=format.count(total), shown=format.count(len(frame))))
    event = st.dataframe(
        directory_table(frame),
        hide_index=True,
        placeholder="–",
        on_select="rerun",
        selection_mode="single-row",
        height=35 * 16 + 3,  # fifteen rows, then it scrolls
        column_config={
            labels.COL_DESCRIPTION: st.column_config.TextColumn(width="large"),
            labels.COL_REGISTERED: DATE,
            labels.COL_FOUNDED: st.column_config.NumberColumn(format="%d"),
        },
        key=TABLE_KEY,
    )
    # Our own words and the reference data's names: no text from exports.
    st.caption(strings.KB_OPEN_HINT + " " + scope)
    if event.selection.rows:
        open_card(str(frame["initiative_id"].iloc[event.selection.rows[0]]))
        st.rerun()
