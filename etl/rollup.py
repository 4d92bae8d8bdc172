"""The national roll-up: the public snapshots of several networks added up into one.

Every network publishes a snapshot (etl.publish) of additive count marts, one row per
municipality and whatever else; the municipalities of different networks do not overlap,
so the roll-up's count marts are the networks' rows side by side, and every figure is
computed again from those summed counts (the scorecard here, everything else by the read
layer), never by averaging rates. Two snapshots that cover the same municipality are
refused unless a preferred network is named; the other network's rows for the shared
municipalities are then left out.

Different initiatives cannot be summed across places (marts.agenda_reach): the roll-up
adds up the networks' counts of a place only where each network's part of the place is a
place that network counted itself (its whole area, one of its regions, one municipality);
elsewhere the number of different initiatives is unknown (NULL), never guessed.

The result is a public snapshot itself: the dashboard serves it in public mode, and it
can be rolled up again.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb
import pandas as pd

from etl import reference, settings
from etl.marts import SCORECARD, add_scorecard_figures
from etl.messages import ROLLUP
from etl.models import run_models
from etl.publish import MARTS, describe_snapshot, is_snapshot

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
WHOLE = ("provincie", "")  # agenda_reach's place of a whole warehouse
_SLUG = re.compile(r"[^a-z0-9]+")


class RollupError(Exception):
    """The roll-up cannot be made; the message (Dutch) says why."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


@dataclass(frozen=True)
class Source:
    """One input snapshot: the network(s) it holds and the municipalities it covers."""

    path: Path
    networks: tuple[str, ...]
    coverage: frozenset[str]
    networks_frame: pd.DataFrame = field(repr=False, compare=False)

    @property
    def label(self) -> str:
        return " + ".join(self.networks)


@dataclass(frozen=True)
class RolledUp:
    path: Path
    networks: tuple[str, ...]
    municipalities: int
    left_out: dict[str, int]  # network: municipalities that counted with a preferred one
    dropped_regions: tuple[str, ...]  # regions of a network that lost municipalities
    unknown_reach: tuple[str, ...]  # places whose different initiatives are not known


def slug(text: str) -> str:
    return _SLUG.sub("_", text.casefold()).strip("_") or "netwerk"


def read_source(path: Path) -> Source:
    """The networks and coverage of one snapshot; RollupError when it is none."""
    if not path.is_file():
        raise RollupError(ROLLUP["missing"].format(path=path), 2)
    if not is_snapshot(path):
        raise RollupError(ROLLUP["not_a_snapshot"].format(path=path), 2)
    with duckdb.connect(str(path), read_only=True) as con:
        tables = {
            f"{schema}.{table}"
            for schema, table in con.execute(
                "SELECT schema_name, table_name FROM duckdb_tables()"
            ).fetchall()
        }
        missing = [m for m in MARTS if f"marts.{m}" not in tables]
        if missing or "public.coverage" not in tables:
            raise RollupError(ROLLUP["old_snapshot"].format(path=path), 2)
        if "public.networks" in tables:  # a roll-up rolled up again
            networks = con.execute("SELECT * FROM public.networks ORDER BY network").df()
        else:
            networks = con.execute(
                "SELECT network, province, load_id, as_of, synthetic, published_at "
                "FROM public.snapshot"
            ).df()
        coverage = {
            code for (code,) in con.execute("SELECT cbs_code FROM public.coverage").fetchall()
        }
    return Source(path, tuple(networks["network"].astype(str)), frozenset(coverage), networks)


def assign(sources: Sequence[Source], prefer: str | None) -> list[frozenset[str]]:
    """The municipalities each source counts for: its coverage, minus what it shares with
    the preferred network's source. Refuses a shared municipality without a preference."""
    names = [n for s in sources for n in s.networks]
    doubles = sorted({n for n in names if names.count(n) > 1})
    if doubles:
        raise RollupError(ROLLUP["same_network"].format(network=doubles[0]), 2)
    preferred = None
    if prefer is not None:
        found = [
            i for i, s in enumerate(sources) if prefer.casefold() in map(str.casefold, s.networks)
        ]
        if not found:
            raise RollupError(
                ROLLUP["unknown_preference"].format(network=prefer, networks=", ".join(names)), 2
            )
        preferred = found[0]
    kept = [set(s.coverage) for s in sources]
    for i, one in enumerate(sources):
        for j in range(i + 1, len(sources)):
            shared = one.coverage & sources[j].coverage
            if not shared:
                continue
            if preferred not in (i, j):
                raise RollupError(
                    ROLLUP["overlap"].format(
                        one=one.label,
                        other=sources[j].label,
                        count=len(shared),
                        examples=", ".join(sorted(shared)[:3]),
                    ),
                    2,
                )
            loser = j if preferred == i else i
            kept[loser] -= shared
    return [frozenset(k) for k in kept]


