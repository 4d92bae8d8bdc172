"""A report's BarChart as a plotly figure, for the PDF (as an image) and the presentation."""

from __future__ import annotations

import plotly.graph_objects as go

from charts.theme import styled
from reports import model
from reports.style import SERIES


def bar_figure(chart: model.BarChart, *, height: int | None = None) -> go.Figure:
    """The chart in the dashboard's style; horizontal bars list the first category on top."""
    figure = go.Figure()
    percent = chart.number_format == model.PERCENT
    scale = 100 if percent else 1
    text_format = (
        "%{text:.0f}%"
        if percent
        else "%{text:.1f}"
        if chart.number_format == model.DECIMAL
        else "%{text:.0f}"
    )
    for series, colour in zip(chart.series, SERIES * 3, strict=False):
        values = [None if v is None else v * scale for v in series.values]
        axis = (
            {"x": values, "y": list(chart.categories)}
            if chart.horizontal
            else {
                "x": list(chart.categories),
                "y": values,
            }
        )
        figure.add_bar(
            **axis,
            name=series.name,
            orientation="h" if chart.horizontal else "v",
            marker_color=colour,
            text=values,
            texttemplate=text_format,
            textposition="inside" if chart.stacked else "outside",
            cliponaxis=False,
        )
    figure.update_layout(
        title=chart.title,
        barmode="stack" if chart.stacked else "group",
        bargap=0.25,
        showlegend=len(chart.series) > 1,
        uniformtext={"minsize": 10, "mode": "hide"},
    )
    value_axis = {"title": chart.value_axis, "ticksuffix": "%" if percent else ""}
    if chart.horizontal:
        figure.update_yaxes(autorange="reversed", gridcolor="rgba(0,0,0,0)")
        figure.update_xaxes(showgrid=True, gridcolor="#eef1f4", **value_axis)
    else:
        figure.update_yaxes(**value_axis)
    rows = len(chart.categories) * (len(chart.series) if not chart.stacked else 1)
    default = max(320, 26 * rows + 140) if chart.horizontal else 420
    return styled(figure, height=height or default)
