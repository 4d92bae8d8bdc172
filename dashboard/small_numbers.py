"""The small-numbers rule as the dashboard applies it (thresholds from etl.settings)."""

from __future__ import annotations

from etl import settings


def few_cases(total: int) -> bool:
    """Below SMALL_NUMBERS a figure is flagged as based on few cases (and not ranked)."""
    return total < settings.small_numbers()


def suppressed(total: int) -> bool:
    """Below SUPPRESS_BELOW a share is not shown as a percentage."""
    return total < settings.suppress_below()
