"""Kaart: the chosen measure on a map of the province, or on an equal-tile map."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import measures, strings
from dashboard.charts.compare import NUMBER, PERCENT
from dashboard.charts.maps import choropleth_figure, tile_map_figure
from dashboard.charts.tiles import tile_layout
from dashboard.components import chart, empty_selection, image_downloads, measure_picker
from dashboard.context import page_context
from dashboard.queries.compare import comparison_inputs
from dashboard.queries.maps import boundaries, centroids
from etl import settings


@st.cache_data(show_spinner=False)
def _outlines(load_id: int, warehouse: str, shapes: pd.DataFrame, members: pd.DataFrame):
    """Region outlines dissolved from the municipalities (geopandas; cached per load)."""
    from etl.geo.shapes import region_outlines

    return region_outlines(shapes, members)


ctx = page_context()
st.title(strings.NAV_MAP)
selection = ctx.selection_text()
st.write(strings.MAP_INTRO.format(selection=selection))

shapes = boundaries(ctx.con)
left, right = st.columns([2, 1])
measure = measure_picker(left, "map_measure")
kind = right.segmented_control(
    strings.MAP_KIND,
    [strings.MAP_REAL, strings.MAP_TILES],
    default=strings.MAP_REAL if len(shapes) else strings.MAP_TILES,
    help=strings.MAP_TILES_HELP,
    key="map_kind",
    disabled=shapes.empty,
)

inputs = comparison_inputs(ctx.con, ctx.filters)
if inputs.empty:
    empty_selection()
    st.stop()
counts, dates, members = inputs.counts, inputs.dates, inputs.members
unit = PERCENT if measure.is_share else NUMBER
table, _ = measures.against_province(counts, dates, measure, ctx.as_of)
verdicts = table["comparison"].map(
    lambda verdict: strings.MAP_VERDICT.format(verdict=verdict) if verdict else ""
)
values = table.assign(label=verdicts)[
    ["cbs_code", "value", "low", "high", "n", "small_numbers", "label"]
]
value_format = ".0%" if unit == PERCENT else ".1f"
few = settings.small_numbers()

if shapes.empty or kind == strings.MAP_TILES:
    if shapes.empty:
        st.info(strings.MAP_NO_BOUNDARIES, icon="🗺️")
    figure = tile_map_figure(tile_layout(centroids(ctx.con)), values, measure.label, value_format)
    chart(
        figure,
        strings.MAP_TILES_CAPTION.format(measure=measure.label, few=few, selection=selection),
        key="map_tiles",
    )
else:
    outlines = _outlines(
        int(ctx.load["load_id"]), str(ctx.load.get("finished_at")), shapes, members
    )
    figure = choropleth_figure(
        shapes, values, measure.label, value_format, outlines, region_names=ctx.region_names
    )
    chart(
        figure,
        strings.MAP_CAPTION.format(measure=measure.label, few=few, selection=selection),
        key="map_real",
    )
image_downloads(figure, f"kaart_{measure.key}")

names = ctx.municipality_names
left, right = st.columns([2, 1], vertical_alignment="bottom")
code = left.selectbox(
    strings.MAP_OPEN, sorted(names, key=names.get), format_func=names.get, key="map_open"
)
if right.button(strings.MAP_OPEN_BUTTON):
    st.switch_page(Path(__file__).with_name("profile.py"), query_params={"gemeente": code})
