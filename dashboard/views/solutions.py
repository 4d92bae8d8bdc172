"""Wie loste het op?: where one kind of obstacle (theme and category) gets resolved, how often
and how fast per municipality, and the municipalities' notes on how (?thema=&categorie=)."""

from __future__ import annotations

import streamlit as st

from dashboard import export_buttons, sidebar, strings
from dashboard.access import members_only
from dashboard.components import headline_metric, resolved_cases_table
from dashboard.context import page_context
from etl import settings
from etl.vocabularies import CATEGORIES, THEMES
from readmodel import format
from readmodel.kennisbank_tables import reference_text, solutions_table
from readmodel.solutions import resolved_cases, solutions

SHOWN = 200  # resolved cases on screen, newest first


ctx = page_context()
st.title(strings.NAV_SOLUTIONS)
left, right = st.columns(2)
theme = sidebar.pick_one(
    left, strings.SOLUTIONS_THEME, THEMES, sidebar.KEY_THEMES, "solutions_theme"
)
category = sidebar.pick_one(
    right, strings.SOLUTIONS_CATEGORY, CATEGORIES, sidebar.KEY_CATEGORIES, "solutions_category"
)
if len(ctx.filters.themes) > 1 or len(ctx.filters.categories) > 1:
    st.caption(strings.SOLUTIONS_SEVERAL)
if not (theme and category):
    st.info(strings.SOLUTIONS_CHOOSE, icon="ℹ️")
    st.stop()

found = solutions(ctx, ctx.filters, theme, category)
selection = ctx.selection_text(found.filters)
st.write(strings.SOLUTIONS_INTRO.format(selection=selection))
if found.obstacles == 0:
    st.info(strings.SOLUTIONS_NONE, icon="ℹ️")
    st.stop()

headline_metric(
    strings.SOLUTIONS_RESOLVED,
    found.resolved,
    total=found.obstacles,
    help=strings.SOLUTIONS_RESOLVED_HELP,
)
st.caption(
    strings.SOLUTIONS_PROVINCE.format(
        province=ctx.province_name,
        share=reference_text(found, "resolved_share"),
        within=reference_text(found, "resolved_within_90d"),
        median=reference_text(found, "median_days_to_resolution"),
    )
)

st.subheader(strings.SOLUTIONS_TABLE)
# Every municipality of a province without scrolling; the whole country scrolls.
rows = min(len(found.table), 45)
st.dataframe(solutions_table(found.table), hide_index=True, height=35 * (rows + 1) + 3)
st.caption(
    strings.SOLUTIONS_TABLE_CAPTION.format(
        suppress_below=settings.suppress_below(), small_numbers=settings.small_numbers()
    )
)

st.subheader(strings.SOLUTIONS_CASES)
cases = resolved_cases(ctx.con, found.filters, limit=SHOWN) if ctx.rows else None
if cases is None:
    members_only(ctx.visitor, strings.MEMBERS_ONLY_CASES)
elif cases.empty:
    st.info(strings.SOLUTIONS_NO_CASES, icon="ℹ️")
else:
    resolved_cases_table(cases)
    limited = found.resolved > len(cases)
    st.caption(
        strings.SOLUTIONS_CASES_CAPTION.format(
            limited=strings.SOLUTIONS_CASES_LIMITED.format(
                shown=format.count(len(cases)), total=format.count(found.resolved)
            )
            if limited
            else ""
        )
    )

export_buttons.render("oplossingen", f"{theme}-{category}")
