"""The counts the signals need, read from a built warehouse's marts (or a roll-up's)."""

from __future__ import annotations

import duckdb
import pandas as pd

from signals.detect import Inputs, month_number, month_start
from signals.measures import BASELINE_MONTHS, LONGEST_HORIZON, MUNICIPALITY, REGION, WINDOWS

# The months a load looks back: the longest window and the history before it.
LOOK_BACK_MONTHS = max(WINDOWS) + BASELINE_MONTHS


def read_inputs(con: duckdb.DuckDBPyConnection) -> Inputs:
    """Monthly counts per municipality (and category), survival counts per municipality and
    month of report (days cut after the longest horizon), and the units: every municipality
    and every region of more than one municipality (a region of one is that municipality)."""
    as_of = con.execute("SELECT as_of FROM marts.load_summary").fetchone()[0]
    start = month_start(month_number(as_of) - LOOK_BACK_MONTHS + 1)
    municipalities = [
        code
        for (code,) in con.execute("SELECT cbs_code FROM core.municipalities ORDER BY 1").fetchall()
    ]
    regions = con.execute(
        "SELECT r.region_code, list(m.cbs_code ORDER BY m.cbs_code) FROM core.regions AS r "
        "JOIN core.region_members AS m USING (region_code) GROUP BY r.region_code, r.sort_order "
        "HAVING count(*) > 1 ORDER BY r.sort_order, r.region_code"
    ).fetchall()
    units = pd.DataFrame(
        [(MUNICIPALITY, code, (code,)) for code in municipalities]
        + [(REGION, code, tuple(members)) for code, members in regions],
        columns=["unit_kind", "unit_code", "members"],
    )
    volume = con.execute(
        "SELECT cbs_code, category, CAST(date_trunc('month', reported_at) AS DATE) AS month, "
        "CAST(sum(obstacles) AS BIGINT) AS obstacles FROM marts.obstacle_counts "
        "WHERE reported_at >= ? AND cbs_code IS NOT NULL GROUP BY ALL",
        [start],
    ).df()
    survival = con.execute(
        "SELECT event, cbs_code, CAST(date_trunc('month', reported_at) AS DATE) AS month, "
        "least(days, ?) AS days, CAST(sum(events) AS BIGINT) AS events, "
        "CAST(sum(censored) AS BIGINT) AS censored FROM marts.survival_counts "
        "WHERE reported_at >= ? AND cbs_code IS NOT NULL GROUP BY ALL",
        [LONGEST_HORIZON + 1, start],
    ).df()
    known = set(municipalities)
    return Inputs(
        as_of=as_of,
        units=units,
        volume=volume[volume["cbs_code"].isin(known)],
        survival=survival[survival["cbs_code"].isin(known)],
    )
