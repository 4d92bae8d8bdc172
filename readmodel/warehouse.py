"""What every page and export knows about a warehouse: its latest load, period and names.

`read_warehouse` checks that the file is an omzien warehouse this version can read and
says in Dutch what is wrong when it is not (an empty file, another program's database, a
warehouse built by an older version), so no page or command shows a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

import duckdb

from etl import reference
from readmodel import strings
from readmodel.database import query, row

# What the read layer reads; a file without them is not (yet) an omzien warehouse it knows.
REQUIRED_TABLES = (
    ("etl", "loads"),
    ("core", "municipalities"),
    ("core", "regions"),
    ("core", "region_members"),
    ("marts", "load_summary"),
    ("marts", "obstacle_counts"),
    ("marts", "survival_counts"),
    ("marts", "initiative_counts"),
)


# Region kind of a big-city area (core.regions.kind).
CITY = "stad"
# The scope of a national warehouse (etl.loads.province), and how many municipalities
# Nederland has (CBS 2024): a national warehouse with fewer is a roll-up of some networks.
NATIONAL = reference.NATIONAL
NATIONAL_MUNICIPALITIES = len(reference.municipalities_nl())


class WarehouseProblem(Exception):
    """The file cannot be read as an omzien warehouse; the message (Dutch) says why."""


@dataclass(frozen=True)
class Warehouse:
    """The latest load of a warehouse with the names every view uses."""

    con: duckdb.DuckDBPyConnection
    load: dict
    first_day: date
    as_of: date
    province: str
    region_names: dict[str, str]  # in the order regions are listed
    region_kinds: dict[str, str]  # samenwerkingsverband, stad, provincie, ...
    municipality_names: dict[str, str]
    municipality_regions: dict[str, frozenset[str]]
    # A public snapshot (omzien publish) holds aggregates only: no rows of obstacles,
    # responses or loads' files; pages say which parts are for members.
    public: bool = False
    network: str | None = None

    @property
    def rows(self) -> bool:
        """True when row-level tables (obstacles, responses, rejects) can be read."""
        return not self.public

    @property
    def synthetic(self) -> bool:
        return bool(self.load.get("synthetic"))

    @property
    def load_id(self) -> int:
        return int(self.load["load_id"])

    @property
    def scope(self) -> str:
        """provincie (a province's warehouse), land (all of Nederland) or netwerken (a
        national scope that covers only some municipalities: a roll-up of networks)."""
        if self.province != NATIONAL:
            return "provincie"
        return "land" if len(self.municipality_names) >= NATIONAL_MUNICIPALITIES else "netwerken"

    @property
    def province_name(self) -> str:
        """'Provincie Utrecht', 'Nederland': the reference every municipality is compared with."""
        return strings.AREA_NAME[self.scope].format(province=self.province)

    @property
    def whole_area(self) -> str:
        """The choice 'everything' of the region filter: 'Hele provincie', 'Heel Nederland'."""
        return strings.WHOLE_AREA[self.scope]

    @property
    def area_short(self) -> str:
        """The whole area in a column header: 'T.o.v. provincie', 'T.o.v. Nederland'."""
        return strings.AREA_SHORT[self.scope]

    @property
    def area_reference(self) -> str:
        """The whole area as the object of a comparison: 'hoger dan de provincie'."""
        return strings.AREA_REFERENCE[self.scope]

    def regions_of(self, code: str) -> list[str]:
        """The regions a municipality belongs to, in the order the regions are listed."""
        mine = self.municipality_regions.get(code, frozenset())
        return [region for region in self.region_names if region in mine]

    @cached_property
    def region_members(self) -> dict[str, frozenset[str]]:
        """The municipalities of every region."""
        return {
            region: frozenset(
                c for c, regions in self.municipality_regions.items() if region in regions
            )
            for region in self.region_names
        }

    def members(self, region: str) -> frozenset[str]:
        return self.region_members.get(region, frozenset())

    def home_region(self, code: str) -> str | None:
        """The smallest region a municipality is in (the city area before U10 before U16):
        the one its dot is coloured by."""
        mine = self.regions_of(code)
        return min(mine, key=lambda region: len(self.members(region)), default=None)

    def main_regions(self) -> list[str]:
        """Regions that lie inside no other region and are no city area: the reference lines
        a comparison of the whole area shows (U16 rather than the U10 inside it)."""
        sets = {region: self.members(region) for region in self.region_names}
        return [
            region
            for region, members in sets.items()
            if self.region_kinds.get(region) != CITY
            and members
            and not any(other != region and members < sets[other] for other in sets)
        ]

    def city_name(self) -> str:
        """The name(s) of the big-city regions, e.g. 'Stad Utrecht'; empty without one."""
        return ", ".join(
            name for r, name in self.region_names.items() if self.region_kinds.get(r) == CITY
        )

    def city_areas(self) -> frozenset[str]:
        """Municipalities of the regions of kind 'stad': shown apart on request, as the big
        city dwarfs the others."""
        return frozenset().union(
            *(self.members(r) for r, kind in self.region_kinds.items() if kind == CITY)
        )


def missing_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    present = set(
        query(
            con,
            "SELECT schema_name, table_name FROM duckdb_tables() "
            "WHERE database_name = current_database()",
        ).itertuples(index=False, name=None)
    )
    return [f"{s}.{t}" for s, t in REQUIRED_TABLES if (s, t) not in present]


def read_warehouse(con: duckdb.DuckDBPyConnection) -> Warehouse | None:
    """The warehouse behind `con`; None when it holds no load yet.

    Raises WarehouseProblem when the file is not an omzien warehouse this version reads.
    """
    try:
        missing = missing_tables(con)
    except duckdb.Error as exc:
        raise WarehouseProblem(strings.NOT_A_WAREHOUSE) from exc
    if missing == [f"{s}.{t}" for s, t in REQUIRED_TABLES]:
        raise WarehouseProblem(strings.NOT_A_WAREHOUSE)
    if missing:
        raise WarehouseProblem(strings.OLD_WAREHOUSE.format(tables=", ".join(missing)))
    try:
        return _read(con)
    except duckdb.Error as exc:
        raise WarehouseProblem(strings.UNREADABLE_WAREHOUSE) from exc


def _read(con: duckdb.DuckDBPyConnection) -> Warehouse | None:
    loads = query(
        con,
        "SELECT load_id, as_of, finished_at, rows_loaded, rows_rejected, synthetic, province "
        "FROM etl.loads ORDER BY load_id DESC LIMIT 1",
    )
    if loads.empty:
        return None
    load = loads.iloc[0].to_dict()
    first_report, as_of = row(con, "SELECT first_report, as_of FROM marts.load_summary")
    snapshot = _snapshot(con)
    as_of = as_of or load["as_of"]
    regions = query(con, "SELECT region_code, name, kind FROM core.regions ORDER BY sort_order")
    members = query(
        con,
        "SELECT m.cbs_code, m.name, coalesce(list(r.region_code ORDER BY r.region_code) "
        "FILTER (WHERE r.region_code IS NOT NULL), []) AS regions "
        "FROM core.municipalities AS m LEFT JOIN core.region_members AS r USING (cbs_code) "
        "GROUP BY ALL ORDER BY m.name",
    )
    return Warehouse(
        con=con,
        load=load,
        first_day=min(first_report or as_of, as_of),
        as_of=as_of,
        province=str(load.get("province") or ""),
        region_names=dict(zip(regions["region_code"], _display_names(regions), strict=True)),
        region_kinds=dict(zip(regions["region_code"], regions["kind"], strict=True)),
        municipality_names=dict(zip(members["cbs_code"], members["name"], strict=True)),
        municipality_regions={
            code: frozenset(codes)
            for code, codes in zip(members["cbs_code"], members["regions"], strict=True)
        },
        public=snapshot is not None,
        network=snapshot,
    )


def _display_names(regions) -> list[str]:
    """Region names as pages show them: a province as 'Provincie Groningen', so it never
    reads as the municipality of the same name."""
    return [
        strings.PROVINCE_NAME.format(province=name) if kind == reference.PROVINCE_KIND else name
        for name, kind in zip(regions["name"], regions["kind"], strict=True)
    ]


def _snapshot(con: duckdb.DuckDBPyConnection) -> str | None:
    """The network of a public snapshot; None for a full warehouse."""
    found = query(
        con,
        "SELECT count(*) AS n FROM duckdb_tables() WHERE database_name = current_database() "
        "AND schema_name = 'public' AND table_name = 'snapshot'",
        name="is_snapshot",
    )
    if not found["n"].iloc[0]:
        return None
    return str(row(con, "SELECT network FROM public.snapshot LIMIT 1", name="network")[0])
