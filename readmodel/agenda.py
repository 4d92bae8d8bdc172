"""The social agenda: kinds of obstacles that recur across municipalities, ranked.

One row per agenda item: a (category, theme) pair, or a category alone. Its figures:
municipalities and initiatives touched, obstacles, unresolved, severity, a trend over the
last 24 months of the period and the level where its obstacles must be solved. Counts come
from the obstacle marts; different initiatives, which cannot be summed, from
marts.agenda_reach for a whole place and from marts.initiative_reach otherwise.
"""

from __future__ import annotations

from datetime import date, timedelta

import duckdb
import numpy as np
import pandas as pd

from etl import settings
from etl.metrics.intervals import wilson_interval
from etl.metrics.small_numbers import apply_small_numbers
from etl.vocabularies import LEVELS
from readmodel import format, strings
from readmodel.database import has_table, query
from readmodel.rollups import obstacle_conditions, obstacle_totals
from readmodel.selection import Filters

GROUPINGS = {"pair": ("category", "theme"), "category": ("category",)}
# An obstacle in one municipality is a local problem; the lobby agenda is about patterns.
RECURRING_MIN = 2
TREND_MONTHS = 12
SHARES = ["unresolved_share", "severe_share"]
LEVEL_COLUMNS = tuple(f"level_{code}" for code in LEVELS.codes())
SUMMED = ("obstacles", "resolved", "severity_known", "severe", "severity_sum")


def agenda(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    *,
    first_day: date,
    as_of: date,
    grouping: str = "pair",
) -> pd.DataFrame:
    """One row per agenda item, ranked: municipalities, then initiatives, then unresolved.

    Columns: rank, category (and theme), municipalities, initiatives, obstacles,
    unresolved, unresolved_share (= unresolved / obstacles), severity_known, severe,
    severe_share (= severe / severity_known), mean_severity, level_gemeente ... level_rijk
    (obstacles per level), recent, before, trend (see `trend`), level (most common; ties
    go to the lowest level), level_share, level_mix ('gemeente 40% · rijk 60%'),
    recurring (municipalities >= RECURRING_MIN), and small_numbers/suppressed from the
    small-numbers rule (the shares are NaN where suppressed).
    """
    keys = list(GROUPINGS[grouping])
    cells = obstacle_totals(con, filters, by=[*keys, "cbs_code", "level"])
    if cells.empty:
        return _empty(keys)
    items = cells.groupby(keys, as_index=False)[list(SUMMED)].sum()
    reach = _reach(con, filters, keys)
    items = items.merge(_levels(cells, keys), on=keys)
    items = (
        items.merge(reach, on=keys, how="left").fillna({"initiatives": 0})
        if reach is not None
        else items.assign(initiatives=pd.NA)
    )
    covered = trend_possible(filters, first_day=first_day, as_of=as_of)
    windows = _windows(con, filters, keys, cells, as_of) if covered else None
    items = (
        items.merge(windows, on=keys, how="left")
        if windows is not None
        else items.assign(recent=np.nan, before=np.nan)
    )
    items = items.fillna({"recent": 0, "before": 0}).astype({"recent": "int64", "before": "int64"})
    items = items.assign(
        unresolved=items["obstacles"] - items["resolved"],
        municipalities=items["municipalities"].astype("int64"),
        initiatives=items["initiatives"].astype("Int64"),
    ).sort_values(
        ["municipalities", "initiatives", "unresolved", "obstacles", *keys],
        ascending=[False, False, False, False, *[True] * len(keys)],
        kind="stable",
    )
    items.insert(0, "rank", np.arange(1, len(items) + 1))
    items = items.assign(
        unresolved_share=items["unresolved"] / items["obstacles"],
        severe_share=(items["severe"] / items["severity_known"]).where(items["severity_known"] > 0),
        mean_severity=(items["severity_sum"] / items["severity_known"]).where(
            items["severity_known"] > 0
        ),
        trend=trend(items["recent"], items["before"]) if covered else strings.TREND_SHORT,
        recurring=items["municipalities"] >= RECURRING_MIN,
    ).drop(columns=["resolved", "severity_sum"])
    return apply_small_numbers(items.reset_index(drop=True), count="obstacles", shares=SHARES)


def _empty(keys: list[str]) -> pd.DataFrame:
    columns = ["rank", *keys, "municipalities", "initiatives", "obstacles", "unresolved"]
    columns += [*SHARES, *LEVEL_COLUMNS, "recent", "before", "trend", "level", "level_share"]
    columns += ["level_mix", "recurring", "small_numbers", "suppressed"]
    return pd.DataFrame(columns=columns)


