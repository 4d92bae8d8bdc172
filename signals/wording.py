"""The Dutch sentence of a signal: who, since when, the counts, and against what.

"Woerden: van de 28 knelpunten gemeld sinds maart 2026 zijn er 3 binnen 90 dagen (deels)
opgelost (geschat 12%, ...), tegen 40% in de twee jaar ervoor." Numbers and months are
written by Babel (nl_NL), as everywhere else in the product.
"""

from __future__ import annotations

import math

import pandas as pd
from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from signals import strings
from signals.measures import BASELINE_MONTHS, BETTER

LOCALE = "nl_NL"


def month_text(day) -> str:
    """'maart 2026'."""
    return format_date(pd.Timestamp(day).date(), "MMMM y", locale=LOCALE)


def count(value: float) -> str:
    return format_decimal(round(value), locale=LOCALE)


def decimal(value: float) -> str:
    return format_decimal(round(float(value), 1), format="#,##0.0", locale=LOCALE)


def percent(value: float) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return format_percent(float(value), format="#,##0%", locale=LOCALE)


def history_text(months: int) -> str:
    if months >= BASELINE_MONTHS:
        return strings.HISTORY_TWO_YEARS
    return strings.HISTORY_MONTHS.format(months=months)


def sentence(signal, unit_name: str, category_label: str | None, history_months: int) -> str:
    """The sentence of one signal (a row of detect's tests)."""
    common = {
        "unit": unit_name,
        "since": month_text(signal.since),
        "history": history_text(history_months),
    }
    if signal.measure == "obstacles":
        one = round(signal.after_cases) == 1
        if category_label:
            template = strings.WHAT_CATEGORY_ONE if one else strings.WHAT_CATEGORY
            what = template.format(category=category_label.lower())
        else:
            what = strings.WHAT_ONE if one else strings.WHAT_ALL
        template = strings.VOLUME_BETTER if signal.direction == BETTER else strings.VOLUME_WORSE
        return template.format(
            **common,
            count=count(signal.after_cases),
            what=what,
            expected=count(signal.expected),
            factor=decimal(signal.effect),
            percent=percent(1 - signal.effect),
        )
    template = (
        strings.RESPONSE if signal.measure.startswith("first_response") else strings.RESOLUTION
    )
    return template.format(
        **common,
        cases=count(signal.after_cases),
        events=count(signal.after_events),
        after=percent(signal.after_value),
        before=percent(signal.before_value),
    )
