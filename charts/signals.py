"""The small chart of a signal: the unit's monthly series against what its history expected."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from charts import strings
from charts.theme import ACCENT, LIGHT, MUTED, PRIMARY, house_figure, line_layout, vertical_line
from readmodel import format


def signal_chart(series: pd.DataFrame, *, share: bool, since, height: int = 240) -> go.Figure:
    """Bars (volume: per month) or points (a share per three months of report), the changed
    period in the accent colour; the expectation as a dashed line in its 95% band; a line
    where the changed period starts. `series` is one signal's rows of marts.signal_series."""
    months = [format.month(m) for m in series["month"]]
    after = (series["period"] == "after").to_numpy()
    scale = 100.0 if share else 1.0
    value = series["value"].to_numpy(dtype=float) * scale
    expected = series["expected"].to_numpy(dtype=float) * scale
    low = series["expected_low"].to_numpy(dtype=float) * scale
    high = series["expected_high"].to_numpy(dtype=float) * scale
    band_hover = [
        strings.SIGNAL_HOVER_EXPECTED.format(
            expected=_text(e, share), low=_text(lo, share), high=_text(hi, share)
        )
        for e, lo, hi in zip(expected, low, high, strict=True)
    ]
    band = [
        {
            "type": "scatter",
            "x": months,
            "y": high,
            "mode": "lines",
            "line": {"width": 0},
            "hoverinfo": "skip",
            "showlegend": False,
        },
        {
            "type": "scatter",
            "x": months,
            "y": low,
            "mode": "lines",
            "line": {"width": 0},
            "fill": "tonexty",
            "fillcolor": "rgba(107, 119, 133, 0.18)",
            "name": strings.SIGNAL_BAND,
            "hoverinfo": "skip",
        },
        {
            "type": "scatter",
            "x": months,
            "y": expected,
            "mode": "lines",
            "line": {"color": MUTED, "dash": "dash", "width": 2},
            "name": strings.SIGNAL_EXPECTED,
            "customdata": np.asarray(band_hover, dtype=object),
            "hovertemplate": "%{x}: %{customdata}<extra></extra>",
        },
    ]
    colours = np.where(after, ACCENT, LIGHT)
    if share:
        hover = [
            strings.SIGNAL_HOVER_SHARE.format(share=format.percent(v / 100), cases=format.count(n))
            if not np.isnan(v)
            else format.MISSING
            for v, n in zip(value, series["cases"], strict=True)
        ]
        observed = {
            "type": "scatter",
            "x": months,
            "y": value,
            "mode": "markers",
            "marker": {"color": colours, "size": 9, "line": {"color": PRIMARY, "width": 1}},
            "name": strings.SIGNAL_SHARE,
        }
    else:
        hover = [format.count(v) for v in value]
        observed = {
            "type": "bar",
            "x": months,
            "y": value,
            "marker": {"color": colours, "line": {"color": PRIMARY, "width": 1}},
            "name": strings.SIGNAL_OBSERVED,
        }
    observed |= {
        "customdata": np.asarray(hover, dtype=object),
        "hovertemplate": "%{x}: %{customdata}<extra></extra>",
    }
    start = format.month(since)
    layout = {
        "showlegend": True,
        "margin": {"l": 10, "r": 10, "t": 30, "b": 10},
        "yaxis": {
            "title": {"text": strings.SIGNAL_AXIS_SHARE if share else strings.SIGNAL_AXIS_COUNT},
            "rangemode": "tozero",
            # A little room below 0%: a month with nothing answered stays visible.
            **({"range": [-6, 106], "tickvals": [0, 50, 100], "ticksuffix": "%"} if share else {}),
        },
        "xaxis": {"type": "category", "tickangle": -45, "nticks": 12},
        **line_layout([vertical_line(start, {"color": ACCENT, "dash": "dot", "width": 2})]),
    }
    # The label of the changed period at the top of the plot, left of its line (clear of the
    # legend above the plot and of the changed period's bars).
    layout["annotations"] = [
        {
            "x": start,
            "xref": "x",
            "y": 1,
            "yref": "y domain",
            "text": strings.SIGNAL_SINCE.format(month=start),
            "showarrow": False,
            "xanchor": "right",
            "yanchor": "top",
            "font": {"color": ACCENT},
        }
    ]
    return house_figure([*band, observed], layout, height=height)


def _text(value: float, share: bool) -> str:
    if np.isnan(value):
        return format.MISSING
    return format.percent(value / 100) if share else format.decimal(value)