def rollup(
    paths: Sequence[Path],
    target: Path,
    *,
    prefer: str | None = None,
    name: str | None = None,
    now: datetime | None = None,
    progress: Callable[[str], None] | None = None,
) -> RolledUp:
    """Add up the snapshots at `paths` into a new public snapshot at `target` (atomically)."""
    say = progress or (lambda _step: None)
    if len(paths) < 2:
        raise RollupError(ROLLUP["too_few"], 2)
    sources = [read_source(Path(p)) for p in paths]
    synthetic = {bool(s.networks_frame["synthetic"].any()) for s in sources}
    if len(synthetic) > 1:
        raise RollupError(ROLLUP["mixed_demo"], 2)
    kept = assign(sources, prefer)
    name = name or ROLLUP["default_name"]
    target.parent.mkdir(parents=True, exist_ok=True)
    building = target.parent / f".{target.name}.building-{os.getpid()}"
    building.unlink(missing_ok=True)
    try:
        with duckdb.connect(str(building)) as con:
            for i, source in enumerate(sources):
                con.execute(f"ATTACH ? AS s{i} (READ_ONLY)", [str(source.path)])
            _kept_table(con, sources, kept)
            say(ROLLUP["step_reference"])
            _check_columns(con, sources)
            _reference(con, sources)
            say(ROLLUP["step_regions"])
            dropped = _regions(con, sources, kept)
            say(ROLLUP["step_marts"])
            _count_marts(con, sources)
            unknown = _agenda_reach(con, sources, kept)
            _load_summary(con, sources)
            run_models(con, "marts/municipality_scorecard")
            add_scorecard_figures(con, settings.small_numbers())
            say(ROLLUP["step_public"])
            _provenance(con, sources, kept, name, now or datetime.now().replace(microsecond=0))
            _initiatives(con, sources)
            describe_snapshot(con, ROLLUP["tables"])
            for i in range(len(sources)):
                con.execute(f"DETACH s{i}")
            municipalities = con.execute("SELECT count(*) FROM public.coverage").fetchone()[0]
            con.execute("CHECKPOINT")
        os.replace(building, target)
    except duckdb.Error as exc:
        raise RollupError(ROLLUP["failed"].format(error=str(exc).splitlines()[0])) from exc
    finally:
        building.unlink(missing_ok=True)
        Path(f"{building}.wal").unlink(missing_ok=True)
    left_out = {
        s.label: len(s.coverage - k) for s, k in zip(sources, kept, strict=True) if s.coverage - k
    }
    return RolledUp(
        target,
        tuple(n for s in sources for n in s.networks),
        int(municipalities),
        left_out,
        tuple(dropped),
        tuple(unknown),
    )


def _kept_table(con, sources: Sequence[Source], kept: Sequence[frozenset[str]]) -> None:
    frame = pd.DataFrame(
        [(i, code) for i, codes in enumerate(kept) for code in sorted(codes)],
        columns=["source", "cbs_code"],
    ).astype({"source": "int32", "cbs_code": "string"})
    _create(con, "CREATE TEMP TABLE kept AS SELECT * FROM frame", frame=frame)


def _create(con, sql: str, **frames: pd.DataFrame) -> None:
    """Run `sql` with pandas frames visible under their names."""
    for name, frame in frames.items():
        con.register(name, frame)
    try:
        con.execute(sql)
    finally:
        for name in frames:
            con.unregister(name)


def _union(sources: Sequence[Source], table: str, columns: str = "*", keyed: bool = True) -> str:
    """One SELECT over every source's `table`, keeping only the rows of municipalities the
    source counts for when `keyed` (sources are attached as s0, s1, ...)."""
    parts = []
    for i in range(len(sources)):
        where = (
            f" WHERE cbs_code IN (SELECT cbs_code FROM kept WHERE source = {i})" if keyed else ""
        )
        parts.append(f"SELECT {columns} FROM s{i}.{table}{where}")
    return " UNION ALL BY NAME ".join(parts)


def _columns(con, database: str, schema: str, table: str) -> list[str]:
    return [
        name
        for (name,) in con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE database_name = ? "
            "AND schema_name = ? AND table_name = ? ORDER BY column_index",
            [database, schema, table],
        ).fetchall()
    ]


def _check_columns(con, sources: Sequence[Source]) -> None:
    """Snapshots of different versions cannot be added up column by column."""
    for mart in MARTS:
        first = _columns(con, "s0", "marts", mart)
        for i, source in enumerate(sources[1:], start=1):
            if set(_columns(con, f"s{i}", "marts", mart)) != set(first):
                raise RollupError(
                    ROLLUP["versions"].format(one=sources[0].path.name, other=source.path.name), 2
                )


