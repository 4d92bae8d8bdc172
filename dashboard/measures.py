"""The measures municipalities are compared on, computed with etl.metrics for any selection.

One registry serves the compare page, the profile, the map and the exports. Keys are the
keys of etl.metrics.definitions (and columns of marts.municipality_scorecard), so each
measure has its definition in one place. Pure: DataFrames in, DataFrames out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from etl import metrics

RATE, SHARE, KM_SHARE, KM_MEDIAN = "rate", "share", "km_share", "km_median"


@dataclass(frozen=True)
class Measure:
    key: str
    label: str
    kind: str
    column: str  # counts column (rate, share) or event date column (Kaplan-Meier)
    higher_is_better: bool | None
    horizon: int | None = None  # days, for Kaplan-Meier shares

    @property
    def is_share(self) -> bool:
        return self.kind in (SHARE, KM_SHARE)

    @property
    def funnel(self) -> bool:
        """Funnel plots need a binomial share over obstacles."""
        return self.kind == SHARE

    @property
    def cases(self) -> str:
        """What the small-numbers rule counts for this measure."""
        return "initiatives" if self.column == "initiatives" else "obstacles"


MEASURES: tuple[Measure, ...] = (
    Measure("obstacles_per_10k", "Knelpunten per 10.000 inwoners", RATE, "obstacles", None),
    Measure("initiatives_per_10k", "Initiatieven per 10.000 inwoners", RATE, "initiatives", None),
    Measure("resolved_share", "Aandeel (deels) opgelost", SHARE, "resolved", True),
    Measure("answered_share", "Aandeel beantwoord", SHARE, "answered", True),
    Measure("refused_share", "Aandeel afgewezen", SHARE, "refused", False),
    Measure(
        "first_response_within_30d",
        "Eerste reactie binnen 30 dagen",
        KM_SHARE,
        "first_response_at",
        True,
        horizon=30,
    ),
    Measure(
        "first_response_within_90d",
        "Eerste reactie binnen 90 dagen",
        KM_SHARE,
        "first_response_at",
        True,
        horizon=90,
    ),
    Measure(
        "median_days_to_first_response",
        "Mediane dagen tot eerste reactie",
        KM_MEDIAN,
        "first_response_at",
        False,
    ),
    Measure(
        "resolved_within_90d",
        "Opgelost binnen 90 dagen",
        KM_SHARE,
        "resolved_at",
        True,
        horizon=90,
    ),
)
BY_KEY = {m.key: m for m in MEASURES}
# The key figures of a municipality profile (page and fact sheet), in their order.
PROFILE_KEYS: tuple[str, ...] = (
    "obstacles_per_10k",
    "initiatives_per_10k",
    "answered_share",
    "resolved_share",
    "refused_share",
    "first_response_within_30d",
    "median_days_to_first_response",
)

RESULT_COLUMNS = ["value", "low", "high", "n"]


def _km(durations: pd.DataFrame, group: str | None, measure: Measure, as_of: date) -> pd.DataFrame:
    """Kaplan-Meier value and interval per group (or overall when group is None)."""
    events = metrics.time_to_event(durations["reported_at"], durations[measure.column], as_of)
    frame = durations.assign(duration=events["duration"], observed=events["observed"])
    if group is None:
        frame = frame.assign(_all="all")
        group = "_all"
    horizons = (measure.horizon,) if measure.horizon else ()
    summary = metrics.km_by_group(frame, by=group, horizons=horizons)
    if measure.kind == KM_MEDIAN:
        columns = ["median", "median_low", "median_high"]
    else:
        h = measure.horizon
        columns = [f"within_{h}", f"within_{h}_low", f"within_{h}_high"]
    out = summary[columns].set_axis(["value", "low", "high"], axis=1)
    return out.assign(n=frame.groupby(group).size().reindex(out.index).to_numpy())


def compute(
    counts: pd.DataFrame,
    durations: pd.DataFrame,
    measure: Measure,
    as_of: date,
    *,
    key: str = "cbs_code",
) -> pd.DataFrame:
    """The measure per row of `counts` (one row per municipality, or per group).

    `counts` has population, obstacles, initiatives, answered, resolved, refused per `key`;
    `durations` has `key`, reported_at, first_response_at, resolved_at per obstacle.
    Returns `counts` with value, low, high, n (the cases behind the figure).
    """
    if measure.kind == RATE:
        value, low, high = metrics.poisson_rate(counts[measure.column], counts["population"])
        n = counts[measure.cases].to_numpy()
    elif measure.kind == SHARE:
        value = metrics.share(counts[measure.column], counts["obstacles"])
        low, high = metrics.wilson_interval(counts[measure.column], counts["obstacles"])
        n = counts["obstacles"].to_numpy()
    else:
        km = _km(durations, key, measure, as_of) if len(durations) else None
        joined = (
            counts[[key]].merge(km, left_on=key, right_index=True, how="left")
            if km is not None
            else counts[[key]].assign(value=np.nan, low=np.nan, high=np.nan, n=0)
        )
        value, low, high = (joined[c].to_numpy(dtype=float) for c in ("value", "low", "high"))
        n = counts["obstacles"].to_numpy()
    return counts.assign(value=value, low=low, high=high, n=n)


def pooled(
    counts: pd.DataFrame, durations: pd.DataFrame, measure: Measure, as_of: date
) -> dict[str, float]:
    """The measure over all rows together (a region or the province): value, low, high, n."""
    totals = counts.drop(columns=[c for c in ("cbs_code", "name") if c in counts]).sum(
        numeric_only=True
    )
    one = pd.DataFrame([totals]).assign(cbs_code="all")
    frame = compute(one, durations.assign(cbs_code="all"), measure, as_of)
    return {c: float(frame.iloc[0][c]) for c in RESULT_COLUMNS}


def references(
    counts: pd.DataFrame,
    durations: pd.DataFrame,
    members: pd.DataFrame,
    region_names: dict[str, str],
    measure: Measure,
    as_of: date,
    province_name: str,
) -> pd.DataFrame:
    """Province and every region as reference rows: code, name, value, low, high, n."""
    rows = [
        {"code": "provincie", "name": province_name, **pooled(counts, durations, measure, as_of)}
    ]
    for code, name in region_names.items():
        in_region = set(members.loc[members["region_code"] == code, "cbs_code"])
        rows.append(
            {
                "code": code,
                "name": name,
                **pooled(
                    counts[counts["cbs_code"].isin(in_region)],
                    durations[durations["cbs_code"].isin(in_region)],
                    measure,
                    as_of,
                ),
            }
        )
    return pd.DataFrame(rows)


def judged(table: pd.DataFrame, measure: Measure, reference: float) -> pd.DataFrame:
    """Small-numbers flags, suppression of tiny shares, rank, and the verdict by interval.

    Adds small_numbers, suppressed, rank (NaN when few cases; 1 = best when the measure has
    a direction, else highest) and comparison (hoger / vergelijkbaar / lager).
    """
    result = metrics.apply_small_numbers(
        table, count="n", shares=["value", "low", "high"] if measure.is_share else []
    )
    ascending = measure.higher_is_better is False
    result["rank"] = metrics.rank_without_small_numbers(
        result, "value", count="n", ascending=ascending
    )
    result["comparison"] = metrics.compare_to_reference(result["low"], result["high"], reference)
    return result


def against_province(
    counts: pd.DataFrame, durations: pd.DataFrame, measure: Measure, as_of: date
) -> tuple[pd.DataFrame, dict[str, float]]:
    """Every municipality on the measure, judged against the province (pooled) value."""
    province = pooled(counts, durations, measure, as_of)
    table = judged(compute(counts, durations, measure, as_of), measure, province["value"])
    return table, province
