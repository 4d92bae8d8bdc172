"""Derive the shipped display boundaries from CBS's national file (a maintainer's tool).

    python -m etl.geo.derive_shipped [--source ../shared/geo/nl_gemeenten.geojson] [--out ...]

Reads all municipalities of one year (CBS/PDOK Gebiedsindelingen, `gemeente_gegeneraliseerd`)
and writes etl/reference/data/gemeenten_<year>_display.topojson: the borders simplified
as one coverage, so neighbours keep sharing their borders exactly, and each border
stored once (TopoJSON). Same source, same bytes; tests/geo re-derives and compares.
Needs shapely >= 2.1 (coverage_simplify); the ETL that reads the result does not.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

from etl import reference
from etl.geo.boundaries import AREA_DECIMALS, RD_NEW, WGS84, code_column, normalise_code
from etl.geo.shipped import OBJECT, SHIPPED_FILE, SHIPPED_YEAR
from etl.geo.topojson import dumps, encode
from etl.messages import GEO
from etl.settings import PROJECT_ROOT

SOURCE = PROJECT_ROOT.parent / "shared" / "geo" / "nl_gemeenten.geojson"
OUT = PROJECT_ROOT / "etl" / "reference" / "data" / SHIPPED_FILE
# Visvalingam-Whyatt drops a vertex when the triangle it makes with its neighbours is
# smaller than about this squared: at 100 m the outlines move 80 m (median, 250 m at the
# 95th percentile) and lose ~0.1 % of their area, under one pixel on a province map
# (~100 m/px) and far under it for the whole country; the file shrinks to ~250 KB.
TOLERANCE_METRES = 100.0
# The source's own precision (5 decimals, ~1 m): every shipped vertex is a source vertex.
GRID_DEGREES = 0.00001


def _as_source_vertices(simplified: np.ndarray, rd: np.ndarray, wgs: np.ndarray) -> np.ndarray:
    """The simplified RD outlines with every vertex replaced by the source's own WGS84
    coordinate: simplifying only drops vertices, so each one has a source twin, and the
    result does not depend on the inverse projection."""
    twin = {
        tuple(p): tuple(q)
        for p, q in zip(shapely.get_coordinates(rd), shapely.get_coordinates(wgs), strict=True)
    }
    return shapely.transform(simplified, lambda xy: np.array([twin[tuple(p)] for p in xy]))


def derive(source: Path = SOURCE, *, tolerance: float = TOLERANCE_METRES) -> dict:
    """The shipped topology derived from the national boundary file `source`."""
    frame = gpd.read_file(source, engine="pyogrio").to_crs(WGS84)
    column = code_column(frame, str(source))
    frame = frame.assign(cbs_code=frame[column].map(normalise_code)).sort_values("cbs_code")
    expected = set(reference.municipalities_nl()["cbs_code"])
    if set(frame["cbs_code"]) != expected or frame["cbs_code"].duplicated().any():
        raise SystemExit(f"{source}: expected one feature for each of the {len(expected)} codes")
    wgs = frame.geometry.values
    rd = frame.geometry.to_crs(RD_NEW).values
    if not shapely.coverage_is_valid(rd):
        # Coverage simplification needs exactly matching shared borders; without them
        # neighbours would drift apart and leave slivers.
        raise SystemExit(f"{source}: the boundaries do not form a valid coverage")
    simplified = _as_source_vertices(shapely.coverage_simplify(rd, tolerance), rd, wgs)
    names = frame["statnaam"] if "statnaam" in frame else frame["cbs_code"]
    features = [
        (
            geometry,
            {"statcode": code, "statnaam": str(name), "area_km2": round(area / 1e6, AREA_DECIMALS)},
        )
        for geometry, code, name, area in zip(
            simplified, frame["cbs_code"], names, shapely.area(rd), strict=True
        )
    ]
    attribution = GEO["attribution"].format(source=GEO["source_shipped"].format(year=SHIPPED_YEAR))
    return encode(
        features,
        name=OBJECT,
        scale=GRID_DEGREES,
        attribution=attribution,
        boundary_year=SHIPPED_YEAR,
        source=f"CBS/PDOK Gebiedsindelingen {SHIPPED_YEAR}, gemeente_gegeneraliseerd",
        licence="CC BY 4.0",
        derivation=(
            f"shapely.coverage_simplify (Visvalingam-Whyatt) at {tolerance:g} m in RD New "
            f"(EPSG:28992); vertices kept as in the source, grid {GRID_DEGREES:g} degrees; "
            "area_km2 from the unsimplified outline in RD New; python -m etl.geo.derive_shipped"
        ),
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--tolerance", type=float, default=TOLERANCE_METRES, help="metres")
    args = parser.parse_args(argv)
    topology = derive(args.source, tolerance=args.tolerance)
    args.out.write_text(dumps(topology), encoding="utf-8")
    vertices = sum(len(arc) for arc in topology["arcs"])
    print(f"{args.out}: {args.out.stat().st_size:,} bytes, {vertices:,} vertices")


if __name__ == "__main__":
    main()
