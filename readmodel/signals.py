"""The signals of the latest load for a selection: what /signalen, the overview and the digest show.

Reads marts.signals and marts.signal_series (built by `omzien etl run`, see signals/);
a warehouse built before signals existed has none, which reads as "not computed", not as
"nothing changed". The sidebar's region, municipality, theme and category narrow the
signals: a region keeps its own signals and those of its municipalities, a municipality
its own and those of its regions; a theme or category keeps the signals about it and
those about all themes or categories. The period does not apply: signals are about the
latest months up to the as-of day.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from etl.metrics.registry import metric
from etl.vocabularies import CATEGORIES
from readmodel import format
from readmodel import strings as labels
from readmodel.database import has_table, query, row
from readmodel.selection import Filters
from signals.measures import BETTER, BY_KEY, ENDED, NEW, SURVIVAL, WORSE

# The measure of the compare page a signal's card links to (a count of obstacles is
# compared per 10,000 inhabitants there).
COMPARE_MEASURE = {
    "obstacles": "obstacles_per_10k",
    "first_response_within_30d": "first_response_within_30d",
    "resolved_within_90d": "resolved_within_90d",
}


@dataclass(frozen=True)
class Signals:
    """The signals of a selection, each frame newest and strongest first."""

    worse: pd.DataFrame
    better: pd.DataFrame
    ended: pd.DataFrame
    computed: bool  # False: the warehouse has no signals table (built before signals)

    @property
    def new(self) -> int:
        live = pd.concat([self.worse, self.better])
        return int((live["status"] == NEW).sum()) if len(live) else 0

    @property
    def current(self) -> pd.DataFrame:
        return pd.concat([self.worse, self.better], ignore_index=True)


def computed(con: duckdb.DuckDBPyConnection) -> bool:
    return has_table(con, "marts", "signals")


def selection_sql(filters: Filters) -> tuple[str, list[object]]:
    """WHERE conditions (after 'WHERE true') and parameters narrowing the signals."""
    parts, params = [], []
    if filters.region:
        parts.append(
            "(s.region_code = ? OR s.municipality_code IN "
            "(SELECT cbs_code FROM core.region_members WHERE region_code = ?))"
        )
        params += [filters.region, filters.region]
    if filters.municipality:
        parts.append(
            "(s.municipality_code = ? OR s.region_code IN "
            "(SELECT region_code FROM core.region_members WHERE cbs_code = ?))"
        )
        params += [filters.municipality, filters.municipality]
    if filters.themes:
        parts.append("(s.theme IS NULL OR list_contains(?, s.theme))")
        params.append(list(filters.themes))
    if filters.categories:
        parts.append("(s.category IS NULL OR list_contains(?, s.category))")
        params.append(list(filters.categories))
    return "".join(f" AND {p}" for p in parts), params


def signals(con: duckdb.DuckDBPyConnection, filters: Filters) -> Signals:
    """The latest load's signals in the selection: worse, better, ended."""
    if not computed(con):
        empty = pd.DataFrame()
        return Signals(empty, empty, empty, computed=False)
    where, params = selection_sql(filters)
    found = query(
        con,
        "SELECT s.* FROM marts.signals AS s WHERE true" + where + " ORDER BY "
        "CASE s.status WHEN 'new' THEN 0 WHEN 'ongoing' THEN 1 ELSE 2 END, s.q_value, "
        "s.unit_kind, s.unit_code",
        params,
        name="signals",
    )
    live = found[found["status"] != ENDED]
    return Signals(
        worse=live[live["direction"] == WORSE].reset_index(drop=True),
        better=live[live["direction"] == BETTER].reset_index(drop=True),
        ended=found[found["status"] == ENDED].reset_index(drop=True),
        computed=True,
    )


def series(con: duckdb.DuckDBPyConnection, keys: list[str]) -> dict[str, pd.DataFrame]:
    """The monthly series of each signal key (marts.signal_series), by month."""
    if not keys:
        return {}
    found = query(
        con,
        "SELECT * FROM marts.signal_series WHERE list_contains(?, signal_key) "
        "ORDER BY signal_key, month",
        [keys],
        name="signal_series",
    )
    return {key: part.reset_index(drop=True) for key, part in found.groupby("signal_key")}


def new_count(con: duckdb.DuckDBPyConnection, filters: Filters | None = None) -> int | None:
    """How many signals the latest load found for the first time; None when not computed."""
    if not computed(con):
        return None
    where, params = selection_sql(filters or Filters())
    return int(
        row(
            con,
            "SELECT count(*) FROM marts.signals AS s WHERE s.status = 'new'" + where,
            params,
            name="new_signals",
        )[0]
    )


def is_share(measure: str) -> bool:
    """A response or resolution signal (a share per month), not a count of obstacles."""
    return BY_KEY[measure].kind == SURVIVAL


def compare_measure(measure: str) -> str:
    return COMPARE_MEASURE[measure]


@dataclass(frozen=True)
class Evidence:
    """A signal's measure and its value before and after, as a reader reads them."""

    measure: str
    before: str
    after: str


def evidence(signal) -> Evidence:
    """'Knelpunten over financiering en subsidie', '1,3 per maand', '7,2 per maand'; or
    'Eerste reactie binnen 30 dagen', '64%', '0%'."""
    measure = metric(signal["measure"]).label
    category = signal["category"]
    if isinstance(category, str):
        measure = labels.SIGNAL_MEASURE_CATEGORY.format(
            measure=measure, category=CATEGORIES.label(category).lower()
        )
    if is_share(signal["measure"]):
        return Evidence(
            measure, format.percent(signal["before_value"]), format.percent(signal["after_value"])
        )
    per_month = labels.SIGNAL_PER_MONTH
    return Evidence(
        measure,
        per_month.format(value=format.decimal(signal["before_value"])),
        per_month.format(value=format.decimal(signal["after_value"])),
    )
