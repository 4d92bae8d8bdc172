"""Presentation mode (?presentatie=1&dia=N): one message per screen, large type, no sidebar.

The slides themselves are in dashboard.presentation.slides (read layer and charts only);
here `run` draws one slide with Streamlit and the buttons to go back and forth.
"""

from __future__ import annotations

import html

import streamlit as st

from dashboard import sidebar, strings
from dashboard.context import page_context
from dashboard.presentation.slides import sequence
from readmodel import format
from readmodel import strings as labels
from readmodel.describe import describe
from readmodel.selection import PARAMS, Filters, from_query_params
from readmodel.warehouse import Warehouse

PARAM = "presentatie"
PARAM_SLIDE = "dia"
KEY_SLIDE = "presentation_slide"
KEY_TOGGLE = "presentation_toggle"
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


def active() -> bool:
    """True when the URL asks for the presentation (the toggle sets the same parameter)."""
    return st.query_params.get(PARAM) == "1"


def filters(warehouse: Warehouse) -> Filters:
    """The selection while the sidebar is hidden: the URL's, else the last one used."""
    url = {k: st.query_params.get(k) for k in PARAMS if st.query_params.get(k)}
    if url:
        wanted = from_query_params(
            url,
            regions=tuple(warehouse.region_names),
            municipalities=tuple(warehouse.municipality_names),
        )
        return wanted.within(warehouse.first_day, warehouse.as_of)
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

    marks = [labels.SYNTHETIC] if ctx.synthetic else []
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
    source = labels.SOURCE.format(load_id=ctx.load_id, as_of=format.day(ctx.as_of))
    footer = html.escape(" · ".join([*marks, source, describe(ctx, ctx.filters)]))
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