def _reference(con, sources: Sequence[Source]) -> None:
    con.execute("CREATE SCHEMA core; CREATE SCHEMA marts; CREATE SCHEMA etl; CREATE SCHEMA public")
    con.execute(
        "CREATE TABLE core.municipalities AS "
        f"SELECT * FROM ({_union(sources, 'core.municipalities')}) ORDER BY cbs_code"
    )
    con.execute(
        "CREATE TABLE core.municipality_boundaries AS "
        f"SELECT * FROM ({_union(sources, 'core.municipality_boundaries')}) ORDER BY cbs_code"
    )


def _regions(con, sources: Sequence[Source], kept: Sequence[frozenset[str]]) -> list[str]:
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
    for i, source in enumerate(sources):
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
            new_code = code if code not in taken else f"{slug(source.networks[0])}_{code}"
            taken.add(new_code)
            rows.append((new_code, region_name, kind, note))
            member_rows += [(new_code, c) for c in sorted(own)]
    regions_frame = pd.DataFrame(rows, columns=["region_code", "name", "kind", "note"])
    regions_frame.insert(3, "sort_order", range(1, len(regions_frame) + 1))
    members_frame = pd.DataFrame(member_rows, columns=["region_code", "cbs_code"])
    _create(
        con,
        "CREATE TABLE core.regions AS SELECT region_code, name, kind, "
        "CAST(sort_order AS INTEGER) AS sort_order, note FROM regions_frame",
        regions_frame=regions_frame,
    )
    _create(
        con,
        "CREATE TABLE core.region_members AS SELECT DISTINCT region_code, cbs_code "
        "FROM members_frame ORDER BY ALL",
        members_frame=members_frame,
    )
    return dropped


def _count_marts(con, sources: Sequence[Source]) -> None:
    for mart in PER_MUNICIPALITY:
        con.execute(f"CREATE TABLE marts.{mart} AS {_union(sources, f'marts.{mart}')}")
    columns = ", ".join(SCORECARD_COUNTS)
    con.execute(f"CREATE TABLE {SCORECARD} AS {_union(sources, SCORECARD, columns)}")


def _agenda_reach(con, sources: Sequence[Source], kept: Sequence[frozenset[str]]) -> list[str]:
    """Different municipalities and initiatives per place and agenda item, added up from
    places the networks counted themselves; NULL initiatives where that is impossible."""
    places = _places(con)
    exact = _exact_pieces(con, sources, kept, places)
    con.execute(
        "CREATE TABLE marts.agenda_reach (place_kind VARCHAR, place_code VARCHAR, "
        "grouping VARCHAR, category VARCHAR, theme VARCHAR, municipalities INTEGER, "
        "initiatives INTEGER)"
    )
    unknown = []
    for (kind, code), pieces in exact.items():
        if pieces is None:
            unknown.append(code or kind)
            # Municipalities still add up: one row per municipality with the item.
            select = " UNION ALL ".join(
                f"SELECT grouping, category, theme, municipalities FROM s{i}.marts.agenda_reach "
                f"WHERE place_kind = 'gemeente' AND place_code IN "
                f"(SELECT cbs_code FROM place_members WHERE place_kind = ? AND place_code = ?) "
                f"AND place_code IN (SELECT cbs_code FROM kept WHERE source = {i})"
                for i in range(len(sources))
            )
            params = [kind, code] * len(sources)
            con.execute(
                "INSERT INTO marts.agenda_reach SELECT ?, ?, grouping, category, theme, "
                f"CAST(sum(municipalities) AS INTEGER), NULL FROM ({select}) GROUP BY ALL",
                [kind, code, *params],
            )
            continue
        select = " UNION ALL ".join(
            f"SELECT grouping, category, theme, municipalities, initiatives "
            f"FROM s{i}.marts.agenda_reach WHERE place_kind = ? AND place_code = ?"
            for i, _ in pieces
        )
        params = [v for _, (k, c) in pieces for v in (k, c)]
        con.execute(
            "INSERT INTO marts.agenda_reach SELECT ?, ?, grouping, category, theme, "
            "CAST(sum(municipalities) AS INTEGER), CAST(sum(initiatives) AS INTEGER) "
            f"FROM ({select}) GROUP BY ALL",
            [kind, code, *params],
        )
    con.execute(
        "CREATE OR REPLACE TABLE marts.agenda_reach AS "
        "SELECT * FROM marts.agenda_reach ORDER BY ALL"
    )
    return unknown


