"""Maps of the province: a choropleth of municipal outlines and a tile map, plus its layout.

Both maps are plain `go.Scatter` traces on hidden axes: every outline is a filled SVG
path. So they render in a browser without internet (no map tiles, glyphs or topojson from
a CDN, which plotly's geo and MapLibre traces need) and export to PNG or SVG as vectors.
The choropleth is an equirectangular projection at the province's mean latitude: the
y axis is stretched by 1/cos(latitude), so a kilometre is as long north-south as east-west
(the error across a province is under 1%).

Small numbers are never coloured by their value: they are grey and hatched, labelled
'weinig gevallen', and left out of the colour scale, so that a municipality with two
cases cannot look like the extreme of the province.

Input frames:
- boundaries: cbs_code, name, geometry_geojson (WGS84 GeoJSON geometry, a Polygon or
  MultiPolygon, as text or dict); optional centroid_lon, centroid_lat for the labels.
- measure: cbs_code, value, low, high (interval), n, small_numbers (bool), label (extra
  hover text); municipalities missing from it are shown as 'geen gegevens'.
- tiles: cbs_code, name, col, row (see `tile_layout`).
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Mapping, Sequence
from itertools import pairwise

import pandas as pd
import plotly.graph_objects as go
from plotly.colors import sample_colorscale

from charts.theme import FONT, MUTED, region_colours, styled
from readmodel import format

COLORSCALE = [[0.0, "#deebf7"], [0.5, "#6baed6"], [1.0, "#08306b"]]
SMALL_FILL = "#e4e7eb"
SMALL_PATTERN = {"shape": "/", "fgcolor": "#9aa5b1", "size": 6, "solidity": 0.25}
NO_DATA_FILL = "#ffffff"
BORDER = "#ffffff"
NO_DATA_BORDER = "#b7c0c9"
SMALL_LABEL = "weinig gevallen"
NO_DATA_LABEL = "geen gegevens"
INTERVAL_LABEL = "95%-interval"
TILE_SIZE = 0.92  # of a grid cell; the rest is the white gap between tiles
TILE_NAME_CHARS = 11


# ------------------------------------------------------------------ formatting


def format_value(value: object, spec: str) -> str:
    """A number in Dutch notation (readmodel.format) for a d3 format spec of the colour bar:
    '.0%' (0.423 -> '42%'), '.1f' (3.25 -> '3,3'), ',d' (12345 -> '12.345')."""
    if spec.endswith("%"):
        return format.percent(value)
    if spec.endswith("d"):
        return format.count(value)
    return format.decimal(value, int(spec.rstrip("f").rsplit(".", 1)[-1] or 0))


def hover_text(row: Mapping[str, object], value_format: str) -> str:
    """The hover label of one municipality: name, value with its interval, label, n."""
    lines = [f"<b>{html.escape(str(row['name']))}</b>"]
    value = row.get("value")
    if _missing(value):
        lines.append(NO_DATA_LABEL)
    else:
        text = format_value(value, value_format)
        if not _missing(row.get("low")) and not _missing(row.get("high")):
            low, high = (
                format_value(row["low"], value_format),
                format_value(row["high"], value_format),
            )
            text += f" ({INTERVAL_LABEL} {low} – {high})"
        lines.append(text)
    label = row.get("label")
    if isinstance(label, str) and label.strip():
        lines.append(html.escape(label.strip()))
    n = row.get("n")
    if not _missing(n):
        lines.append(f"n = {format_value(int(n), ',d')}")
    if bool(row.get("small_numbers")) and not _missing(value):
        lines.append(f"<i>{SMALL_LABEL}: het cijfer is onzeker</i>")
    return "<br>".join(lines)


def abbreviate(name: str, width: int = TILE_NAME_CHARS) -> str:
    """A name that fits a tile: words wrapped on at most two lines of `width` characters;
    a word that is too long is cut with a full stop ('Vijfheerenlanden' -> 'Vijfheeren.')."""
    words = [w if len(w) <= width else w[: width - 1] + "." for w in name.split()]
    lines: list[str] = []
    for word in words:
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    if len(lines) > 2:
        lines = [lines[0], " ".join(w[0] + "." for w in " ".join(lines[1:]).split())]
    return "<br>".join(html.escape(line) for line in lines)


def _missing(value: object) -> bool:
    if value is None or value is pd.NA:
        return True
    try:
        return bool(math.isnan(value))  # type: ignore[arg-type]
    except TypeError:
        return False


# ------------------------------------------------------------------ colours


def colour_range(frame: pd.DataFrame) -> tuple[float, float] | None:
    """Lowest and highest value of the municipalities that are coloured (not small numbers)."""
    coloured = frame[_coloured(frame)]
    if coloured.empty:
        return None
    low, high = float(coloured["value"].min()), float(coloured["value"].max())
    return (low, high) if high > low else (low, low + (abs(low) or 1.0) * 1e-9)


def _coloured(frame: pd.DataFrame) -> pd.Series:
    values = pd.to_numeric(frame["value"], errors="coerce")
    small = frame["small_numbers"].fillna(False).astype(bool)
    return values.notna() & ~small


def colour_of(value: float, bounds: tuple[float, float]) -> str:
    low, high = bounds
    share = min(max((value - low) / (high - low), 0.0), 1.0)
    return sample_colorscale(COLORSCALE, [share])[0]


def _rgb(colour: str) -> tuple[int, int, int]:
    if colour.startswith("#"):
        return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]
    parts = colour[colour.index("(") + 1 : colour.index(")")].split(",")
    return tuple(int(float(p)) for p in parts[:3])  # type: ignore[return-value]


def text_colour(fill: str) -> str:
    """Dark text on light fills, white on dark ones (relative luminance, WCAG)."""

    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(fill))
    return "#1b1f23" if 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.28 else "#ffffff"


def _fill(row: Mapping[str, object], bounds: tuple[float, float] | None) -> str:
    if _missing(row.get("value")):
        return NO_DATA_FILL
    if bool(row.get("small_numbers")) or bounds is None:
        return SMALL_FILL
    return colour_of(float(row["value"]), bounds)


# ------------------------------------------------------------------ geometry (plain Python)


def polygons_of(geometry: str | Mapping) -> list[list[list[tuple[float, float]]]]:
    """A GeoJSON Polygon or MultiPolygon as a list of polygons, each a list of rings."""
    shape = json.loads(geometry) if isinstance(geometry, str) else geometry
    coordinates = shape.get("coordinates") or []
    if shape.get("type") == "Polygon":
        coordinates = [coordinates]
    elif shape.get("type") != "MultiPolygon":
        raise ValueError(f"expected a Polygon or MultiPolygon, not {shape.get('type')!r}")
    return [
        [[(float(x), float(y)) for x, y, *_ in ring] for ring in polygon] for polygon in coordinates
    ]


def path_xy(polygons) -> tuple[list[float | None], list[float | None]]:
    """Every ring as one closed run of points, runs separated by None (plotly's gaps)."""
    xs: list[float | None] = []
    ys: list[float | None] = []
    for polygon in polygons:
        for ring in polygon:
            if xs:
                xs.append(None)
                ys.append(None)
            xs += [x for x, _ in ring]
            ys += [y for _, y in ring]
    return xs, ys


def _ring_area_centroid(ring) -> tuple[float, float, float]:
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in pairwise(ring):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if area == 0:
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        return 0.0, sum(xs) / len(xs), sum(ys) / len(ys)
    return area / 2, cx / (3 * area), cy / (3 * area)


def label_point(polygons) -> tuple[float, float]:
    """Area centroid of the largest part (in degrees, good enough for placing a label)."""
    parts = [_ring_area_centroid(polygon[0]) for polygon in polygons if polygon]
    _, x, y = max(parts, key=lambda part: abs(part[0]))
    return x, y


def bounds_of(polygon_lists) -> tuple[float, float, float, float]:
    xs = [x for polygons in polygon_lists for p in polygons for r in p for x, _ in r]
    ys = [y for polygons in polygon_lists for p in polygons for r in p for _, y in r]
    return min(xs), min(ys), max(xs), max(ys)


# ------------------------------------------------------------------ traces shared by both maps


def _joined(places: pd.DataFrame, measure: pd.DataFrame) -> pd.DataFrame:
    wanted = ["cbs_code", "value", "low", "high", "n", "small_numbers", "label"]
    frame = places.merge(measure.reindex(columns=wanted), on="cbs_code", how="left")
    frame["small_numbers"] = frame["small_numbers"].astype("boolean").fillna(False).astype(bool)
    return frame.sort_values("cbs_code").reset_index(drop=True)


def _colour_bar(frame: pd.DataFrame, bounds, value_format: str, x: float, y: float) -> go.Scatter:
    """Invisible markers that carry the colour bar: only the coloured municipalities."""
    coloured = frame[_coloured(frame)]
    return go.Scatter(
        x=[x] * len(coloured),
        y=[y] * len(coloured),
        mode="markers",
        marker={
            "color": coloured["value"].astype(float).tolist(),
            "colorscale": COLORSCALE,
            "cmin": bounds[0],
            "cmax": bounds[1],
            "size": 0.1,
            "opacity": 0,
            "showscale": True,
            "colorbar": {
                "thickness": 14,
                "len": 0.6,
                "tickformat": value_format,
                "outlinewidth": 0,
            },
        },
        customdata=coloured["cbs_code"].tolist(),
        hoverinfo="skip",
        showlegend=False,
        name="kleurschaal",
        meta={"layer": "colorbar"},
    )


def _legend_entries(frame: pd.DataFrame) -> list[go.Scatter]:
    """Legend squares for the greys: few cases (hatched) and no figure."""
    entries = []
    small = frame["small_numbers"] & frame["value"].notna()
    if small.any():
        entries.append(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                marker={"symbol": "square", "size": 14, "color": "#c3cad1"},
                name=SMALL_LABEL,
                hoverinfo="skip",
                meta={"layer": "legend"},
            )
        )
    if frame["value"].isna().any():
        entries.append(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                marker={
                    "symbol": "square-open",
                    "size": 14,
                    "color": NO_DATA_BORDER,
                },
                name=NO_DATA_LABEL,
                hoverinfo="skip",
                meta={"layer": "legend"},
            )
        )
    return entries


