"""Municipality against region against province: hoger, vergelijkbaar or lager, by interval.

The rule (one rule for shares, Kaplan-Meier shares and rates alike): a figure is "hoger"
when its whole 95% interval lies above the reference value, "lager" when it lies wholly
below, and "vergelijkbaar" otherwise. The reference (region or province) is the pooled value
over all its obstacles, taken as fixed, as the target in a funnel plot is (Spiegelhalter
2005); for a share this is the one-sample score test at the 5% level, which is exactly what
the Wilson interval inverts (Wilson 1927; Newcombe 1998, Stat Med 17:857-872). A raw
difference (45% against 52%) decides nothing: with 8 obstacles it is noise.

The reference includes the municipality itself, as the funnel's p0 does. That makes the
test a little conservative for the largest municipality (Utrecht is a quarter of the
province's inhabitants); it never makes a difference appear that is not there.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike

from etl.metrics.funnel import pooled_share
from etl.metrics.intervals import CONFIDENCE, share, wilson_interval

HIGHER, SIMILAR, LOWER = "hoger", "vergelijkbaar", "lager"
VERDICTS = (HIGHER, SIMILAR, LOWER)


def compare_to_reference(low: ArrayLike, high: ArrayLike, reference: ArrayLike) -> np.ndarray:
    """'hoger' where low > reference, 'lager' where high < reference, else 'vergelijkbaar'.

    Element-wise; None where the interval or the reference is missing (no cases).
    """
    lo = np.asarray(low, dtype=float)
    hi = np.asarray(high, dtype=float)
    ref = np.asarray(reference, dtype=float)
    lo, hi, ref = np.broadcast_arrays(lo, hi, ref)
    verdict = np.where(lo > ref, HIGHER, np.where(hi < ref, LOWER, SIMILAR)).astype(object)
    verdict[np.isnan(lo) | np.isnan(hi) | np.isnan(ref)] = None
    return verdict


def compare_shares(
    frame: pd.DataFrame,
    successes: str,
    trials: str,
    reference: float | str | None = None,
    confidence: float = CONFIDENCE,
) -> pd.DataFrame:
    """Each row's share with its Wilson interval, judged against a reference share.

    `reference` is a number, the name of a column (e.g. each municipality's region value)
    or None for the pooled share of the whole frame. Adds share, low, high, reference,
    comparison.
    """
    k = frame[successes].to_numpy(dtype=float)
    n = frame[trials].to_numpy(dtype=float)
    if reference is None:
        ref = np.full(len(frame), pooled_share(k, n))
    elif isinstance(reference, str):
        ref = frame[reference].to_numpy(dtype=float)
    else:
        ref = np.full(len(frame), float(reference))
    return _judged_shares(frame, k, n, ref, confidence)


def _judged_shares(
    frame: pd.DataFrame, k: ArrayLike, n: ArrayLike, reference: ArrayLike, confidence: float
) -> pd.DataFrame:
    """`frame` with share k/n, its Wilson interval, the reference and the verdict."""
    low, high = wilson_interval(k, n, confidence)
    return frame.assign(
        share=share(k, n),
        low=low,
        high=high,
        reference=reference,
        comparison=compare_to_reference(low, high, reference),
    )


def group_shares(
    frame: pd.DataFrame,
    members: pd.DataFrame,
    successes: str,
    trials: str,
    key: str = "cbs_code",
    group: str = "region_code",
    confidence: float = CONFIDENCE,
) -> pd.DataFrame:
    """Pooled share per group (e.g. region) with its Wilson interval, against the whole frame.

    `members` maps `group` to `key` (core.region_members); a unit may be in several groups
    (U10 lies inside U16). One row per group, indexed by it: successes, trials, share, low,
    high, reference (the pooled share of all of `frame`: the province) and comparison.
    """
    joined = members[[group, key]].merge(frame[[key, successes, trials]], on=key, how="left")
    sums = (
        joined.groupby(group, sort=True)[[successes, trials]]
        .sum(min_count=0)
        .astype(float)
        .rename(columns={successes: "successes", trials: "trials"})
    )
    province = pooled_share(frame[successes], frame[trials])
    return _judged_shares(sums, sums["successes"], sums["trials"], province, confidence)


def compare_levels(
    frame: pd.DataFrame,
    members: pd.DataFrame,
    successes: str,
    trials: str,
    key: str = "cbs_code",
    group: str = "region_code",
    confidence: float = CONFIDENCE,
) -> pd.DataFrame:
    """Each municipality against each region it is in and against the province.

    One row per (municipality, region); a municipality in no region gets one row with the
    region missing. Columns: key, group, share, low, high (Wilson), region_share,
    province_share, vs_region, vs_province (hoger / vergelijkbaar / lager).
    """
    regions = group_shares(frame, members, successes, trials, key, group, confidence)
    k = frame[successes].to_numpy(dtype=float)
    n = frame[trials].to_numpy(dtype=float)
    low, high = wilson_interval(k, n, confidence)
    own = pd.DataFrame({key: frame[key].to_numpy(), "share": share(k, n), "low": low, "high": high})
    result = own.merge(members[[key, group]], on=key, how="left").merge(
        regions["share"].rename("region_share"), left_on=group, right_index=True, how="left"
    )
    result["province_share"] = pooled_share(k, n)
    result["vs_region"] = compare_to_reference(
        result["low"], result["high"], result["region_share"]
    )
    result["vs_province"] = compare_to_reference(
        result["low"], result["high"], result["province_share"]
    )
    return result.sort_values([key, group], kind="stable").reset_index(drop=True)
