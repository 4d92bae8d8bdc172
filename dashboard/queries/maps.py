"""Boundaries and centroids of the province's municipalities, for the maps."""

from __future__ import annotations

import duckdb
import pandas as pd


def boundaries(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """cbs_code, name, geometry_geojson, centroid_lon/lat; empty without a boundary file.

    A warehouse built before boundaries were loaded has no such table: also empty.
    """
    exists = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() "
        "AND schema_name = 'core' AND table_name = 'municipality_boundaries'"
    ).fetchone()[0]
    if not exists:
        return pd.DataFrame(
            columns=["cbs_code", "name", "geometry_geojson", "centroid_lon", "centroid_lat"]
        )
    return con.execute(
        "SELECT b.cbs_code, m.name, b.geometry_geojson, m.centroid_lon, m.centroid_lat "
        "FROM core.municipality_boundaries AS b JOIN core.municipalities AS m USING (cbs_code) "
        "ORDER BY b.cbs_code"
    ).df()


def centroids(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """cbs_code, name, centroid_lon, centroid_lat of every municipality (for the tile map)."""
    return con.execute(
        "SELECT cbs_code, name, centroid_lon, centroid_lat FROM core.municipalities "
        "ORDER BY cbs_code"
    ).df()