def _area_trace(xs, ys, row: Mapping[str, object], fill: str, value_format: str, layer: str):
    small = bool(row.get("small_numbers")) and not _missing(row.get("value"))
    return go.Scatter(
        x=xs,
        y=ys,
        mode="lines",
        fill="toself",
        fillcolor=fill,
        fillpattern=SMALL_PATTERN if small else None,
        line={"color": NO_DATA_BORDER if fill == NO_DATA_FILL else BORDER, "width": 1},
        hoveron="fills",
        # hover on a filled area shows the trace's (scalar) text
        text=hover_text(row, value_format),
        hoverinfo="text",
        name=str(row["name"]),
        showlegend=False,
        meta={"layer": layer, "cbs_code": row["cbs_code"], "small_numbers": small},
    )


def _hidden_axes(figure: go.Figure, x_range, y_range, y_ratio: float) -> None:
    figure.update_xaxes(visible=False, range=list(x_range), fixedrange=False)
    figure.update_yaxes(visible=False, range=list(y_range), scaleanchor="x", scaleratio=y_ratio)
    figure.update_layout(
        hovermode="closest",
        legend={"orientation": "h", "yanchor": "top", "y": 0.0, "x": 0.0},
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        hoverlabel={"font": {"family": FONT}, "align": "left"},
    )


