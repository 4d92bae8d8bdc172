"""Boundaries and centroids of the municipalities, and the figures a map colours them by."""

from __future__ import annotations

import duckdb
import pandas as pd

from readmodel import strings
from readmodel.comparison import Comparison
from readmodel.database import query

BOUNDARY_COLUMNS = ["cbs_code", "name", "geometry_geojson", "centroid_lon", "centroid_lat"]


def _has_boundaries(con: duckdb.DuckDBPyConnection) -> bool:
    found = query(
        con,
        "SELECT count(*) AS n FROM duckdb_tables() WHERE database_name = current_database() "
        "AND schema_name = 'core' AND table_name = 'municipality_boundaries'",
        name="has_boundaries",
    )
    return bool(found["n"].iloc[0])


def boundaries(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """cbs_code, name, geometry_geojson, centroid_lon/lat; empty without boundaries.

    A warehouse built before boundaries were loaded has no such table: also empty.
    """
    if not _has_boundaries(con):
        return pd.DataFrame(columns=BOUNDARY_COLUMNS)
    return query(
        con,
        "SELECT b.cbs_code, m.name, b.geometry_geojson, m.centroid_lon, m.centroid_lat "
        "FROM core.municipality_boundaries AS b JOIN core.municipalities AS m USING (cbs_code) "
        "ORDER BY b.cbs_code",
        name="boundaries",
    )


def centroids(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """cbs_code, name, centroid_lon, centroid_lat of every municipality (for the tile map)."""
    return query(
        con,
        "SELECT cbs_code, name, centroid_lon, centroid_lat FROM core.municipalities "
        "ORDER BY cbs_code",
        name="centroids",
    )


def map_values(comparison: Comparison) -> pd.DataFrame:
    """What a map shows per municipality: cbs_code, value, low, high, n, small_numbers and
    a label with its verdict against the province ('hoger dan de provincie')."""
    table = comparison.municipalities
    label = table["comparison"].map(
        lambda verdict: strings.MAP_VERDICT.format(verdict=verdict) if verdict else ""
    )
    return table.assign(label=label)[
        ["cbs_code", "value", "low", "high", "n", "small_numbers", "label"]
    ]
