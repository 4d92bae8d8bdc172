"""Honest figures for comparing municipalities of very different size: pure functions, no IO.

intervals   Wilson intervals for shares, exact Poisson (Garwood) intervals for counts/rates
survival    Kaplan-Meier time to first response / resolution, open obstacles censored
funnel      Spiegelhalter funnel plots: control limits, overdispersion, who lies outside
comparison  hoger / vergelijkbaar / lager against a reference, judged by interval
small_numbers  the small-numbers rule (flag, leave out of rankings, suppress percentages)
definitions    every figure defined once, in Dutch
scorecard   the statistics of marts.municipality_scorecard
"""

from etl.metrics.comparison import (
    HIGHER,
    LOWER,
    SIMILAR,
    compare_levels,
    compare_shares,
    compare_to_reference,
    group_shares,
)
from etl.metrics.definitions import Definition, definition, definitions, definitions_frame
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
from etl.metrics.scorecard import STATISTICS, scorecard
from etl.metrics.small_numbers import (
    apply_small_numbers,
    few_cases,
    rank_without_small_numbers,
    share_columns,
)
from etl.metrics.survival import (
    km_at,
    km_by_group,
    km_curve,
    km_median,
    km_summary,
    share_within,
    time_to_event,
)

__all__ = [
    "HIGHER",
    "LOWER",
    "SIMILAR",
    "STATISTICS",
    "Definition",
    "apply_small_numbers",
    "compare_levels",
    "compare_shares",
    "compare_to_reference",
    "definition",
    "definitions",
    "definitions_frame",
    "describe_funnel",
    "few_cases",
    "funnel_limits",
    "funnel_points",
    "group_shares",
    "km_at",
    "km_by_group",
    "km_curve",
    "km_median",
    "km_summary",
    "overdispersion",
    "poisson_interval",
    "poisson_rate",
    "pooled_share",
    "rank_without_small_numbers",
    "scorecard",
    "share",
    "share_columns",
    "share_within",
    "time_to_event",
    "wilson_interval",
    "z_scores",
    "z_value",
]
