"""What the pages and the exports know about a warehouse: its latest load and the names.

No Streamlit: the dashboard's page context and the reports both build on it.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

import duckdb

from dashboard.describe import selection_text
from dashboard.filters import Filters
from dashboard.queries import reference
from dashboard.queries.loads import latest_load


@dataclass(frozen=True)
class Warehouse:
    """The latest load of a warehouse with the names every view uses."""

    con: duckdb.DuckDBPyConnection
    load: dict
    first_day: date
    as_of: date
    region_names: dict[str, str]
    municipality_names: dict[str, str]
    municipality_regions: dict[str, frozenset[str]]

    @property
    def synthetic(self) -> bool:
        return bool(self.load.get("synthetic"))

    def selection(self, filters: Filters) -> str:
        """The selection in plain Dutch: period, place, themes, ... (see dashboard.describe)."""
        return selection_text(
            filters,
            first_day=self.first_day,
            as_of=self.as_of,
            region_names=self.region_names,
            municipality_names=self.municipality_names,
        )

    def fields(self) -> dict[str, object]:
        """The fields by name, to build a subclass (the page context) from this one."""
        return {f.name: getattr(self, f.name) for f in fields(Warehouse)}


def read_warehouse(con: duckdb.DuckDBPyConnection) -> Warehouse | None:
    """The warehouse behind `con`; None when it holds no load yet."""
    load = latest_load(con)
    if load is None:
        return None
    first_day, as_of = reference.data_period(con)
    regions = reference.regions(con)
    members = reference.region_membership(con)
    return Warehouse(
        con=con,
        load=load,
        first_day=first_day,
        as_of=as_of,
        region_names=dict(zip(regions["region_code"], regions["name"], strict=True)),
        municipality_names=dict(zip(members["cbs_code"], members["name"], strict=True)),
        municipality_regions={
            code: frozenset(codes)
            for code, codes in zip(members["cbs_code"], members["regions"], strict=True)
        },
    )
