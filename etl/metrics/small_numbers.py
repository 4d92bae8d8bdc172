"""The small-numbers rule: flag figures on few cases, keep them out of rankings, hide tiny ones.

Two thresholds, each one setting (etl.settings): below SMALL_NUMBERS obstacles (10) a
figure is marked as based on few cases and not ranked; below SUPPRESS_BELOW (5) a share is
not shown as a percentage in public views. Two of two resolved is "100%" only on paper:
its Wilson interval runs from 34% to 100%.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike

from etl import settings
from etl.metrics.registry import metrics


def few_cases(count: ArrayLike, below: int) -> np.ndarray:
    """The rule itself: True where the number of cases is below the threshold (missing = 0)."""
    return np.nan_to_num(np.asarray(count, dtype=float), nan=0.0) < below


def share_columns(frame: pd.DataFrame) -> list[str]:
    """Columns of `frame` that hold a share (0..1) by the registry, with their _low/_high."""
    keys = {m.key for m in metrics(small_numbers=0, suppress_below=0) if m.is_share}
    return [c for c in frame.columns if c.removesuffix("_low").removesuffix("_high") in keys]


def apply_small_numbers(
    frame: pd.DataFrame,
    count: str = "obstacles",
    shares: Sequence[str] | None = None,
    *,
    flag_below: int | None = None,
    suppress_below: int | None = None,
) -> pd.DataFrame:
    """The rule applied to a frame, as public views show it (a new frame; the input is kept).

    - `small_numbers` = count < flag_below (default: the SMALL_NUMBERS setting);
    - the `shares` columns (default: every share column with its interval, see
      `share_columns`) become NaN where count < suppress_below (default: SUPPRESS_BELOW),
      and a boolean `suppressed` column says where.
    Counts, rates per inhabitant and medians in days stay as they are.
    """
    flag_below = settings.small_numbers() if flag_below is None else flag_below
    suppress_below = settings.suppress_below() if suppress_below is None else suppress_below
    if count not in frame.columns:
        raise KeyError(f"column {count!r} (number of cases) is missing from the frame")
    hide = few_cases(frame[count], suppress_below)
    columns = share_columns(frame) if shares is None else list(shares)
    result = frame.assign(small_numbers=few_cases(frame[count], flag_below), suppressed=hide)
    for column in columns:
        result[column] = result[column].astype(float).mask(hide)
    return result


def rank_without_small_numbers(
    frame: pd.DataFrame,
    column: str,
    count: str = "obstacles",
    *,
    ascending: bool = False,
    flag_below: int | None = None,
) -> pd.Series:
    """Rank 1, 2, ... on `column`, best first; NaN for rows with fewer than flag_below cases.

    Ties share the lowest rank ("min"), and rows with a missing value are not ranked.
    """
    flag_below = settings.small_numbers() if flag_below is None else flag_below
    rankable = ~few_cases(frame[count], flag_below)
    return frame[column].where(rankable).rank(method="min", ascending=ascending)
