"""The statistics of marts.municipality_scorecard, from its counts and the obstacles.

The mart's SQL (etl/sql/marts/municipality_scorecard.sql) states the grain and the counts;
`scorecard` adds every statistic column from those counts and from the obstacles' dates.
Each figure is defined in etl.metrics.definitions; the formulas are in the functions used.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from etl.messages import SCORECARD
from etl.metrics.intervals import CONFIDENCE, poisson_rate, share, wilson_interval
from etl.metrics.small_numbers import few_cases
from etl.metrics.survival import km_by_group, time_to_event

PER = 10_000

# The counts the SQL provides, and the statistic columns this module adds, in mart order.
COUNTS = (
    "cbs_code",
    "population",
    "initiatives",
    "obstacles",
    "obstacles_answered",
    "obstacles_resolved",
    "obstacles_refused",
)
OBSTACLE_COLUMNS = ("cbs_code", "reported_at", "first_response_at", "resolved_at")


def _with_interval(name: str) -> tuple[str, str, str]:
    return name, f"{name}_low", f"{name}_high"


STATISTICS = (
    *_with_interval("initiatives_per_10k"),
    *_with_interval("obstacles_per_10k"),
    *_with_interval("first_response_within_30d"),
    *_with_interval("first_response_within_90d"),
    *_with_interval("median_days_to_first_response"),
    *_with_interval("answered_share"),
    *_with_interval("resolved_share"),
    *_with_interval("resolved_within_90d"),
    *_with_interval("median_days_to_resolution"),
    *_with_interval("refused_share"),
    "small_numbers",
)


def scorecard(
    obstacles: pd.DataFrame,
    municipalities: pd.DataFrame,
    as_of: date,
    *,
    small_below: int,
    confidence: float = CONFIDENCE,
) -> pd.DataFrame:
    """One row per municipality: its counts plus every statistic, sorted by cbs_code.

    `municipalities` has one row per municipality with the COUNTS columns (the mart as its
    SQL builds it); `obstacles` one row per obstacle with OBSTACLE_COLUMNS (core.obstacles).
    Durations run from reported_at to first_response_at / resolved_at, or to `as_of` for
    obstacles without one (censored). Shares with no obstacles are NaN (NULL in the mart).
    """
    _require(municipalities, COUNTS, "municipalities")
    _require(obstacles, OBSTACLE_COLUMNS, "obstacles")
    frame = municipalities.sort_values("cbs_code", kind="stable").reset_index(drop=True)
    _check_counts(obstacles, frame)

    n = frame["obstacles"].to_numpy(dtype=float)
    columns: dict[str, object] = {}
    for name, events in (("initiatives", "initiatives"), ("obstacles", "obstacles")):
        rate, low, high = poisson_rate(frame[events], frame["population"], PER, confidence)
        columns.update(zip(_with_interval(f"{name}_per_10k"), (rate, low, high), strict=True))
    for name, count in (
        ("answered_share", "obstacles_answered"),
        ("resolved_share", "obstacles_resolved"),
        ("refused_share", "obstacles_refused"),
    ):
        k = frame[count].to_numpy(dtype=float)
        low, high = wilson_interval(k, n, confidence)
        columns.update(zip(_with_interval(name), (share(k, n), low, high), strict=True))

    response = _km(obstacles, "first_response_at", as_of, (30, 90), confidence)
    resolution = _km(obstacles, "resolved_at", as_of, (90,), confidence)
    km = {
        "first_response_within_30d": response[["within_30", "within_30_low", "within_30_high"]],
        "first_response_within_90d": response[["within_90", "within_90_low", "within_90_high"]],
        "median_days_to_first_response": response[["median", "median_low", "median_high"]],
        "resolved_within_90d": resolution[["within_90", "within_90_low", "within_90_high"]],
        "median_days_to_resolution": resolution[["median", "median_low", "median_high"]],
    }
    for name, values in km.items():
        aligned = values.reindex(frame["cbs_code"]).to_numpy(dtype=float)
        columns.update(zip(_with_interval(name), aligned.T, strict=True))

    columns["small_numbers"] = few_cases(n, small_below)
    return frame.assign(**{name: columns[name] for name in STATISTICS})


def _km(
    obstacles: pd.DataFrame,
    event: str,
    as_of: date,
    horizons: tuple[int, ...],
    confidence: float,
) -> pd.DataFrame:
    durations = time_to_event(obstacles["reported_at"], obstacles[event], as_of)
    durations["cbs_code"] = obstacles["cbs_code"].to_numpy()
    return km_by_group(durations, "cbs_code", horizons=horizons, confidence=confidence)


def _require(frame: pd.DataFrame, columns: tuple[str, ...], what: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise KeyError(f"{what} lacks column(s) {', '.join(missing)}")


def _check_counts(obstacles: pd.DataFrame, frame: pd.DataFrame) -> None:
    """The obstacle rows must be the ones the counts were made from."""
    found = obstacles.groupby("cbs_code").size()
    expected = frame.set_index("cbs_code")["obstacles"]
    found = found.reindex(expected.index.union(found.index), fill_value=0)
    expected = expected.reindex(found.index, fill_value=0)
    wrong = sorted(found.index[found.to_numpy() != expected.to_numpy()])
    if wrong:
        raise ValueError(SCORECARD["counts_disagree"].format(codes=", ".join(wrong)))
