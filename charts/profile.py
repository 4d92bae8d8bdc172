"""Charts of the municipality profile: response-time curves and where obstacles stand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from charts.theme import ACCENT, MUTED, PRIMARY, house_figure, line_layout, vertical_line


def _rgba(hex_colour: str, alpha: float) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def _extended(values: pd.Series) -> np.ndarray:
    array = values.to_numpy(dtype=float)
    return np.append(array, array[-1])


def km_curves(curves: dict[str, pd.DataFrame], *, title: str, horizon: int = 365) -> go.Figure:
    """Kaplan-Meier 'share with a first response after t days', with 95% bands, per group.

    Each curve is etl.metrics.km_curve output (t, survival, low, high); plotted as
    1 − survival, a step function, cut at `horizon` days.
    """
    traces = []
    for (name, curve), colour in zip(curves.items(), (PRIMARY, ACCENT, MUTED), strict=False):
        part = curve[curve["t"] <= horizon]
        if part.empty:
            continue
        # Carry the last step on to the horizon, as a step function does.
        t = np.append(part["t"].to_numpy(dtype=float), horizon)
        answered = _extended(100 * (1 - part["survival"]))
        low = _extended(100 * (1 - part["high"]))
        high = _extended(100 * (1 - part["low"]))
        band = {"type": "scatter", "x": t, "mode": "lines", "line": {"shape": "hv", "width": 0}}
        band |= {"showlegend": False, "hoverinfo": "skip"}
        traces.append({**band, "y": high})
        traces.append({**band, "y": low, "fill": "tonexty", "fillcolor": _rgba(colour, 0.18)})
        traces.append(
            {
                "type": "scatter",
                "x": t,
                "y": answered,
                "mode": "lines",
                "name": name,
                "line": {"color": colour, "width": 3, "shape": "hv"},
                "hovertemplate": f"{name}: na %{{x}} dagen %{{y:.0f}}% beantwoord<extra></extra>",
            }
        )
    dotted = {"color": "#9aa5b1", "dash": "dot"}
    lines = [vertical_line(days, dotted, f"{days} dagen") for days in (30, 90)]
    layout = {
        "title": {"text": title},
        "xaxis": {"title": {"text": "dagen na de melding"}, "range": [0, horizon]},
        "yaxis": {
            "title": {"text": "aandeel met een eerste reactie"},
            "range": [0, 100],
            "ticksuffix": "%",
        },
        **line_layout(lines),
    }
    return house_figure(traces, layout, height=420)


def status_bars(frame: pd.DataFrame, labels: dict[str, str], *, title: str) -> go.Figure:
    """How many obstacles stand at each status (latest response), largest first."""
    ordered = frame.iloc[::-1]
    total = max(int(frame["obstacles"].sum()), 1)
    bars = {
        "type": "bar",
        "x": ordered["obstacles"],
        "y": [labels.get(s, s) for s in ordered["status"]],
        "orientation": "h",
        "marker": {"color": PRIMARY},
        "text": ordered["obstacles"],
        "textposition": "outside",
        "cliponaxis": False,
        "customdata": ordered["obstacles"] / total,
        "hovertemplate": "%{y}: %{x} knelpunten (%{customdata:.0%})<extra></extra>",
    }
    layout = {
        "title": {"text": title},
        "xaxis": {"title": {"text": "aantal knelpunten"}},
        "showlegend": False,
    }
    return house_figure([bars], layout, height=max(260, 40 * len(frame) + 100))
