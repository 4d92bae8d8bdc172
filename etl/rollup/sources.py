"""The inputs of a roll-up: which networks each snapshot holds, what it covers, and
which municipalities each counts for when two overlap.

A snapshot comes from another network, so it is checked before anything is added up: the
tables and columns the roll-up reads, one provenance row (or the networks of a roll-up),
names that are text and not terminal codes, and a coverage of known, distinct
municipalities. What fails gets a Dutch reason (RollupError, exit 2), never a traceback.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd

from etl import reference
from etl.messages import ROLLUP
from etl.publish import DIRECTORY_COLUMNS, MARTS, REFERENCE, is_snapshot, public_tables

_SLUG = re.compile(r"[^a-z0-9]+")
NAME_LENGTH = 200  # characters of a network's name
# The provenance of each network a snapshot holds (public.snapshot, or public.networks).
NETWORK_COLUMNS = ("network", "province", "load_id", "as_of", "synthetic", "published_at")
# The columns the roll-up reads by name, per table (the marts: see check_columns).
READS = {
    "public.snapshot": NETWORK_COLUMNS,
    "public.coverage": ("cbs_code",),
    "public.initiatives": (*DIRECTORY_COLUMNS, "themes"),
    "etl.loads": (
        "started_at",
        "finished_at",
        "as_of",
        "synthetic",
        "files",
        "rows_loaded",
        "rows_rejected",
    ),
    "core.municipalities": ("cbs_code",),
    "core.municipality_boundaries": ("cbs_code",),
    "core.regions": ("region_code", "name", "kind", "note", "sort_order"),
    "core.region_members": ("region_code", "cbs_code"),
}
# The tables that must be there (an older snapshot lacks some of the marts).
TABLES = (*REFERENCE, *(f"marts.{m}" for m in MARTS), *READS)


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

    @property
    def as_of_days(self) -> dict[str, date]:
        """The as-of day of each network it holds."""
        days = pd.to_datetime(self.networks_frame["as_of"]).dt.date
        return dict(zip(self.networks, days, strict=True))


def slug(text: str) -> str:
    return _SLUG.sub("_", text.casefold()).strip("_") or "netwerk"


def same_name(text: str) -> str:
    """A network's name as names are compared: case and spacing do not count."""
    return " ".join(text.split()).casefold()


def name_problem(name: object) -> str | None:
    """Why `name` cannot name a network (Dutch detail); None when it can: text, not empty,
    one line without control characters (they would rewrite a terminal), not too long."""
    if not isinstance(name, str) or not name.strip():
        return ROLLUP["name_empty"]
    if len(name) > NAME_LENGTH:
        return ROLLUP["name_long"].format(length=NAME_LENGTH)
    if any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in name):
        return ROLLUP["name_control"]
    return None


def is_rollup(path: Path) -> bool:
    """True when `path` is an earlier roll-up (so a new one may replace it unasked)."""
    return {"snapshot", "networks"} <= public_tables(path)


def read_source(path: Path) -> Source:
    """The networks and coverage of one snapshot; RollupError (exit 2) when it is none."""
    if path.is_dir():
        raise RollupError(ROLLUP["directory"].format(path=path), 2)
    if not path.is_file():
        raise RollupError(ROLLUP["missing"].format(path=path), 2)
    if not is_snapshot(path):
        raise RollupError(ROLLUP["not_a_snapshot"].format(path=path), 2)
    try:
        with duckdb.connect(str(path), read_only=True) as con:
            roll_up = _check_tables(con, path)
            networks = _networks(con, path, roll_up)
            coverage = _coverage(con, path)
    except duckdb.Error as exc:
        raise RollupError(ROLLUP["not_a_snapshot"].format(path=path), 2) from exc
    return Source(path, tuple(networks["network"]), coverage, networks)


