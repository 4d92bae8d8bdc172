"""One look for every chart: colours, Dutch number format, readable type."""

from __future__ import annotations

import re

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


# The house style of every chart's layout, and of each of its x and y axes. It wins over
# what a chart set before styling (a chart changes the look after `styled`, not before).
STYLE = {
    "separators": ",.",
    "font": {"family": FONT, "size": 14},
    "margin": {"l": 10, "r": 10, "t": 90, "b": 10},
    "title": {"x": 0, "xanchor": "left", "y": 0.98, "yanchor": "top", "font": {"size": 18}},
    "plot_bgcolor": "white",
    "paper_bgcolor": "white",
    "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0},
    "hoverlabel": {"font": {"family": FONT}},
}
AXIS_STYLE = {
    "x": {"showgrid": False, "linecolor": "#d0d7de"},
    "y": {"gridcolor": "#eef1f4", "zeroline": False},
}
_AXIS = re.compile(r"^[xy]axis\d*$")


def house_layout(own: dict, height: int) -> dict:
    """A chart's layout (as plotly JSON) with the house style over it, on every axis."""
    layout = _merged(own, {**STYLE, "height": height})
    for key in {"xaxis", "yaxis", *filter(_AXIS.match, own)}:
        layout[key] = _merged(layout.get(key, {}), AXIS_STYLE[key[0]])
    return layout


def _merged(base: dict, over: dict) -> dict:
    merged = dict(base)
    for key, value in over.items():
        below = merged.get(key)
        merged[key] = (
            _merged(below, value) if isinstance(value, dict) and isinstance(below, dict) else value
        )
    return merged


def house_figure(traces: list, layout: dict, *, height: int = 380) -> go.Figure:
    """A figure in the house style, built and checked once from its traces (dicts with a
    'type', or trace objects) and its layout as plotly JSON: building it piece by piece
    (add_trace, update_layout) checks every property path again each time, and a page
    draws five or more charts."""
    return go.Figure(data=traces, layout=house_layout(layout, height))


def styled(figure: go.Figure, *, height: int = 380) -> go.Figure:
    """The figure in the house style: Dutch decimal comma, no clutter, room for labels.

    Returns a new figure (use the return value); see `house_figure`.
    """
    # The new figure gets the same default template; copying it along costs more.
    figure.layout.template = None
    return house_figure(figure.data, figure.layout.to_plotly_json(), height=height)


# Reference lines as plain layout shapes: plotly's add_vline / add_hline build the same
# shapes and labels but cost several milliseconds each, and a page draws a dozen.
def vertical_line(x: float, line: dict, label: str | None = None) -> tuple[dict, dict | None]:
    """A line across the plot at `x` (data), with `label` at its foot on the right."""
    shape = {"type": "line", "x0": x, "x1": x, "xref": "x", "y0": 0, "y1": 1}
    shape |= {"yref": "y domain", "line": line}
    if label is None:
        return shape, None
    return shape, {
        "x": x,
        "xref": "x",
        "y": 0,
        "yref": "y domain",
        "text": label,
        "showarrow": False,
        "xanchor": "left",
        "yanchor": "bottom",
    }


def horizontal_line(y: float, line: dict, label: str | None = None) -> tuple[dict, dict | None]:
    """A line across the plot at `y` (data), with `label` above it on the left."""
    shape = {"type": "line", "x0": 0, "x1": 1, "xref": "x domain", "y0": y, "y1": y}
    shape |= {"yref": "y", "line": line}
    if label is None:
        return shape, None
    return shape, {
        "x": 0,
        "xref": "x domain",
        "y": y,
        "yref": "y",
        "text": label,
        "showarrow": False,
        "xanchor": "left",
        "yanchor": "bottom",
    }


def line_layout(lines: list[tuple[dict, dict | None]]) -> dict:
    """Reference lines (vertical_line, horizontal_line) as the shapes and labels of a layout."""
    return {
        "shapes": [shape for shape, _ in lines],
        "annotations": [label for _, label in lines if label],
    }
