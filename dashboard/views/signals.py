"""Signalen: which municipality or region changed since the history before it, worse and
better apart, each as a card with its evidence (the latest load; see docs/signals.md)."""

from __future__ import annotations

import streamlit as st

from dashboard import strings
from dashboard.components import plain
from dashboard.context import page_context
from dashboard.sections import signal_card
from readmodel import format
from readmodel.signals import series, signals

# Cards with a chart per section (the strongest); the rest are listed as sentences, so the
# page costs about the same with many signals as with few.
CHARTED = 5

ctx = page_context()
st.title(strings.NAV_SIGNALS)
st.write(strings.SIGNALS_INTRO.format(as_of=format.day(ctx.as_of), load_id=ctx.load_id))
found = signals(ctx.con, ctx.filters)
if not found.computed:
    st.info(strings.SIGNALS_NOT_COMPUTED, icon="ℹ️")
    st.stop()
current = found.current
st.markdown(
    strings.SIGNALS_SUMMARY.format(
        new=found.new, ongoing=len(current) - found.new, ended=len(found.ended)
    )
)
if current.empty and found.ended.empty:
    st.info(strings.SIGNALS_NONE, icon="ℹ️")
charted = [key for part in (found.worse, found.better) for key in part["signal_key"].head(CHARTED)]
monthly = series(ctx.con, charted)
for heading, part in ((strings.SIGNALS_WORSE, found.worse), (strings.SIGNALS_BETTER, found.better)):
    if part.empty:
        continue
    st.header(heading)
    for position, (_, signal) in enumerate(part.iterrows()):
        if position == CHARTED:
            with st.expander(strings.SIGNALS_MORE.format(count=len(part) - CHARTED)):
                for rest in part["sentence"].iloc[CHARTED:]:
                    st.markdown(f"- {plain(rest)}")
            break
        signal_card.render(signal, monthly.get(signal["signal_key"]), with_chart=True)
if len(found.ended):
    st.header(strings.SIGNALS_ENDED)
    st.caption(strings.SIGNALS_ENDED_TEXT)
    for sentence in found.ended["sentence"]:
        st.markdown(f"- {plain(sentence)}")
