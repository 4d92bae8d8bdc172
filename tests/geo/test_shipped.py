"""The boundaries shipped in the package: complete, small, close to CBS's, used without a file."""

from __future__ import annotations

import fnmatch
import json
import tomllib
from importlib.resources import files
from pathlib import Path

import duckdb
import geopandas as gpd
import numpy as np
import pytest
import shapely
from shapely.geometry import MultiPolygon, Polygon, shape

from etl import reference
from etl.geo.boundaries import RD_NEW, WGS84
from etl.geo.shapes import region_outlines
from etl.geo.shipped import (
    OBJECT,
    SHIPPED_FILE,
    SHIPPED_LABEL,
    shipped_boundaries,
    shipped_bytes,
)
from etl.geo.topojson import decode, dumps
from etl.settings import PROJECT_ROOT
from tests.support import geo

SOURCE = geo.SHARED_GEO / "nl_gemeenten.geojson"
needs_source = pytest.mark.skipif(
    not SOURCE.exists(), reason=f"the CBS/PDOK source {SOURCE} is not on this machine"
)
CEILING_BYTES = 600 * 1024  # the hard limit of issue 11
AIM_BYTES = 350 * 1024
ATTRIBUTION = "Bron gemeentegrenzen: CBS/PDOK, Gebiedsindelingen 2024 (CC BY 4.0)"


@pytest.fixture(scope="module")
def shipped() -> gpd.GeoDataFrame:
    """All 342 shipped outlines as the ETL decodes them, in RD New (metres)."""
    frame = shipped_boundaries()
    geometries = [shape(json.loads(text)) for text in frame["geometry_geojson"]]
    return gpd.GeoDataFrame(frame, geometry=geometries, crs=WGS84).to_crs(RD_NEW)


@pytest.fixture(scope="module")
def source() -> gpd.GeoDataFrame:
    data = gpd.read_file(SOURCE).sort_values("statcode", ignore_index=True)
    return data.to_crs(RD_NEW)


# ---------------------------------------------------------------- the file


def test_every_municipality_of_2024_is_shipped_once() -> None:
    frame = shipped_boundaries()
    nl = reference.municipalities_nl()
    assert len(frame) == 342
    assert sorted(frame["cbs_code"]) == sorted(nl["cbs_code"])
    names = dict(zip(nl["cbs_code"], nl["name"], strict=True))
    assert all(names[c] == n for c, n in zip(frame["cbs_code"], frame["name"], strict=True))
    assert set(frame["boundary_year"]) == {2024}
    assert set(frame["attribution"]) == {f"{ATTRIBUTION}, vereenvoudigd voor de kaart"}


def test_file_is_a_few_hundred_kilobytes() -> None:
    assert len(shipped_bytes()) <= CEILING_BYTES
    assert len(shipped_bytes()) <= AIM_BYTES


def test_outlines_are_valid_multipolygons_in_rfc_7946_order(shipped) -> None:
    for text in shipped_boundaries()["geometry_geojson"]:
        geometry = json.loads(text)
        assert geometry["type"] == "MultiPolygon"
        outline = shape(geometry)
        assert outline.is_valid
        assert not outline.is_empty
        assert all(p.exterior.is_ccw for p in outline.geoms)
    assert shipped.area.min() > 1e6  # the smallest municipality has a few km²


def test_neighbours_share_borders_without_overlaps_or_gaps(shipped) -> None:
    outlines = shipped.geometry.values
    # A valid coverage: shared borders have identical vertices, nothing overlaps.
    assert shapely.coverage_is_valid(outlines)
    left, right = shapely.STRtree(outlines).query(outlines, predicate="intersects")
    pairs = left < right
    assert pairs.sum() > 800  # neighbours do meet
    overlaps = shapely.area(shapely.intersection(outlines[left[pairs]], outlines[right[pairs]]))
    assert overlaps.max() < 1.0  # m²
    # The province in one piece: no slivers or pinholes between its municipalities.
    utrecht = shipped[shipped["cbs_code"].isin(reference.province_municipalities()["cbs_code"])]
    province = shapely.coverage_union_all(utrecht.geometry.values)
    assert isinstance(province, Polygon)
    assert len(province.interiors) == 0


def test_gdal_reads_the_same_outlines() -> None:
    """The file is standard TopoJSON: GDAL's own reader decodes it to the same shapes."""
    path = files("etl.reference") / "data" / SHIPPED_FILE
    by_gdal = gpd.read_file(str(path)).sort_values("statcode", ignore_index=True)
    ours = decode(json.loads(shipped_bytes()), OBJECT)
    assert len(by_gdal) == len(ours) == 342
    for (geometry, properties), (code, theirs) in zip(
        sorted(ours, key=lambda item: item[1]["statcode"]),
        zip(by_gdal["statcode"], by_gdal.geometry, strict=True),
        strict=True,
    ):
        assert properties["statcode"] == code
        assert shapely.equals_exact(MultiPolygon(theirs), geometry, tolerance=1e-9)


