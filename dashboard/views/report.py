"""Melden: an initiative reports an obstacle, what its municipality did, or its own entry.

For signed-in members (members mode) and the analyst at the machine (local mode); a public
visitor is told it is for members and gets no form. Submissions go to the inbox through the
ETL's own checks (intake); the page never writes the warehouse.
"""

from __future__ import annotations

import streamlit as st

from dashboard import strings
from dashboard.access import members_only
from dashboard.context import page_context
from dashboard.sections import report_forms
from etl import settings
from intake.status import initiatives
from readmodel.follow_up import overdue

ctx = page_context()
st.title(strings.NAV_REPORT)
if not (ctx.visitor.full and ctx.rows):
    members_only(ctx.visitor, strings.MEMBERS_ONLY_REPORT)
    st.stop()
st.write(strings.REPORT_INTRO)
st.warning(strings.REPORT_NO_PERSONAL, icon="🔒")
mine = initiatives(ctx.con, ctx.visitor.initiatives)
due = overdue(ctx.con, settings.follow_up_days(), list(mine["initiative_id"]))
obstacle, follow_up, response, entry, submitted = st.tabs(
    [
        strings.REPORT_TAB_OBSTACLE,
        strings.REPORT_TAB_FOLLOW_UP_COUNT.format(count=len(due))
        if len(due)
        else strings.REPORT_TAB_FOLLOW_UP,
        strings.REPORT_TAB_RESPONSE,
        strings.REPORT_TAB_INITIATIVE,
        strings.REPORT_TAB_MINE,
    ]
)
with obstacle:
    report_forms.obstacle_form(ctx, mine)
with follow_up:
    report_forms.follow_up(ctx, due)
with response:
    report_forms.response_form(ctx, mine)
with entry:
    report_forms.initiative_form(ctx, mine)
with submitted:
    report_forms.submissions(ctx)
