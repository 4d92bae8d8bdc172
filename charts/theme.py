"""One look for every chart: colours, Dutch number format, readable type."""

from __future__ import annotations

import plotly.graph_objects as go

PRIMARY = "#1f5f8b"
ACCENT = "#c45a12"
MUTED = "#6b7785"
LIGHT = "#c9dbe9"
GOOD = "#1b7a4b"
BAD = "#b2332a"
# Regions get colours in the order they are listed, from Paul Tol's colour-blind-safe
# "muted" scheme (with his "bright" blue and purple before it); charts never let a colour
# carry meaning alone: every series is named in a legend or a label.
REGION_PALETTE = (
    "#4477AA",
    "#AA3377",
    "#CC6677",
    "#117733",
    "#332288",
    "#DDCC77",
    "#88CCEE",
    "#882255",
    "#44AA99",
    "#999933",
    "#AA4499",
    "#661100",
)


def region_colours(codes: list[str]) -> dict[str | None, str]:
    """A colour per region code, in the given order (the warehouse's region order)."""
    colours: dict[str | None, str] = {
        code: REGION_PALETTE[i % len(REGION_PALETTE)] for i, code in enumerate(codes)
    }
    colours[None] = MUTED
    return colours


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
