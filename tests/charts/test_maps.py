"""The map figures (charts.maps), the tile layout and region outlines."""

from __future__ import annotations

import ast
import html
import json
import math
from pathlib import Path

import pandas as pd
import pytest
import shapely
from shapely.geometry import shape

from charts import maps
from charts.maps import (
    LABELLED_UP_TO,
    SMALL_FILL,
    abbreviate,
    choropleth_figure,
    format_value,
    tile_map_figure,
)
from charts.tiles import tile_layout
from etl import reference
from etl.geo import region_outlines
from etl.geo.shipped import shipped_boundaries
from etl.settings import PROJECT_ROOT
from tests.support import geo

CODES = ["GM0307", "GM0308", "GM0344", "GM0345", "GM0355"]


def layer(figure, name: str) -> list:
    return [t for t in figure.data if (t.meta or {}).get("layer") == name]


@pytest.fixture(scope="module")
def municipalities() -> pd.DataFrame:
    frame = reference.province_municipalities()[
        ["cbs_code", "name", "centroid_lon", "centroid_lat"]
    ]
    return frame.astype({"centroid_lon": float, "centroid_lat": float})


@pytest.fixture(scope="module")
def boundaries(municipalities: pd.DataFrame) -> pd.DataFrame:
    """Squares around five centroids, as core.municipality_boundaries holds them."""
    names = municipalities.set_index("cbs_code")["name"]
    return pd.DataFrame(
        {
            "cbs_code": CODES,
            "name": [names[c] for c in CODES],
            "geometry_geojson": [geo.geojson_text(geo.lonlat_square(c)) for c in CODES],
        }
    )


@pytest.fixture(scope="module")
def measure() -> pd.DataFrame:
    # GM0308 Baarn has few cases and the most extreme value: it must not set the scale.
    return pd.DataFrame(
        {
            "cbs_code": ["GM0307", "GM0308", "GM0344", "GM0355"],
            "value": [0.40, 0.99, 0.55, 0.25],
            "low": [0.31, 0.50, 0.48, 0.15],
            "high": [0.49, 1.00, 0.62, 0.37],
            "n": [120, 3, 210, 48],
            "small_numbers": [False, True, False, False],
            "label": ["48 van 120 opgelost", "3 van 3 opgelost", "", "12 van 48 opgelost"],
        }
    )


def test_dutch_number_format() -> None:
    assert format_value(0.423, ".0%") == "42%"
    assert format_value(3.25, ".1f") == "3,3"  # halves round up, as people round
    assert format_value(12345.6, ",.1f") == "12.345,6"
    assert format_value(float("nan"), ".0%") == "–"


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Utrecht", "Utrecht"),
        ("Utrechtse Heuvelrug", "Utrechtse<br>Heuvelrug"),
        ("Wijk bij Duurstede", "Wijk bij<br>Duurstede"),
        ("Vijfheerenlanden", "Vijfheeren."),
        ("De Ronde Venen", "De Ronde<br>Venen"),
    ],
)
def test_names_are_abbreviated_to_fit_a_tile(name: str, short: str) -> None:
    assert abbreviate(name) == short


def test_choropleth_layers(boundaries, measure) -> None:
    outlines = {
        "regio_amersfoort": geo.lonlat_square("GM0307", half=0.05),
        "stad_utrecht": geo.lonlat_square("GM0344", half=0.02),
    }
    figure = choropleth_figure(
        boundaries,
        measure,
        "Aandeel opgelost",
        ".0%",
        outlines,
        region_names={"stad_utrecht": "Stad"},
    )
    assert len(layer(figure, "municipality")) == len(CODES)
    assert [t.name for t in layer(figure, "region")] == ["regio_amersfoort", "Stad"]
    assert len(layer(figure, "labels")) == 1
    assert len(layer(figure, "colorbar")) == 1
    assert list(layer(figure, "labels")[0].text) == list(boundaries["name"])
    # offline: plain SVG scatter traces only, no map tiles or geo projections from a CDN
    assert {t.type for t in figure.data} == {"scatter"}
    assert "mapbox" not in figure.to_json()
    assert "topojson" not in figure.to_json()


