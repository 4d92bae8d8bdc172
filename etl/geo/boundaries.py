"""Municipal boundaries as read from a file, made ready for the warehouse: pure functions.

`prepare_boundaries` takes the GeoDataFrame of one boundary file and returns what the
load step needs: one row per feature (its code, normalised, and whether it is usable)
and one row per municipality code (geometry in WGS84 GeoJSON, simplified for display,
the area, and whom a map must credit). Nothing here reads or writes a file.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import MultiPolygon, Polygon

from etl.messages import GEO

RD_NEW = "EPSG:28992"  # Amersfoort / RD New: metres, the Dutch national grid
WGS84 = "EPSG:4326"
# A province map is about 60-100 km across in 600-900 px, so ~100 m per pixel: 50 m
# simplification is invisible at that scale and drops roughly a third of the vertices
# of CBS's already generalised boundaries (2,268 -> 1,597 for the 26 of Utrecht).
SIMPLIFY_METRES = 50.0
# Six decimals of a degree is ~0.1 m: far below what a map shows, and it keeps the text
# of a geometry the same from run to run.
DECIMALS = 6
AREA_DECIMALS = 4  # km², i.e. to 100 m²
# statcode: CBS Gebiedsindelingen; gemeentecode / GM_CODE: CBS wijk- en buurtkaart, whose
# Shapefiles cut field names to ten characters ('gemeenteco').
CODE_COLUMNS = ("statcode", "gemeentecode", "gemeenteco", "gm_code")
YEAR_COLUMNS = ("jrstatcode", "jaarcode")
# A column in which the file names its own source, for the map's attribution.
ATTRIBUTION_COLUMNS = ("bron", "attribution")
# RD New covers the Netherlands with x 0..300 km, y 300..625 km (EPSG:28992 area of use).
RD_BOUNDS = (-7_000.0, 289_000.0, 300_000.0, 629_000.0)

_CODE = re.compile(r"(?:GM)?0*(\d{1,4})", re.IGNORECASE)
_JRSTATCODE = re.compile(r"(\d{4})GM\d{4}", re.IGNORECASE)


class BoundaryError(ValueError):
    """The whole file cannot be used; the message (Dutch) says why."""


@dataclass
class PreparedBoundaries:
    """What one boundary file holds, ready to join to the municipalities."""

    # One row per feature: feature (1 = first), value (code as written), cbs_code
    # (normalised, or None), boundary_year, field (the column a problem is in), rule (why
    # it cannot be used, or None) and reason (Dutch).
    features: pd.DataFrame
    # One row per usable cbs_code: geometry_geojson, area_km2, boundary_year, attribution.
    shapes: pd.DataFrame
    # (kind, message) for the file as a whole.
    warnings: list[tuple[str, str]] = field(default_factory=list)


def normalise_code(value: object) -> str | None:
    """A CBS municipality code as GM + four digits: 'GM0344', '0344', 344, 344.0 -> 'GM0344'.

    None for anything else (empty, 'GM', 'Utrecht', '12345', 'GM0344A').
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, float):
        if not value.is_integer():
            return None
        value = int(value)
    text = str(value).strip()
    match = _CODE.fullmatch(text)
    if not match or text.upper() in {"", "GM"}:
        return None
    return f"GM{int(match.group(1)):04d}"


def code_column(frame: pd.DataFrame, file: str) -> str:
    """The column holding the CBS code: statcode, else gemeentecode (any case)."""
    by_lower = {str(c).lower(): c for c in frame.columns if c != "geometry"}
    for wanted in CODE_COLUMNS:
        if wanted in by_lower:
            return by_lower[wanted]
    found = ", ".join(str(c) for c in frame.columns if c != "geometry") or "(geen)"
    raise BoundaryError(GEO["no_code_column"].format(file=file, found=found))


def feature_years(frame: pd.DataFrame) -> pd.Series:
    """The boundary year of each feature from jrstatcode ('2024GM0344') or jaarcode (2024).

    <NA> where neither column says it.
    """
    by_lower = {str(c).lower(): c for c in frame.columns}
    years = pd.Series(pd.NA, index=frame.index, dtype="Int64")
    if "jrstatcode" in by_lower:
        text = frame[by_lower["jrstatcode"]].astype("string").str.strip()
        years = years.fillna(text.str.extract(_JRSTATCODE, expand=False).astype("Int64"))
    if "jaarcode" in by_lower:
        raw = pd.to_numeric(frame[by_lower["jaarcode"]], errors="coerce")
        whole = raw.where(raw.notna() & (raw % 1 == 0) & raw.between(1800, 2200))
        years = years.fillna(whole.astype("Int64"))
    return years