def test_shipped_file_is_package_data() -> None:
    config = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["etl"]
    for name in (SHIPPED_FILE, SHIPPED_FILE.replace(".topojson", ".md")):
        assert (PROJECT_ROOT / "etl" / "reference" / "data" / name).is_file()
        assert any(fnmatch.fnmatch(f"reference/data/{name}", p) for p in patterns), name


def test_attribution_is_next_to_the_data_and_in_the_docs() -> None:
    beside = (PROJECT_ROOT / "etl" / "reference" / "data" / "gemeenten_2024_display.md").read_text(
        encoding="utf-8"
    )
    docs = (PROJECT_ROOT / "docs" / "reference-data.md").read_text(encoding="utf-8")
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    for text in (beside, docs, readme):
        assert "CBS/PDOK" in text
        assert "CC BY 4.0" in text
        assert "gemeenten_2024_display" in text
    assert ATTRIBUTION in docs


# ---------------------------------------------------------------- against the CBS source


@needs_source
def test_outlines_stay_close_to_the_source(shipped, source) -> None:
    assert list(shipped["cbs_code"]) == list(source["statcode"])
    moved = shapely.area(shapely.symmetric_difference(shipped.geometry.values, source.geometry))
    share = moved / shapely.area(source.geometry.values)
    assert share.max() < 0.02  # Oegstgeest, the worst, is 1.3 %
    assert np.median(share) < 0.002
    # the areas are the source's, not the simplified outline's
    assert shipped["area_km2"].to_numpy() == pytest.approx(
        shapely.area(source.geometry.values) / 1e6, abs=1e-4
    )


@needs_source
def test_every_shipped_vertex_is_a_source_vertex() -> None:
    data = gpd.read_file(SOURCE)
    known = {tuple(p) for p in np.round(shapely.get_coordinates(data.geometry.values), 5)}
    arcs = decode(json.loads(shipped_bytes()), OBJECT)
    kept = {tuple(p) for g, _ in arcs for p in np.round(shapely.get_coordinates(g), 5)}
    assert kept <= known
    assert len(kept) < 0.85 * len(known)  # and simplified


@needs_source
def test_derivation_is_reproducible() -> None:
    from etl.geo.derive_shipped import derive

    assert dumps(derive(SOURCE)).encode("utf-8") == shipped_bytes()


# ---------------------------------------------------------------- by province and in the ETL


def test_a_province_or_the_whole_country() -> None:
    utrecht = shipped_boundaries("Utrecht")
    assert list(utrecht["cbs_code"]) == sorted(reference.province_municipalities()["cbs_code"])
    # CBS: the province covers 1,553.8 km² (../shared/geo/SOURCE.md, in RD New)
    assert utrecht["area_km2"].sum() == pytest.approx(1553.83, abs=0.05)
    nl = reference.municipalities_nl()
    assert len(shipped_boundaries("Gelderland")) == (nl["province"] == "Gelderland").sum()
    assert len(shipped_boundaries()) == len(shipped_boundaries("Nederland")) == 342


def test_regions_of_the_province_are_one_outline_each() -> None:
    outlines = region_outlines(shipped_boundaries("Utrecht"), reference.region_members())
    assert len(outlines) == 5
    for region, outline in outlines.items():
        merged = shape(outline)
        assert len(merged.geoms) == 1, region
        assert len(merged.geoms[0].interiors) == 0, region


def test_a_build_without_a_boundary_file_uses_the_shipped_set(fixture_warehouse: Path) -> None:
    with duckdb.connect(str(fixture_warehouse), read_only=True) as con:
        rows = con.execute(
            "SELECT cbs_code, source_path, boundary_year, attribution, area_km2 "
            "FROM core.municipality_boundaries ORDER BY cbs_code"
        ).fetchall()
        municipalities = [
            c
            for (c,) in con.execute(
                "SELECT cbs_code FROM core.municipalities ORDER BY 1"
            ).fetchall()
        ]
        boundary_files = con.execute(
            "SELECT count(*) FROM etl.files WHERE source = 'boundaries'"
        ).fetchone()[0]
        geo_notes = con.execute(
            "SELECT count(*) FROM etl.warnings WHERE path = ?", [SHIPPED_LABEL]
        ).fetchone()[0]
        geo_rejects = con.execute(
            "SELECT count(*) FROM etl.rejects WHERE source = 'boundaries'"
        ).fetchone()[0]
    assert [r[0] for r in rows] == municipalities
    assert len(rows) == 26
    assert {r[1:4] for r in rows} == {
        (SHIPPED_LABEL, 2024, f"{ATTRIBUTION}, vereenvoudigd voor de kaart")
    }
    assert sum(r[4] for r in rows) == pytest.approx(1553.83, abs=0.05)
    # reference data, like the municipality list: the load's file and row counts stay
    assert boundary_files == 0
    assert geo_notes == 0
    assert geo_rejects == 0
