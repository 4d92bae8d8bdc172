"""Boundaries and centroids of the municipalities, and the figures a map colours them by."""

from __future__ import annotations

import duckdb
import pandas as pd

from readmodel import strings
from readmodel.comparison import Comparison
from readmodel.database import query

BOUNDARY_COLUMNS = [
    "cbs_code",
    "name",
    "geometry_geojson",
    "centroid_lon",
    "centroid_lat",
    "attribution",
]


def _columns(con: duckdb.DuckDBPyConnection) -> set[str]:
    found = query(
        con,
        "SELECT column_name FROM duckdb_columns() WHERE database_name = current_database() "
        "AND schema_name = 'core' AND table_name = 'municipality_boundaries'",
        name="boundary_columns",
    )
    return set(found["column_name"])


def boundaries(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """cbs_code, name, geometry_geojson, centroid_lon/lat and the outline's attribution;
    empty without boundaries (a warehouse built before boundaries were loaded too)."""
    columns = _columns(con)
    if not columns:
        return pd.DataFrame(columns=BOUNDARY_COLUMNS)
    # Warehouses of before the attribution column: the source of those outlines was PDOK.
    attribution = "b.attribution" if "attribution" in columns else "?"
    params = [] if "attribution" in columns else [strings.PDOK_ATTRIBUTION]
    return query(
        con,
        "SELECT b.cbs_code, m.name, b.geometry_geojson, m.centroid_lon, m.centroid_lat, "
        f"{attribution} AS attribution FROM core.municipality_boundaries AS b "
        "JOIN core.municipalities AS m USING (cbs_code) ORDER BY b.cbs_code",
        params,
        name="boundaries",
    )


def attribution(shapes: pd.DataFrame) -> str:
    """The credits of the outlines drawn, each once: what CC BY asks on every map."""
    credits = dict.fromkeys(a for a in shapes.get("attribution", []) if isinstance(a, str) and a)
    return " · ".join(credits)


def centroids(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """cbs_code, name, centroid_lon, centroid_lat of every municipality (for the tile map)."""
    return query(
        con,
        "SELECT cbs_code, name, centroid_lon, centroid_lat FROM core.municipalities "
        "ORDER BY cbs_code",
        name="centroids",
    )


def map_values(
    comparison: Comparison, area: str = strings.AREA_REFERENCE["provincie"]
) -> pd.DataFrame:
    """What a map shows per municipality: cbs_code, value, low, high, n, small_numbers and
    a label with its verdict against the whole area ('hoger dan de provincie'; `area` is
    Warehouse.area_reference)."""
    table = comparison.municipalities
    label = table["comparison"].map(
        lambda verdict: strings.MAP_VERDICT.format(verdict=verdict, area=area) if verdict else ""
    )
    return table.assign(label=label)[
        ["cbs_code", "value", "low", "high", "n", "small_numbers", "label"]
    ]
