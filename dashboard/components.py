"""Small Streamlit pieces every page uses: banners, captions, empty states, charts."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from charts.data import figure_table
from charts.overview import quarter_trend, ranked_bars
from dashboard import strings
from etl import settings
from etl.metrics import few_cases
from etl.metrics.registry import Metric, comparable, metric
from etl.vocabularies import CATEGORIES, THEMES
from readmodel import format
from readmodel import strings as labels
from readmodel.kennisbank_tables import cases_table
from readmodel.overview import per_quarter, top
from readmodel.signals import new_count
from readmodel.tables import history_table, item_labels

MEASURE_PARAM = "maat"
# Pages other pages link to (st.page_link / st.switch_page take the page's file).
VIEWS = Path(__file__).parent / "views"
KENNISBANK_PAGE = VIEWS / "kennisbank.py"
SOLUTIONS_PAGE = VIEWS / "solutions.py"
SIGNALS_PAGE = VIEWS / "signals.py"


# Dates in tables as Dutch readers write them.
DATE = st.column_config.DateColumn(format="DD-MM-YYYY")


def response_history_table(responses: pd.DataFrame, *, key: str | None = None) -> None:
    """One obstacle's responses (readmodel.obstacles.history), oldest first."""
    st.dataframe(
        history_table(responses),
        hide_index=True,
        placeholder="–",
        column_config={labels.COL_RESPONSE_DATE: DATE},
        key=key,
    )


def resolved_cases_table(cases: pd.DataFrame) -> None:
    """Resolved cases (readmodel.solutions.resolved_cases or kennisbank.solved_elsewhere)
    as the table the card and /oplossingen show, the resolving note wide."""
    st.dataframe(
        cases_table(cases),
        hide_index=True,
        placeholder="–",
        column_config={
            labels.COL_RESOLVED_ON: DATE,
            labels.COL_REPORTED: DATE,
            labels.COL_NOTE: st.column_config.TextColumn(width="large"),
        },
    )


def synthetic_banner() -> None:
    st.warning(strings.SYNTHETIC_BANNER, icon="⚠️")


def empty_selection() -> None:
    st.info(strings.EMPTY_SELECTION, icon="ℹ️")


def chart(
    figure: go.Figure, caption: str, *, key: str | None = None, data: pd.DataFrame | None = None
) -> None:
    """A plotly figure with the line that says what it counts and over which period, and
    its numbers as a table the reader can open (the chart's text alternative).

    `data` replaces the table read from the figure (maps: the figures per municipality).
    """
    st.plotly_chart(figure, width="stretch", key=key, config={"displaylogo": False})
    st.caption(caption)
    numbers = figure_table(figure) if data is None else data
    if len(numbers):
        with st.expander(strings.CHART_NUMBERS, icon=":material/table:"):
            st.table(numbers.set_index(numbers.columns[0]))


def headline_metric(
    label: str,
    count: int,
    *,
    help: str,
    total: int | None = None,
    previous: int | None = None,
    previous_total: int | None = None,
) -> None:
    """A headline figure: a count, or a share with its denominator ('412 van 980').

    Shares follow the small-numbers rule: below SUPPRESS_BELOW cases no percentage, below
    SMALL_NUMBERS a 'weinig gevallen' note.
    """
    if total is None:
        delta = (
            strings.DELTA_COUNT.format(delta=format.signed(count - previous))
            if previous is not None
            else None
        )
        st.metric(label, format.count(count), delta=delta, delta_color="off", help=help)
        return
    of_total = strings.OF_TOTAL.format(count=format.count(count), total=format.count(total))
    if few_cases(total, settings.suppress_below()):
        st.metric(label, format.count(count), help=help)
        st.caption(f"{of_total} · {labels.TOO_FEW_TO_SHOW}")
        return
    delta = None
    if (
        previous is not None
        and previous_total
        and not few_cases(previous_total, settings.suppress_below())
    ):
        change = (count / total - previous / previous_total) * 100
        delta = strings.DELTA_POINTS.format(delta=format.points(change))
    st.metric(label, format.percent(count / total), delta=delta, delta_color="off", help=help)
    few = few_cases(total, settings.small_numbers())
    st.caption(of_total + (f" · {labels.FEW_CASES}" if few else ""))