# ------------------------------------------------------------------ the choropleth


# Up to this many municipalities the map writes their names on it.
LABELLED_UP_TO = 80


def choropleth_figure(
    boundaries: pd.DataFrame,
    measure: pd.DataFrame,
    title: str,
    value_format: str = ".0%",
    region_outlines: Mapping[str, Mapping] | Sequence[Mapping] | None = None,
    *,
    region_names: Mapping[str, str] | None = None,
    height: int = 640,
) -> go.Figure:
    """Municipalities coloured by `value`, fitted to the province.

    Layers (trace `meta["layer"]`): one 'municipality' trace per municipality (hover:
    name, value with interval, label, n), one 'region' line per region outline, one
    'labels' trace with the names, one 'colorbar' trace, and 'legend' entries for small
    numbers and missing figures.
    """
    frame = _joined(boundaries, measure)
    shapes = [polygons_of(g) for g in frame["geometry_geojson"]]
    bounds = colour_range(frame)
    xmin, ymin, xmax, ymax = bounds_of(shapes)
    lat0 = (ymin + ymax) / 2
    figure = go.Figure()
    fills = []
    for row, polygons in zip(frame.to_dict("records"), shapes, strict=True):
        xs, ys = path_xy(polygons)
        fill = _fill(row, bounds)
        fills.append(fill)
        figure.add_trace(_area_trace(xs, ys, row, fill, value_format, "municipality"))

    colours = region_colours(list(region_names or {}))
    for key, geometry in _outlines(region_outlines):
        xs, ys = path_xy(polygons_of(geometry))
        figure.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                line={"color": colours.get(key, MUTED), "width": 2.5},
                name=(region_names or {}).get(key, key),
                hoverinfo="skip",
                meta={"layer": "region", "region_code": key},
            )
        )

    if {"centroid_lon", "centroid_lat"} <= set(frame.columns):
        points = list(zip(frame["centroid_lon"], frame["centroid_lat"], strict=True))
    else:
        points = [label_point(polygons) for polygons in shapes]
    # A province's names fit on its map; the whole country's would cover it: names are
    # then in the hover only.
    names = frame["name"] if len(frame) <= LABELLED_UP_TO else frame["name"].iloc[0:0]
    points, label_fills = points[: len(names)], fills[: len(names)]
    figure.add_trace(
        go.Scatter(
            x=[p[0] for p in points],
            y=[p[1] for p in points],
            mode="text",
            text=[html.escape(str(n)) for n in names],
            textfont={
                "size": 10,
                "color": [text_colour(f) for f in label_fills],
                "family": FONT,
            },
            hoverinfo="skip",
            showlegend=False,
            name="namen",
            meta={"layer": "labels"},
        )
    )
    if bounds is not None:
        figure.add_trace(_colour_bar(frame, bounds, value_format, xmin, ymin))
    for entry in _legend_entries(frame):
        figure.add_trace(entry)

    pad_x, pad_y = (xmax - xmin) * 0.02, (ymax - ymin) * 0.02
    figure.update_layout(title=title)
    figure = styled(figure, height=height)
    _hidden_axes(
        figure,
        (xmin - pad_x, xmax + pad_x),
        (ymin - pad_y, ymax + pad_y),
        1 / math.cos(math.radians(lat0)),
    )
    return figure


