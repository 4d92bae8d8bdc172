"""Geometry for maps, computed from core.municipality_boundaries: pure functions.

The dashboard's chart module draws GeoJSON and never needs shapely; whatever needs real
geometry (dissolving municipalities into a region) lives here.
"""

from __future__ import annotations

import json

import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry import MultiPolygon, Polygon

from etl.geo.boundaries import RD_NEW, WGS84, geometry_geojson

# Neighbours are simplified one by one (50 m), so their union has slivers and pinholes
# along shared borders. Closing (grow by this much, merge, shrink back) removes them
# without moving the outer outline; gaps narrower than twice this are bridged.
CLOSE_METRES = 100.0
# Holes left after closing smaller than this are artefacts, not enclaves (the smallest
# municipality of the province, Renswoude, has 18 km²).
MIN_HOLE_KM2 = 1.0
OUTLINE_SIMPLIFY_METRES = 25.0


def _without_small_holes(geometry, min_area_m2: float) -> MultiPolygon:
    polygons = [
        Polygon(p.exterior, [h for h in p.interiors if Polygon(h).area >= min_area_m2])
        for p in shapely.get_parts(geometry)
        if isinstance(p, Polygon) and not p.is_empty
    ]
    return MultiPolygon(polygons)


def dissolve(geometries: list, *, close: float = CLOSE_METRES) -> MultiPolygon | None:
    """The union of WGS84 polygons as one outline, slivers closed, in WGS84."""
    if not geometries:
        return None
    rd = gpd.GeoSeries(geometries, crs=WGS84).to_crs(RD_NEW)
    grown = shapely.union_all(shapely.buffer(rd.values, close, join_style="mitre"))
    merged = shapely.buffer(grown, -close, join_style="mitre")
    merged = _without_small_holes(merged, MIN_HOLE_KM2 * 1e6)
    merged = shapely.simplify(merged, OUTLINE_SIMPLIFY_METRES, preserve_topology=True)
    return gpd.GeoSeries([merged], crs=RD_NEW).to_crs(WGS84).iloc[0]


def region_outlines(boundaries: pd.DataFrame, region_members: pd.DataFrame) -> dict[str, dict]:
    """One GeoJSON geometry per region: its member municipalities dissolved into one outline.

    `boundaries` has cbs_code and geometry_geojson (core.municipality_boundaries);
    `region_members` has region_code and cbs_code (core.region_members). Regions none of
    whose members has a boundary are left out. Keys in region_code order.
    """
    shapes = {
        code: shapely.from_geojson(text)
        for code, text in zip(boundaries["cbs_code"], boundaries["geometry_geojson"], strict=True)
        if isinstance(text, str) and text
    }
    outlines: dict[str, dict] = {}
    members = region_members.sort_values(["region_code", "cbs_code"])
    for region, codes in members.groupby("region_code", sort=True)["cbs_code"]:
        outline = dissolve([shapes[c] for c in codes if c in shapes])
        text = geometry_geojson(outline)
        if text is not None:
            outlines[str(region)] = json.loads(text)
    return outlines