def _levels(cells: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Per item: obstacles per level, municipalities touched, the most common level."""
    per_level = cells.pivot_table(
        index=keys, columns="level", values="obstacles", aggfunc="sum", fill_value=0
    ).reindex(columns=list(LEVELS.codes()), fill_value=0)
    municipalities = (
        cells[cells["obstacles"] > 0].groupby(keys)["cbs_code"].nunique().rename("municipalities")
    )
    counts = per_level.to_numpy()
    total = counts.sum(axis=1)
    # np.argmax takes the first maximum: on a tie the level nearest to the municipality.
    most = counts.argmax(axis=1)
    codes = np.asarray(LEVELS.codes())
    mix = [
        " · ".join(
            f"{code} {format.percent(n / t)}" for code, n in zip(codes, row, strict=True) if n
        )
        for row, t in zip(counts, total, strict=True)
    ]
    result = pd.DataFrame(
        counts, index=per_level.index, columns=list(LEVEL_COLUMNS), dtype="int64"
    ).assign(level=codes[most], level_share=counts.max(axis=1) / total, level_mix=mix)
    return result.join(municipalities).reset_index()


def _reach(
    con: duckdb.DuckDBPyConnection, filters: Filters, keys: list[str]
) -> pd.DataFrame | None:
    """Different initiatives per item in the selection; None where that is not known."""
    grouping = "pair" if len(keys) == 2 else "category"
    if not filters.dimensions():
        kind, code = (
            ("gemeente", filters.municipality)
            if filters.municipality
            else ("regio", filters.region)
            if filters.region
            else ("provincie", "")
        )
        return query(
            con,
            f"SELECT {', '.join(keys)}, initiatives FROM marts.agenda_reach "
            "WHERE place_kind = ? AND place_code = ? AND grouping = ?",
            [kind, code, grouping],
            name="agenda_reach",
        )
    if not has_table(con, "marts", "initiative_reach"):
        # A public snapshot names no initiative: different initiatives are known only for
        # whole places (marts.agenda_reach); for other selections the column stays empty.
        return None
    where, params = obstacle_conditions(filters)
    key_list = ", ".join(keys)
    return query(
        con,
        f"SELECT {key_list}, count(DISTINCT initiative_id) AS initiatives "
        f"FROM marts.initiative_reach WHERE {where} GROUP BY {key_list}",
        params,
        name="initiative_reach",
    )


def _windows(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    keys: list[str],
    cells: pd.DataFrame,
    as_of: date,
) -> pd.DataFrame:
    """Reports in the last TREND_MONTHS months of the period (recent) and the ones before."""
    end = filters.end or as_of
    if end == as_of:  # the marts count these windows up to the as-of day
        counts = cells.groupby(keys, as_index=False)[
            ["reported_last_12m", "reported_prior_12m"]
        ].sum()
        return counts.rename(
            columns={"reported_last_12m": "recent", "reported_prior_12m": "before"}
        )
    cut = _months_before(end, TREND_MONTHS)
    recent = obstacle_totals(con, filters.with_(start=cut + timedelta(days=1)), by=keys)
    earlier = _months_before(end, 2 * TREND_MONTHS) + timedelta(days=1)
    before = obstacle_totals(con, filters.with_(start=earlier, end=cut), by=keys)
    return (
        recent[[*keys, "obstacles"]]
        .rename(columns={"obstacles": "recent"})
        .merge(
            before[[*keys, "obstacles"]].rename(columns={"obstacles": "before"}),
            on=keys,
            how="outer",
        )
    )


def _months_before(day: date, months: int) -> date:
    return (pd.Timestamp(day) - pd.DateOffset(months=months)).date()


def trend_possible(filters: Filters, *, first_day: date, as_of: date) -> bool:
    """True when the period reaches back 2 x TREND_MONTHS from its end (else no trend)."""
    end = pd.Timestamp(filters.end or as_of)
    earliest = end - pd.DateOffset(months=2 * TREND_MONTHS) + pd.Timedelta(days=1)
    return pd.Timestamp(filters.start or first_day) <= earliest


def trend(recent: pd.Series, before: pd.Series, *, minimum: int | None = None) -> pd.Series:
    """'stijgend', 'geen duidelijk verschil', 'dalend' or 'te weinig gegevens', per item.

    Two counts over equally long windows: under "no change" the recent count is half of
    the two together (a binomial with p = 0.5, conditional on the total). Stijgend when the
    95% Wilson interval of recent / (recent + before) lies wholly above one half, dalend
    when wholly below, otherwise no clear difference. Fewer than `minimum` (default
    SMALL_NUMBERS) reports in the 24 months: te weinig gegevens.
    """
    minimum = settings.small_numbers() if minimum is None else minimum
    total = recent + before
    low, high = wilson_interval(recent, total)
    label = np.select(
        [total < minimum, low > 0.5, high < 0.5],
        [strings.TREND_FEW, strings.TREND_UP, strings.TREND_DOWN],
        strings.TREND_FLAT,
    )
    return pd.Series(label, index=recent.index)