def _credit(text: str) -> str:
    return text if text.lower().startswith("bron") else GEO["attribution"].format(source=text)


def feature_attributions(frame: pd.DataFrame, file: str, years: pd.Series) -> pd.Series:
    """Whom a map must credit for each feature's outline.

    The file's own words in a `bron` or `attribution` column; else CBS/PDOK for a feature
    with CBS's year code (jrstatcode/jaarcode: CBS Gebiedsindelingen, as `omzien geo
    fetch` and PDOK's downloads write it); else the file itself.
    """
    credit = pd.Series(GEO["attribution"].format(source=file), index=frame.index, dtype=object)
    cbs = years.notna()
    credit[cbs] = [_credit(GEO["source_cbs"].format(year=year)) for year in years[cbs]]
    by_lower = {str(c).lower(): c for c in frame.columns if c != "geometry"}
    column = next((by_lower[c] for c in ATTRIBUTION_COLUMNS if c in by_lower), None)
    if column is not None:
        text = frame[column].astype("string").str.strip()
        given = text.notna() & (text != "")
        credit[given] = [_credit(str(t)) for t in text[given]]
    return credit


def _looks_like(bounds: np.ndarray, box: tuple[float, float, float, float]) -> bool:
    xmin, ymin, xmax, ymax = bounds
    return box[0] <= xmin and box[1] <= ymin and xmax <= box[2] and ymax <= box[3]


def with_crs(frame: gpd.GeoDataFrame, file: str) -> tuple[gpd.GeoDataFrame, str | None]:
    """The frame with a trustworthy CRS, and a warning when it had to be inferred.

    A file without a CRS (a Shapefile without .prj), or a GeoJSON whose RD coordinates
    GDAL took for degrees (RFC 7946 GeoJSON has no CRS member), is recognised by its
    coordinate range.
    """
    geometries = frame.geometry[~(frame.geometry.isna() | frame.geometry.is_empty)]
    if geometries.empty:
        return frame.set_crs(frame.crs or WGS84, allow_override=True), None
    bounds = geometries.total_bounds
    in_degrees = _looks_like(bounds, (-180.0, -90.0, 180.0, 90.0))
    in_rd = _looks_like(bounds, RD_BOUNDS)
    crs = frame.crs
    if crs is not None and not (crs.is_geographic and not in_degrees):
        return frame, None
    if in_degrees:
        guess = WGS84
    elif in_rd:
        guess = RD_NEW
    else:
        raise BoundaryError(GEO["no_crs"].format(file=file))
    label = "WGS84 (lengte/breedte)" if guess == WGS84 else "RD New (EPSG:28992)"
    return frame.set_crs(guess, allow_override=True), GEO["crs_assumed"].format(
        file=file, crs=label
    )


def polygonal(geometry: shapely.Geometry | None) -> MultiPolygon | None:
    """The polygonal part of a geometry, made valid; None when it has no area."""
    if geometry is None or geometry.is_empty:
        return None
    if not geometry.is_valid:
        geometry = shapely.make_valid(geometry)
    parts = [
        g
        for g in shapely.get_parts(geometry)
        if isinstance(g, Polygon | MultiPolygon) and not g.is_empty and g.area > 0
    ]
    polygons = [p for g in parts for p in shapely.get_parts(g)]
    return MultiPolygon(polygons) if polygons else None


def simplify_for_display(geometry: MultiPolygon, tolerance: float = SIMPLIFY_METRES):
    """Douglas-Peucker in metres (RD New) that keeps every polygon valid and non-empty.

    `preserve_topology` never drops a ring or makes it self-intersect. Neighbours are
    simplified one by one, so a shared border can move by up to `tolerance`: at a
    province scale that is below one pixel.
    """
    return shapely.simplify(geometry, tolerance, preserve_topology=True)


def _ring(coords, decimals: int) -> list[list[float]]:
    points: list[list[float]] = []
    for x, y, *_ in coords:
        point = [round(x, decimals), round(y, decimals)]
        if not points or point != points[-1]:
            points.append(point)
    return points