def _check_tables(con, path: Path) -> bool:
    """Refuses a snapshot without the tables and columns the roll-up reads; True when it
    is a roll-up itself (it has public.networks)."""
    present: dict[str, set[str]] = {}
    for table, column in con.execute(
        "SELECT schema_name || '.' || table_name, column_name FROM duckdb_columns() "
        "WHERE database_name = current_database()"
    ).fetchall():
        present.setdefault(table, set()).add(column)
    missing = [t for t in TABLES if t not in present]
    if missing:
        raise RollupError(ROLLUP["old_snapshot"].format(path=path, tables=", ".join(missing)), 2)
    reads = dict(READS)
    if "public.networks" in present:  # a roll-up rolled up again
        reads["public.networks"] = NETWORK_COLUMNS
    lacking = [
        f"{table}.{column}"
        for table, wanted in reads.items()
        for column in wanted
        if column not in present[table]
    ]
    if lacking:
        raise RollupError(ROLLUP["damaged"].format(path=path, what=", ".join(lacking)), 2)
    return "public.networks" in present


def _networks(con, path: Path, roll_up: bool) -> pd.DataFrame:
    """The provenance of its network(s): one row in a snapshot, one per network in a
    roll-up, each with a proper name and a known demo flag."""
    table = "public.networks" if roll_up else "public.snapshot"
    columns = ", ".join(NETWORK_COLUMNS)
    networks = con.execute(f"SELECT {columns} FROM {table} ORDER BY network").df()
    if networks.empty or (not roll_up and len(networks) > 1):
        raise RollupError(ROLLUP["damaged"].format(path=path, what=table), 2)
    for name in networks["network"]:
        problem = name_problem(name)
        if problem:
            raise RollupError(ROLLUP["bad_network"].format(path=path, problem=problem), 2)
    if networks["synthetic"].isna().any():
        raise RollupError(ROLLUP["damaged"].format(path=path, what=f"{table}.synthetic"), 2)
    return networks


def _coverage(con, path: Path) -> frozenset[str]:
    """The municipalities it covers: each once, each a municipality of Nederland that the
    snapshot itself lists."""
    codes = [code for (code,) in con.execute("SELECT cbs_code FROM public.coverage").fetchall()]
    own = {code for (code,) in con.execute("SELECT cbs_code FROM core.municipalities").fetchall()}
    known = own & set(reference.municipalities_nl()["cbs_code"])
    odd = sorted({ROLLUP["empty_code"] if c is None else c for c in codes if c not in known})
    twice = sorted({c for c in codes if c is not None and codes.count(c) > 1})
    if odd or twice:
        shown = ", ".join(str(c)[:20] for c in (odd or twice)[:3])
        key = "unknown_coverage" if odd else "double_coverage"
        raise RollupError(ROLLUP[key].format(path=path, codes=shown), 2)
    return frozenset(codes)


def assign(sources: Sequence[Source], prefer: str | None) -> list[frozenset[str]]:
    """The municipalities each source counts for: its coverage, minus what it shares with
    the preferred network's source. Refuses a shared municipality without a preference."""
    _refuse_doubles(sources)
    preferred = None
    if prefer is not None:
        found = [
            i
            for i, s in enumerate(sources)
            if same_name(prefer) in {same_name(n) for n in s.networks}
        ]
        if not found:
            names = ", ".join(n for s in sources for n in s.networks)
            raise RollupError(
                ROLLUP["unknown_preference"].format(network=prefer, networks=names), 2
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


def _refuse_doubles(sources: Sequence[Source]) -> None:
    """One network in two inputs (also spelled otherwise, or inside a roll-up) is refused:
    its counts would be added twice, and a preference could not tell the two apart."""
    seen: dict[str, Source] = {}
    for source in sources:
        for name in source.networks:
            other = seen.get(same_name(name))
            seen[same_name(name)] = source
            if other is not None:
                raise RollupError(
                    ROLLUP["same_network"].format(
                        network=name, one=other.path.name, other=source.path.name
                    ),
                    2,
                )
