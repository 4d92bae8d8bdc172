"""Honest figures for comparing municipalities of very different size: pure functions, no IO.

registry       every figure and rule defined once: label, definition, counts, interval
figures        a registry figure with its interval for groups, from counts
intervals      Wilson intervals for shares, exact Poisson (Garwood) intervals for counts/rates
survival       Kaplan-Meier from per-day event and censoring counts, open obstacles censored
funnel         Spiegelhalter funnel plots: control limits, overdispersion, who lies outside
comparison     hoger / vergelijkbaar / lager against a reference, judged by interval
small_numbers  the small-numbers rule (flag, leave out of rankings, suppress percentages)
"""

from etl.metrics.comparison import HIGHER, LOWER, SIMILAR, compare_to_reference
from etl.metrics.figures import figure
from etl.metrics.funnel import (
    describe_funnel,
    funnel_limits,
    funnel_points,
    overdispersion,
    pooled_share,
    z_scores,
)
from etl.metrics.intervals import (
    poisson_interval,
    poisson_rate,
    share,
    wilson_interval,
    z_value,
)
from etl.metrics.registry import Metric, comparable, definitions_frame, metric, metrics
from etl.metrics.small_numbers import (
    apply_small_numbers,
    few_cases,
    rank_without_small_numbers,
    share_columns,
)
from etl.metrics.survival import (
    day_counts,
    km_at,
    km_at_counts,
    km_by_group,
    km_by_group_counts,
    km_curve,
    km_curve_counts,
    km_median,
    km_summary,
    km_summary_counts,
    share_within,
    time_to_event,
)

__all__ = [
    "HIGHER",
    "LOWER",
    "SIMILAR",
    "Metric",
    "apply_small_numbers",
    "comparable",
    "compare_to_reference",
    "day_counts",
    "definitions_frame",
    "describe_funnel",
    "few_cases",
    "figure",
    "funnel_limits",
    "funnel_points",
    "km_at",
    "km_at_counts",
    "km_by_group",
    "km_by_group_counts",
    "km_curve",
    "km_curve_counts",
    "km_median",
    "km_summary",
    "km_summary_counts",
    "metric",
    "metrics",
    "overdispersion",
    "poisson_interval",
    "poisson_rate",
    "pooled_share",
    "rank_without_small_numbers",
    "share",
    "share_columns",
    "share_within",
    "time_to_event",
    "wilson_interval",
    "z_scores",
    "z_value",
]
