"""The tables of a roll-up, each built from the snapshots' own (see etl.rollup)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import pandas as pd

from etl import reference
from etl.duck import run_with_frames
from etl.marts import SCORECARD
from etl.messages import ROLLUP
from etl.publish import DIRECTORY_COLUMNS, MARTS, REFERENCE
from etl.rollup.sources import RollupError, Source, slug
from etl.rollup.sql import columns, typed_columns, union

# The count marts with a cbs_code column: one network's rows per municipality.
PER_MUNICIPALITY = tuple(
    mart for mart in MARTS if mart not in ("agenda_reach", "load_summary", SCORECARD.split(".")[1])
)
# The scorecard's counts; its figures are computed again (etl.marts).
SCORECARD_COUNTS = (
    "cbs_code",
    "name",
    "population",
    "initiatives",
    "obstacles",
    "obstacles_open",
    "obstacles_answered",
    "obstacles_resolved",
    "obstacles_refused",
)


# The tables put side by side whole: every source must have the same columns, of the same
# types (a count that became text would add up as text).
SIDE_BY_SIDE = (*(f"marts.{m}" for m in MARTS), *REFERENCE, "public.initiatives")
# What a public directory card shows, and nothing a snapshot may have gained besides.
INITIATIVE_COLUMNS = (*DIRECTORY_COLUMNS, "themes")


def check_columns(con, sources: Sequence[Source]) -> None:
    """Snapshots of different versions (or changed by hand) cannot be added up column by
    column."""
    for table in SIDE_BY_SIDE:
        schema, name = table.split(".")
        first = set(typed_columns(con, "s0", schema, name))
        for i, source in enumerate(sources[1:], start=1):
            if set(typed_columns(con, f"s{i}", schema, name)) != first:
                raise RollupError(
                    ROLLUP["versions"].format(one=sources[0].path.name, other=source.path.name), 2
                )


def prefixes(sources: Sequence[Source]) -> list[str]:
    """A different short name per source, put before what two networks both use (a region
    code, an initiative id): its first network's name, numbered when two read the same."""
    taken: list[str] = []
    for source in sources:
        base = slug(source.networks[0])
        taken.append(free(base, set(taken)))
    return taken


def free(wanted: str, taken: set[str]) -> str:
    """`wanted`, or `wanted_2`, `wanted_3`, ... whichever is not taken yet."""
    found, number = wanted, 2
    while found in taken:
        found, number = f"{wanted}_{number}", number + 1
    return found


def reference_tables(con, sources: Sequence[Source]) -> None:
    con.execute("CREATE SCHEMA core; CREATE SCHEMA marts; CREATE SCHEMA etl; CREATE SCHEMA public")
    con.execute(
        "CREATE TABLE core.municipalities AS "
        f"SELECT * FROM ({union(sources, 'core.municipalities')}) ORDER BY cbs_code"
    )
    con.execute(
        "CREATE TABLE core.municipality_boundaries AS "
        f"SELECT * FROM ({union(sources, 'core.municipality_boundaries')}) ORDER BY cbs_code"
    )


def regions(con, sources: Sequence[Source], kept: Sequence[frozenset[str]]) -> list[str]:
    """The provinces of the covered municipalities, then each network's own regions (a code
    another network uses too gets the network's name in front). A network's region that lost
    municipalities to a preferred network is left out: its counts would no longer add up."""
    covered = set().union(*kept)
    provinces = reference.regions(reference.NATIONAL)
    members = reference.region_members(reference.NATIONAL)
    members = members[members["cbs_code"].isin(covered)]
    rows = [
        (code, name, kind, note)
        for code, name, kind, note in provinces[["region_code", "name", "kind", "note"]].itertuples(
            index=False
        )
        if code in set(members["region_code"])
    ]
    member_rows = [tuple(r) for r in members[["region_code", "cbs_code"]].itertuples(index=False)]
    taken = {r[0] for r in rows}
    dropped: list[str] = []
    for i, (source, prefix) in enumerate(zip(sources, prefixes(sources), strict=True)):
        regions = con.execute(
            f"SELECT region_code, name, kind, note FROM s{i}.core.regions "
            f"WHERE kind <> ? ORDER BY sort_order",
            [reference.PROVINCE_KIND],
        ).fetchall()
        listed = con.execute(
            f"SELECT region_code, cbs_code FROM s{i}.core.region_members"
        ).fetchall()
        for code, region_name, kind, note in regions:
            own = {c for r, c in listed if r == code}
            if not own or not own <= kept[i]:
                dropped.append(f"{region_name} ({source.label})")
                continue
            new_code = code if code not in taken else free(f"{prefix}_{code}", taken)
            taken.add(new_code)
            rows.append((new_code, region_name, kind, note))
            member_rows += [(new_code, c) for c in sorted(own)]
    regions_frame = pd.DataFrame(rows, columns=["region_code", "name", "kind", "note"])
    regions_frame.insert(3, "sort_order", range(1, len(regions_frame) + 1))
    members_frame = pd.DataFrame(member_rows, columns=["region_code", "cbs_code"])
    run_with_frames(
        con,
        "CREATE TABLE core.regions AS SELECT region_code, name, kind, "
        "CAST(sort_order AS INTEGER) AS sort_order, note FROM regions_frame",
        regions_frame=regions_frame,
    )
    run_with_frames(
        con,
        "CREATE TABLE core.region_members AS SELECT DISTINCT region_code, cbs_code "
        "FROM members_frame ORDER BY ALL",
        members_frame=members_frame,
    )
    return dropped


