"""One signal as a card: its sentence, the small chart, the counts, and where to look next."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from charts.data import figure_table
from charts.signals import signal_chart
from dashboard import strings
from dashboard.components import SOLUTIONS_PAGE, VIEWS, chart, plain
from etl import settings
from etl.metrics.registry import metric
from etl.vocabularies import CATEGORIES
from readmodel import format
from readmodel.selection import Filters
from readmodel.signals import compare_measure, evidence, is_share
from signals.measures import NEW

PROFILE_PAGE = VIEWS / "profile.py"
COMPARE_PAGE = VIEWS / "compare.py"


@st.cache_resource(max_entries=256, show_spinner=False)
def _drawn(series: pd.DataFrame, share: bool, since) -> tuple[go.Figure, pd.DataFrame]:
    """A card's chart and its numbers, drawn once per series (keyed by its content): the
    same signals come back on every rerun and filter change, and each chart costs a few
    milliseconds to draw. Shared between sessions, never changed after drawing."""
    figure = signal_chart(series, share=share, since=since)
    return figure, figure_table(figure)


def render(signal: pd.Series, series: pd.DataFrame | None, *, with_chart: bool) -> None:
    with st.container(border=True):
        badge = (
            strings.SIGNALS_NEW_BADGE
            if signal["status"] == NEW
            else strings.SIGNALS_ONGOING_BADGE.format(load=int(signal["first_seen_load"]))
        )
        st.badge(badge, color="orange" if signal["status"] == NEW else "gray")
        # The sentence names a municipality or region (an analyst's regios file may name
        # one): shown as text, never as Markdown.
        st.markdown(f"**{plain(signal['sentence'])}**")
        found = evidence(signal)
        st.caption(
            strings.SIGNALS_COUNTS.format(
                before_cases=format.count(signal["before_cases"]),
                before=found.before,
                since=format.long_day(signal["since"]),
                after_cases=format.count(signal["after_cases"]),
                after=found.after,
                q=strings.SIGNALS_Q_SMALL
                if signal["q_value"] < 0.001
                else format.percent(signal["q_value"], 1),
            )
        )
        if with_chart and series is not None and len(series):
            share = is_share(signal["measure"])
            note = (
                strings.SIGNALS_SHARE_NOTE.format(suppress=settings.suppress_below())
                if share
                else strings.SIGNALS_VOLUME_NOTE
            )
            figure, numbers = _drawn(series, share, signal["since"])
            chart(
                figure,
                strings.SIGNALS_CHART_CAPTION.format(
                    unit=plain(signal["unit_name"]),
                    measure=found.measure,
                    per=strings.SIGNALS_PER_QUARTER_CHART
                    if share
                    else strings.SIGNALS_PER_MONTH_CHART,
                    start=format.month(series["month"].iloc[0]),
                    since=format.month(signal["since"]),
                    note=note,
                ),
                key=f"signal_chart_{signal['signal_key']}",
                data=numbers,
            )
        _links(signal)


def _links(signal: pd.Series) -> None:
    columns = st.columns(3)
    code = signal["municipality_code"]
    scope = (
        Filters(municipality=code)
        if isinstance(code, str)
        else Filters(region=signal["region_code"])
    )
    if isinstance(code, str):
        columns[0].page_link(
            PROFILE_PAGE,
            label=plain(strings.SIGNALS_PROFILE_LINK.format(name=signal["unit_name"])),
            icon=":material/location_city:",
            query_params=scope.to_query_params(),
        )
    measure = compare_measure(signal["measure"])
    columns[1].page_link(
        COMPARE_PAGE,
        label=strings.SIGNALS_COMPARE_LINK,
        help=strings.SIGNALS_COMPARE_HELP.format(measure=metric(measure).label),
        icon=":material/leaderboard:",
        query_params={**scope.to_query_params(), "maat": measure},
    )
    category = signal["category"]
    if isinstance(category, str):
        columns[2].page_link(
            SOLUTIONS_PAGE,
            label=strings.SIGNALS_SOLUTIONS_LINK.format(
                category=CATEGORIES.label(category).lower()
            ),
            icon=":material/lightbulb:",
            query_params=Filters(categories=(category,)).to_query_params(),
        )
    else:
        columns[2].page_link(
            SOLUTIONS_PAGE, label=strings.SIGNALS_SOLUTIONS_ANY, icon=":material/lightbulb:"
        )