def measure_picker(container, key: str, default: str = "resolved_share") -> Metric:
    """The measure selectbox shared by compare and map, kept in the URL as ?maat=."""
    keys = [m.key for m in comparable()]
    if key not in st.session_state:
        wanted = st.query_params.get(MEASURE_PARAM)
        st.session_state[key] = wanted if wanted in keys else default
    chosen = container.selectbox(
        strings.MEASURE, keys, format_func=lambda k: metric(k).label, key=key
    )
    st.query_params[MEASURE_PARAM] = chosen
    return metric(chosen)


def unit(found: Metric) -> str:
    """How a figure is written: as a percentage or as a number."""
    return format.PERCENT if found.is_share else format.NUMBER


def number_columns(figure_unit: str) -> dict:
    """Column formats of a comparison table (readmodel.tables.comparison_frame)."""
    number = "%.0f%%" if figure_unit == format.PERCENT else "%.1f"
    return {
        labels.COL_POPULATION: st.column_config.NumberColumn(format="localized"),
        labels.COL_VALUE: st.column_config.NumberColumn(format=number),
        labels.COL_LOW: st.column_config.NumberColumn(format=number),
        labels.COL_HIGH: st.column_config.NumberColumn(format=number),
        labels.COL_RANK: st.column_config.NumberColumn(format="%d"),
    }


def top_charts(con, filters, selection: str, titles: tuple[str, str], keys: tuple[str, str]):
    """The most reported categories and themes of a selection, side by side."""
    columns = st.columns(2)
    for column, dimension, vocabulary, title, what, key in (
        (columns[0], "category", CATEGORIES, titles[0], "soort", keys[0]),
        (columns[1], "theme", THEMES, titles[1], "thema", keys[1]),
    ):
        with column:
            chart(
                ranked_bars(top(con, filters, dimension), vocabulary.labels(), title),
                strings.TOP_CAPTION.format(what=what, selection=selection),
                key=key,
            )


def trend_chart(ctx, filters, selection: str, key: str) -> None:
    """Obstacles per quarter with the share resolved within 90 days (the honest trend)."""
    quarters = per_quarter(ctx.con, filters, first_day=ctx.first_day, as_of=ctx.as_of)
    cutoff = format.day(ctx.as_of - timedelta(days=90))
    chart(
        quarter_trend(quarters),
        strings.TREND_CAPTION.format(cutoff=cutoff, selection=selection),
        key=key,
    )


# Characters that make Markdown (links, images, emphasis, code, HTML, math, tables).
_MARKDOWN = str.maketrans({c: "\\" + c for c in "\\`*_[]<>!#|$~"})


def plain(text: object) -> str:
    """Text from data made safe inside a Markdown string: every Markdown character escaped,
    so an id like ![t](http://...) shows as written and loads nothing."""
    return str(text).translate(_MARKDOWN)


def solutions_link(filters, theme: str | None, category: str) -> None:
    """A link to /oplossingen for one kind of obstacle, keeping the rest of the selection
    (?thema=...&categorie=... and the other shared filters)."""
    wanted = filters.with_(themes=(theme,) if theme else (), categories=(category,))
    label = (
        strings.SOLUTIONS_LINK.format(
            category=CATEGORIES.label(category), theme=THEMES.label(theme)
        )
        if theme
        else strings.SOLUTIONS_LINK_CATEGORY.format(category=CATEGORIES.label(category))
    )
    st.page_link(
        SOLUTIONS_PAGE,
        label=plain(label),
        icon=":material/lightbulb:",
        query_params=wanted.to_query_params(),
    )


def solutions_picker(items, filters, key: str) -> None:
    """Choose one of the agenda items shown and link to who resolved that kind elsewhere."""
    names = list(item_labels(items))
    chosen = st.selectbox(
        strings.SOLUTIONS_PICK, range(len(items)), format_func=names.__getitem__, key=key
    )
    item = items.iloc[chosen or 0]
    solutions_link(filters, item.get("theme"), item["category"])


def signals_link(con, filters) -> None:
    """'3 nieuwe signalen sinds de vorige load', linking to /signalen (with the region,
    municipality, theme and category of the selection); nothing when not computed."""
    count = new_count(con, filters)
    if count is None:
        return
    label = (
        strings.OVERVIEW_SIGNALS_NONE
        if count == 0
        else strings.OVERVIEW_SIGNALS_ONE
        if count == 1
        else strings.OVERVIEW_SIGNALS.format(count=format.count(count))
    )
    st.page_link(
        SIGNALS_PAGE,
        label=label,
        icon=":material/notifications_active:" if count else ":material/notifications:",
        query_params=filters.to_query_params(),
    )
