"""Chart of the quality page: what the rejected rows broke, per rule and file."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts import strings
from charts.theme import ACCENT, MUTED, PRIMARY, styled
from readmodel import strings as labels

SOURCE_COLOURS = {
    "initiatives": PRIMARY,
    "obstacles": ACCENT,
    "responses": "#2e8b57",
    "aliases": "#7d3c98",
    "erasures": MUTED,
}


def rejects_bars(summary: pd.DataFrame) -> go.Figure:
    """Horizontal bars: rejects per rule (rows x rules), stacked by source, most on top."""
    per_rule = summary.groupby(["rule", "source"], as_index=False)["rejects"].sum()
    per_rule = per_rule.assign(
        label=per_rule["rule"].map(labels.RULE_LABELS).fillna(per_rule["rule"])
    )
    order = per_rule.groupby("label")["rejects"].sum().sort_values(kind="stable")
    figure = go.Figure()
    for source, part in per_rule.groupby("source", sort=False):
        name = labels.SOURCE_LABELS.get(source, source)
        figure.add_bar(
            x=part["rejects"],
            y=part["label"],
            orientation="h",
            name=name,
            marker_color=SOURCE_COLOURS.get(source, MUTED),
            hovertemplate=f"%{{y}}: %{{x}} afkeuringen<extra>{name}</extra>",
        )
    figure.update_layout(
        title=strings.QUALITY_REJECTS_CHART,
        xaxis_title=strings.QUALITY_REJECTS_AXIS,
        barmode="stack",
        bargap=0.3,
        legend_traceorder="normal",
    )
    figure.update_yaxes(
        categoryorder="array", categoryarray=list(order.index), gridcolor="rgba(0,0,0,0)"
    )
    figure.update_xaxes(showgrid=True, gridcolor="#eef1f4", rangemode="tozero")
    return styled(figure, height=max(260, 32 * len(order) + 120))