def test_hover_shows_value_interval_and_label(boundaries, measure) -> None:
    figure = choropleth_figure(boundaries, measure, "Aandeel opgelost", ".0%")
    by_code = {t.meta["cbs_code"]: t for t in layer(figure, "municipality")}
    amersfoort = by_code["GM0307"].text
    assert "<b>Amersfoort</b>" in amersfoort
    assert "40% (95%-interval 31% – 49%)" in amersfoort
    assert "48 van 120 opgelost" in amersfoort
    assert "n = 120" in amersfoort
    assert by_code["GM0307"].hoveron == "fills"
    assert "geen gegevens" in by_code["GM0345"].text  # Veenendaal is not in the measure


def test_small_numbers_are_grey_hatched_and_not_on_the_scale(boundaries, measure) -> None:
    figure = choropleth_figure(boundaries, measure, "Aandeel opgelost", ".0%")
    by_code = {t.meta["cbs_code"]: t for t in layer(figure, "municipality")}
    baarn = by_code["GM0308"]
    assert baarn.fillcolor == SMALL_FILL
    assert baarn.fillpattern.shape == "/"
    assert "weinig gevallen" in baarn.text
    (scale,) = layer(figure, "colorbar")
    assert "GM0308" not in scale.customdata
    assert scale.marker.cmax == pytest.approx(0.55)  # not Baarn's 0.99
    assert scale.marker.cmin == pytest.approx(0.25)
    legend = [t.name for t in layer(figure, "legend")]
    assert legend == ["weinig gevallen", "geen gegevens"]
    # coloured municipalities differ from the grey and from each other
    fills = {by_code[c].fillcolor for c in ("GM0307", "GM0344", "GM0355")}
    assert len(fills) == 3
    assert SMALL_FILL not in fills


def test_choropleth_is_fitted_to_the_province(boundaries, measure) -> None:
    figure = choropleth_figure(boundaries, measure, "t", ".0%")
    lons = [x for t in layer(figure, "municipality") for x in t.x if x is not None]
    lats = [y for t in layer(figure, "municipality") for y in t.y if y is not None]
    x0, x1 = figure.layout.xaxis.range
    y0, y1 = figure.layout.yaxis.range
    assert x0 < min(lons) < min(lons) + 0.01
    assert max(lons) - 0.01 < max(lons) < x1
    assert y0 < min(lats)
    assert max(lats) < y1
    assert figure.layout.yaxis.scaleanchor == "x"
    assert figure.layout.yaxis.scaleratio == pytest.approx(
        1 / math.cos(math.radians(52.1)), rel=0.01
    )


def test_tile_map(municipalities, measure) -> None:
    tiles = tile_layout(municipalities)
    figure = tile_map_figure(tiles, measure, "Aandeel opgelost", ".0%")
    assert len(layer(figure, "tile")) == 26
    (labels,) = layer(figure, "labels")
    texts = dict(zip(tiles.sort_values("cbs_code")["cbs_code"], labels.text, strict=True))
    assert texts["GM0307"] == "<b>Amersfoort</b><br>40%"
    assert "weinig gevallen" in texts["GM0308"]
    assert "geen gegevens" in texts["GM1581"]
    assert "Utrechtse<br>Heuvelrug" in texts["GM1581"]
    by_code = {t.meta["cbs_code"]: t for t in layer(figure, "tile")}
    assert by_code["GM0308"].fillcolor == SMALL_FILL
    assert "31% – 49%" in by_code["GM0307"].text
    assert {t.type for t in figure.data} == {"scatter"}


def test_tile_layout_is_distinct_and_roughly_geographic(municipalities) -> None:
    tiles = tile_layout(municipalities).set_index("name")
    assert len(tiles) == 26
    assert len(set(zip(tiles["col"], tiles["row"], strict=True))) == 26
    assert tiles["col"].min() == 0
    assert tiles["row"].min() == 0
    col, row = tiles["col"], tiles["row"]
    assert col["Utrecht"] < col["Amersfoort"]
    assert col["Woerden"] < col["Zeist"] < col["Veenendaal"]
    assert row["Veenendaal"] < row["Rhenen"]  # Rhenen lies just south of Veenendaal
    assert col["Oudewater"] < col["Houten"]
    assert row["Eemnes"] < row["Soest"] < row["Houten"]
    assert row["Baarn"] < row["Vijfheerenlanden"]
    assert row["De Ronde Venen"] < row["Lopik"]
    # compact: not much bigger than the 26 tiles need
    assert (col.max() + 1) * (row.max() + 1) <= 26 * 2


