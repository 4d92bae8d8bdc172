"""Municipalities against their regions and the province, on any figure of the registry.

The compare page, the map, the profile, presentation mode and the exports all judge
municipalities here. For a selection, `inputs` sums the count marts once per municipality
(over every municipality: the province is the reference, a region or municipality only
narrows what is shown); `compare` turns those counts into a figure with its 95% interval
for every municipality, region and the province (etl.metrics.figures), flags small
numbers, ranks the rest and judges each municipality against the province by interval.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from etl.metrics import apply_small_numbers, compare_to_reference, rank_without_small_numbers
from etl.metrics.figures import figure, km_summaries
from etl.metrics.registry import LOWER_IS_BETTER, Metric, metrics
from readmodel import strings
from readmodel.database import query
from readmodel.rollups import initiative_totals, obstacle_totals, survival_totals
from readmodel.selection import Filters
from readmodel.warehouse import Warehouse

PROVINCE = strings.PROVINCE_REFERENCE
REGION = "regio"
SURVIVAL_COLUMNS = ["days", "events", "censored"]


@dataclass
class Inputs:
    """The counts of a selection per municipality, for every figure of the registry.

    `counts`: one row per municipality of the warehouse (zero counts included) with its
    name, population, initiatives and every obstacle count. Survival counts are read per
    event on first use and kept, so seven figures of one profile read them once.
    """

    warehouse: Warehouse
    filters: Filters
    counts: pd.DataFrame
    _survival: dict[str, pd.DataFrame] = field(default_factory=dict)
    _groups: dict[tuple, pd.DataFrame] = field(default_factory=dict)

    def survival(self, event: str) -> pd.DataFrame:
        """cbs_code, days, events, censored of the selection for one event."""
        if event not in self._survival:
            self._survival[event] = survival_totals(
                self.warehouse.con, self.filters, event, by=["cbs_code"]
            )
        return self._survival[event]

    @property
    def obstacles(self) -> int:
        return int(self.counts["obstacles"].sum())


def inputs(warehouse: Warehouse, filters: Filters) -> Inputs:
    """The selection's counts per municipality over the whole area (place filters dropped)."""
    everywhere = filters.everywhere()
    base = query(
        warehouse.con,
        "SELECT cbs_code, name, population FROM core.municipalities ORDER BY cbs_code",
        name="municipalities",
    )
    obstacles = obstacle_totals(warehouse.con, everywhere, by=["cbs_code"])
    initiatives = initiative_totals(warehouse.con, everywhere, by=["cbs_code"])
    counts = base.merge(obstacles, on="cbs_code", how="left").merge(
        initiatives, on="cbs_code", how="left"
    )
    numbers = [c for c in counts.columns if c not in ("cbs_code", "name", "population")]
    counts[numbers] = counts[numbers].fillna(0).astype("int64")
    counts = counts.assign(refused=counts["status_afgewezen"], open=counts["status_open"])
    return Inputs(warehouse, everywhere, counts)


def _key(groups: dict[str, frozenset[str]]) -> tuple:
    return tuple((code, tuple(sorted(members))) for code, members in groups.items())


def group_counts(data: Inputs, groups: dict[str, frozenset[str]]) -> pd.DataFrame:
    """The municipalities' counts summed per group (a region, the province): one row per
    group, with `code` as its key and population summed too."""
    key = ("counts", _key(groups))
    if key not in data._groups:
        numeric = data.counts.drop(columns=["cbs_code", "name"])
        codes = data.counts["cbs_code"].to_numpy()
        membership = np.array([np.isin(codes, list(m)) for m in groups.values()], dtype=float)
        summed = membership.reshape(len(groups), len(codes)) @ numeric.to_numpy(dtype=float)
        frame = pd.DataFrame(summed, columns=numeric.columns).round().astype("int64")
        data._groups[key] = frame.assign(code=list(groups))[["code", *numeric.columns]]
    return data._groups[key]


def group_survival(data: Inputs, event: str, groups: dict[str, frozenset[str]]) -> pd.DataFrame:
    """Per-day counts summed per group: code, days, events, censored."""
    key = (event, _key(groups))
    if key not in data._groups:
        data._groups[key] = _summed_per_day(data.survival(event), groups)
    return data._groups[key]


