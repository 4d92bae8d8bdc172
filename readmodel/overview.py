"""Headline figures, the honest trend per quarter and the top categories and themes.

Headline shares come with their denominator (the selected obstacles). The trend shows how
many obstacles each quarter brought and what share of them was resolved within 90 days,
counting only obstacles followed at least 90 days: "resolved by now" would fall for every
recent quarter just because its obstacles had less time. Quarters the selection does not
cover whole (the running quarter above all) are marked as incomplete.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import duckdb
import numpy as np
import pandas as pd

from etl.metrics.figures import figure
from etl.metrics.registry import metric
from etl.vocabularies import STATUSES
from readmodel import format, strings
from readmodel.rollups import initiative_totals, obstacle_totals
from readmodel.selection import Filters

TREND_METRIC = "resolved_in_90d_cohort"


@dataclass(frozen=True)
class Headline:
    """The counts behind the headline figures; shares are count / obstacles."""

    initiatives: int
    obstacles: int
    answered: int
    resolved: int
    stale: int

    def get(self, key: str) -> int:
        return int(getattr(self, key))


def headline(con: duckdb.DuckDBPyConnection, filters: Filters) -> Headline:
    """Initiatives and obstacles of the selection with where the obstacles stand."""
    obstacles = obstacle_totals(con, filters).iloc[0]
    initiatives = initiative_totals(con, filters).iloc[0]
    return Headline(
        initiatives=int(initiatives["initiatives"]),
        obstacles=int(obstacles["obstacles"]),
        answered=int(obstacles["answered"]),
        resolved=int(obstacles["resolved"]),
        stale=int(obstacles["stale"]),
    )


def previous_period(filters: Filters, first_day: date, as_of: date) -> Filters:
    """The period of equal length just before the selected one (for "what changed")."""
    start = filters.start or first_day
    end = filters.end or as_of
    new_end = start - timedelta(days=1)
    return filters.with_(start=new_end - (end - start), end=new_end)


# What a quarter of the trend shows: reported, resolved, and the 90-day cohort share.
QUARTER_COUNTS = ("obstacles", "resolved", *metric(TREND_METRIC).counts)


def per_quarter(
    con: duckdb.DuckDBPyConnection, filters: Filters, *, first_day: date, as_of: date
) -> pd.DataFrame:
    """One row per quarter from the first with reports to the last, oldest first; a quarter
    in between without reports is there with zeros, so the time axis does not jump.

    Columns: quarter (first day), label ('2024 K1'; '2026 K4 (lopend)' for the quarter of
    the as-of day, '2024 K1 (deels)' for one the selected period cuts), complete (neither),
    obstacles,
    resolved (by the as-of day), followed_90d, resolved_in_90d and the cohort share
    resolved within 90 days with its Wilson interval (value, low, high; NaN for a quarter
    without obstacles followed 90 days).
    """
    counts = obstacle_totals(con, filters, by=["quarter"], columns=QUARTER_COUNTS)
    if counts.empty:
        return counts.assign(label=[], complete=[], value=[], low=[], high=[], n=[])
    counts = _every_quarter(counts)
    quarter = pd.to_datetime(counts["quarter"])
    first = quarter.dt.date
    last = (quarter + pd.offsets.QuarterEnd(0)).dt.date
    end = min(filters.end or as_of, as_of)
    running = (first <= as_of) & (last > as_of)
    # A quarter the selection cuts (a period starting or ending inside it) is partial too.
    cut = (filters.start is not None) & (first < (filters.start or first_day)) | (last > end)
    labels = [
        strings.RUNNING_QUARTER.format(label=format.quarter(q))
        if now
        else strings.PARTIAL_QUARTER.format(label=format.quarter(q))
        if partial
        else format.quarter(q)
        for q, now, partial in zip(quarter, running, cut, strict=True)
    ]
    complete = ~(running | cut)
    share = figure(metric(TREND_METRIC), counts, key="quarter")
    return share.assign(label=labels, complete=complete.to_numpy())


def _every_quarter(counts: pd.DataFrame) -> pd.DataFrame:
    starts = pd.to_datetime(counts["quarter"])
    every = pd.date_range(starts.min(), starts.max(), freq="QS")
    filled = counts.drop(columns="quarter").set_index(starts).reindex(every, fill_value=0)
    filled.insert(list(counts.columns).index("quarter"), "quarter", every.date)
    return filled.reset_index(drop=True).astype(counts.dtypes.to_dict())


def top(
    con: duckdb.DuckDBPyConnection, filters: Filters, dimension: str, limit: int = 10
) -> pd.DataFrame:
    """The most reported categories or themes: code, obstacles, resolved; most first."""
    if dimension not in ("category", "theme"):
        raise ValueError(dimension)
    counts = obstacle_totals(con, filters, by=[dimension], columns=["obstacles", "resolved"])
    ordered = counts.sort_values(["obstacles", dimension], ascending=[False, True])
    return (
        ordered.head(limit)
        .rename(columns={dimension: "code"})[["code", "obstacles", "resolved"]]
        .reset_index(drop=True)
    )


def status_counts(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """status, obstacles: where the selected obstacles stand now (latest response)."""
    statuses = [f"status_{status}" for status in STATUSES.codes()]
    totals = obstacle_totals(con, filters, columns=statuses).iloc[0]
    frame = pd.DataFrame(
        {
            "status": [c.removeprefix("status_") for c in statuses],
            "obstacles": np.asarray([totals[c] for c in statuses], dtype="int64"),
        }
    )
    frame = frame[frame["obstacles"] > 0]
    return frame.sort_values(["obstacles", "status"], ascending=[False, True]).reset_index(
        drop=True
    )
