"""Dutch numbers, percentages, intervals and dates, all through Babel (nl_NL).

Every figure a person reads passes here, so "2.493", "42%", "3,2" and "05-03-2024" are
written one way on every page, export and slide. Missing values are a dash. Halves round
up, as people round by hand (12,5% is 13%); Babel would round them to even.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from decimal import ROUND_HALF_UP, localcontext

import pandas as pd
from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal, format_percent

LOCALE = "nl_NL"
MISSING = "–"
PERCENT, NUMBER = "percent", "number"


def _half_up():
    return localcontext(rounding=ROUND_HALF_UP)


def missing(value: object) -> bool:
    """None, NaN, NaT and pd.NA: no figure."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def count(value: object) -> str:
    """A whole number with a thousands point: 2493 -> '2.493'."""
    return MISSING if missing(value) else format_decimal(int(value), locale=LOCALE)


def decimal(value: object, digits: int = 1) -> str:
    """A number with `digits` decimals and a decimal comma: 3.25 -> '3,2'."""
    if missing(value):
        return MISSING
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    with _half_up():
        return format_decimal(float(value), format=pattern, locale=LOCALE)


def percent(value: object, digits: int = 0) -> str:
    """A share 0..1 as a percentage: 0.425 -> '42%', or '42,5%' with digits=1."""
    if missing(value):
        return MISSING
    pattern = "#,##0" + ("." + "0" * digits if digits else "") + "%"
    with _half_up():
        return format_percent(float(value), format=pattern, locale=LOCALE)


def signed(value: int) -> str:
    """A change in a count: +3, -2, 0."""
    return format_decimal(int(value), format="+#,##0;-#,##0", locale=LOCALE)


def points(value: float) -> str:
    """A change in percentage points, whole: +4, -2."""
    with _half_up():
        return format_decimal(float(value), format="+#,##0;-#,##0", locale=LOCALE)


def value(figure: object, unit: str) -> str:
    """A figure as its unit shows it: a share as a percentage, a number with one decimal."""
    return percent(figure) if unit == PERCENT else decimal(figure)


def interval(figure: object, low: object, high: object, unit: str, *, compact: bool = False) -> str:
    """'62% (95%-interval 44% – 77%)', or '62% (44% – 77%)' in tables.

    No figure: 'te weinig gevallen'; an unknown upper end (a median not reached): 'onbekend'.
    """
    if missing(figure):
        return "te weinig gevallen"
    high_text = "onbekend" if missing(high) else value(high, unit)
    inner = f"{value(low, unit)} – {high_text}"
    return f"{value(figure, unit)} ({inner if compact else '95%-interval ' + inner})"


def day(moment: date | datetime | pd.Timestamp | None) -> str:
    """05-03-2024."""
    return MISSING if missing(moment) else format_date(_date(moment), "dd-MM-yyyy", locale=LOCALE)


def long_day(moment: date | datetime | pd.Timestamp | None) -> str:
    """5 maart 2024."""
    return MISSING if missing(moment) else format_date(_date(moment), "long", locale=LOCALE)


def month(day: date | datetime | pd.Timestamp | None) -> str:
    """'mrt. 2026': a month, short, as a chart axis shows it."""
    return (
        MISSING if missing(day) else format_date(_date(pd.Timestamp(day)), "MMM y", locale=LOCALE)
    )


def moment(when: datetime | pd.Timestamp | None) -> str:
    """05-03-2024 14:07."""
    if missing(when):
        return MISSING
    return format_datetime(pd.Timestamp(when).to_pydatetime(), "dd-MM-yyyy HH:mm", locale=LOCALE)


def quarter(start: date | pd.Timestamp) -> str:
    """'2024 K1' for the quarter that starts on that day."""
    first = pd.Timestamp(start)
    return f"{first.year} K{first.quarter}"


def _date(moment: date | datetime | pd.Timestamp) -> date:
    if isinstance(moment, pd.Timestamp):
        return moment.date()
    if isinstance(moment, datetime):
        return moment.date()
    return moment
