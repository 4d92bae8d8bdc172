"""The small-numbers rule (etl.metrics) with the thresholds of the settings, for one count."""

from __future__ import annotations

from etl import settings
from etl.metrics import few_cases as _below


def few_cases(total: int) -> bool:
    """Below SMALL_NUMBERS a figure is flagged as based on few cases (and not ranked)."""
    return bool(_below(total, settings.small_numbers()))


def suppressed(total: int) -> bool:
    """Below SUPPRESS_BELOW a share is not shown as a percentage."""
    return bool(_below(total, settings.suppress_below()))
