"""Kaart (/kaart): the choropleth with boundaries, the tile map without."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from etl.warehouse import build
from tests.support.exports import AS_OF, write_fixture_exports
from tests.support.geo import SHARED_GEO, frame, square, write


@pytest.fixture(scope="module")
def warehouse_with_boundaries(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("map")
    raw = write_fixture_exports(root / "raw")
    codes = ["GM0344", "GM0355", "GM0312", "GM1904", "GM0339"]
    write(
        frame([{"statcode": c, "geometry": square(c)} for c in codes]),
        raw / "geo" / "gemeenten.geojson",
    )
    target = root / "wh" / "omzien.duckdb"
    build(raw, target, as_of=AS_OF, province="Utrecht")
    return target


@pytest.fixture(scope="module")
def warehouse_without_boundaries(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A boundary file that cannot be read still takes precedence: no outlines at all."""
    root = tmp_path_factory.mktemp("nomap")
    raw = write_fixture_exports(root / "raw")
    (raw / "geo").mkdir()
    (raw / "geo" / "kapot.geojson").write_bytes(b"geen geojson")
    target = root / "wh" / "omzien.duckdb"
    build(raw, target, as_of=AS_OF, province="Utrecht")
    return target


def layers(figure) -> list[str]:
    return [trace.meta["layer"] for trace in figure.data if trace.meta]


def test_choropleth_with_boundaries(app, warehouse_with_boundaries: Path) -> None:
    at = app(warehouse_with_boundaries, page="map")
    assert not at.exception
    assert not at.info  # no "no boundaries" message
    chart = at.get("plotly_chart")[0]
    assert '"layer": "municipality"' in chart.proto.spec or "municipality" in chart.proto.spec


def test_map_without_a_boundary_file_shows_the_shipped_boundaries(
    app, fixture_warehouse: Path
) -> None:
    at = app(fixture_warehouse, page="map")
    assert not at.exception
    assert not at.info  # no "no boundaries" message: the real map, not the tiles
    (chart,) = at.get("plotly_chart")
    traces = json.loads(chart.proto.spec)["data"]
    drawn = {
        t["meta"]["cbs_code"] for t in traces if t.get("meta", {}).get("layer") == "municipality"
    }
    assert len(drawn) == 26


def test_tile_map_without_boundaries(app, warehouse_without_boundaries: Path) -> None:
    at = app(warehouse_without_boundaries, page="map")
    assert not at.exception
    assert "tegelkaart" in at.info[0].value
    assert len(at.get("plotly_chart")) == 1


def test_measure_from_the_url_and_switching(app, warehouse_with_boundaries: Path) -> None:
    at = app(warehouse_with_boundaries, page="map", maat="first_response_within_30d")
    assert at.selectbox(key="map_measure").value == "first_response_within_30d"
    at.segmented_control(key="map_kind").set_value("Tegelkaart").run()
    assert not at.exception
    at.selectbox(key="map_measure").set_value("obstacles_per_10k").run()
    assert not at.exception


@pytest.mark.skipif(
    not (SHARED_GEO / "utrecht_gemeenten.geojson").exists(),
    reason="the shared boundary file is not on this machine",
)
def test_official_boundaries_render(app, tmp_path: Path) -> None:
    raw = write_fixture_exports(tmp_path / "raw")
    (raw / "geo").mkdir()
    shutil.copy(SHARED_GEO / "utrecht_gemeenten.geojson", raw / "geo")
    target = tmp_path / "wh" / "omzien.duckdb"
    build(raw, target, as_of=AS_OF, province="Utrecht")
    at = app(target, page="map")
    assert not at.exception
    assert not at.info


def test_both_maps_offer_png_and_svg(app, warehouse_with_boundaries: Path) -> None:
    at = app(warehouse_with_boundaries, page="map")
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["Afbeelding (PNG)", "Afbeelding (SVG)"]
    at.segmented_control(key="map_kind").set_value("Tegelkaart").run()
    assert [b.label for b in at.get("download_button")] == labels


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("chromium"), reason="kaleido needs Debian chromium")
def test_map_images_are_drawn(fixture_warehouse: Path) -> None:
    import duckdb

    from charts.maps import tile_map_figure
    from charts.tiles import tile_layout
    from readmodel.maps import centroids
    from reports import images

    with duckdb.connect(str(fixture_warehouse), read_only=True) as con:
        tiles = tile_layout(centroids(con))
    figure = tile_map_figure(
        tiles,
        tiles[["cbs_code"]].assign(
            value=0.5, low=0.4, high=0.6, n=20, small_numbers=False, label=""
        ),
        "Test",
    )
    assert images.svg(figure).lstrip().startswith(b"<svg")
    assert images.png(figure, scale=1).startswith(b"\x89PNG")
