"""Charts of the overview page: reports per quarter, top categories and themes."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from charts import strings
from charts.theme import ACCENT, LIGHT, PRIMARY, house_figure
from readmodel import format


def quarter_trend(frame: pd.DataFrame) -> go.Figure:
    """Bars: obstacles reported per quarter, an incomplete quarter hatched and lighter;
    line (right axis): the share of each quarter's obstacles resolved within 90 days,
    counted only over obstacles followed at least 90 days (readmodel.overview.per_quarter).
    """
    complete = frame["complete"].astype(bool).to_numpy()
    reported = {
        "type": "bar",
        "x": frame["label"],
        "y": frame["obstacles"],
        "name": strings.TREND_REPORTED,
        "marker": {
            "color": np.where(complete, PRIMARY, LIGHT),
            "line": {"color": PRIMARY, "width": 1.5},
            "pattern": {"shape": np.where(complete, "", "/"), "fgcolor": PRIMARY},
        },
        "customdata": [format.count(n) for n in frame["obstacles"]],
        "hovertemplate": "%{x}: %{customdata} gemeld<extra></extra>",
    }
    hover = [
        strings.TREND_HOVER.format(
            share=format.interval(v, lo, hi, format.PERCENT),
            resolved=format.count(k),
            followed=format.count(n),
        )
        for v, lo, hi, k, n in zip(
            frame["value"],
            frame["low"],
            frame["high"],
            frame["resolved_in_90d"],
            frame["followed_90d"],
            strict=True,
        )
    ]
    # A quarter with nothing followed 90 days leaves a gap rather than a line through it.
    resolved = {
        "type": "scatter",
        "x": frame["label"],
        "y": frame["value"] * 100,
        "connectgaps": False,
        "name": strings.TREND_RESOLVED_90D,
        "mode": "lines+markers",
        "yaxis": "y2",
        "line": {"color": ACCENT, "width": 3},
        "marker": {"symbol": "diamond", "size": 9},
        "customdata": np.asarray(hover, dtype=object),
        "hovertemplate": "%{x}: %{customdata}<extra></extra>",
    }
    layout = {
        "title": {"text": strings.TREND_TITLE},
        # Counts are whole: with few reports plotly would otherwise tick at 0,5.
        "yaxis": {
            "title": {"text": strings.TREND_AXIS_COUNT},
            "dtick": 1 if frame["obstacles"].max() <= 5 else None,
        },
        "yaxis2": {
            "title": {"text": strings.TREND_AXIS_SHARE},
            "overlaying": "y",
            "side": "right",
            "range": [0, 100],
            # Streamlit's theme syncs a second axis to the first axis's grid, which gives
            # ticks such as 25,1%; a share reads better on quarters.
            "tickmode": "array",
            "tickvals": [0, 25, 50, 75, 100],
            "ticktext": ["0%", "25%", "50%", "75%", "100%"],
            "showgrid": False,
        },
    }
    return house_figure([reported, resolved], layout)


def ranked_bars(frame: pd.DataFrame, labels: dict[str, str], title: str) -> go.Figure:
    """Horizontal bars, largest on top, with the count and the share resolved in the hover."""
    ordered = frame.iloc[::-1]
    names = [labels.get(code, code) for code in ordered["code"]]
    share = (ordered["resolved"] / ordered["obstacles"]).fillna(0)
    bars = {
        "type": "bar",
        "x": ordered["obstacles"],
        "y": names,
        "orientation": "h",
        "marker": {"color": PRIMARY, "line": {"width": 0}},
        "customdata": list(zip(ordered["resolved"], share, strict=True)),
        "text": ordered["obstacles"],
        "textposition": "outside",
        "cliponaxis": False,
        "hovertemplate": "%{y}: %{x} knelpunten, waarvan %{customdata[0]} (deels) opgelost "
        "(%{customdata[1]:.0%})<extra></extra>",
    }
    layout = {
        "title": {"text": title},
        "xaxis": {"title": {"text": "aantal knelpunten"}},
        "showlegend": False,
        "bargap": 0.3,
    }
    return house_figure([bars], layout, height=max(260, 36 * len(frame) + 80))