def test_tile_layout_is_deterministic(municipalities) -> None:
    shuffled = municipalities.sample(frac=1, random_state=7)
    pd.testing.assert_frame_equal(tile_layout(shuffled), tile_layout(municipalities))


def test_region_outlines_dissolve_neighbours() -> None:
    # two squares that share an edge, one far away
    left = {
        "type": "Polygon",
        "coordinates": [[[5.0, 52.0], [5.1, 52.0], [5.1, 52.1], [5.0, 52.1], [5.0, 52.0]]],
    }
    right = {
        "type": "Polygon",
        "coordinates": [[[5.1, 52.0], [5.2, 52.0], [5.2, 52.1], [5.1, 52.1], [5.1, 52.0]]],
    }
    boundaries = pd.DataFrame(
        {
            "cbs_code": ["GM0001", "GM0002"],
            "geometry_geojson": [json.dumps(left), json.dumps(right)],
        }
    )
    members = pd.DataFrame(
        {"region_code": ["r", "r", "leeg"], "cbs_code": ["GM0001", "GM0002", "GM0999"]}
    )
    outlines = region_outlines(boundaries, members)
    assert list(outlines) == ["r"]
    merged = shape(outlines["r"])
    assert len(merged.geoms) == 1
    assert merged.bounds == pytest.approx((5.0, 52.0, 5.2, 52.1), abs=1e-4)
    assert merged.area == pytest.approx(0.02, rel=1e-3)


@pytest.mark.skipif(
    not (geo.SHARED_GEO / "utrecht_gemeenten.geojson").exists(),
    reason="../shared/geo/utrecht_gemeenten.geojson is not on this machine",
)
def test_regions_of_the_province_are_one_outline_each() -> None:
    import geopandas as gpd

    from etl.geo.boundaries import prepare_boundaries

    data = gpd.read_file(geo.SHARED_GEO / "utrecht_gemeenten.geojson")
    shapes = prepare_boundaries(data, "geo/utrecht.geojson").shapes
    outlines = region_outlines(shapes, reference.region_members())
    assert sorted(outlines) == [
        "regio_amersfoort",
        "regio_foodvalley",
        "stad_utrecht",
        "u10",
        "u16",
    ]
    for region, outline in outlines.items():
        merged = shape(outline)
        assert len(merged.geoms) == 1, region  # contiguous, slivers closed
        assert len(merged.geoms[0].interiors) == 0, region
        assert merged.is_valid
    # the U16 outline covers its members: Utrecht's centroid lies inside
    assert shape(outlines["u16"]).contains(shapely.Point(geo.centroid_lonlat("GM0344")))


def test_chart_module_needs_no_streamlit_or_shapely() -> None:
    source = Path(maps.__file__).read_text(encoding="utf-8")
    imported = {
        (node.module if isinstance(node, ast.ImportFrom) else alias.name).split(".")[0]
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert imported <= {
        "__future__",
        "collections",
        "html",
        "itertools",
        "json",
        "math",
        "pandas",
        "plotly",
        "charts",
        "readmodel",
    }
    assert str(Path(maps.__file__).relative_to(PROJECT_ROOT)) == "charts/maps.py"


def test_the_whole_country_keeps_its_names_in_the_hover() -> None:
    shapes = shipped_boundaries()
    assert len(shapes) > LABELLED_UP_TO
    measure = shapes[["cbs_code"]].assign(
        value=0.5, low=0.4, high=0.6, n=40, small_numbers=False, label=""
    )
    figure = choropleth_figure(shapes, measure, "Aandeel")
    (labels,) = layer(figure, "labels")
    assert list(labels.text) == []
    areas = layer(figure, "municipality")
    assert len(areas) == len(shapes)
    hovers = " ".join(area.text for area in areas)
    assert all(html.escape(name) in hovers for name in shapes["name"])