def _summed_per_day(survival: pd.DataFrame, groups: dict[str, frozenset[str]]) -> pd.DataFrame:
    """Rows (cbs_code, days, events, censored) added up per group and day, for the days
    the group has rows on: a municipality-by-day table of counts, summed per group by
    one matrix product (a page asks it for every region at once)."""
    if not groups:
        return pd.DataFrame(columns=["code", *SURVIVAL_COLUMNS])
    place_of_row, places = pd.factorize(survival["cbs_code"], use_na_sentinel=False)
    day_of_row, days = pd.factorize(survival["days"], sort=True)
    places, days = np.asarray(places, dtype=object), np.asarray(days)
    cell = place_of_row * len(days) + day_of_row
    shape = (len(places), len(days))

    def per_place_and_day(weights) -> np.ndarray:
        return np.bincount(cell, weights, len(places) * len(days)).reshape(shape)

    membership = np.array([np.isin(places, list(m)) for m in groups.values()], dtype=float)
    rows = per_place_and_day(None)
    events = per_place_and_day(survival["events"].to_numpy(dtype=float))
    censored = per_place_and_day(survival["censored"].to_numpy(dtype=float))
    present, summed_events, summed_censored = (membership @ m for m in (rows, events, censored))
    group_of, day_at = np.nonzero(present)
    return pd.DataFrame(
        {
            "code": np.array(list(groups), dtype=object)[group_of],
            "days": days[day_at],
            "events": summed_events[group_of, day_at].round().astype(np.int64),
            "censored": summed_censored[group_of, day_at].round().astype(np.int64),
        }
    )


def figures_of(
    data: Inputs, metric: Metric, groups: dict[str, frozenset[str]] | None = None
) -> pd.DataFrame:
    """The metric for each municipality (groups None) or each group of municipalities:
    the counts with value, low, high and n."""
    if groups is None:
        counts, key = data.counts, "cbs_code"
    else:
        counts, key = group_counts(data, groups), "code"
    if not metric.event:
        return figure(metric, counts, key=key)
    return figure(metric, counts, key=key, summaries=_km_summaries(data, metric.event, groups))


def _km_summaries(
    data: Inputs, event: str, groups: dict[str, frozenset[str]] | None
) -> pd.DataFrame:
    """The Kaplan-Meier summaries of an event per municipality or group, at every horizon
    the registry asks of that event: the figures of one event share one set of curves."""
    cache_key = ("km", event, None if groups is None else _key(groups))
    if cache_key not in data._groups:
        if groups is None:
            survival, key = data.survival(event), "cbs_code"
        else:
            survival, key = group_survival(data, event, groups), "code"
        horizons = tuple(sorted({m.horizon for m in metrics() if m.event == event and m.horizon}))
        data._groups[cache_key] = km_summaries(survival, key, horizons)
    return data._groups[cache_key]


def reference_groups(warehouse: Warehouse) -> dict[str, frozenset[str]]:
    """The province (every municipality) and every region, by code."""
    return {
        PROVINCE: frozenset(warehouse.municipality_names),
        **{region: warehouse.members(region) for region in warehouse.region_names},
    }


def judge(table: pd.DataFrame, metric: Metric, reference: float) -> pd.DataFrame:
    """Small-numbers flags, suppression of tiny shares, rank, and the verdict by interval.

    Adds small_numbers, suppressed, rank (NaN when few cases; 1 = best when the figure has
    a direction, else highest) and comparison (hoger / vergelijkbaar / lager).
    """
    result = apply_small_numbers(
        table, count="n", shares=["value", "low", "high"] if metric.is_share else []
    )
    result["rank"] = rank_without_small_numbers(
        result, "value", count="n", ascending=metric.better == LOWER_IS_BETTER
    )
    result["comparison"] = compare_to_reference(result["low"], result["high"], reference)
    return result


@dataclass(frozen=True)
class Comparison:
    """Every municipality and every reference (province, regions) on one metric."""

    metric: Metric
    municipalities: pd.DataFrame  # one row per municipality, judged against the province
    references: pd.DataFrame  # code, name, kind, value, low, high, n (province first)
    shown: frozenset[str]  # the municipalities the selection shows

    @property
    def province(self) -> pd.Series:
        return self.references.set_index("code").loc[PROVINCE]

    def reference(self, code: str) -> pd.Series:
        return self.references.set_index("code").loc[code]

    def rows(self) -> pd.DataFrame:
        """The municipalities the selection shows, by code."""
        return self.municipalities[self.municipalities["cbs_code"].isin(self.shown)]

    @property
    def empty(self) -> bool:
        return int(self.rows()["obstacles"].sum()) == 0


def compare(data: Inputs, metric: Metric, region: str | None = None) -> Comparison:
    """The metric for every municipality and reference, judged against the province;
    `region` narrows the municipalities shown (the references stay the same)."""
    warehouse = data.warehouse
    groups = reference_groups(warehouse)
    references = figures_of(data, metric, groups)
    names = {PROVINCE: warehouse.province_name, **warehouse.region_names}
    references = references.assign(
        name=references["code"].map(names),
        kind=np.where(references["code"] == PROVINCE, PROVINCE, REGION),
    )[["code", "name", "kind", "value", "low", "high", "n"]]
    province = float(references.loc[references["code"] == PROVINCE, "value"].iloc[0])
    municipalities = judge(figures_of(data, metric), metric, province)
    shown = warehouse.members(region) if region else frozenset(warehouse.municipality_names)
    return Comparison(metric, municipalities, references, shown)


