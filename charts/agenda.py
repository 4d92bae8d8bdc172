"""Chart of the social agenda: how widely each obstacle recurs, and whose job it is."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from charts import strings
from charts.theme import ACCENT, MUTED, PRIMARY, styled
from etl.vocabularies import LEVELS
from readmodel.tables import item_labels

# From near to far: the municipality in the house blue, higher government in warm colours.
LEVEL_COLOURS = {"gemeente": PRIMARY, "regio": "#7fb2d9", "provincie": ACCENT, "rijk": "#8e3b46"}
TOP = 15


def agenda_bars(
    frame: pd.DataFrame, top: int = TOP, title: str = strings.AGENDA_CHART_TITLE
) -> go.Figure:
    """The first `top` items of a ranked agenda, the first on top, in two panels.

    Left: municipalities touched (the ranking). Right: the share of its obstacles per level
    where they must be solved (gemeente, regio, provincie, rijk), adding up to 100%.
    """
    shown = frame.head(top).assign(item=item_labels)
    figure = make_subplots(
        rows=1,
        cols=2,
        shared_yaxes=True,
        column_widths=[0.42, 0.58],
        horizontal_spacing=0.03,
        subplot_titles=(strings.AGENDA_CHART_AXIS, strings.AGENDA_CHART_LEVELS),
    )
    figure.add_bar(
        x=shown["municipalities"],
        y=shown["item"],
        orientation="h",
        marker_color=PRIMARY,
        text=shown["municipalities"],
        textposition="outside",
        cliponaxis=False,
        showlegend=False,
        customdata=shown[["initiatives", "obstacles", "unresolved"]].to_numpy(),
        hovertemplate="<b>%{y}</b><br>%{x} gemeenten, %{customdata[0]} initiatieven<br>"
        "%{customdata[1]} knelpunten, waarvan %{customdata[2]} onopgelost<extra></extra>",
        row=1,
        col=1,
    )
    for code in LEVELS.codes():
        count = shown[f"level_{code}"]
        share = count / shown["obstacles"]
        figure.add_bar(
            x=share,
            y=shown["item"],
            orientation="h",
            name=LEVELS.label(code),
            marker_color=LEVEL_COLOURS.get(code, MUTED),
            customdata=count,
            hovertemplate=f"<b>%{{y}}</b><br>{LEVELS.label(code)}: %{{x:.0%}} "
            "(%{customdata} knelpunten)<extra></extra>",
            row=1,
            col=2,
        )
    figure.update_layout(title=title, barmode="stack", bargap=0.3)
    figure.update_yaxes(
        categoryorder="array", categoryarray=list(shown["item"])[::-1], gridcolor="rgba(0,0,0,0)"
    )
    figure.update_xaxes(showgrid=True, gridcolor="#eef1f4", rangemode="tozero", row=1, col=1)
    figure.update_xaxes(
        tickformat=".0%", range=[0, 1], tickvals=[0, 0.25, 0.5, 0.75, 1], row=1, col=2
    )
    figure.update_traces(marker_line_width=0)
    figure = styled(figure, height=max(340, 30 * len(shown) + 170))
    # The level legend sits under the level panel, in the order near to far.
    figure.update_layout(
        margin={"t": 80, "b": 70},
        legend={"traceorder": "normal", "y": -0.09, "yanchor": "top", "x": 0.45},
    )
    return figure
