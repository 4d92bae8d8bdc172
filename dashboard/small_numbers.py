"""The small-numbers rule as the dashboard applies it (thresholds from etl.settings)."""

from __future__ import annotations

from etl import settings


def few_cases(total: int) -> bool:
    """Below SMALL_NUMBERS a figure is flagged as based on few cases (and not ranked)."""
    return total < int(settings.SMALL_NUMBERS.value())


def suppressed(total: int) -> bool:
    """Below SUPPRESS_BELOW a share is not shown as a percentage."""
    return total < int(
        getattr(settings, "SUPPRESS_BELOW", settings.SMALL_NUMBERS).value()
        if hasattr(settings, "SUPPRESS_BELOW")
        else 5
    )
