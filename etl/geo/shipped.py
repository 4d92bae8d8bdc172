"""The municipal boundaries shipped with omzien: the maps' outlines when data/raw/geo/ has none.

All 342 municipalities of 2024 (CBS/PDOK Gebiedsindelingen, CC BY 4.0), simplified for
display by `etl.geo.derive_shipped`, as TopoJSON in etl/reference/data/. The file
carries its own attribution and the true areas (of the unsimplified outlines).
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib.resources import files

import pandas as pd

from etl import reference
from etl.geo.boundaries import geometry_geojson
from etl.geo.topojson import decode

SHIPPED_YEAR = 2024
SHIPPED_NAME = f"gemeenten_{SHIPPED_YEAR}_display"
SHIPPED_FILE = f"{SHIPPED_NAME}.topojson"
# What source_path and etl.files.path say for the shipped set: not a path under data/raw/.
SHIPPED_LABEL = f"(meegeleverd) {SHIPPED_NAME}"
OBJECT = "gemeenten"
# The province value that means the whole country (all 342 municipalities).
NATIONAL = reference.NATIONAL
COLUMNS = ["cbs_code", "name", "geometry_geojson", "area_km2", "boundary_year", "attribution"]


@cache
def shipped_bytes() -> bytes:
    return (files("etl.reference") / "data" / SHIPPED_FILE).read_bytes()


def shipped_sha256() -> str:
    return hashlib.sha256(shipped_bytes()).hexdigest()


@cache
def _all_boundaries() -> pd.DataFrame:
    topology = json.loads(shipped_bytes())
    rows = [
        {
            "cbs_code": properties["statcode"],
            "name": properties["statnaam"],
            "geometry_geojson": geometry_geojson(geometry),
            "area_km2": float(properties["area_km2"]),
            "boundary_year": int(topology["boundary_year"]),
            "attribution": topology["attribution"],
        }
        for geometry, properties in decode(topology, OBJECT)
    ]
    return pd.DataFrame(rows, columns=COLUMNS).sort_values("cbs_code", ignore_index=True)


def shipped_boundaries(province: str | None = None) -> pd.DataFrame:
    """One row per municipality of `province` (None or 'Nederland': all 342), by cbs_code.

    Columns: cbs_code, name, geometry_geojson (WGS84 MultiPolygon, as in
    core.municipality_boundaries), area_km2, boundary_year and attribution.
    """
    everyone = _all_boundaries()
    if province is None or province == NATIONAL:
        return everyone.copy()
    codes = set(reference.municipalities_in(province)["cbs_code"])
    return everyone[everyone["cbs_code"].isin(codes)].reset_index(drop=True)
