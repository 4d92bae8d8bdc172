"""The national roll-up: the public snapshots of several networks added up into one.

Every network publishes a snapshot (etl.publish) of additive count marts, one row per
municipality and whatever else; the municipalities of different networks do not overlap,
so the roll-up's count marts are the networks' rows side by side, and every figure is
computed again from those summed counts (the scorecard here, everything else by the read
layer), never by averaging rates. Two snapshots that cover the same municipality are
refused unless a preferred network is named; the other network's rows for the shared
municipalities are then left out.

The signals are computed again from the summed counts, with the roll-up's regions (the
provinces and the networks' own); whether a signal is new or ongoing is judged against the
roll-up written to the same file before.

Different initiatives cannot be summed across places (marts.agenda_reach): the roll-up
adds up the networks' counts of a place only where each network's part of the place is a
place that network counted itself (its whole area, one of its regions, one municipality);
elsewhere the number of different initiatives is unknown (NULL), never guessed.

The result is a public snapshot itself: the dashboard serves it in public mode, and it
can be rolled up again.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import duckdb

from etl import settings
from etl.marts import add_scorecard_figures
from etl.messages import ROLLUP
from etl.models import run_models
from etl.publish import describe_snapshot
from etl.rollup.reach import agenda_reach
from etl.rollup.sources import RollupError, assign, is_rollup, name_problem, read_source
from etl.rollup.sql import kept_table
from etl.rollup.tables import (
    check_columns,
    count_marts,
    initiatives,
    load_summary,
    provenance,
    reference_tables,
    regions,
)
from etl.vocabularies import CATEGORIES
from signals import build_signals
from signals.previous import signals_in

__all__ = ["RolledUp", "RollupError", "is_rollup", "rollup"]


@dataclass(frozen=True)
class RolledUp:
    path: Path
    networks: tuple[str, ...]
    municipalities: int
    left_out: dict[str, int]  # network: municipalities that counted with a preferred one
    dropped_regions: tuple[str, ...]  # regions of a network that lost municipalities
    unknown_reach: tuple[str, ...]  # places whose different initiatives are not known
    as_of_days: dict[str, date]  # network: its as-of day


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
    name = name or ROLLUP["default_name"]
    problem = name_problem(name)
    if problem:
        raise RollupError(ROLLUP["bad_name"].format(problem=problem), 2)
    sources = [read_source(Path(p)) for p in paths]
    synthetic = {bool(s.networks_frame["synthetic"].any()) for s in sources}
    if len(synthetic) > 1:
        raise RollupError(ROLLUP["mixed_demo"], 2)
    kept = assign(sources, prefer)
    previous = signals_in(target) if is_rollup(target) else None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RollupError(ROLLUP["no_folder"].format(path=target, error=exc.strerror), 2) from exc
    building = target.parent / f".{target.name}.building-{os.getpid()}"
    try:
        building.unlink(missing_ok=True)
        with duckdb.connect(str(building)) as con:
            for i, source in enumerate(sources):
                con.execute(f"ATTACH ? AS s{i} (READ_ONLY)", [str(source.path)])
            kept_table(con, sources, kept)
            say(ROLLUP["step_reference"])
            check_columns(con, sources)
            reference_tables(con, sources)
            say(ROLLUP["step_regions"])
            dropped = regions(con, sources, kept)
            say(ROLLUP["step_marts"])
            count_marts(con, sources)
            unknown = agenda_reach(con, sources, kept)
            load_summary(con, sources)
            run_models(con, "marts/municipality_scorecard")
            add_scorecard_figures(con, settings.small_numbers())
            say(ROLLUP["step_signals"])
            build_signals(
                con,
                load_id=1,
                previous=previous,
                small_numbers=settings.small_numbers(),
                suppress_below=settings.suppress_below(),
                category_labels=CATEGORIES.labels(),
            )
            say(ROLLUP["step_public"])
            provenance(con, sources, kept, name, now or datetime.now().replace(microsecond=0))
            initiatives(con, sources)
            describe_snapshot(con, ROLLUP["tables"])
            for i in range(len(sources)):
                con.execute(f"DETACH s{i}")
            municipalities = con.execute("SELECT count(*) FROM public.coverage").fetchone()[0]
            con.execute("CHECKPOINT")
        os.replace(building, target)
    except duckdb.Error as exc:
        raise RollupError(ROLLUP["failed"].format(error=str(exc).splitlines()[0])) from exc
    except OSError as exc:
        raise RollupError(ROLLUP["cannot_write"].format(path=target, error=exc.strerror)) from exc
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
        {n: day for s in sources for n, day in s.as_of_days.items()},
    )
