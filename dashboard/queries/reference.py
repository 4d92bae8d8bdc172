"""Reference lists for the filters: regions, municipalities, the period the data cover."""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd


def regions(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """region_code, name, kind in display order."""
    return con.execute("SELECT region_code, name, kind FROM core.regions ORDER BY sort_order").df()


def municipalities(con: duckdb.DuckDBPyConnection, region: str | None = None) -> pd.DataFrame:
    """cbs_code, name, population of the province, or of one region, by name."""
    return con.execute(
        "SELECT cbs_code, name, population FROM core.municipalities "
        "WHERE ? IS NULL OR cbs_code IN "
        "(SELECT cbs_code FROM core.region_members WHERE region_code = ?) ORDER BY name",
        [region, region],
    ).df()


def data_period(con: duckdb.DuckDBPyConnection) -> tuple[date, date]:
    """First report day in the data and the as-of day of the latest load."""
    first, as_of = con.execute(
        "SELECT (SELECT min(reported_at) FROM core.obstacles), "
        "(SELECT as_of FROM etl.loads ORDER BY load_id DESC LIMIT 1)"
    ).fetchone()
    as_of = as_of or date.today()
    return first or as_of, as_of


def region_membership(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """cbs_code, name and the list of region codes each municipality belongs to."""
    return con.execute(
        "SELECT m.cbs_code, m.name, "
        "coalesce(list(r.region_code ORDER BY r.region_code) "
        "FILTER (WHERE r.region_code IS NOT NULL), []) AS regions "
        "FROM core.municipalities AS m LEFT JOIN core.region_members AS r USING (cbs_code) "
        "GROUP BY ALL ORDER BY m.name"
    ).df()
