"""Charts of the compare page: every municipality with its interval, and the funnel plot."""

from __future__ import annotations

import html
import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from charts.theme import (
    BAD,
    GOOD,
    MUTED,
    PRIMARY,
    horizontal_line,
    house_figure,
    line_layout,
    region_colours,
    vertical_line,
)
from readmodel import format

PERCENT, NUMBER = format.PERCENT, format.NUMBER
LEGEND_PER_ROW = 5  # legend entries on one line of a full-width chart
FUNNEL_NAMES = 12  # names written beside funnel points, at most


def dot_plot(
    table: pd.DataFrame,
    references: pd.DataFrame,
    *,
    title: str,
    unit: str,
    colour_of: dict[str, str | None],
    region_names: dict[str, str],
) -> go.Figure:
    """One row per municipality (sorted by value), a dot with its 95% interval as error bar.

    Small numbers get an open grey marker and '(weinig gevallen)'; tiny ones (suppressed)
    no dot at all. Reference rows (province, regions) are dashed vertical lines.
    """
    rows = table.sort_values(["value", "name"], na_position="first")
    colours = region_colours(list(region_names))
    scale = 100 if unit == PERCENT else 1
    traces = []
    for region, group in rows.groupby(rows["cbs_code"].map(colour_of), dropna=False, sort=False):
        region = None if region != region else region
        solid = group[~group["small_numbers"]]
        few = group[group["small_numbers"]]
        for part, few_cases in ((solid, False), (few, True)):
            if part.empty:
                continue
            colour = MUTED if few_cases else colours.get(region, MUTED)
            name = region_names.get(region, "Overig") if region else "Overig"
            traces.append(
                {
                    "type": "scatter",
                    "x": part["value"] * scale,
                    "y": part["label"],
                    "mode": "markers",
                    "name": f"{name} (weinig gevallen)" if few_cases else name,
                    "legendgroup": name,
                    "showlegend": not few_cases or solid.empty,
                    "marker": {
                        "color": "white" if few_cases else colour,
                        "size": 11,
                        "line": {"color": colour, "width": 2},
                    },
                    "error_x": {
                        "type": "data",
                        "symmetric": False,
                        "array": (part["high"] - part["value"]) * scale,
                        "arrayminus": (part["value"] - part["low"]) * scale,
                        "color": colour,
                        "thickness": 1.5,
                        "width": 0,
                    },
                    "customdata": np.column_stack([part["hover"]]),
                    "hovertemplate": "%{customdata[0]}<extra></extra>",
                }
            )
    lines = []
    for _, ref in references.iterrows():
        if ref["value"] != ref["value"]:
            continue
        dash = "solid" if ref["code"] == "provincie" else "dash"
        colour = "#333333" if ref["code"] == "provincie" else colours.get(ref["code"], MUTED)
        lines.append(
            vertical_line(ref["value"] * scale, {"color": colour, "dash": dash, "width": 1.5})
        )
        # A legend entry per reference line: annotations on top of each other are unreadable.
        traces.append(
            {
                "type": "scatter",
                "x": [None],
                "y": [None],
                "mode": "lines",
                "line": {"color": colour, "dash": dash},
                "name": f"{ref['name']}: {format.value(ref['value'], unit)}",
            }
        )
    xaxis = {"title": {"text": "%" if unit == PERCENT else title}}
    if unit == PERCENT:
        xaxis |= {"range": [0, 100], "ticksuffix": "%"}
    layout = {
        "title": {"text": title},
        "xaxis": xaxis,
        "yaxis": {"categoryorder": "array", "categoryarray": list(rows["label"])},
        **line_layout(lines),
    }
    # Twelve provinces and a reference need three legend rows: room for them under the title.
    entries = sum(1 for trace in traces if trace.get("showlegend") is not False)
    rows_of_legend = math.ceil(entries / LEGEND_PER_ROW)
    figure = house_figure(traces, layout, height=max(420, 24 * len(rows) + 140))
    if rows_of_legend > 1:
        figure.update_layout(margin_t=90 + 24 * (rows_of_legend - 1))
    return figure


def funnel_plot(
    points: pd.DataFrame, limits: pd.DataFrame, p0: float, *, title: str, province: str
) -> go.Figure:
    """Spiegelhalter funnel: share against number of obstacles, 95% and 99.8% limits."""
    traces = []
    for level, dash in ((0.998, "dot"), (0.95, "dash")):
        band = limits[limits["level"] == level].sort_values("n")
        label = "99,8%-grens" if level == 0.998 else "95%-grens"
        for column, show in (("high", True), ("low", False)):
            traces.append(
                {
                    "type": "scatter",
                    "x": band["n"],
                    "y": band[column] * 100,
                    "mode": "lines",
                    "name": label,
                    "legendgroup": label,
                    "showlegend": show,
                    "line": {"color": "#6b7785", "dash": dash, "width": 1.5},
                    "hoverinfo": "skip",
                }
            )
    average = horizontal_line(
        p0 * 100, {"color": "#333333", "width": 1.5}, f"{province}: {format.percent(p0)}"
    )
    shown = points[points["band"].notna() & ~points["suppressed"]]
    colours = (
        shown["band"]
        .map({"boven_998": GOOD, "boven_95": GOOD, "onder_998": BAD, "onder_95": BAD})
        .fillna(PRIMARY)
    )
    outside = shown["band"] != "binnen"
    if outside.sum() > FUNNEL_NAMES:
        # Many names would cover each other: then only the most striking, beyond 99,8%.
        outside = shown["band"].isin(["boven_998", "onder_998"])
        if outside.sum() > FUNNEL_NAMES:
            outside = outside & False
    traces.append(
        {
            "type": "scatter",
            "x": shown["obstacles"],
            "y": shown["share"] * 100,
            "mode": "markers+text",
            "text": np.where(outside, shown["name"], ""),
            "textposition": "middle right",
            "marker": {
                "color": colours,
                "size": 10,
                # Shape, not only colour, says above or below: readable for colour-blind eyes.
                "symbol": [
                    _symbol(band, few)
                    for band, few in zip(shown["band"], shown["small_numbers"], strict=True)
                ],
            },
            "name": "Gemeente",
            "customdata": np.column_stack([shown["hover"]]),
            "hovertemplate": "%{customdata[0]}<extra></extra>",
        }
    )
    layout = {
        "title": {"text": title},
        "xaxis": {"title": {"text": "aantal knelpunten (noemer)"}, "rangemode": "tozero"},
        "yaxis": {"title": {"text": "aandeel (%)"}, "range": [0, 100], "ticksuffix": "%"},
        **line_layout([average]),
    }
    return house_figure(traces, layout, height=480)


def with_labels(table: pd.DataFrame, unit: str) -> pd.DataFrame:
    """Axis label ('Renswoude*' for few cases) and Dutch hover text with the interval."""
    label = table["name"].astype(str) + table["small_numbers"].map({True: " *", False: ""})
    hover = (
        "<b>"
        + table["name"].map(html.escape)
        + "</b><br>"
        + [
            format.interval(v, lo, hi, unit)
            for v, lo, hi in zip(table["value"], table["low"], table["high"], strict=True)
        ]
        + "<br>"
        + [format.count(n) for n in table["n"]]
        + " gevallen"
        + np.where(table["small_numbers"], " (weinig gevallen: niet gerangschikt)", "")
    )
    return table.assign(label=label, hover=hover)


def _symbol(band: str, few: bool) -> str:
    shape = (
        "triangle-up"
        if band.startswith("boven")
        else "triangle-down"
        if band.startswith("onder")
        else "circle"
    )
    return f"{shape}-open" if few else shape
