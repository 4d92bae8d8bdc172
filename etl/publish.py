"""The public snapshot: what a public dashboard may show, in a file of its own.

`publish` copies from a built warehouse only what the public pages need: the additive count
marts, the reference data (municipalities, regions, boundaries), the provenance of the
latest load, and the directory of the initiatives that consented (`visible_to_public`).
It never copies free text about obstacles or responses, obstacle or response ids, an
initiative that did not consent, file paths or row numbers of the raw exports, or anything
of etl.rejects: what is not in the file cannot leak. The snapshot is written beside its
target and swapped in atomically, like the warehouse.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from etl import settings
from etl.duck import literal
from etl.messages import PUBLISH

# Reference data, copied whole. (core.municipality_boundaries: outline and credit only.)
REFERENCE = {
    "core.municipalities": "SELECT * FROM src.core.municipalities",
    "core.regions": "SELECT * FROM src.core.regions",
    "core.region_members": "SELECT * FROM src.core.region_members",
    "core.municipality_boundaries": "SELECT cbs_code, geometry_geojson, area_km2, "
    "boundary_year, attribution FROM src.core.municipality_boundaries",
}
# The count marts; marts.initiative_reach is left out: it names every initiative.
MARTS = (
    "obstacle_counts",
    "obstacle_counts_by_day",
    "obstacle_counts_by_kind",
    "survival_counts",
    "survival_counts_by_municipality",
    "initiative_counts",
    "initiative_counts_by_kind",
    "agenda_reach",
    "load_summary",
    "municipality_scorecard",
)
# The signals of the latest load: sentences and counts made from the aggregates, with the
# small-number rules already applied (signals.build_signals); a warehouse built before
# signals existed has none, and the snapshot then has none either.
SIGNAL_TABLES = ("marts.signals", "marts.signal_series")
# The latest load's provenance: when, which as-of day, how much; no file or path.
LOAD_COLUMNS = (
    "load_id, started_at, finished_at, status, as_of, synthetic, province, files, "
    "rows_loaded, rows_rejected"
)
# What a public directory card shows of a consenting initiative.
DIRECTORY_COLUMNS = (
    "initiative_id",
    "name",
    "cbs_code",
    "place",
    "legal_form",
    "founded_year",
    "phase",
    "volunteers",
    "registered_at",
    "website",
    "description",
)


class PublishError(Exception):
    """The snapshot cannot be written; the message (Dutch) says why."""


@dataclass(frozen=True)
class Published:
    path: Path
    network: str
    load_id: int
    municipalities: int
    initiatives: int


def publish(
    warehouse: Path, target: Path, *, network: str | None = None, now: datetime | None = None
) -> Published:
    """Write the public snapshot of `warehouse` to `target` (atomically)."""
    if not warehouse.exists():
        raise PublishError(PUBLISH["no_warehouse"].format(path=warehouse))
    network = network or settings.network()
    target.parent.mkdir(parents=True, exist_ok=True)
    building = target.parent / f".{target.name}.building-{os.getpid()}"
    building.unlink(missing_ok=True)
    try:
        with duckdb.connect(str(building)) as con:
            try:
                con.execute("ATTACH ? AS src (READ_ONLY)", [str(warehouse)])
            except duckdb.Error as exc:
                raise PublishError(PUBLISH["unreadable"].format(path=warehouse)) from exc
            result = _copy(con, network, now or datetime.now().replace(microsecond=0))
            con.execute("DETACH src")
            con.execute("CHECKPOINT")
        os.replace(building, target)
    finally:
        building.unlink(missing_ok=True)
        Path(f"{building}.wal").unlink(missing_ok=True)
    return Published(target, network, *result)


def _copy(con: duckdb.DuckDBPyConnection, network: str, now: datetime) -> tuple[int, int, int]:
    missing = _missing_sources(con)
    if missing:
        raise PublishError(PUBLISH["not_a_warehouse"].format(tables=", ".join(missing)))
    load = con.execute("SELECT max(load_id) FROM src.etl.loads").fetchone()[0]
    if load is None:
        raise PublishError(PUBLISH["no_load"])
    con.execute("CREATE SCHEMA core; CREATE SCHEMA marts; CREATE SCHEMA etl; CREATE SCHEMA public")
    for table, select in REFERENCE.items():
        con.execute(f"CREATE TABLE {table} AS {select}")
    for mart in MARTS:
        con.execute(f"CREATE TABLE marts.{mart} AS SELECT * FROM src.marts.{mart}")
    present = _source_tables(con)
    for table in SIGNAL_TABLES:
        if table in present:
            con.execute(f"CREATE TABLE {table} AS SELECT * FROM src.{table}")
    con.execute(
        f"CREATE TABLE etl.loads AS SELECT {LOAD_COLUMNS} FROM src.etl.loads WHERE load_id = ?",
        [load],
    )
    con.execute(
        "CREATE TABLE public.snapshot AS SELECT ?::VARCHAR AS network, "
        "l.province, l.load_id, l.as_of, l.synthetic, ?::TIMESTAMP AS published_at "
        "FROM etl.loads AS l",
        [network, now],
    )
    con.execute(
        "CREATE TABLE public.coverage AS SELECT cbs_code, ?::VARCHAR AS network "
        "FROM core.municipalities ORDER BY ALL",
        [network],
    )
    _directory(con)
    describe_snapshot(con, PUBLISH["tables"])
    municipalities = con.execute("SELECT count(*) FROM public.coverage").fetchone()[0]
    initiatives = con.execute("SELECT count(*) FROM public.initiatives").fetchone()[0]
    return int(load), int(municipalities), int(initiatives)


def _source_tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {
        f"{schema}.{table}"
        for schema, table in con.execute(
            "SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = 'src'"
        ).fetchall()
    }


def _missing_sources(con: duckdb.DuckDBPyConnection) -> list[str]:
    present = _source_tables(con)
    wanted = [*REFERENCE, *(f"marts.{m}" for m in MARTS), "etl.loads", "core.initiatives"]
    return [table for table in wanted if table not in present]


def _directory(con: duckdb.DuckDBPyConnection) -> None:
    """public.initiatives: the consenting initiatives with their themes; none when the
    warehouse predates the consent column (no consent was ever given then)."""
    columns = {
        name
        for (name,) in con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE database_name = 'src' "
            "AND schema_name = 'core' AND table_name = 'initiatives'"
        ).fetchall()
    }
    consent = "i.visible_to_public" if "visible_to_public" in columns else "FALSE"
    selected = ", ".join(f"i.{c}" for c in DIRECTORY_COLUMNS)
    con.execute(
        f"CREATE TABLE public.initiatives AS SELECT {selected}, "
        "coalesce(t.themes, []::VARCHAR[]) AS themes "
        "FROM src.core.initiatives AS i "
        "LEFT JOIN (SELECT initiative_id, list(theme ORDER BY theme) AS themes "
        "FROM src.core.initiative_themes GROUP BY ALL) AS t USING (initiative_id) "
        f"WHERE {consent} ORDER BY i.initiative_id"
    )


def describe_snapshot(con: duckdb.DuckDBPyConnection, tables: dict[str, str]) -> None:
    """The snapshot's own tables say what one row is, as the warehouse's do."""
    for table, comment in tables.items():
        con.execute(f"COMMENT ON TABLE {table} IS {literal(comment)}")


def public_tables(path: Path) -> frozenset[str]:
    """The tables in the public schema of the DuckDB file at `path`; none when it is no
    readable DuckDB file."""
    if not path.is_file():
        return frozenset()
    try:
        with duckdb.connect(str(path), read_only=True) as con:
            found = con.execute(
                "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'public'"
            ).fetchall()
    except duckdb.Error:
        return frozenset()
    return frozenset(name for (name,) in found)


def is_snapshot(path: Path) -> bool:
    """True when `path` is a public snapshot (so publishing again may replace it)."""
    return "snapshot" in public_tables(path)


def refresh(warehouse: Path, target: Path | None = None) -> Published | None:
    """Publish again when a snapshot already exists (after every ETL run); else nothing."""
    target = target or settings.public_warehouse_path()
    return publish(warehouse, target) if target.exists() else None