def geometry_geojson(geometry, decimals: int = DECIMALS) -> str | None:
    """A (multi)polygon in WGS84 as compact GeoJSON text: always a MultiPolygon, exterior
    rings counter-clockwise (RFC 7946), coordinates rounded; same input, same text."""
    if geometry is None or geometry.is_empty:
        return None
    oriented = shapely.orient_polygons(geometry)
    polygons = []
    for polygon in shapely.get_parts(oriented):
        rings = [_ring(polygon.exterior.coords, decimals)]
        rings += [_ring(hole.coords, decimals) for hole in polygon.interiors]
        rings = [r for r in rings if len(r) >= 4]
        if rings and len(rings[0]) >= 4:
            polygons.append(rings)
    if not polygons:
        return None
    return json.dumps({"type": "MultiPolygon", "coordinates": polygons}, separators=(",", ":"))


def _as_written(value: object) -> str:
    """A code cell as text, the way the analyst sees it (344.0 read from a dbf is 344)."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def describe_kind(geometry: shapely.Geometry | None) -> str:
    return "leeg" if geometry is None or geometry.is_empty else geometry.geom_type


def prepare_boundaries(
    frame: gpd.GeoDataFrame, file: str, *, tolerance: float = SIMPLIFY_METRES
) -> PreparedBoundaries:
    """Normalise codes, keep the latest year, then per code: union, simplify, WGS84 GeoJSON.

    Raises BoundaryError when the file as a whole is unusable (no code column, no CRS).
    """
    column = code_column(frame, file)
    frame, crs_warning = with_crs(frame, file)
    warnings = [("boundary_crs_assumed", crs_warning)] if crs_warning else []
    years = feature_years(frame)
    year_column = next(
        (c for c in frame.columns if str(c).lower() in YEAR_COLUMNS), YEAR_COLUMNS[0]
    )
    latest = years.max() if years.notna().any() else None
    credits = feature_attributions(frame, file, years)
    rd = frame.geometry.to_crs(RD_NEW)

    rows = []
    geometries: dict[str, list] = {}
    attributions: dict[str, set[str]] = {}
    for position, (index, written) in enumerate(frame[column].items(), start=1):
        value = _as_written(written)
        code = normalise_code(written)
        year = years.loc[index]
        shape = polygonal(rd.loc[index])
        rule, reason, where = None, None, column
        if code is None:
            rule = "boundary_code_invalid"
            reason = GEO["code_invalid"].format(value=value, feature=position)
        elif latest is not None and pd.notna(year) and year != latest:
            rule, where = "boundary_other_year", year_column
            reason = GEO["other_year"].format(year=year, latest=latest)
        elif shape is None:
            rule, where = "boundary_no_polygon", "geometry"
            reason = GEO["no_polygon"].format(
                feature=position, value=value, kind=describe_kind(rd.loc[index])
            )
        else:
            geometries.setdefault(code, []).append(shape)
            attributions.setdefault(code, set()).add(credits.loc[index])
        rows.append(
            {
                "feature": position,
                "value": value,
                "cbs_code": code,
                "boundary_year": year,
                "field": where,
                "rule": rule,
                "reason": reason,
            }
        )
    features = pd.DataFrame(
        rows,
        columns=["feature", "value", "cbs_code", "boundary_year", "field", "rule", "reason"],
    ).astype({"feature": "int64", "boundary_year": "Int64"})
    shapes = _shapes(geometries, features, tolerance)
    shapes["attribution"] = ["; ".join(sorted(attributions[c])) for c in shapes["cbs_code"]]
    return PreparedBoundaries(features, shapes, warnings)


def _shapes(geometries: dict[str, list], features: pd.DataFrame, tolerance: float):
    """One row per code: the union of its features, simplified, in WGS84, with its area."""
    codes = sorted(geometries)
    if not codes:
        return pd.DataFrame(
            {
                "cbs_code": pd.Series(dtype="object"),
                "geometry_geojson": pd.Series(dtype="object"),
                "area_km2": pd.Series(dtype="float64"),
                "boundary_year": pd.Series(dtype="Int64"),
                "attribution": pd.Series(dtype="object"),
            }
        )
    unions = [
        geometries[c][0] if len(geometries[c]) == 1 else shapely.union_all(geometries[c])
        for c in codes
    ]
    simplified = gpd.GeoSeries(
        [simplify_for_display(g, tolerance) for g in unions], crs=RD_NEW
    ).to_crs(WGS84)
    usable = features[features["rule"].isna()]
    years = usable.groupby("cbs_code")["boundary_year"].max()
    return pd.DataFrame(
        {
            "cbs_code": codes,
            "geometry_geojson": [geometry_geojson(g) for g in simplified],
            "area_km2": [round(g.area / 1e6, AREA_DECIMALS) for g in unions],
            "boundary_year": pd.array([years.get(c, pd.NA) for c in codes], dtype="Int64"),
        }
    )
