"""Plain-Dutch descriptions of a selection: every figure says what and which period it counts."""

from __future__ import annotations

from datetime import date

from dashboard import strings
from dashboard.filters import Filters
from etl.vocabularies import CATEGORIES, LEVELS, PHASES, THEMES


def dutch_date(day: date) -> str:
    return day.strftime("%d-%m-%Y")


def period_text(filters: Filters, first_day: date, as_of: date) -> str:
    return strings.PERIOD.format(
        start=dutch_date(filters.start or first_day), end=dutch_date(filters.end or as_of)
    )


def selection_text(
    filters: Filters,
    *,
    first_day: date,
    as_of: date,
    region_names: dict[str, str],
    municipality_names: dict[str, str],
) -> str:
    """E.g. 'gemeld 01-01-2024 t/m 26-11-2026 · U16 · thema Wonen · startende initiatieven'."""
    parts = [period_text(filters, first_day, as_of)]
    if filters.municipality:
        parts.append(municipality_names.get(filters.municipality, filters.municipality))
    elif filters.region:
        parts.append(region_names.get(filters.region, filters.region))
    else:
        parts.append(strings.WHOLE_PROVINCE)
    if filters.themes:
        parts.append(strings.THEMES_PREFIX + ", ".join(THEMES.label(t) for t in filters.themes))
    if filters.categories:
        parts.append(
            strings.CATEGORIES_PREFIX + ", ".join(CATEGORIES.label(c) for c in filters.categories)
        )
    if filters.phase:
        parts.append(strings.PHASE_TEXT.format(phase=PHASES.label(filters.phase).lower()))
    if filters.level:
        parts.append(strings.LEVEL_PREFIX + LEVELS.label(filters.level).lower())
    return " · ".join(parts)


def count_text(value: int | float | None) -> str:
    """Dutch thousands separator: 2.493."""
    if value is None or value != value:
        return "–"
    return f"{int(value):,}".replace(",", ".")


def share_text(value: float | None, digits: int = 0) -> str:
    """A share 0..1 as a Dutch percentage: 0.425 -> '43%' (or '42,5%' with digits=1)."""
    if value is None or value != value:
        return "–"
    return f"{value * 100:.{digits}f}%".replace(".", ",")
