"""The funnel plot of a comparison: each municipality's share against its number of cases.

Only binomial shares of obstacles have a funnel (Metric.funnel). The limits are around the
province value; a municipality whose share is hidden (too few cases) is not named either.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from etl.metrics import describe_funnel, funnel_limits, funnel_points
from readmodel.comparison import Comparison, Inputs

# Points the limit lines are drawn through: enough for a smooth curve on any axis.
GRID_POINTS = 400


def limit_grid(top: int) -> np.ndarray:
    """Whole numbers of cases from 1 to `top` to draw the limits at: every one up to 100,
    then log-spaced, so a city with 200,000 obstacles does not make 200,000 points."""
    dense = np.arange(1, min(top, 100) + 1)
    sparse = np.geomspace(100, top, GRID_POINTS).round() if top > 100 else np.array([])
    return np.unique(np.concatenate([dense, sparse, [top]])).astype(float)


@dataclass(frozen=True)
class Funnel:
    """Points (one per shown municipality), limits, the province value and what it shows."""

    points: pd.DataFrame
    limits: pd.DataFrame
    p0: float
    phi: float
    description: str
    outside: int  # municipalities (with a shown share) outside the 95% limits


def funnel(data: Inputs, comparison: Comparison, *, adjust_overdispersion: bool = False):
    """The comparison's funnel, or None for a figure that has none (a rate, Kaplan-Meier)."""
    metric = comparison.metric
    if not metric.funnel:
        return None
    rows = comparison.rows()
    successes = data.counts.set_index("cbs_code").loc[rows["cbs_code"], metric.counts[0]]
    p0 = float(comparison.province["value"])
    points = funnel_points(
        rows.assign(obstacles=rows["n"], successes=successes.to_numpy()),
        "successes",
        "obstacles",
        p0=p0,
        adjust_overdispersion=adjust_overdispersion,
    )
    phi = float(points["phi"].iloc[0]) if len(points) else 1.0
    top = int(max(rows["n"].max() if len(rows) else 0, 10))
    limits = funnel_limits(p0, limit_grid(top), phi=phi) if p0 == p0 else pd.DataFrame()
    named = points[~points["suppressed"]]
    outside = int((named["band"].notna() & (named["band"] != "binnen")).sum())
    return Funnel(points, limits, p0, phi, describe_funnel(named), outside)