# A dot plot stays readable up to about this many rows; above it, it shows a focus.
FOCUS_ABOVE = 40
FOCUS_ENDS = 10
BEST, WORST, CHOSEN, WITH_CASES = "beste", "slechtste", "gekozen", "met gevallen"


def focus(
    comparison: Comparison,
    chosen: str | None = None,
    *,
    ends: int = FOCUS_ENDS,
    above: int = FOCUS_ABOVE,
) -> pd.DataFrame:
    """The municipalities a chart shows: all of them when they fit (at most `above`), else
    the `ends` best and the `ends` worst by interval, and the chosen municipality.

    Best by interval: the highest lower bound of the 95% interval (the surest high value)
    when higher is better, the lowest upper bound when lower is better; worst the other
    way round. A figure without a direction shows the highest and the lowest. Small
    numbers are never best or worst (too uncertain to single out). When the municipalities
    with any case fit, those are shown instead. Adds a column `focus`: beste / slechtste /
    gekozen, 'met gevallen' for the sparse case, None when everything is shown.
    """
    rows = comparison.rows()
    if len(rows) <= above:
        return rows.assign(focus=None)
    with_cases = rows[(rows["n"] > 0) | (rows["cbs_code"] == chosen)]
    if len(with_cases) <= above:
        # Sparse data: every municipality with a case fits, the rest would be empty rows.
        return with_cases.assign(focus=WITH_CASES)
    judged = rows[~rows["small_numbers"] & rows["value"].notna()]
    high_first = judged.sort_values(["low", "value", "name"], ascending=[False, False, True])
    low_first = judged.sort_values(["high", "value", "name"], ascending=[True, True, True])
    if comparison.metric.better == LOWER_IS_BETTER:
        best, worst = low_first, high_first
    else:
        best, worst = high_first, low_first
    labels: dict[str, str] = {}
    for code in best["cbs_code"].head(ends):
        labels.setdefault(code, BEST)
    for code in worst["cbs_code"].head(ends):
        labels.setdefault(code, WORST)
    if chosen in set(rows["cbs_code"]):
        labels[chosen] = CHOSEN
    shown = rows[rows["cbs_code"].isin(labels)]
    return shown.assign(focus=shown["cbs_code"].map(labels))


def pooled(data: Inputs, metric: Metric, codes: frozenset[str], code: str) -> pd.Series:
    """The metric over a set of municipalities taken together (e.g. the province without
    its city area): code, value, low, high, n."""
    return figures_of(data, metric, {code: codes}).iloc[0]


def verdict(own: pd.Series, reference: float) -> str | None:
    """hoger / vergelijkbaar / lager of one figure against a reference value."""
    return compare_to_reference([own["low"]], [own["high"]], [reference])[0]


# More main regions than this (the twelve provinces of a national warehouse) would bury the
# chart in lines: then only the whole area is drawn until a region is chosen.
MAX_REFERENCE_LINES = 5


def shown_references(comparison: Comparison, warehouse: Warehouse, region: str | None):
    """The reference lines a comparison shows: the province, and the chosen region or else
    the main regions (see Warehouse.main_regions) when there are few enough."""
    mains = warehouse.main_regions()
    mains = mains if len(mains) <= MAX_REFERENCE_LINES else []
    codes = [PROVINCE, *([region] if region else mains)]
    refs = comparison.references
    return refs[refs["code"].isin(codes)].reset_index(drop=True)


WITHOUT_CITY = "zonder_stad"


def city_apart(data: Inputs, comparison: Comparison) -> tuple[Comparison, pd.DataFrame]:
    """The comparison without the big-city municipalities (regions of kind 'stad'), and
    those municipalities' own rows; the province without them becomes a reference too."""
    city = data.warehouse.city_areas()
    rest = frozenset(data.warehouse.municipality_names) - city
    without = pooled(data, comparison.metric, rest, WITHOUT_CITY)
    extra = pd.DataFrame(
        [
            {
                "code": WITHOUT_CITY,
                "name": strings.PROVINCE_WITHOUT_CITY.format(
                    province=data.warehouse.province_name, city=data.warehouse.city_name()
                ),
                "kind": PROVINCE,
                **{c: without[c] for c in ("value", "low", "high", "n")},
            }
        ]
    )
    cities = comparison.rows()[comparison.rows()["cbs_code"].isin(city)]
    narrowed = Comparison(
        comparison.metric,
        comparison.municipalities,
        pd.concat([comparison.references, extra], ignore_index=True),
        comparison.shown - city,
    )
    return narrowed, cities
