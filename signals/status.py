"""new, ongoing or ended: this load's signals against the previous load's."""

from __future__ import annotations

import pandas as pd

from signals.measures import ENDED, KEY, NEW, ONGOING


def signal_key(frame: pd.DataFrame) -> pd.Series:
    """'gemeente:GM0307:obstacles::financiering:worse': the KEY columns joined."""
    if frame.empty:
        return pd.Series([], index=frame.index, dtype=object)
    parts = frame[KEY].astype(object).where(frame[KEY].notna(), "")
    return parts.astype(str).agg(":".join, axis=1)


def with_status(current: pd.DataFrame, previous: pd.DataFrame | None, load_id: int) -> pd.DataFrame:
    """`current` with status and first_seen_load, plus the previous load's new or ongoing
    signals that this load no longer finds, as ended (with their last numbers)."""
    current = current.assign(signal_key=signal_key(current))
    if previous is None or previous.empty:
        return current.assign(status=NEW, first_seen_load=load_id)
    live = previous[previous["status"].isin([NEW, ONGOING])]
    first_seen = dict(zip(live["signal_key"], live["first_seen_load"], strict=True))
    seen = current["signal_key"].isin(first_seen)
    current = current.assign(
        status=seen.map({True: ONGOING, False: NEW}),
        first_seen_load=[
            int(first_seen[k]) if s else load_id
            for k, s in zip(current["signal_key"], seen, strict=True)
        ],
    )
    ended = live[~live["signal_key"].isin(current["signal_key"])].assign(status=ENDED)
    return pd.concat(
        [current, ended[[c for c in ended.columns if c in current.columns]]], ignore_index=True
    )
