"""One municipality against the province and its regions: the key figures of a profile.

The profile page, the fact sheet and the presentation's municipality slide all use these.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from etl.metrics import apply_small_numbers, compare_to_reference
from etl.metrics.figures import RESULT_COLUMNS as FIGURE_COLUMNS
from etl.metrics.registry import Metric, metric
from etl.metrics.survival import km_curve_counts
from readmodel.comparison import PROVINCE, Inputs, figures_of, group_survival

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


@dataclass(frozen=True)
class Reference:
    code: str
    name: str
    figure: pd.Series  # value, low, high, n
    verdict: str | None  # the municipality against it: hoger / vergelijkbaar / lager


@dataclass(frozen=True)
class KeyFigure:
    """One figure of the municipality (small-numbers rule applied) and its references."""

    metric: Metric
    own: pd.Series  # value, low, high, n, small_numbers, suppressed
    references: tuple[Reference, ...]


def key_figures(data: Inputs, code: str, keys: tuple[str, ...] = PROFILE_KEYS) -> list[KeyFigure]:
    """The municipality's figures against the province and each of its regions."""
    warehouse = data.warehouse
    groups = {PROVINCE: frozenset(warehouse.municipality_names)} | {
        region: warehouse.members(region) for region in warehouse.regions_of(code)
    }
    names = {PROVINCE: warehouse.province_name, **warehouse.region_names}
    everyone = {code: frozenset({code}), **groups}
    result = []
    for key in keys:
        found = metric(key)
        # Only the figure's own columns: the page asks for seven, each a few rows.
        figures = figures_of(data, found, everyone)[list(FIGURE_COLUMNS)]
        # The small-numbers rule goes row by row; the references are shown as they are.
        own = apply_small_numbers(
            figures.iloc[:1], count="n", shares=["value", "low", "high"] if found.is_share else []
        ).iloc[0]
        references = figures.iloc[1:].to_numpy(dtype=float)
        verdicts = compare_to_reference(own["low"], own["high"], references[:, 0])
        result.append(
            KeyFigure(
                found,
                own,
                tuple(
                    Reference(group, names[group], pd.Series(row, index=FIGURE_COLUMNS), judged)
                    for group, row, judged in zip(groups, references, verdicts, strict=True)
                ),
            )
        )
    return result


def curves(data: Inputs, event: str, groups: dict[str, frozenset[str]]) -> dict[str, pd.DataFrame]:
    """The Kaplan-Meier curve of each group (label -> t, survival, low, high, ...)."""
    summed = group_survival(data, event, groups)
    return {
        label: km_curve_counts(part["days"], part["events"], part["censored"])
        for label, part in ((label, summed[summed["code"] == label]) for label in groups)
        if part["events"].sum() + part["censored"].sum() > 0
    }