def _outlines(outlines) -> list[tuple[str, Mapping]]:
    if outlines is None:
        return []
    if isinstance(outlines, Mapping):
        return [(str(k), v) for k, v in outlines.items()]
    return [(f"regio {i}", v) for i, v in enumerate(outlines, start=1)]


# ------------------------------------------------------------------ the tile map


def tile_map_figure(
    tiles: pd.DataFrame,
    measure: pd.DataFrame,
    title: str,
    value_format: str = ".0%",
    *,
    height: int = 560,
) -> go.Figure:
    """Every municipality an equal square at its grid cell (row 0 = north), with its
    (abbreviated) name and value; small numbers grey and hatched.

    Layers (trace `meta["layer"]`): one 'tile' trace per municipality, one 'labels'
    trace, one 'colorbar' trace and 'legend' entries.
    """
    frame = _joined(tiles, measure)
    bounds = colour_range(frame)
    half = TILE_SIZE / 2
    figure = go.Figure()
    fills, texts = [], []
    for row in frame.to_dict("records"):
        x, y = float(row["col"]), -float(row["row"])
        square = [
            (x - half, y - half),
            (x + half, y - half),
            (x + half, y + half),
            (x - half, y + half),
            (x - half, y - half),
        ]
        fill = _fill(row, bounds)
        fills.append(fill)
        figure.add_trace(
            _area_trace(
                [p[0] for p in square], [p[1] for p in square], row, fill, value_format, "tile"
            )
        )
        if _missing(row.get("value")):
            second = NO_DATA_LABEL
        elif bool(row.get("small_numbers")):
            second = f"<i>{SMALL_LABEL}</i>"
        else:
            second = format_value(row["value"], value_format)
        texts.append(f"<b>{abbreviate(str(row['name']))}</b><br>{second}")
    figure.add_trace(
        go.Scatter(
            x=frame["col"].astype(float).tolist(),
            y=(-frame["row"].astype(float)).tolist(),
            mode="text",
            text=texts,
            textfont={"size": 10, "color": [text_colour(f) for f in fills], "family": FONT},
            hoverinfo="skip",
            showlegend=False,
            name="namen",
            meta={"layer": "labels"},
        )
    )
    if bounds is not None:
        figure.add_trace(_colour_bar(frame, bounds, value_format, 0.0, 0.0))
    for entry in _legend_entries(frame):
        figure.add_trace(entry)
    figure.update_layout(title=title)
    figure = styled(figure, height=height)
    cols, rows = int(frame["col"].max()), int(frame["row"].max())
    _hidden_axes(figure, (-0.6, cols + 0.6), (-rows - 0.6, 0.6), 1.0)
    return figure
