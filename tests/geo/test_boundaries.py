"""Boundary files in data/raw/geo/ through the real ETL: read, reprojected, simplified, joined."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import duckdb
import pandas as pd
import pytest
import shapely
from shapely.geometry import shape

from etl.geo.boundaries import feature_years, normalise_code, prepare_boundaries
from etl.warehouse import LoadResult, build
from tests.support import geo
from tests.support.exports import AS_OF, write_fixture_exports

PROVINCE_CODES = 26
UTRECHT_LON_LAT = (4.7, 51.8, 5.7, 52.4)  # generous box around the province


@dataclass
class Warehouse:
    """A warehouse one real ETL run built, opened read-only, with small query helpers."""

    path: Path
    raw: Path
    result: LoadResult

    @cached_property
    def con(self) -> duckdb.DuckDBPyConnection:
        return duckdb.connect(str(self.path), read_only=True)

    def query(self, sql: str, params: list[object] | None = None) -> list[dict[str, object]]:
        cursor = self.con.execute(sql, params or [])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]

    def rejects(self) -> list[dict[str, object]]:
        return self.query(
            "SELECT * FROM etl.rejects WHERE load_id = ? ORDER BY path, row_number, field",
            [self.result.load_id],
        )

    def file(self, path: str) -> dict[str, object]:
        (row,) = self.query("SELECT * FROM etl.files WHERE path = ?", [path])
        return row

    def warnings(self) -> list[dict[str, object]]:
        return self.query("SELECT * FROM etl.warnings ORDER BY path, kind")

    def obstacles(self) -> int:
        return self.query("SELECT count(*) AS n FROM core.obstacles")[0]["n"]


def vertices(text: str) -> int:
    return int(shapely.get_num_coordinates(shape(json.loads(text))))


def coordinates(text: str) -> list[tuple[float, float]]:
    geometry = json.loads(text)
    return [tuple(p) for polygon in geometry["coordinates"] for ring in polygon for p in ring]


@pytest.fixture(scope="module")
def build_with(tmp_path_factory) -> Iterator[Callable[[str, Callable[[Path], None]], Warehouse]]:
    """Factory: the fixture exports plus whatever `write_geo(raw/'geo')` puts there, built."""
    made: list[Warehouse] = []

    def make(name: str, write_geo: Callable[[Path], None]) -> Warehouse:
        raw = write_fixture_exports(tmp_path_factory.mktemp(name) / "raw")
        write_geo(raw / "geo")
        target = raw.parent / "warehouse" / "omzien.duckdb"
        result = build(raw, target, as_of=AS_OF, province="Utrecht")
        made.append(Warehouse(path=target, raw=raw, result=result))
        return made[-1]

    yield make
    for warehouse in made:
        if "con" in warehouse.__dict__:
            warehouse.con.close()


def boundaries(warehouse: Warehouse) -> dict[str, dict[str, object]]:
    rows = warehouse.query("SELECT * FROM core.municipality_boundaries ORDER BY cbs_code")
    return {r["cbs_code"]: r for r in rows}


def boundary_rejects(warehouse: Warehouse) -> list[dict[str, object]]:
    return [r for r in warehouse.rejects() if r["source"] == "boundaries"]


# ---------------------------------------------------------------- pure functions


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("GM0344", "GM0344"),
        ("gm0344", "GM0344"),
        ("0344", "GM0344"),
        (" 344 ", "GM0344"),
        (344, "GM0344"),
        (344.0, "GM0344"),
        ("GM1961", "GM1961"),
        ("Utrecht", None),
        ("", None),
        ("GM", None),
        ("GM12345", None),
        (344.5, None),
        (None, None),
    ],
)
def test_codes_are_normalised(written: object, code: str | None) -> None:
    assert normalise_code(written) == code


def test_year_comes_from_jrstatcode_or_jaarcode() -> None:
    data = pd.DataFrame({"jrstatcode": ["2024GM0344", None, "x"], "jaarcode": [None, 2023, None]})
    assert feature_years(data).tolist() == [2024, 2023, pd.NA]


def test_dense_polygon_is_simplified_and_rounded() -> None:
    data = geo.frame([{"statcode": "GM0344", "geometry": geo.circle("GM0344")}], crs=geo.WGS84)
    prepared = prepare_boundaries(data, "geo/cirkel.geojson")
    text = prepared.shapes.loc[0, "geometry_geojson"]
    assert vertices(text) < 200 < 2000
    assert all(len(str(v).split(".")[-1]) <= 6 for p in coordinates(text) for v in p)
    # area of the unsimplified circle (2,500 m radius), in km²
    assert prepared.shapes.loc[0, "area_km2"] == pytest.approx(3.14159 * 2.5**2, rel=1e-3)
    assert shape(json.loads(text)).is_valid


def test_only_the_latest_year_and_polygons_are_used() -> None:
    rows = [
        {"statcode": "GM0344", "jaarcode": 2024, "geometry": geo.square("GM0344")},
        {"statcode": "GM0344", "jaarcode": 2023, "geometry": geo.square("GM0344", half=900)},
        {"statcode": "GM0307", "jaarcode": 2024, "geometry": shapely.Point(155_000, 463_000)},
    ]
    prepared = prepare_boundaries(geo.frame(rows), "geo/jaren.gpkg")
    rules = prepared.features.set_index("feature")["rule"].fillna("").to_dict()
    assert rules == {1: "", 2: "boundary_other_year", 3: "boundary_no_polygon"}
    reasons = prepared.features.set_index("feature")["reason"]
    assert reasons[2].startswith("Grens van 2023")
    assert "jongste (2024)" in reasons[2]
    assert "(Point)" in reasons[3]
    assert prepared.features.set_index("feature")["field"].to_dict() == {
        1: "statcode",
        2: "jaarcode",
        3: "geometry",
    }
    assert prepared.shapes["cbs_code"].tolist() == ["GM0344"]
    assert prepared.shapes.loc[0, "area_km2"] == pytest.approx(9.0)  # the 2024 square


def test_missing_crs_is_inferred_from_rd_coordinates() -> None:
    data = geo.frame([{"statcode": "GM0344", "geometry": geo.square("GM0344")}]).set_crs(
        None, allow_override=True
    )
    prepared = prepare_boundaries(data, "geo/zonder_prj.shp")
    assert [kind for kind, _ in prepared.warnings] == ["boundary_crs_assumed"]
    assert "RD New" in prepared.warnings[0][1]
    lon, lat = coordinates(prepared.shapes.loc[0, "geometry_geojson"])[0]
    assert 4.9 < lon < 5.3
    assert 51.9 < lat < 52.2


# ---------------------------------------------------------------- through the real ETL


def _geojson_with_problems(folder: Path) -> None:
    rows = [
        {"statcode": "GM0344", "statnaam": "Utrecht", "geometry": geo.circle("GM0344")},
        {"statcode": "GM0307", "statnaam": "Amersfoort", "geometry": geo.square("GM0307")},
        {"statcode": "GM0355", "statnaam": "Zeist", "geometry": geo.square("GM0355")},
        {"statcode": "GM0363", "statnaam": "Amsterdam", "geometry": geo.square("GM0363")},
        {"statcode": "GM9999", "statnaam": "Nergens", "geometry": geo.square("GM0345")},
        {"statcode": "Rhenen", "statnaam": "Rhenen", "geometry": geo.square("GM0340")},
    ]
    for row in rows:
        row["jrstatcode"] = f"2024{row['statcode']}"
    geo.write(geo.frame(rows, crs=geo.WGS84), folder / "gemeenten.geojson")


@pytest.fixture(scope="module")
def from_geojson(build_with) -> Warehouse:
    return build_with("geojson", _geojson_with_problems)


def test_geojson_boundaries_reach_the_warehouse_in_lon_lat(from_geojson: Warehouse) -> None:
    rows = boundaries(from_geojson)
    assert sorted(rows) == ["GM0307", "GM0344", "GM0355"]
    for row in rows.values():
        lons, lats = zip(*coordinates(row["geometry_geojson"]), strict=True)
        assert UTRECHT_LON_LAT[0] < min(lons)
        assert max(lons) < UTRECHT_LON_LAT[2]
        assert UTRECHT_LON_LAT[1] < min(lats)
        assert max(lats) < UTRECHT_LON_LAT[3]
        assert json.loads(row["geometry_geojson"])["type"] == "MultiPolygon"
        assert row["source_path"] == "geo/gemeenten.geojson"
        assert row["boundary_year"] == 2024
    assert rows["GM0307"]["area_km2"] == pytest.approx(9.0, rel=1e-3)  # a 3 km square
    assert vertices(rows["GM0344"]["geometry_geojson"]) < 200  # the 2,000-vertex circle


def test_a_boundary_file_wins_over_the_shipped_set(from_geojson: Warehouse) -> None:
    rows = boundaries(from_geojson)
    assert {r["source_path"] for r in rows.values()} == {"geo/gemeenten.geojson"}
    # the file has CBS's jrstatcode: credited to CBS/PDOK with its year
    assert {r["attribution"] for r in rows.values()} == {
        "Bron gemeentegrenzen: CBS/PDOK, Gebiedsindelingen 2024 (CC BY 4.0)"
    }
    shipped = from_geojson.query("SELECT count(*) AS n FROM etl.files WHERE path LIKE '(%'")
    assert shipped == [{"n": 0}]


def test_attribution_says_what_the_file_says_else_names_the_file() -> None:
    rows = [
        {"statcode": "GM0344", "bron": "Gemeente Utrecht, 2025", "geometry": geo.square("GM0344")},
        {"statcode": "GM0307", "bron": " ", "geometry": geo.square("GM0307")},
        {"statcode": "GM0355", "bron": "Bron: Kadaster", "geometry": geo.square("GM0355")},
    ]
    shapes = prepare_boundaries(geo.frame(rows), "geo/eigen.gpkg").shapes
    assert shapes.set_index("cbs_code")["attribution"].to_dict() == {
        "GM0307": "Bron gemeentegrenzen: geo/eigen.gpkg",
        "GM0344": "Bron gemeentegrenzen: Gemeente Utrecht, 2025",
        "GM0355": "Bron: Kadaster",
    }


def test_codes_that_do_not_join_are_rejected_in_dutch(from_geojson: Warehouse) -> None:
    rejects = {r["value"]: r for r in boundary_rejects(from_geojson)}
    # GM0363 (Amsterdam) is another province: left out and counted, not a reject.
    assert sorted(rejects) == ["GM9999", "Rhenen"]
    assert {r["field"] for r in rejects.values()} == {"statcode"}
    assert [rejects[v]["row_number"] for v in ("GM9999", "Rhenen")] == [5, 6]
    assert "staat niet in de CBS-gemeentelijst" in rejects["GM9999"]["reason"]
    assert "geen CBS-gemeentecode" in rejects["Rhenen"]["reason"]


def test_boundary_file_is_accounted_for_in_etl_files(from_geojson: Warehouse) -> None:
    f = from_geojson.file("geo/gemeenten.geojson")
    counts = ("rows_read", "rows_loaded", "rows_rejected", "rows_out_of_scope")
    assert (f["source"], *(f[c] for c in counts)) == ("boundaries", 6, 3, 2, 1)
    assert f["error"] is None
    assert len(f["sha256"]) == 64
    # the exports are loaded as without a boundary file
    assert from_geojson.obstacles() == 7


def test_municipalities_without_a_polygon_are_a_warning(from_geojson: Warehouse) -> None:
    missing = [w for w in from_geojson.warnings() if w["kind"] == "boundary_missing"]
    assert len(missing) == 1
    message = missing[0]["message"]
    assert message.startswith(f"{PROVINCE_CODES - 3} gemeente(n) van de provincie Utrecht")
    assert "Baarn (GM0308)" in message
    assert "Utrecht (GM0344)" not in message


def test_geopackage_in_rd_new_is_reprojected(build_with) -> None:
    def write(folder: Path) -> None:
        rows = [{"statcode": code, "geometry": geo.square(code)} for code in ("GM0344", "GM0340")]
        geo.write(geo.frame(rows), folder / "grenzen.gpkg")

    warehouse = build_with("gpkg", write)
    rows = boundaries(warehouse)
    assert sorted(rows) == ["GM0340", "GM0344"]
    lon, lat = geo.centroid_lonlat("GM0340")
    ring = coordinates(rows["GM0340"]["geometry_geojson"])
    assert min(p[0] for p in ring) < lon < max(p[0] for p in ring)
    assert min(p[1] for p in ring) < lat < max(p[1] for p in ring)
    assert rows["GM0340"]["boundary_year"] is None
    assert rows["GM0340"]["attribution"] == "Bron gemeentegrenzen: geo/grenzen.gpkg"
    assert warehouse.file("geo/grenzen.gpkg")["rows_loaded"] == 2


def test_shapefile_with_gemeentecode_as_digits(build_with) -> None:
    def write(folder: Path) -> None:
        rows = [
            {"gemeentecode": "0344", "geometry": geo.square("GM0344")},
            {"gemeentecode": "307", "geometry": geo.square("GM0307")},
            {"gemeentecode": "0999", "geometry": geo.square("GM0345")},
        ]
        geo.write(geo.frame(rows), folder / "shape" / "gemeenten.shp")

    warehouse = build_with("shapefile", write)
    assert sorted(boundaries(warehouse)) == ["GM0307", "GM0344"]
    (reject,) = boundary_rejects(warehouse)
    # a Shapefile cuts field names to ten characters
    assert (reject["field"], reject["value"], reject["row_number"]) == ("gemeenteco", "0999", 3)
    lon, lat = coordinates(boundaries(warehouse)["GM0344"]["geometry_geojson"])[0]
    assert 4.9 < lon < 5.3
    assert 51.9 < lat < 52.2


def test_unreadable_boundary_file_leaves_the_rest_of_the_build(build_with) -> None:
    def write(folder: Path) -> None:
        folder.mkdir(parents=True)
        (folder / "kapot.geojson").write_bytes(b"\x00\x01 dit is geen geojson")

    warehouse = build_with("broken", write)
    f = warehouse.file("geo/kapot.geojson")
    assert f["rows_read"] == 0
    assert f["rows_loaded"] == 0
    assert f["error"].startswith("Grenzenbestand geo/kapot.geojson kan niet gelezen worden")
    (reject,) = boundary_rejects(warehouse)
    assert (reject["rule"], reject["row_number"]) == ("file_rejected", None)
    assert boundaries(warehouse) == {}
    assert warehouse.obstacles() == 7
    assert warehouse.result.files["error"].notna().sum() == 1


def test_file_without_a_code_column_is_rejected_whole(build_with) -> None:
    def write(folder: Path) -> None:
        rows = [{"naam": "Utrecht", "geometry": geo.square("GM0344")}]
        geo.write(geo.frame(rows, crs=geo.WGS84), folder / "zonder_code.geojson")

    warehouse = build_with("nocode", write)
    error = warehouse.file("geo/zonder_code.geojson")["error"]
    assert "'statcode' of 'gemeentecode'" in error
    assert "naam" in error


def test_the_last_boundary_file_wins_with_a_warning(build_with) -> None:
    def write(folder: Path) -> None:
        first = [{"statcode": "GM0344", "geometry": geo.square("GM0344")}]
        last = [{"statcode": "GM0307", "geometry": geo.square("GM0307")}]
        geo.write(geo.frame(first, crs=geo.WGS84), folder / "a_oud.geojson")
        geo.write(geo.frame(last), folder / "b_nieuw.gpkg")

    warehouse = build_with("twofiles", write)
    assert sorted(boundaries(warehouse)) == ["GM0307"]
    ignored = [w for w in warehouse.warnings() if w["kind"] == "boundary_ignored"]
    assert [w["path"] for w in ignored] == ["geo/a_oud.geojson"]
    assert "geo/b_nieuw.gpkg" in ignored[0]["message"]


def test_same_file_gives_the_same_bytes(tmp_path: Path, from_geojson: Warehouse) -> None:
    raw = write_fixture_exports(tmp_path / "raw")
    shutil.copytree(from_geojson.raw / "geo", raw / "geo")
    target = tmp_path / "again.duckdb"
    build(raw, target, as_of=AS_OF, province="Utrecht")
    with duckdb.connect(str(target), read_only=True) as con:
        again = con.execute(
            "SELECT * FROM core.municipality_boundaries ORDER BY cbs_code"
        ).fetchall()
    first = from_geojson.con.execute(
        "SELECT * FROM core.municipality_boundaries ORDER BY cbs_code"
    ).fetchall()
    assert again == first


@pytest.mark.skipif(
    not (geo.SHARED_GEO / "utrecht_gemeenten.geojson").exists(),
    reason="../shared/geo/utrecht_gemeenten.geojson is not on this machine",
)
def test_official_boundaries_join_all_26_municipalities(build_with) -> None:
    def write(folder: Path) -> None:
        folder.mkdir(parents=True)
        shutil.copy(geo.SHARED_GEO / "utrecht_gemeenten.geojson", folder / "utrecht.geojson")

    warehouse = build_with("official", write)
    rows = boundaries(warehouse)
    assert len(rows) == PROVINCE_CODES
    assert set(rows) == {
        r["cbs_code"] for r in warehouse.query("SELECT cbs_code FROM core.municipalities")
    }
    assert boundary_rejects(warehouse) == []
    assert [w for w in warehouse.warnings() if w["path"].startswith("geo/")] == []
    # CBS: the province covers 1,553.8 km² (SOURCE.md, computed in RD New)
    assert sum(r["area_km2"] for r in rows.values()) == pytest.approx(1553.83, abs=0.05)
    total = sum(vertices(r["geometry_geojson"]) for r in rows.values())
    assert total < 2268  # the file's vertices, before simplification


def test_boundary_table_is_described() -> None:
    from etl.models import grain, model_sql

    assert grain(model_sql("core/municipality_boundaries")).startswith("One row per municipality")


def test_etl_run_reports_a_broken_boundary_file_in_dutch(tmp_path: Path) -> None:
    raw = write_fixture_exports(tmp_path / "raw")
    (raw / "geo").mkdir()
    (raw / "geo" / "kapot.gpkg").write_bytes(b"SQLite format 3\x00 maar kapot")
    result = subprocess.run(
        [
            str(Path(sys.executable).parent / "omzien"),
            "etl",
            "run",
            "--raw",
            str(raw),
            "--warehouse",
            str(tmp_path / "omzien.duckdb"),
            "--as-of",
            AS_OF.isoformat(),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert (
        "Bestand afgekeurd: Grenzenbestand geo/kapot.gpkg kan niet gelezen worden" in result.stdout
    )
    assert "gemeentegrenzen" in result.stdout  # its row in the summary
    assert "Traceback" not in result.stdout + result.stderr
    # `omzien etl rejects` lists the whole-file reject (no row number) without crashing
    listed = subprocess.run(
        [
            str(Path(sys.executable).parent / "omzien"),
            "etl",
            "rejects",
            "--warehouse",
            str(tmp_path / "omzien.duckdb"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert listed.returncode == 0, listed.stderr
    assert "geo/kapot.gpkg" in listed.stdout
