"""Presentation mode (?presentatie=1&dia=N): one message per screen, large type, no sidebar.

The sequence follows the current selection: the overview, the comparison with its funnel
plot, the map (when boundaries are loaded), the top of the social agenda and, when a
municipality is chosen, that municipality. `sequence` is pure (queries and charts only);
`run` draws one slide with Streamlit and the buttons to go back and forth.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import plotly.graph_objects as go
import streamlit as st

from dashboard import measures, sidebar
from dashboard import strings as page_strings
from dashboard.charts.agenda import agenda_bars
from dashboard.charts.compare import PERCENT, interval_text
from dashboard.charts.overview import quarter_trend
from dashboard.charts.profile import km_curves
from dashboard.context import PageContext, page_context
from dashboard.describe import count_text, share_text
from dashboard.filters import PARAMS, Filters, from_query_params
from dashboard.queries.agenda import agenda
from dashboard.queries.overview import headline, per_quarter
from dashboard.small_numbers import few_cases
from dashboard.tables import item_labels, level_text
from etl import metrics, settings
from etl.messages import COMPARISON
from reports import strings
from reports.comparison import funnel, map_figure, selection_data

PARAM = "presentatie"
PARAM_SLIDE = "dia"
KEY_SLIDE = "presentation_slide"
KEY_TOGGLE = "presentation_toggle"
FIGURE_HEIGHT = 560
CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stSidebarNav"], header[data-testid="stHeader"] {display: none !important;}
.block-container {padding-top: 1.2rem; max-width: 1500px;}
.omzien-title {font-size: 3.1rem; font-weight: 700; line-height: 1.15; color: #1f5f8b;
  margin: 0.2rem 0 0.4rem 0;}
.omzien-note {font-size: 1.75rem; line-height: 1.35; color: #3d4750; margin-bottom: 0.6rem;}
.omzien-source {font-size: 1.05rem; color: #5f6b76;}
.omzien-mark {display: inline-block; background: #b03a2e; color: white; font-weight: 700;
  font-size: 1.2rem; padding: 0.15rem 0.8rem; border-radius: 0.2rem; margin-bottom: 0.4rem;}
</style>
"""


@dataclass(frozen=True)
class Slide:
    """One screen: the message (title), a line under it, and at most one figure."""

    key: str
    title: str
    note: str = ""
    figure: go.Figure | None = None


def active() -> bool:
    """True when the URL asks for the presentation (the toggle sets the same parameter)."""
    return st.query_params.get(PARAM) == "1"


def filters(region_names: dict[str, str], municipality_names: dict[str, str]) -> Filters:
    """The selection while the sidebar is hidden: the URL's, else the last one used."""
    url = {k: st.query_params.get(k) for k in PARAMS if st.query_params.get(k)}
    if url:
        return from_query_params(
            url, regions=tuple(region_names), municipalities=tuple(municipality_names)
        )
    return st.session_state.get(sidebar._LAST_FILTERS, Filters())


def toggle() -> None:
    """The 'Presentatiemodus' switch at the bottom of the sidebar."""
    with st.sidebar:
        st.toggle(
            strings.PRESENT_TOGGLE,
            value=False,
            key=KEY_TOGGLE,
            help=strings.PRESENT_TOGGLE_HELP,
            on_change=_start,
        )


def _start() -> None:
    if st.session_state.get(KEY_TOGGLE):
        st.query_params[PARAM] = "1"
        st.query_params[PARAM_SLIDE] = "1"


def _leave(selection: Filters) -> None:
    """Back to the dashboard with the same selection (the sidebar adopts it from the URL)."""
    st.query_params.from_dict(selection.to_query_params())
    st.session_state[KEY_TOGGLE] = False
    for key in (sidebar.KEY_PERIOD, sidebar._LAST_WRITTEN):
        st.session_state.pop(key, None)


def _go(number: int) -> None:
    st.query_params[PARAM_SLIDE] = str(number)


def sequence(ctx: PageContext) -> list[Slide]:
    """The slides for the context's selection, in order; empty parts are left out."""
    selection = ctx.filters
    figures = headline(ctx.con, selection, ctx.as_of)
    if figures["obstacles"] == 0:
        return [Slide("leeg", strings.PRESENT_EMPTY, strings.PRESENT_EMPTY_NOTE)]
    slides = [_overview(ctx, figures)]
    data = selection_data(ctx, selection.with_(municipality=None))
    measure = measures.BY_KEY["resolved_share"]
    figure, said, outside = funnel(data, measure)
    title = strings.PRESENT_COMPARE.format(
        measure=measure.label,
        outside=strings.PRESENT_SOME_OUTSIDE.format(count=outside)
        if outside
        else strings.PRESENT_ALL_INSIDE,
    )
    slides.append(Slide("vergelijking", title, said, _big(figure)))
    shown = map_figure(data, measure)
    if shown is not None:
        title = strings.PRESENT_MAP.format(measure=measure.label)
        slides.append(Slide("kaart", title, "", _big(shown.figure)))
    slides.extend(_agenda(ctx))
    if selection.municipality:
        slides.append(_municipality(ctx, data))
    return slides


def _big(figure: go.Figure, height: int = FIGURE_HEIGHT) -> go.Figure:
    """Large type for the back of the room; the slide's title replaces the figure's."""
    copy = go.Figure(figure)
    copy.update_layout(
        title_text="", font_size=20, height=height, margin={"t": 40, "l": 90, "r": 30, "b": 70}
    )
    copy.update_xaxes(automargin=True)
    copy.update_yaxes(automargin=True)
    return copy


