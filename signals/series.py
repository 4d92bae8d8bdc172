"""The monthly series behind a signal, for its small chart: what happened and what was expected.

For a volume signal: the unit's obstacles per month, and per month what a steady unit
would have reported (its history's level, moving as reporting moved in the rest of the
network) with a 95% band widened by the overdispersion. For a response or resolution
signal: per three months of report the Kaplan-Meier share with the event within the
horizon (open obstacles censored; no point where nobody was followed that long), against
the history's share with the binomial band for that bin's number of obstacles.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from signals.detect import (
    Grid,
    Inputs,
    counts_grid,
    horizon_counts,
    km_share,
    month_start,
    reference_rest,
)
from signals.measures import BAND_Z, BY_KEY, KEY, MEASURES, SURVIVAL

SERIES_COLUMNS = [
    *KEY,
    "month",
    "period",
    "cases",
    "value",
    "expected",
    "expected_low",
    "expected_high",
]


def series(inputs: Inputs, signals: pd.DataFrame, suppress_below: int) -> pd.DataFrame:
    """SERIES_COLUMNS for every signal, one row per month from its history's start to the
    as-of month. A monthly share on fewer than `suppress_below` obstacles is left out."""
    if signals.empty:
        return pd.DataFrame(columns=SERIES_COLUMNS)
    grid = counts_grid(inputs)
    index = {
        (kind, code): i
        for i, (kind, code) in enumerate(
            zip(inputs.units["unit_kind"], inputs.units["unit_code"], strict=True)
        )
    }
    frames = []
    for signal in signals.itertuples(index=False):
        unit = index[(signal.unit_kind, signal.unit_code)]
        since = _month_index(grid, signal.since)
        start = _month_index(grid, signal.baseline_start)
        months = np.arange(start, grid.months)
        if BY_KEY[signal.measure].kind == SURVIVAL:
            keep, cases, value, expected, low, high = _survival(grid, unit, signal, months, since)
            value = np.where(cases >= suppress_below, value, np.nan)
        else:
            cases, value, expected, low, high = _volume(grid, unit, signal, months, since)
            keep = np.ones(len(months), dtype=bool)
        frames.append(
            pd.DataFrame(
                {
                    "unit_kind": signal.unit_kind,
                    "unit_code": signal.unit_code,
                    "measure": signal.measure,
                    "theme": signal.theme,
                    "category": signal.category,
                    "direction": signal.direction,
                    "month": [month_start(grid.first + int(m)) for m in months],
                    "period": np.where(months >= since, "after", "before"),
                    "cases": cases.astype(int),
                    "value": value,
                    "expected": expected,
                    "expected_low": low,
                    "expected_high": high,
                }
            )[keep]
        )
    return pd.concat(frames, ignore_index=True)[SERIES_COLUMNS]


def _month_index(grid: Grid, day) -> int:
    day = pd.Timestamp(day)
    return day.year * 12 + day.month - 1 - grid.first


def _volume(grid: Grid, unit: int, signal, months: np.ndarray, since: int):
    c = (
        0
        if signal.category is None or pd.isna(signal.category)
        else (grid.categories.index(signal.category) + 1)
    )
    counts = grid.volume[unit, c, months]
    base = slice(months[0], since)
    # The reference of the signal's own test: the rest without the outlying municipalities.
    tested = slice(_month_index(grid, signal.baseline_start), since)
    rest = reference_rest(grid, slice(since, grid.months), tested)[unit]
    level = counts[: since - months[0]].sum()
    if rest[base].sum() > 0:
        expected = level * rest[months] / rest[base].sum()
    else:
        expected = level * grid.exposure[months] / grid.exposure[base].sum()
    half = BAND_Z * np.sqrt(signal.dispersion * expected)
    return counts, counts.astype(float), expected, np.maximum(0.0, expected - half), expected + half


# A share per month of a municipality with two obstacles a month says nothing; response
# and resolution are drawn per three months of report, counted from the changed period's
# start backwards (and forwards), so no bin mixes before and after.
SURVIVAL_BIN_MONTHS = 3


def _survival(grid: Grid, unit: int, signal, months: np.ndarray, since: int):
    kinds = [m for m in MEASURES if m.kind == SURVIVAL]
    k = next(i for i, m in enumerate(kinds) if m.key == signal.measure)
    d, c = horizon_counts(grid.events[unit, k], grid.censored[unit, k], kinds[k].horizon)
    bins = np.floor_divide(months - since, SURVIVAL_BIN_MONTHS)
    first = np.array([months[bins == b][0] for b in bins])
    cases = np.array([(d + c)[months[bins == b]].sum() for b in bins])
    value = np.array(
        [km_share(d[months[bins == b]].sum(0), c[months[bins == b]].sum(0)) for b in bins]
    )
    share = float(signal.before_value)
    with np.errstate(divide="ignore", invalid="ignore"):
        half = BAND_Z * np.sqrt(signal.dispersion * share * (1 - share) / cases)
    half = np.where(cases > 0, half, np.nan)
    expected = np.full(len(months), share)
    keep = months == first  # one row per bin, dated by its first month
    return (
        keep,
        cases,
        value,
        expected,
        np.clip(share - half, 0, 1),
        np.clip(share + half, 0, 1),
    )
