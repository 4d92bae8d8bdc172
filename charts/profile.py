"""Charts of the municipality profile: response-time curves and where obstacles stand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from charts.theme import ACCENT, MUTED, PRIMARY, styled, vertical_line, with_lines


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
    figure = go.Figure()
    for (name, curve), colour in zip(curves.items(), (PRIMARY, ACCENT, MUTED), strict=False):
        part = curve[curve["t"] <= horizon]
        if part.empty:
            continue
        # Carry the last step on to the horizon, as a step function does.
        t = np.append(part["t"].to_numpy(dtype=float), horizon)
        answered = _extended(100 * (1 - part["survival"]))
        low = _extended(100 * (1 - part["high"]))
        high = _extended(100 * (1 - part["low"]))
        figure.add_scatter(
            x=t,
            y=high,
            mode="lines",
            line_shape="hv",
            line={"width": 0},
            showlegend=False,
            hoverinfo="skip",
        )
        figure.add_scatter(
            x=t,
            y=low,
            mode="lines",
            line_shape="hv",
            line={"width": 0},
            fill="tonexty",
            fillcolor=_rgba(colour, 0.18),
            showlegend=False,
            hoverinfo="skip",
        )
        figure.add_scatter(
            x=t,
            y=answered,
            mode="lines",
            line_shape="hv",
            name=name,
            line={"color": colour, "width": 3},
            hovertemplate=f"{name}: na %{{x}} dagen %{{y:.0f}}% beantwoord<extra></extra>",
        )
    with_lines(
        figure,
        [
            vertical_line(days, {"color": "#9aa5b1", "dash": "dot"}, f"{days} dagen")
            for days in (30, 90)
        ],
    )
    figure.update_layout(
        title=title,
        xaxis={"title": "dagen na de melding", "range": [0, horizon]},
        yaxis={"title": "aandeel met een eerste reactie", "range": [0, 100], "ticksuffix": "%"},
    )
    return styled(figure, height=420)


def status_bars(frame: pd.DataFrame, labels: dict[str, str], *, title: str) -> go.Figure:
    """How many obstacles stand at each status (latest response), largest first."""
    ordered = frame.iloc[::-1]
    total = max(int(frame["obstacles"].sum()), 1)
    figure = go.Figure(
        go.Bar(
            x=ordered["obstacles"],
            y=[labels.get(s, s) for s in ordered["status"]],
            orientation="h",
            marker_color=PRIMARY,
            text=ordered["obstacles"],
            textposition="outside",
            cliponaxis=False,
            customdata=ordered["obstacles"] / total,
            hovertemplate="%{y}: %{x} knelpunten (%{customdata:.0%})<extra></extra>",
        )
    )
    figure.update_layout(title=title, xaxis_title="aantal knelpunten", showlegend=False)
    return styled(figure, height=max(260, 40 * len(frame) + 100))
