"""One look for every chart: colours, Dutch number format, readable type."""

from __future__ import annotations

import plotly.graph_objects as go

PRIMARY = "#1f5f8b"
ACCENT = "#e07b39"
MUTED = "#9aa5b1"
GOOD = "#2e8b57"
BAD = "#c0392b"
REGION_COLOURS = {
    "u10": "#1f5f8b",
    "u16": "#5b8fb9",
    "regio_amersfoort": "#e07b39",
    "regio_foodvalley": "#2e8b57",
    "stad_utrecht": "#7d3c98",
    None: MUTED,
}
FONT = "Source Sans Pro, Segoe UI, Helvetica, Arial, sans-serif"


def styled(figure: go.Figure, *, height: int = 380) -> go.Figure:
    """Apply the house style: Dutch decimal comma, no clutter, room for labels."""
    figure.update_layout(
        separators=",.",
        font={"family": FONT, "size": 14},
        height=height,
        margin={"l": 10, "r": 10, "t": 90, "b": 10},
        title={"x": 0, "xanchor": "left", "y": 0.98, "yanchor": "top", "font": {"size": 18}},
        plot_bgcolor="white",
        paper_bgcolor="white",
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0},
        hoverlabel={"font": {"family": FONT}},
    )
    figure.update_xaxes(showgrid=False, linecolor="#d0d7de")
    figure.update_yaxes(gridcolor="#eef1f4", zeroline=False)
    return figure