def _overview(ctx: PageContext, figures: dict[str, int]) -> Slide:
    total = figures["obstacles"]
    public = total >= settings.suppress_below()

    def amount(count: int) -> str:
        return share_text(count / total) if public else count_text(count)

    return Slide(
        "overzicht",
        strings.PRESENT_OVERVIEW.format(
            obstacles=count_text(total), resolved=amount(figures["resolved"])
        ),
        strings.PRESENT_OVERVIEW_NOTE.format(
            initiatives=count_text(figures["initiatives"]), answered=amount(figures["answered"])
        ),
        _big(quarter_trend(per_quarter(ctx.con, ctx.filters))),
    )


def _agenda(ctx: PageContext) -> list[Slide]:
    items = agenda(
        ctx.con, ctx.filters.with_(municipality=None), first_day=ctx.first_day, as_of=ctx.as_of
    )
    recurring = items[items["recurring"]]
    if recurring.empty:
        return []
    first = recurring.iloc[[0]]
    return [
        Slide(
            "agenda",
            strings.PRESENT_AGENDA.format(item=item_labels(first).iloc[0]),
            strings.PRESENT_AGENDA_NOTE.format(
                municipalities=int(first["municipalities"].iloc[0]),
                obstacles=count_text(first["obstacles"].iloc[0]),
                level=level_text(first).iloc[0],
            ),
            _big(agenda_bars(recurring.head(8))),
        )
    ]


def _municipality(ctx: PageContext, data) -> Slide:
    code = ctx.filters.municipality
    name = ctx.municipality_names[code]
    measure = measures.BY_KEY["first_response_within_30d"]
    own = data.counts[data.counts["cbs_code"] == code]
    dates = data.dates
    count = int(own["obstacles"].iloc[0])
    if count < settings.suppress_below():
        return Slide("gemeente", strings.PRESENT_PROFILE_FEW.format(name=name, count=count))
    mine = measures.compute(own, dates[dates["cbs_code"] == code], measure, ctx.as_of)
    mine = measures.judged(mine, measure, float("nan")).iloc[0]
    province = data.references(measure).loc["provincie"]
    verdict = metrics.compare_to_reference([mine["low"]], [mine["high"]], [province["value"]])[0]

    def curve(frame):
        events = metrics.time_to_event(frame["reported_at"], frame["first_response_at"], ctx.as_of)
        return metrics.km_curve(events["duration"], events["observed"])

    figure = km_curves(
        {name: curve(dates[dates["cbs_code"] == code]), page_strings.PROVINCE_NAME: curve(dates)},
        title="",
    )
    return Slide(
        "gemeente",
        strings.PRESENT_PROFILE.format(name=name, value=share_text(mine["value"])),
        strings.PRESENT_PROFILE_NOTE.format(
            province=interval_text(
                province["value"], province["low"], province["high"], PERCENT, compact=True
            ),
            verdict=verdict or COMPARISON["unknown"],
        )
        + (f" · {strings.FEW_CASES}" if few_cases(count) else ""),
        _big(figure),
    )


def run() -> None:
    """Draw the slide the URL asks for, with previous / next and a way out."""
    ctx = page_context()
    st.markdown(CSS, unsafe_allow_html=True)
    slides = sequence(ctx)
    try:
        number = int(st.query_params.get(PARAM_SLIDE, "1"))
    except ValueError:
        number = 1
    number = min(max(number, 1), len(slides))
    st.query_params[PARAM_SLIDE] = str(number)
    slide = slides[number - 1]

    marks = [strings.SYNTHETIC] if ctx.synthetic else []
    if marks:
        st.markdown(
            "".join(f'<span class="omzien-mark">{html.escape(m)}</span> ' for m in marks),
            unsafe_allow_html=True,
        )
    st.markdown(
        f'<div class="omzien-title">{html.escape(slide.title)}</div>', unsafe_allow_html=True
    )
    if slide.note:
        st.markdown(
            f'<div class="omzien-note">{html.escape(slide.note)}</div>', unsafe_allow_html=True
        )
    if slide.figure is not None:
        st.plotly_chart(  # theme=None: Streamlit's theme would shrink the large type again
            slide.figure,
            theme=None,
            width="stretch",
            config={"displaylogo": False},
            key=f"slide_{slide.key}",
        )
    source = strings.SOURCE.format(
        load_id=int(ctx.load["load_id"]), as_of=ctx.as_of.strftime("%d-%m-%Y")
    )
    footer = html.escape(" · ".join([*marks, source, ctx.selection_text()]))
    st.markdown(f'<div class="omzien-source">{footer}</div>', unsafe_allow_html=True)
    back, forward, counter, _, leave = st.columns([1, 1, 1, 3, 2], vertical_alignment="center")
    back.button(
        strings.PRESENT_PREVIOUS,
        on_click=_go,
        args=(number - 1,),
        disabled=number == 1,
        key="present_previous",
        icon=":material/arrow_back:",
    )
    counter.markdown(f"**{strings.PRESENT_COUNTER.format(number=number, total=len(slides))}**")
    forward.button(
        strings.PRESENT_NEXT,
        on_click=_go,
        args=(number + 1,),
        disabled=number == len(slides),
        key="present_next",
        type="primary",
        icon=":material/arrow_forward:",
    )
    leave.button(
        strings.PRESENT_EXIT,
        on_click=_leave,
        args=(ctx.filters,),
        key="present_exit",
        icon=":material/close:",
    )
