"""A registry figure for groups of obstacles (municipalities, regions, the province) from counts.

The one place where a metric of etl/metrics/registry.py turns into a value with its 95%
interval: the ETL's scorecard and every page and export call `figure`. Its inputs are
sums of mart rows, never obstacle rows:
- `counts`: one row per group with the count columns the metric names (`Metric.counts`)
  and the cases column (`obstacles` or `initiatives`);
- `survival`: for Kaplan-Meier figures, rows (group, days, events, censored) of the
  metric's event (marts.survival_counts summed per group).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from etl.metrics.intervals import CONFIDENCE, poisson_rate, share, wilson_interval
from etl.metrics.registry import KM_MEDIAN, KM_SHARE, RATE, SHARE, Metric
from etl.metrics.survival import COUNT_COLUMNS, km_by_group_counts

PER = 10_000
RESULT_COLUMNS = ("value", "low", "high", "n")


def figure(
    metric: Metric,
    counts: pd.DataFrame,
    survival: pd.DataFrame | None = None,
    *,
    key: str = "cbs_code",
    confidence: float = CONFIDENCE,
    summaries: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """`counts` with value, low, high (the 95% interval) and n (the cases behind it).

    Shares: Wilson; rates per 10,000 of the population: Garwood; Kaplan-Meier shares and
    medians: etl.metrics.survival. A group without cases has NaN, never a made-up 0%.
    `summaries` (km_summaries of the same survival counts) spares computing the curves
    again when several figures of one event are wanted.
    """
    if metric.kind == SHARE:
        successes, trials = (counts[c].to_numpy(dtype=float) for c in metric.counts)
        low, high = wilson_interval(successes, trials, confidence)
        return counts.assign(value=share(successes, trials), low=low, high=high, n=trials)
    if metric.kind == RATE:
        events, population = (counts[c] for c in metric.counts)
        value, low, high = poisson_rate(events, population, PER, confidence)
        return counts.assign(value=value, low=low, high=high, n=counts[metric.cases])
    if metric.kind in (KM_SHARE, KM_MEDIAN):
        if summaries is None:
            if survival is None:
                raise ValueError(f"{metric.key} needs the survival counts of its event")
            horizons = (metric.horizon,) if metric.horizon else ()
            summaries = km_summaries(survival, key, horizons, confidence)
        return counts.assign(**_km_columns(metric, counts[key], summaries)).assign(
            n=counts["obstacles"]
        )
    raise ValueError(f"{metric.key} is a {metric.kind}, not a figure with an interval")


def km_summaries(
    survival: pd.DataFrame, key: str, horizons: tuple[int, ...], confidence: float = CONFIDENCE
) -> pd.DataFrame:
    """Per group of `survival` (rows key, days, events, censored): the Kaplan-Meier median
    and the share within each horizon, with intervals (etl.metrics.survival)."""
    return km_by_group_counts(
        survival[[key, *COUNT_COLUMNS]], key, horizons=horizons, confidence=confidence
    )


def _km_columns(
    metric: Metric, groups: pd.Series, summaries: pd.DataFrame
) -> dict[str, np.ndarray]:
    prefix = f"within_{metric.horizon}" if metric.kind == KM_SHARE else "median"
    aligned = summaries.reindex(groups.to_numpy())
    return {
        name: aligned[f"{prefix}{suffix}"].to_numpy(dtype=float)
        for name, suffix in (("value", ""), ("low", "_low"), ("high", "_high"))
    }
