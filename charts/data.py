"""The numbers a figure draws, as a table: the text alternative of every chart.

A chart is no use to someone who cannot see it; the table says the same in rows a screen
reader reads out (and anyone can copy). Built from the figure itself, so it always shows
exactly what was drawn: one row per point of every trace that carries data (reference
lines, bands and decorations, which have no hover, are left out).
"""

from __future__ import annotations

import html
import re

import pandas as pd
import plotly.graph_objects as go

from charts import strings

_TAGS = re.compile(r"<[^>]+>")


def figure_table(figure: go.Figure) -> pd.DataFrame:
    """Series, category (or x) and value of every point; empty when nothing is drawn."""
    rows = []
    for trace in figure.data:
        if trace.type not in ("bar", "scatter") or trace.hoverinfo == "skip":
            continue
        if trace.x is None or trace.y is None:
            continue
        horizontal = trace.type == "bar" and trace.orientation == "h"
        categories, values = (trace.y, trace.x) if horizontal else (trace.x, trace.y)
        name = _plain(trace.name) if trace.name else ""
        for category, value in zip(categories, values, strict=False):
            if category is None or value is None:
                continue
            rows.append(
                {
                    strings.TABLE_SERIES: name,
                    strings.TABLE_CATEGORY: _plain(category),
                    strings.TABLE_VALUE: value,
                }
            )
    frame = pd.DataFrame(
        rows, columns=[strings.TABLE_SERIES, strings.TABLE_CATEGORY, strings.TABLE_VALUE]
    )
    if frame[strings.TABLE_SERIES].nunique() <= 1:
        frame = frame.drop(columns=strings.TABLE_SERIES)
    return frame


def _plain(value: object) -> str:
    """Axis labels and names without the HTML line breaks and tags of the chart."""
    text = str(value).replace("<br>", " ")
    return html.unescape(_TAGS.sub("", text)).strip()
