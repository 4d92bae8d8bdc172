"""Kaart: the chosen measure on a map of the province, or on an equal-tile map."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from charts.maps import LABELLED_UP_TO, choropleth_figure, tile_map_figure
from charts.tiles import tile_layout
from dashboard import export_buttons, strings
from dashboard.components import chart, empty_selection, measure_picker, unit
from dashboard.context import page_context
from etl import settings
from readmodel.comparison import compare
from readmodel.maps import attribution, boundaries, centroids, map_values
from readmodel.tables import figures_table


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
metric = measure_picker(left, "map_measure")
kind = right.segmented_control(
    strings.MAP_KIND,
    [strings.MAP_REAL, strings.MAP_TILES],
    default=strings.MAP_REAL if len(shapes) else strings.MAP_TILES,
    help=strings.MAP_TILES_HELP,
    key="map_kind",
    disabled=shapes.empty,
)

comparison = compare(ctx.inputs(), metric)
if comparison.empty:
    empty_selection()
    st.stop()
values = map_values(comparison, ctx.area_reference)
numbers = figures_table(values, ctx.municipality_names, unit(metric))
value_format = ".0%" if metric.is_share else ".1f"
caption = {"measure": metric.label, "few": settings.small_numbers(), "selection": selection}

if shapes.empty or kind == strings.MAP_TILES:
    if shapes.empty:
        st.info(strings.MAP_NO_BOUNDARIES, icon="🗺️")
    figure = tile_map_figure(tile_layout(centroids(ctx.con)), values, metric.label, value_format)
    chart(figure, strings.MAP_TILES_CAPTION.format(**caption), key="map_tiles", data=numbers)
else:
    members = pd.DataFrame(
        [(r, c) for r, codes in ctx.region_members.items() for c in sorted(codes)],
        columns=["region_code", "cbs_code"],
    )
    outlines = _outlines(ctx.load_id, str(ctx.load.get("finished_at")), shapes, members)
    figure = choropleth_figure(
        shapes,
        values,
        metric.label,
        value_format,
        outlines,
        region_names=ctx.region_names,
        # The whole country needs room to tell its 342 municipalities apart.
        height=640 if len(shapes) <= LABELLED_UP_TO else 900,
    )
    credit = attribution(shapes)
    caption = strings.MAP_CAPTION.format(**caption, attribution=credit)
    chart(figure, caption, key="map_real", data=numbers)
export_buttons.image_downloads(figure, f"kaart_{metric.key}")

names = ctx.municipality_names
left, right = st.columns([2, 1], vertical_alignment="bottom")
code = left.selectbox(
    strings.MAP_OPEN, sorted(names, key=names.get), format_func=names.get, key="map_open"
)
if right.button(strings.MAP_OPEN_BUTTON):
    st.switch_page(Path(__file__).with_name("profile.py"), query_params={"gemeente": code})
