"""Signals: after every load, which municipality or region changed, with its evidence.

The one door is `build_signals`: it reads the count marts of a built warehouse (or of a
roll-up of snapshots), tests every municipality and region (signals.detect), keeps what
holds up under the false discovery rate, words it in Dutch (signals.wording), marks each
signal new, ongoing or ended against the previous load (signals.status) and writes
marts.signals, marts.signal_series and, for a warehouse, etl.signal_history. The method,
and how often it raises a false alarm or finds a real change, is in docs/signals.md.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd

from signals import tables
from signals.detect import detect
from signals.inputs import read_inputs
from signals.measures import (
    BETTER,
    BY_KEY,
    ENDED,
    FALSE_DISCOVERY_RATE,
    MEASURES,
    MUNICIPALITY,
    NEW,
    ONGOING,
    REGION,
    VOLUME,
)
from signals.series import series
from signals.status import KEY, signal_key, with_status
from signals.wording import sentence

__all__ = ["MEASURES", "Built", "build_signals", "create_tables", "signals_of_tests"]


@dataclass(frozen=True)
class Built:
    """What a load's signals came to."""

    new: int
    ongoing: int
    ended: int
    tests: int


def signals_of_tests(tests: pd.DataFrame, small_numbers: int) -> pd.DataFrame:
    """The tests that are signals: below the false discovery rate, and on at least
    `small_numbers` obstacles where the change is (the changed period for more obstacles,
    the expected number for fewer; both periods for response and resolution)."""
    significant = tests["q_value"] <= FALSE_DISCOVERY_RATE
    volume = tests["measure"].map(lambda k: BY_KEY[k].kind == VOLUME)
    enough = np.where(
        volume,
        np.where(
            tests["direction"] == BETTER,
            tests["expected"] >= small_numbers,
            tests["after_cases"] >= small_numbers,
        ),
        True,
    )
    return tests[significant & enough].reset_index(drop=True)


def build_signals(
    con: duckdb.DuckDBPyConnection,
    *,
    load_id: int,
    previous: pd.DataFrame | None,
    small_numbers: int,
    suppress_below: int,
    category_labels: dict[str, str],
    history: pd.DataFrame | None = None,
) -> Built:
    """Compute and write the signals of the load `load_id` in the warehouse behind `con`.

    `previous` is the previous load's signals (marts.signals or its etl.signal_history
    rows); `history` the etl.signal_history rows to carry over (None: a snapshot, which
    keeps no history table).
    """
    inputs = read_inputs(con)
    tests = detect(inputs, small_numbers)
    found = signals_of_tests(tests, small_numbers)
    names = _unit_names(con)
    history_months = [
        (pd.Timestamp(s).year - pd.Timestamp(b).year) * 12
        + pd.Timestamp(s).month
        - pd.Timestamp(b).month
        for s, b in zip(found["since"], found["baseline_start"], strict=True)
    ]
    found = found.assign(
        load_id=load_id,
        municipality_code=np.where(found["unit_kind"] == MUNICIPALITY, found["unit_code"], None),
        region_code=np.where(found["unit_kind"] == REGION, found["unit_code"], None),
        unit_name=[
            names.get((k, c), c)
            for k, c in zip(found["unit_kind"], found["unit_code"], strict=True)
        ],
    )
    found = found.assign(
        sentence=[
            sentence(
                row,
                row.unit_name,
                category_labels.get(row.category) if isinstance(row.category, str) else None,
                months,
            )
            for row, months in zip(found.itertuples(index=False), history_months, strict=True)
        ]
    )
    rows = with_status(found, previous, load_id).assign(load_id=load_id)
    live = rows[rows["status"] != ENDED]
    monthly = series(inputs, live, suppress_below)
    monthly = monthly.assign(signal_key=signal_key(monthly))
    create_tables(con, history=history is not None)
    tables.insert(con, tables.SIGNALS, _ordered(rows))
    tables.insert(con, tables.SERIES, monthly)
    if history is not None:
        tables.insert(con, tables.HISTORY, history[history["load_id"] != load_id])
        tables.insert(con, tables.HISTORY, _ordered(rows))
    counts = rows["status"].value_counts()
    return Built(
        new=int(counts.get(NEW, 0)),
        ongoing=int(counts.get(ONGOING, 0)),
        ended=int(counts.get(ENDED, 0)),
        tests=len(tests),
    )


def create_tables(con: duckdb.DuckDBPyConnection, *, history: bool) -> None:
    """marts.signals and marts.signal_series (and etl.signal_history), empty."""
    for table in (tables.SIGNALS, tables.SERIES, *([tables.HISTORY] if history else [])):
        tables.create(con, table)


def _ordered(rows: pd.DataFrame) -> pd.DataFrame:
    """Newest and strongest first: new, ongoing, ended; then by q-value."""
    order = rows["status"].map({NEW: 0, ONGOING: 1, ENDED: 2})
    return (
        rows.assign(_order=order)
        .sort_values(["_order", "q_value", *KEY[:2]])
        .drop(columns="_order")
    )


def _unit_names(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, str], str]:
    municipalities = con.execute("SELECT cbs_code, name FROM core.municipalities").fetchall()
    regions = con.execute("SELECT region_code, name FROM core.regions").fetchall()
    return {(MUNICIPALITY, c): n for c, n in municipalities} | {(REGION, c): n for c, n in regions}