def _places(con) -> dict[tuple[str, str], frozenset[str]]:
    """Every place of the roll-up with its municipalities, as agenda_reach names places."""
    con.execute(
        "CREATE TEMP TABLE place_members AS "
        "SELECT 'provincie' AS place_kind, '' AS place_code, cbs_code FROM core.municipalities "
        "UNION ALL SELECT 'regio', region_code, cbs_code FROM core.region_members "
        "UNION ALL SELECT 'gemeente', cbs_code, cbs_code FROM core.municipalities"
    )
    places: dict[tuple[str, str], set[str]] = {}
    for kind, code, member in con.execute("SELECT * FROM place_members").fetchall():
        places.setdefault((kind, code), set()).add(member)
    return {place: frozenset(members) for place, members in places.items()}


def _exact_pieces(
    con, sources: Sequence[Source], kept: Sequence[frozenset[str]], places
) -> dict[tuple[str, str], list[tuple[int, tuple[str, str]]] | None]:
    """For each place, the networks' own places whose counts add up to it exactly (one per
    network with municipalities in it), or None when some network did not count its part."""
    own_places = []
    for i, source in enumerate(sources):
        mine: dict[tuple[str, str], frozenset[str]] = {WHOLE: source.coverage}
        listed = con.execute(
            f"SELECT region_code, cbs_code FROM s{i}.core.region_members"
        ).fetchall()
        for region, code in listed:
            mine[("regio", region)] = mine.get(("regio", region), frozenset()) | {code}
        own_places.append(mine)
    found: dict[tuple[str, str], list[tuple[int, tuple[str, str]]] | None] = {}
    for place, members in places.items():
        if place[0] == "gemeente":
            owner = next(i for i, k in enumerate(kept) if place[1] in k)
            found[place] = [(owner, place)]
            continue
        pieces: list[tuple[int, tuple[str, str]]] | None = []
        for i, codes in enumerate(kept):
            piece = members & codes
            if not piece:
                continue
            match = next((p for p, m in own_places[i].items() if m == piece), None)
            if match is None and len(piece) == 1:
                match = ("gemeente", next(iter(piece)))
            if match is None:
                pieces = None
                break
            pieces.append((i, match))
        found[place] = pieces
    return found


def _load_summary(con, sources: Sequence[Source]) -> None:
    union = _union(sources, "marts.load_summary", keyed=False)
    con.execute(
        "CREATE TABLE marts.load_summary AS SELECT max(as_of) AS as_of, "
        "min(first_report) AS first_report, max(newest_report) AS newest_report, "
        "max(newest_registration) AS newest_registration, "
        "max(newest_response) AS newest_response, "
        "CAST(sum(initiatives) AS INTEGER) AS initiatives, "
        "CAST(sum(obstacles) AS INTEGER) AS obstacles, "
        f"CAST(sum(responses) AS INTEGER) AS responses FROM ({union})"
    )


def _provenance(con, sources, kept, name: str, now: datetime) -> None:
    """One load for the whole roll-up, the networks it adds up and who covers what."""
    loads = _union(sources, "etl.loads", keyed=False)
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
    _create(
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
            if "network" in _columns(con, f"s{i}", "public", "coverage")
            else {}
        )
        rows += [(code, network_of.get(code) or source.networks[0]) for code in sorted(codes)]
    coverage = pd.DataFrame(rows, columns=["cbs_code", "network"])
    _create(
        con,
        "CREATE TABLE public.coverage AS SELECT * FROM coverage ORDER BY cbs_code",
        coverage=coverage,
    )


def _initiatives(con, sources: Sequence[Source]) -> None:
    """The consenting initiatives of every network; an id two networks both use gets the
    network's name in front, so a card opens the right one."""
    parts = []
    for i, source in enumerate(sources):
        prefix = slug(source.networks[0])
        parts.append(
            f"SELECT * REPLACE (CASE WHEN initiative_id IN (SELECT initiative_id FROM ids "
            f"WHERE n > 1) THEN '{prefix}:' || initiative_id ELSE initiative_id END "
            f"AS initiative_id) FROM s{i}.public.initiatives "
            f"WHERE cbs_code IN (SELECT cbs_code FROM kept WHERE source = {i})"
        )
    every = " UNION ALL ".join(
        f"SELECT initiative_id FROM s{i}.public.initiatives" for i in range(len(sources))
    )
    con.execute(
        f"CREATE TEMP TABLE ids AS SELECT initiative_id, count(*) AS n FROM ({every}) GROUP BY ALL"
    )
    con.execute(
        "CREATE TABLE public.initiatives AS SELECT * FROM ("
        + " UNION ALL BY NAME ".join(parts)
        + ") ORDER BY initiative_id"
    )
