"""The inputs of a roll-up: which networks each snapshot holds, what it covers, and
which municipalities each counts for when two overlap."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from etl.messages import ROLLUP
from etl.publish import MARTS, is_snapshot

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
