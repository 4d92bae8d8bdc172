"""The social agenda: kinds of obstacles that recur across municipalities, ranked.

One row per agenda item: a (category, theme) pair, or a category alone. Its figures:
municipalities and initiatives touched, obstacles, unresolved, severity, a trend over the
last 24 months of the period and the level where its obstacles must be solved.
"""

from __future__ import annotations

from datetime import date

import duckdb
import numpy as np
import pandas as pd

from dashboard import strings
from dashboard.filters import Filters
from dashboard.queries.selection import selected_obstacles
from etl import settings
from etl.metrics.intervals import wilson_interval
from etl.metrics.small_numbers import apply_small_numbers
from etl.vocabularies import LEVELS

GROUPINGS = {"pair": ("category", "theme"), "category": ("category",)}
# An obstacle in one municipality is a local problem; the lobby agenda is about patterns.
RECURRING_MIN = 2
TREND_MONTHS = 12
SHARES = ["unresolved_share", "severe_share"]
LEVEL_COLUMNS = tuple(f"level_{code}" for code in LEVELS.codes())


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
    keys = GROUPINGS[grouping]
    key_list = ", ".join(keys)
    sql, params = selected_obstacles(filters)
    end = filters.end or as_of
    # Column names from the (constant) level vocabulary; the values are bound.
    level_counts = ", ".join(f"count(*) FILTER (WHERE level = ?) AS {c}" for c in LEVEL_COLUMNS)
    frame = con.execute(
        f"""
        WITH sel AS ({sql}),
        per_level AS (
            SELECT {key_list}, level, count(*) AS n,
                sum(count(*)) OVER (PARTITION BY {key_list}) AS total
            FROM sel GROUP BY {key_list}, level
        ),
        levels AS (
            SELECT {key_list},
                arg_max(level, n * 10 - list_position(?, level)) AS level,
                max(n) / any_value(total) AS level_share,
                string_agg(level || ' ' || CAST(round(100 * n / total) AS INTEGER) || '%',
                    ' · ' ORDER BY list_position(?, level)) AS level_mix
            FROM per_level GROUP BY ALL
        ),
        items AS (
            SELECT {key_list},
                count(DISTINCT cbs_code) AS municipalities,
                count(DISTINCT initiative_id) AS initiatives,
                count(*) AS obstacles,
                count(*) FILTER (WHERE resolved_at IS NULL) AS unresolved,
                count(severity) AS severity_known,
                count(*) FILTER (WHERE severity = 3) AS severe,
                avg(severity) AS mean_severity,
                {level_counts},
                count(*) FILTER (WHERE reported_at > CAST(? - INTERVAL (?) MONTH AS DATE))
                    AS recent,
                count(*) FILTER (
                    WHERE reported_at > CAST(? - INTERVAL (?) MONTH AS DATE)
                    AND reported_at <= CAST(? - INTERVAL (?) MONTH AS DATE)
                ) AS before
            FROM sel GROUP BY ALL
        )
        SELECT * FROM items JOIN levels USING ({key_list})
        ORDER BY municipalities DESC, initiatives DESC, unresolved DESC, obstacles DESC,
            {key_list}
        """,
        [
            *params,
            list(LEVELS.codes()),
            list(LEVELS.codes()),
            *LEVELS.codes(),
            end,
            TREND_MONTHS,
            end,
            2 * TREND_MONTHS,
            end,
            TREND_MONTHS,
        ],
    ).df()
    frame.insert(0, "rank", np.arange(1, len(frame) + 1))
    covered = trend_possible(filters, first_day=first_day, as_of=as_of)
    frame = frame.assign(
        unresolved_share=frame["unresolved"] / frame["obstacles"],
        severe_share=(frame["severe"] / frame["severity_known"]).where(frame["severity_known"] > 0),
        trend=trend(frame["recent"], frame["before"]) if covered else strings.TREND_SHORT,
        recurring=frame["municipalities"] >= RECURRING_MIN,
    )
    return apply_small_numbers(frame, count="obstacles", shares=SHARES)


def trend_possible(filters: Filters, *, first_day: date, as_of: date) -> bool:
    """True when the period reaches back 2 x TREND_MONTHS from its end (else no trend)."""
    end = pd.Timestamp(filters.end or as_of)
    earliest = end - pd.DateOffset(months=2 * TREND_MONTHS) + pd.Timedelta(days=1)
    return pd.Timestamp(filters.start or first_day) <= earliest


def trend(recent: pd.Series, before: pd.Series, *, minimum: int | None = None) -> pd.Series:
    """'stijgend', 'gelijk', 'dalend' or 'te weinig gegevens', per item.

    Two counts over equally long windows: under "no change" the recent count is half of
    the two together (a binomial with p = 0.5, conditional on the total). Stijgend when the
    95% Wilson interval of recent / (recent + before) lies wholly above one half, dalend
    when wholly below, otherwise gelijk. Fewer than `minimum` (default SMALL_NUMBERS)
    reports in the 24 months: te weinig gegevens.
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
