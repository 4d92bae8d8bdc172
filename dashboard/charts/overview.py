"""Charts of the overview page: reports per quarter, top categories and themes."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.theme import ACCENT, PRIMARY, styled


def quarter_trend(frame: pd.DataFrame) -> go.Figure:
    """Bars: obstacles reported per quarter; line: how many of them are resolved by now."""
    figure = go.Figure()
    figure.add_bar(
        x=frame["label"],
        y=frame["obstacles"],
        name="Gemeld",
        marker_color=PRIMARY,
        hovertemplate="%{x}: %{y} gemeld<extra></extra>",
    )
    figure.add_scatter(
        x=frame["label"],
        y=frame["resolved"],
        name="Waarvan (deels) opgelost",
        mode="lines+markers",
        line={"color": ACCENT, "width": 3},
        hovertemplate="%{x}: %{y} (deels) opgelost<extra></extra>",
    )
    figure.update_layout(title="Knelpunten per kwartaal", yaxis_title="aantal knelpunten")
    return styled(figure)


def ranked_bars(frame: pd.DataFrame, labels: dict[str, str], title: str) -> go.Figure:
    """Horizontal bars, largest on top, with the count and the share resolved in the hover."""
    ordered = frame.iloc[::-1]
    names = [labels.get(code, code) for code in ordered["code"]]
    share = (ordered["resolved"] / ordered["obstacles"]).fillna(0)
    figure = go.Figure(
        go.Bar(
            x=ordered["obstacles"],
            y=names,
            orientation="h",
            marker_color=PRIMARY,
            customdata=list(zip(ordered["resolved"], share, strict=True)),
            text=ordered["obstacles"],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{x} knelpunten, waarvan %{customdata[0]} (deels) opgelost "
            "(%{customdata[1]:.0%})<extra></extra>",
        )
    )
    figure.update_layout(title=title, xaxis_title="aantal knelpunten", showlegend=False)
    figure.update_xaxes(showgrid=True, gridcolor="#eef1f4")
    figure.update_yaxes(gridcolor="rgba(0,0,0,0)")
    figure.update_traces(marker_line_width=0)
    figure.update_layout(bargap=0.3)
    return styled(figure, height=max(260, 36 * len(frame) + 80))
