"""Independent reference computations for the metrics tests: lifelines, scipy, hand formulas.

Nothing here imports etl.metrics: the expected values must not come from the code under
test. Kaplan-Meier comes from lifelines; Wilson and Garwood are written out by hand.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
from lifelines import KaplanMeierFitter
from scipy import stats

Z95 = 1.959963984540054

# Freireich et al. (1963), 6-MP arm of the leukaemia remission trial, weeks in remission;
# False marks a censored time. The classic Kaplan-Meier example (Gehan 1965; Kleinbaum &
# Klein, "Survival Analysis", ch. 2; Klein & Moeschberger, table 4.1A).
FREIREICH_6MP = [
    (6, True),
    (6, True),
    (6, True),
    (6, False),
    (7, True),
    (9, False),
    (10, True),
    (10, False),
    (11, False),
    (13, True),
    (16, True),
    (17, False),
    (19, False),
    (20, False),
    (22, True),
    (23, True),
    (25, False),
    (32, False),
    (32, False),
    (34, False),
    (35, False),
]
# The textbook's Kaplan-Meier table for it: week, S(t), Greenwood standard error.
FREIREICH_6MP_TABLE = [
    (6, 0.857, 0.076),
    (7, 0.807, 0.087),
    (10, 0.753, 0.096),
    (13, 0.690, 0.107),
    (16, 0.627, 0.114),
    (22, 0.538, 0.128),
    (23, 0.448, 0.135),
]


def hand_wilson(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson (1927) score interval written out; (nan, nan) for n = 0."""
    if n == 0:
        return math.nan, math.nan
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return max(0.0, centre - half), min(1.0, centre + half)


def hand_garwood(k: int, confidence: float = 0.95) -> tuple[float, float]:
    """Garwood (1936) exact Poisson interval from the chi-square quantiles."""
    alpha = 1 - confidence
    low = 0.0 if k == 0 else stats.chi2.ppf(alpha / 2, 2 * k) / 2
    return low, stats.chi2.ppf(1 - alpha / 2, 2 * k + 2) / 2


@dataclass
class Reference:
    """Kaplan-Meier figures for one sample as lifelines (plus the documented fallbacks) give."""

    survival: float
    low: float
    high: float
    median: float
    median_low: float
    median_high: float


def lifelines_fit(durations, observed) -> KaplanMeierFitter:
    return KaplanMeierFitter().fit(
        np.asarray(durations, dtype=float), np.asarray(observed, dtype=bool), alpha=0.05
    )


def reference_km(durations, observed, horizon: float) -> Reference:
    """S(horizon) and its 95% band, the median and its interval, independently of etl.metrics.

    lifelines gives the estimate and the log-log band. Where S is exactly 0 or 1 lifelines
    reports a band of width 0; the documented rule replaces it with the Wilson interval over
    the obstacles whose state is known at t (answered by t, or followed beyond t). Past the
    longest follow-up the value is unknown (NaN) unless S already reached 0.
    """
    d = np.asarray(durations, dtype=float)
    o = np.asarray(observed, dtype=bool)
    if d.size == 0:
        return Reference(*(math.nan,) * 6)
    fit = lifelines_fit(d, o)
    points = np.union1d(np.union1d([0.0], d), [float(horizon)])
    band = _band(fit, d, o, points)
    row = band.loc[float(horizon)]
    if horizon > d.max() and row["survival"] > 0:
        row = row * math.nan
    return Reference(
        survival=float(row["survival"]),
        low=float(row["low"]),
        high=float(row["high"]),
        median=lifelines_median(fit),
        median_low=_first_at_or_below(band["low"]),
        median_high=_first_at_or_below(band["high"]),
    )


def lifelines_median(fit: KaplanMeierFitter) -> float:
    """First t with S(t) ≤ ½ on lifelines' curve, NaN when never.

    Not `fit.median_survival_time_`: lifelines computes S as exp(Σ log(1 − d/n)), so a curve
    that ends at exactly ½ comes out as 0.5000000000000001 and its median as infinite.
    """
    return _first_at_or_below(fit.survival_function_.iloc[:, 0])


def _band(fit: KaplanMeierFitter, d, o, points) -> pd.DataFrame:
    survival = fit.survival_function_at_times(points).to_numpy()
    ci = fit.confidence_interval_
    index = np.searchsorted(ci.index.to_numpy(), points, side="right") - 1
    low = np.array(ci.iloc[index, 0], dtype=float)
    high = np.array(ci.iloc[index, 1], dtype=float)
    for i, t in enumerate(points):
        if survival[i] in (0.0, 1.0):
            answered = int(np.sum(o & (d <= t)))
            known = int(np.sum(o & (d <= t)) + np.sum(d > t))
            w_low, w_high = hand_wilson(answered, known) if known else (0.0, 1.0)
            low[i], high[i] = 1 - w_high, 1 - w_low
    return pd.DataFrame({"survival": survival, "low": low, "high": high}, index=points)


def _first_at_or_below(series: pd.Series, level: float = 0.5) -> float:
    # The tolerance absorbs lifelines' rounding (see lifelines_median).
    hits = series.index[series.to_numpy() <= level + 1e-12]
    return float(hits[0]) if len(hits) else math.nan


def same(a: float | None, b: float | None, tol: float = 1e-9) -> bool:
    """Equal within tol, NULL/NaN only against NULL/NaN."""
    a_missing = a is None or (isinstance(a, float) and math.isnan(a))
    b_missing = b is None or (isinstance(b, float) and math.isnan(b))
    if a_missing or b_missing:
        return a_missing and b_missing
    return math.isclose(a, b, rel_tol=tol, abs_tol=tol)