def count_marts(con, sources: Sequence[Source]) -> None:
    for mart in PER_MUNICIPALITY:
        con.execute(f"CREATE TABLE marts.{mart} AS {union(sources, f'marts.{mart}')}")
    columns = ", ".join(SCORECARD_COUNTS)
    con.execute(f"CREATE TABLE {SCORECARD} AS {union(sources, SCORECARD, columns)}")


def load_summary(con, sources: Sequence[Source]) -> None:
    every = union(sources, "marts.load_summary", keyed=False)
    con.execute(
        "CREATE TABLE marts.load_summary AS SELECT max(as_of) AS as_of, "
        "min(first_report) AS first_report, max(newest_report) AS newest_report, "
        "max(newest_registration) AS newest_registration, "
        "max(newest_response) AS newest_response, "
        "CAST(sum(initiatives) AS INTEGER) AS initiatives, "
        "CAST(sum(obstacles) AS INTEGER) AS obstacles, "
        f"CAST(sum(responses) AS INTEGER) AS responses FROM ({every})"
    )


def provenance(con, sources, kept, name: str, now: datetime) -> None:
    """One load for the whole roll-up, the networks it adds up and who covers what."""
    loads = union(sources, "etl.loads", keyed=False)
    con.execute(
        "CREATE TABLE etl.loads AS SELECT 1 AS load_id, min(started_at) AS started_at, "
        "max(finished_at) AS finished_at, 'ok' AS status, max(as_of) AS as_of, "
        "bool_or(synthetic) AS synthetic, ? AS province, CAST(sum(files) AS INTEGER) AS files, "
        "CAST(sum(rows_loaded) AS INTEGER) AS rows_loaded, "
        f"CAST(sum(rows_rejected) AS INTEGER) AS rows_rejected FROM ({loads})",
        [reference.NATIONAL],
    )
    con.execute(
        "CREATE TABLE public.snapshot AS SELECT ?::VARCHAR AS network, province, load_id, "
        "as_of, synthetic, ?::TIMESTAMP AS published_at FROM etl.loads",
        [name, now],
    )
    networks = pd.concat(
        [
            s.networks_frame[
                ["network", "province", "load_id", "as_of", "synthetic", "published_at"]
            ]
            for s in sources
        ],
        ignore_index=True,
    )
    run_with_frames(
        con,
        "CREATE TABLE public.networks AS SELECT * FROM networks ORDER BY network",
        networks=networks,
    )
    rows = []
    for i, (source, codes) in enumerate(zip(sources, kept, strict=True)):
        # A source that is itself a roll-up says per municipality whose counts it holds
        # (snapshots of the first version name no network per municipality).
        network_of = (
            dict(con.execute(f"SELECT cbs_code, network FROM s{i}.public.coverage").fetchall())
            if "network" in columns(con, f"s{i}", "public", "coverage")
            else {}
        )
        rows += [(code, network_of.get(code) or source.networks[0]) for code in sorted(codes)]
    coverage = pd.DataFrame(rows, columns=["cbs_code", "network"])
    run_with_frames(
        con,
        "CREATE TABLE public.coverage AS SELECT * FROM coverage ORDER BY cbs_code",
        coverage=coverage,
    )


def initiatives(con, sources: Sequence[Source]) -> None:
    """The consenting initiatives of every network, with the directory's columns only; an
    id two networks both use gets the network's name in front, so a card opens the right
    one."""
    rest = ", ".join(c for c in INITIATIVE_COLUMNS if c != "initiative_id")
    parts, params = [], []
    for i, prefix in enumerate(prefixes(sources)):
        parts.append(
            "SELECT CASE WHEN initiative_id IN (SELECT initiative_id FROM ids WHERE n > 1) "
            f"THEN ? || initiative_id ELSE initiative_id END AS initiative_id, {rest} "
            f"FROM s{i}.public.initiatives "
            f"WHERE cbs_code IN (SELECT cbs_code FROM kept WHERE source = {i})"
        )
        params.append(f"{prefix}:")
    every = " UNION ALL ".join(
        f"SELECT initiative_id FROM s{i}.public.initiatives" for i in range(len(sources))
    )
    con.execute(
        f"CREATE TEMP TABLE ids AS SELECT initiative_id, count(*) AS n FROM ({every}) GROUP BY ALL"
    )
    con.execute(
        "CREATE TABLE public.initiatives AS SELECT * FROM ("
        + " UNION ALL BY NAME ".join(parts)
        + ") ORDER BY initiative_id",
        params,
    )
