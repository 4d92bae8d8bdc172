"""Time to first response and to resolution: Kaplan-Meier, with open obstacles censored.

An obstacle still unanswered on the as-of day has waited at least (as-of − reported) days;
leaving it out would make a slow municipality look fast (the FixMyStreet mistake), counting
it as answered today would too. Kaplan-Meier uses exactly what is known: "not answered in
the first d days". The estimator is scipy's `stats.ecdf` on `stats.CensoredData`.

Conventions (the same as lifelines' KaplanMeierFitter and R's survfit):
- a duration is whole days; a response on the day of the report takes 0 days;
- at a tie an obstacle censored on day t still counts as at risk on day t;
- S(t) is right-continuous: "answered within t days" is 1 − S(t) and includes day t.

Pointwise 95% intervals are the log-log ("exponential Greenwood") interval,
    exp(−exp(log(−log Ŝ) ± z·σ)),  σ² = Σ dᵢ / (nᵢ (nᵢ − dᵢ)) / (log Ŝ)²,
which stays inside [0, 1] (Kalbfleisch & Prentice 1980; Sawyer, "The Greenwood and
exponential Greenwood confidence intervals"; lifelines' default, R's conf.type="log-log").
Greenwood's variance is 0 or undefined where Ŝ is exactly 1 (nothing answered yet) or 0
(everything answered); a figure of "0% within 30 days, interval 0 to 0%" for ten unanswered
obstacles would be dishonest. There the interval is the Wilson interval for the obstacles
whose state at t is known (answered by t, or still followed after t), the binomial interval
with an effective sample size that Dorey & Korn (1987, Stat Med 6:679-687) propose; with no
censoring before t that is exactly the binomial case the Kaplan-Meier estimate reduces to.
(An obstacle censored on day t itself counts as not known at t, which keeps the band a
right-continuous step function like the curve; with none known the band is 0 to 1.)
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from datetime import date

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike
from scipy import stats

from etl.metrics.intervals import CONFIDENCE, Floats, wilson_interval

HORIZONS = (30, 90)

ROUNDING = 1e-12

CURVE_COLUMNS = ("t", "survival", "low", "high", "at_risk", "events", "censored")


def time_to_event(start: pd.Series, event: pd.Series, as_of: date | pd.Timestamp) -> pd.DataFrame:
    """Durations in days from `start` to `event`, or to `as_of` (censored) where no event.

    Returns a frame on the same index with `duration` (float, days) and `observed` (bool).
    E.g. reported_at → first_response_at for time to first response.
    """
    start = pd.to_datetime(start)
    event = pd.to_datetime(event)
    end = event.fillna(pd.Timestamp(as_of))
    duration = (end - start).dt.days.astype(float)
    if (duration < 0).any():
        raise ValueError("an event or the as-of day lies before its start")
    return pd.DataFrame({"duration": duration, "observed": event.notna()}, index=start.index)


def km_at(
    durations: ArrayLike,
    observed: ArrayLike,
    points: ArrayLike,
    confidence: float = CONFIDENCE,
) -> pd.DataFrame:
    """Kaplan-Meier survival Ŝ(t) with its pointwise interval at each of `points`.

    Columns t, survival, low, high, at_risk (durations ≥ t), events (answered on day t),
    censored (followed up to day t and still open then). Past the longest follow-up the
    curve is unknown and the row is NaN, unless every obstacle was already answered
    (Ŝ = 0 stays 0).
    """
    d, o = _validated(durations, observed)
    t = np.atleast_1d(np.asarray(points, dtype=float))
    counts = _counts_at(d, o, t)
    if d.size == 0:
        nan = np.full(t.shape, np.nan)
        return pd.DataFrame(
            {"t": t, "survival": nan, "low": nan, "high": nan, **counts}, columns=CURVE_COLUMNS
        )

    sf = stats.ecdf(stats.CensoredData.right_censored(d, ~o)).sf
    with warnings.catch_warnings():
        # scipy warns where the log-log interval is undefined (Ŝ = 0 or 1); handled below.
        warnings.simplefilter("ignore", RuntimeWarning)
        band = sf.confidence_interval(confidence, method="log-log")
    survival = sf.evaluate(t)
    low, high = band.low.evaluate(t), band.high.evaluate(t)

    degenerate = (survival == 0) | (survival == 1) | np.isnan(low) | np.isnan(high)
    known = d.size - _count_le(np.sort(d[~o]), t)
    share_low, share_high = wilson_interval(counts["_answered"], known, confidence)
    # Nothing known at t (every obstacle still open and censored by then): anything goes.
    share_low, share_high = np.nan_to_num(share_low, nan=0.0), np.nan_to_num(share_high, nan=1.0)
    low = np.where(degenerate, 1 - share_high, low)
    high = np.where(degenerate, 1 - share_low, high)

    beyond = (t > d.max()) & (survival > 0)
    frame = pd.DataFrame(
        {
            "t": t,
            "survival": np.where(beyond, np.nan, survival),
            "low": np.where(beyond, np.nan, low),
            "high": np.where(beyond, np.nan, high),
            **counts,
        }
    )
    return frame[list(CURVE_COLUMNS)]


def km_curve(
    durations: ArrayLike, observed: ArrayLike, confidence: float = CONFIDENCE
) -> pd.DataFrame:
    """The whole Kaplan-Meier curve for plotting: one row per day on which anything happened.

    Rows at day 0 and at every distinct duration, columns as `km_at`; plot `survival`
    (or 1 − survival, "share answered") as a step function that jumps at `t`.
    """
    d, _ = _validated(durations, observed)
    return km_at(durations, observed, np.union1d([0.0], d), confidence)


def share_within(
    durations: ArrayLike,
    observed: ArrayLike,
    days: float,
    confidence: float = CONFIDENCE,
) -> tuple[float, float, float]:
    """Kaplan-Meier share with the event within `days` days, 1 − Ŝ(days), and its interval.

    NaN when no obstacle was followed that long (all reported too recently).
    """
    row = km_at(durations, observed, [days], confidence).iloc[0]
    return 1 - row["survival"], 1 - row["high"], 1 - row["low"]


def km_median(
    durations: ArrayLike, observed: ArrayLike, confidence: float = CONFIDENCE
) -> tuple[float, float, float]:
    """Kaplan-Meier median (smallest t with Ŝ(t) ≤ ½) and its interval; NaN when not reached.

    The interval is where the pointwise band crosses ½ (Brookmeyer & Crowley 1982,
    Biometrics 38:29-41, with the log-log band as in Klein & Moeschberger §4.5): the low end
    is the first t with low(t) ≤ ½, the high end the first t with high(t) ≤ ½ (NaN when the
    band never gets there: the median may be longer than anything observed).
    A curve that sits at exactly ½ over a stretch gives its first day, as lifelines does;
    R's survfit would take the middle of that stretch.
    """
    curve = km_curve(durations, observed, confidence)
    return (
        _first_at_or_below(curve, "survival"),
        _first_at_or_below(curve, "low"),
        _first_at_or_below(curve, "high"),
    )


def km_summary(
    durations: ArrayLike,
    observed: ArrayLike,
    horizons: Sequence[float] = HORIZONS,
    confidence: float = CONFIDENCE,
) -> dict[str, float]:
    """Median with interval and share within each horizon with interval, for one group.

    Keys: median, median_low, median_high, within_{h}, within_{h}_low, within_{h}_high.
    """
    d, o = _validated(durations, observed)
    curve = km_at(d, o, np.union1d(np.union1d([0.0], d), list(horizons)), confidence)
    result = {
        "median": _first_at_or_below(curve, "survival"),
        "median_low": _first_at_or_below(curve, "low"),
        "median_high": _first_at_or_below(curve, "high"),
    }
    for h in horizons:
        row = curve.loc[curve["t"] == float(h)].iloc[0]
        result[f"within_{h}"] = 1 - row["survival"]
        result[f"within_{h}_low"] = 1 - row["high"]
        result[f"within_{h}_high"] = 1 - row["low"]
    return result


def km_by_group(
    frame: pd.DataFrame,
    by: str,
    duration: str = "duration",
    observed: str = "observed",
    horizons: Sequence[float] = HORIZONS,
    confidence: float = CONFIDENCE,
) -> pd.DataFrame:
    """`km_summary` for every value of `by` (e.g. cbs_code): one row per group, sorted."""
    columns = list(km_summary([], [], horizons, confidence))
    rows = {
        key: km_summary(group[duration], group[observed], horizons, confidence)
        for key, group in frame.groupby(by, sort=True)
    }
    result = pd.DataFrame.from_dict(rows, orient="index", columns=columns)
    return result.rename_axis(by).astype(float)


# ---------------------------------------------------------------- helpers


def _validated(durations: ArrayLike, observed: ArrayLike) -> tuple[Floats, np.ndarray]:
    d = np.asarray(durations, dtype=float).ravel()
    o = np.asarray(observed, dtype=bool).ravel()
    if d.shape != o.shape:
        raise ValueError("durations and observed must have the same length")
    if np.any(~np.isfinite(d)) or np.any(d < 0):
        raise ValueError("durations must be finite and not negative")
    return d, o


def _count_le(sorted_values: Floats, t: Floats) -> np.ndarray:
    return np.searchsorted(sorted_values, t, side="right")


def _counts_at(d: Floats, o: np.ndarray, t: Floats) -> dict[str, np.ndarray]:
    everything = np.sort(d)
    answered = np.sort(d[o])
    still_open = np.sort(d[~o])
    on_day = _count_le(answered, t) - np.searchsorted(answered, t, side="left")
    censored = _count_le(still_open, t) - np.searchsorted(still_open, t, side="left")
    return {
        "at_risk": d.size - np.searchsorted(everything, t, side="left"),
        "events": on_day,
        "censored": censored,
        "_answered": _count_le(answered, t),
    }


def _first_at_or_below(curve: pd.DataFrame, column: str, level: float = 0.5) -> float:
    # Ŝ is a product of fractions: 0.8 · 6/8 · 5/6 comes out as 0.5000000000000001, and a
    # curve that reaches one half exactly must count as reaching it.
    hits = curve.loc[curve[column] <= level + ROUNDING, "t"]
    return float(hits.iloc[0]) if len(hits) else float("nan")
