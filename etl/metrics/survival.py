"""Time to first response and to resolution: Kaplan-Meier, with open obstacles censored.

An obstacle still unanswered on the as-of day has waited at least (as-of − reported) days;
leaving it out would make a slow municipality look fast (the FixMyStreet mistake), counting
it as answered today would too. Kaplan-Meier uses exactly what is known: "not answered in
the first d days".

The estimator works on counts: for each whole day d, how many obstacles had their event
on day d (`events`) and how many were still waiting when followed d days (`censored`).
That is all Kaplan-Meier needs, so the curve of any selection is an exact sum of the
per-day counts in the marts (marts.survival_counts), and row-level durations are first
counted per day (`day_counts`). The arithmetic is scipy's `stats.ecdf` on right-censored
data, operation for operation, so both give the same numbers.

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

from collections.abc import Sequence
from datetime import date

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike
from scipy import special

from etl.metrics.intervals import CONFIDENCE, Floats, wilson_interval

HORIZONS = (30, 90)
# Ŝ is a product of fractions: 0.8 · 6/8 · 5/6 comes out as 0.5000000000000001, and a
# curve that reaches one half exactly must count as reaching it.
ROUNDING = 1e-12
CURVE_COLUMNS = ("t", "survival", "low", "high", "at_risk", "events", "censored")
COUNT_COLUMNS = ("days", "events", "censored")


# ---------------------------------------------------------------- counts


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


def day_counts(durations: ArrayLike, observed: ArrayLike) -> pd.DataFrame:
    """Row-level durations counted per day: days, events, censored (sorted by days)."""
    d, o = _validated(durations, observed)
    days, where = np.unique(d, return_inverse=True)
    events = np.bincount(where, weights=o, minlength=days.size).astype(np.int64)
    censored = np.bincount(where, weights=~o, minlength=days.size).astype(np.int64)
    return pd.DataFrame({"days": days, "events": events, "censored": censored})


# ---------------------------------------------------------------- the estimator


def km_at_counts(
    days: ArrayLike,
    events: ArrayLike,
    censored: ArrayLike,
    points: ArrayLike,
    confidence: float = CONFIDENCE,
) -> pd.DataFrame:
    """Kaplan-Meier Ŝ(t) with its pointwise interval at each of `points`, from day counts.

    `days` need not be sorted or distinct (counts of equal days are added). Columns t,
    survival, low, high, at_risk (durations ≥ t), events (on day t), censored (followed up
    to day t and still waiting then). Past the longest follow-up the curve is unknown and
    the row is NaN, unless every obstacle already had its event (Ŝ = 0 stays 0).
    """
    t_i, d_i, c_i = _collapsed(days, events, censored)
    t = np.atleast_1d(np.asarray(points, dtype=float))
    total = int(d_i.sum() + c_i.sum())
    counts = _counts_at(t_i, d_i, c_i, total, t)
    survival, low, high = _at(t_i, d_i, c_i, total, t, counts, confidence)
    frame = {"t": t, "survival": survival, "low": low, "high": high, **counts}
    return pd.DataFrame(frame)[list(CURVE_COLUMNS)]


def _at(
    t_i: Floats,
    d_i: np.ndarray,
    c_i: np.ndarray,
    total: int,
    t: Floats,
    counts: dict[str, np.ndarray],
    confidence: float,
) -> tuple[Floats, Floats, Floats]:
    """Ŝ, low and high at the points `t` (see km_at_counts); plain arrays, no frames."""
    if total == 0:
        nan = np.full(t.shape, np.nan)
        return nan, nan, nan
    n_i = total - (np.cumsum(d_i + c_i) - (d_i + c_i))  # at risk on each day
    sf, band_low, band_high = _log_log_band(n_i, d_i, confidence)
    where = np.searchsorted(t_i, t, side="right") - 1
    before = where < 0  # before the first day with anything: nobody had an event yet
    pick = np.maximum(where, 0)
    survival = np.where(before, 1.0, sf[pick])
    low = np.where(before, 1.0, band_low[pick])
    high = np.where(before, 1.0, band_high[pick])

    degenerate = (survival == 0) | (survival == 1) | np.isnan(low) | np.isnan(high)
    share_low, share_high = wilson_interval(counts["_answered"], counts["_known"], confidence)
    # Nothing known at t (every obstacle still open and censored by then): anything goes.
    share_low, share_high = np.nan_to_num(share_low, nan=0.0), np.nan_to_num(share_high, nan=1.0)
    low = np.where(degenerate, 1 - share_high, low)
    high = np.where(degenerate, 1 - share_low, high)

    beyond = (t > t_i[-1]) & (survival > 0)
    return (
        np.where(beyond, np.nan, survival),
        np.where(beyond, np.nan, low),
        np.where(beyond, np.nan, high),
    )


def km_curve_counts(
    days: ArrayLike, events: ArrayLike, censored: ArrayLike, confidence: float = CONFIDENCE
) -> pd.DataFrame:
    """The whole curve for plotting: a row at day 0 and at every day on which anything happened.

    Columns as `km_at_counts`; plot `survival` (or 1 − survival, "share answered") as a step
    function that jumps at `t`.
    """
    t_i, d_i, c_i = _collapsed(days, events, censored)
    return km_at_counts(t_i, d_i, c_i, np.union1d([0.0], t_i), confidence)


def km_summary_counts(
    days: ArrayLike,
    events: ArrayLike,
    censored: ArrayLike,
    horizons: Sequence[float] = HORIZONS,
    confidence: float = CONFIDENCE,
) -> dict[str, float]:
    """Median with interval and the share within each horizon with interval, for one group.

    The median is the first day of the curve with Ŝ ≤ ½; its interval is where the pointwise
    band crosses ½ (Brookmeyer & Crowley 1982, Biometrics 38:29-41, with the log-log band as
    in Klein & Moeschberger §4.5): the low end is the first day with low ≤ ½, the high end
    the first with high ≤ ½ (NaN when the band never gets there: the median may be longer
    than anything observed). A curve at exactly ½ over a stretch gives its first day, as
    lifelines does. Keys: median, median_low, median_high, within_{h}, within_{h}_low,
    within_{h}_high (the share with the event within h days, 1 − Ŝ(h)).
    """
    t_i, d_i, c_i = _collapsed(days, events, censored)
    total = int(d_i.sum() + c_i.sum())
    curve_points = np.union1d([0.0], t_i)
    curve = _at(
        t_i,
        d_i,
        c_i,
        total,
        curve_points,
        _counts_at(t_i, d_i, c_i, total, curve_points),
        confidence,
    )
    result = {
        "median": _first_at_or_below(curve_points, curve[0]),
        "median_low": _first_at_or_below(curve_points, curve[1]),
        "median_high": _first_at_or_below(curve_points, curve[2]),
    }
    if horizons:
        h = np.asarray(list(horizons), dtype=float)
        survival, low, high = _at(
            t_i, d_i, c_i, total, h, _counts_at(t_i, d_i, c_i, total, h), confidence
        )
        for i, horizon in enumerate(horizons):
            result[f"within_{horizon}"] = 1 - survival[i]
            result[f"within_{horizon}_low"] = 1 - high[i]
            result[f"within_{horizon}_high"] = 1 - low[i]
    return result


def km_by_group_counts(
    frame: pd.DataFrame,
    by: str,
    horizons: Sequence[float] = HORIZONS,
    confidence: float = CONFIDENCE,
) -> pd.DataFrame:
    """`km_summary_counts` for every value of `by`: one row per group, sorted by it.

    `frame` has `by`, days, events, censored (several rows per day are added up).
    """
    columns = list(km_summary_counts([], [], [], horizons, confidence))
    rows = {
        key: km_summary_counts(
            group["days"], group["events"], group["censored"], horizons, confidence
        )
        for key, group in frame.groupby(by, sort=True)
    }
    result = pd.DataFrame.from_dict(rows, orient="index", columns=columns)
    return result.rename_axis(by).astype(float)


# ---------------------------------------------------------------- row-level entry points


def km_at(
    durations: ArrayLike, observed: ArrayLike, points: ArrayLike, confidence: float = CONFIDENCE
) -> pd.DataFrame:
    """`km_at_counts` for row-level durations (whole or fractional days) and event flags."""
    counts = day_counts(durations, observed)
    return km_at_counts(counts["days"], counts["events"], counts["censored"], points, confidence)


def km_curve(
    durations: ArrayLike, observed: ArrayLike, confidence: float = CONFIDENCE
) -> pd.DataFrame:
    """`km_curve_counts` for row-level durations."""
    counts = day_counts(durations, observed)
    return km_curve_counts(counts["days"], counts["events"], counts["censored"], confidence)


def share_within(
    durations: ArrayLike, observed: ArrayLike, days: float, confidence: float = CONFIDENCE
) -> tuple[float, float, float]:
    """Share with the event within `days` days, 1 − Ŝ(days), and its interval; NaN when no
    obstacle was followed that long (all reported too recently)."""
    row = km_at(durations, observed, [days], confidence).iloc[0]
    return 1 - row["survival"], 1 - row["high"], 1 - row["low"]


def km_median(
    durations: ArrayLike, observed: ArrayLike, confidence: float = CONFIDENCE
) -> tuple[float, float, float]:
    """Kaplan-Meier median and its Brookmeyer-Crowley interval (see `km_summary_counts`)."""
    summary = km_summary(durations, observed, (), confidence)
    return summary["median"], summary["median_low"], summary["median_high"]


def km_summary(
    durations: ArrayLike,
    observed: ArrayLike,
    horizons: Sequence[float] = HORIZONS,
    confidence: float = CONFIDENCE,
) -> dict[str, float]:
    """`km_summary_counts` for row-level durations."""
    counts = day_counts(durations, observed)
    return km_summary_counts(
        counts["days"], counts["events"], counts["censored"], horizons, confidence
    )


def km_by_group(
    frame: pd.DataFrame,
    by: str,
    duration: str = "duration",
    observed: str = "observed",
    horizons: Sequence[float] = HORIZONS,
    confidence: float = CONFIDENCE,
) -> pd.DataFrame:
    """`km_by_group_counts` for row-level durations, one row per value of `by`."""
    rows = frame.assign(
        days=frame[duration].astype(float),
        events=frame[observed].astype(bool).astype(np.int64),
        censored=(~frame[observed].astype(bool)).astype(np.int64),
    )
    return km_by_group_counts(rows[[by, *COUNT_COLUMNS]], by, horizons, confidence)


# ---------------------------------------------------------------- helpers


def _validated(durations: ArrayLike, observed: ArrayLike) -> tuple[Floats, np.ndarray]:
    d = np.asarray(durations, dtype=float).ravel()
    o = np.asarray(observed, dtype=bool).ravel()
    if d.shape != o.shape:
        raise ValueError("durations and observed must have the same length")
    if np.any(~np.isfinite(d)) or np.any(d < 0):
        raise ValueError("durations must be finite and not negative")
    return d, o


def _collapsed(
    days: ArrayLike, events: ArrayLike, censored: ArrayLike
) -> tuple[Floats, np.ndarray, np.ndarray]:
    """Distinct days (sorted) with the events and censored counts added; empty days dropped."""
    t = np.asarray(days, dtype=float).ravel()
    d = np.asarray(events, dtype=np.int64).ravel()
    c = np.asarray(censored, dtype=np.int64).ravel()
    if not t.shape == d.shape == c.shape:
        raise ValueError("days, events and censored must have the same length")
    if np.any(~np.isfinite(t)) or np.any(t < 0) or np.any(d < 0) or np.any(c < 0):
        raise ValueError("days and counts must be finite and not negative")
    t_i, where = np.unique(t, return_inverse=True)
    d_i = np.bincount(where, weights=d, minlength=t_i.size).astype(np.int64)
    c_i = np.bincount(where, weights=c, minlength=t_i.size).astype(np.int64)
    kept = (d_i + c_i) > 0
    return t_i[kept], d_i[kept], c_i[kept]


def _log_log_band(n: np.ndarray, d: np.ndarray, confidence: float) -> tuple[Floats, Floats, Floats]:
    """Ŝ and its raw log-log band on each day, exactly as scipy.stats.ecdf computes them.

    NaN where the band is undefined (Ŝ = 0 or 1); the caller falls back to Wilson there.
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        sf = np.cumprod((n - d) / n)
        var = 1 / np.log(sf) ** 2 * np.cumsum(d / (n * (n - d)))
        se = np.sqrt(var)
        z = special.ndtri(1 / 2 + confidence / 2)
        lnl = np.log(-np.log(sf))
        low = np.exp(-np.exp(lnl + z * se))
        high = np.exp(-np.exp(lnl - z * se))
    return sf, np.clip(low, 0, 1), np.clip(high, 0, 1)


def _counts_at(
    t_i: Floats, d_i: np.ndarray, c_i: np.ndarray, total: int, t: Floats
) -> dict[str, np.ndarray]:
    """At risk, events and censored on each point, plus what the Wilson fallback needs."""
    cum_events = np.concatenate([[0], np.cumsum(d_i)])
    cum_censored = np.concatenate([[0], np.cumsum(c_i)])
    below = np.searchsorted(t_i, t, side="left")  # days strictly before t
    upto = np.searchsorted(t_i, t, side="right")  # days up to and including t
    removed_before = cum_events[below] + cum_censored[below]
    return {
        "at_risk": total - removed_before,
        "events": cum_events[upto] - cum_events[below],
        "censored": cum_censored[upto] - cum_censored[below],
        "_answered": cum_events[upto],
        "_known": total - cum_censored[upto],
    }


def _first_at_or_below(t: Floats, values: Floats, level: float = 0.5) -> float:
    """The first point at which `values` is at or below `level` (NaN: never)."""
    with np.errstate(invalid="ignore"):
        hits = np.flatnonzero(values <= level + ROUNDING)
    return float(t[hits[0]]) if hits.size else float("nan")
