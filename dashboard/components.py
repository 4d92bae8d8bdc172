"""Small Streamlit pieces every page uses: banners, captions, empty states, charts."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from dashboard import strings


def synthetic_banner() -> None:
    st.warning(strings.SYNTHETIC_BANNER, icon="⚠️")


def empty_selection() -> None:
    st.info(strings.EMPTY_SELECTION, icon="ℹ️")


def chart(figure: go.Figure, caption: str, *, key: str | None = None) -> None:
    """A plotly figure with the line that says what it counts and over which period."""
    st.plotly_chart(figure, width="stretch", key=key, config={"displaylogo": False})
    st.caption(caption)


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
    from dashboard.describe import count_text, share_text
    from dashboard.small_numbers import few_cases, suppressed

    if total is None:
        delta = strings.DELTA_COUNT.format(delta=count - previous) if previous is not None else None
        st.metric(label, count_text(count), delta=delta, delta_color="off", help=help)
        return
    if suppressed(total):
        st.metric(label, count_text(count), help=help)
        st.caption(
            strings.OF_TOTAL.format(count=count_text(count), total=count_text(total))
            + f" · {strings.TOO_FEW_TO_SHOW}"
        )
        return
    delta = None
    if previous is not None and previous_total and not suppressed(previous_total):
        points = (count / total - previous / previous_total) * 100
        delta = strings.DELTA_POINTS.format(delta=points)
    st.metric(label, share_text(count / total), delta=delta, delta_color="off", help=help)
    note = strings.OF_TOTAL.format(count=count_text(count), total=count_text(total))
    st.caption(note + (f" · {strings.FEW_CASES}" if few_cases(total) else ""))


MEASURE_PARAM = "maat"


def measure_picker(container, key: str, default: str = "resolved_share"):
    """The measure selectbox shared by compare and map, kept in the URL as ?maat=."""
    from dashboard import measures

    keys = [m.key for m in measures.MEASURES]
    if key not in st.session_state:
        wanted = st.query_params.get(MEASURE_PARAM)
        st.session_state[key] = wanted if wanted in keys else default
    chosen = container.selectbox(
        strings.MEASURE, keys, format_func=lambda k: measures.BY_KEY[k].label, key=key
    )
    st.query_params[MEASURE_PARAM] = chosen
    return measures.BY_KEY[chosen]


def image_downloads(figure: go.Figure, stem: str, *, width: int = 1100, height: int = 760) -> None:
    """PNG and SVG of a figure, drawn by kaleido only when a button is clicked."""
    from reports import images

    left, right, _ = st.columns([1, 1, 4])
    left.download_button(
        strings.DOWNLOAD_PNG,
        data=lambda: images.png(figure, width, height),
        file_name=f"{stem}.png",
        mime="image/png",
        key=f"{stem}_png",
    )
    right.download_button(
        strings.DOWNLOAD_SVG,
        data=lambda: images.svg(figure, width, height),
        file_name=f"{stem}.svg",
        mime="image/svg+xml",
        key=f"{stem}_svg",
    )
