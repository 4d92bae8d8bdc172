"""Synthetic municipal boundaries for tests: squares and circles around real centroids.

Shapes are made in RD New (metres) around the centroids of etl/reference, so they lie
where the municipalities lie, and written the way GIS tools write them (GeoJSON in WGS84,
GeoPackage, Shapefile in RD New).
"""

from __future__ import annotations

import json
import math
import warnings
from pathlib import Path

import geopandas as gpd
from pyproj import Transformer
from shapely.geometry import Polygon

from etl import reference

RD_NEW = "EPSG:28992"
WGS84 = "EPSG:4326"
SHARED_GEO = Path(__file__).resolve().parents[2].parent / "shared" / "geo"


def centroid_lonlat(code: str) -> tuple[float, float]:
    row = reference.municipalities_nl().set_index("cbs_code").loc[code]
    return float(row["centroid_lon"]), float(row["centroid_lat"])


def centroid_rd(code: str) -> tuple[float, float]:
    to_rd = Transformer.from_crs(WGS84, RD_NEW, always_xy=True)
    return to_rd.transform(*centroid_lonlat(code))


def square(code: str, half: float = 1500.0) -> Polygon:
    """A square of 2 × half metres around the municipality's centroid, in RD New."""
    x, y = centroid_rd(code)
    return Polygon(
        [(x - half, y - half), (x + half, y - half), (x + half, y + half), (x - half, y + half)]
    )


def circle(code: str, radius: float = 2500.0, vertices: int = 2000) -> Polygon:
    """A dense polygon (a circle with many vertices, 1.5 m apart for 2,000 vertices) in RD New."""
    x, y = centroid_rd(code)
    return Polygon(
        [
            (
                x + radius * math.cos(2 * math.pi * i / vertices),
                y + radius * math.sin(2 * math.pi * i / vertices),
            )
            for i in range(vertices)
        ]
    )


def frame(rows: list[dict], crs: str = RD_NEW) -> gpd.GeoDataFrame:
    """Rows of attributes with a 'geometry' in RD New, as a GeoDataFrame in `crs`."""
    data = gpd.GeoDataFrame(rows, geometry="geometry", crs=RD_NEW)
    return data.to_crs(crs) if crs != RD_NEW else data


def write(data: gpd.GeoDataFrame, path: Path) -> Path:
    """Write with the driver the suffix asks for (pyogrio)."""
    driver = {".geojson": "GeoJSON", ".gpkg": "GPKG", ".shp": "ESRI Shapefile"}[path.suffix]
    path.parent.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings():
        # Shapefile field names longer than ten characters are cut, as GIS tools do.
        warnings.simplefilter("ignore")
        data.to_file(path, driver=driver, engine="pyogrio")
    return path


def lonlat_square(code: str, half: float = 0.01) -> dict:
    """A GeoJSON Polygon (WGS84) around the centroid, for chart tests without geopandas."""
    lon, lat = centroid_lonlat(code)
    ring = [
        [lon - half, lat - half],
        [lon + half, lat - half],
        [lon + half, lat + half],
        [lon - half, lat + half],
        [lon - half, lat - half],
    ]
    return {"type": "Polygon", "coordinates": [ring]}


def geojson_text(geometry: dict) -> str:
    return json.dumps(geometry, separators=(",", ":"))
