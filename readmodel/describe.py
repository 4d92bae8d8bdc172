"""Plain-Dutch descriptions of a selection: every figure says what and which period it counts."""

from __future__ import annotations

from datetime import date

from etl.vocabularies import CATEGORIES, LEVELS, PHASES, THEMES
from readmodel import format, strings
from readmodel.selection import Filters


def period_text(filters: Filters, first_day: date, as_of: date) -> str:
    """'gemeld 01-01-2024 t/m 26-11-2026'."""
    return strings.PERIOD.format(
        start=format.day(filters.start or first_day), end=format.day(filters.end or as_of)
    )


def selection_text(
    filters: Filters,
    *,
    first_day: date,
    as_of: date,
    region_names: dict[str, str],
    municipality_names: dict[str, str],
    whole_area: str = strings.WHOLE_PROVINCE,
) -> str:
    """E.g. 'gemeld 01-01-2024 t/m 26-11-2026 · U16 · thema Wonen · startende initiatieven'."""
    parts = [period_text(filters, first_day, as_of)]
    if filters.municipality:
        parts.append(municipality_names.get(filters.municipality, filters.municipality))
    elif filters.region:
        parts.append(region_names.get(filters.region, filters.region))
    else:
        parts.append(whole_area)
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


def describe(warehouse, filters: Filters) -> str:
    """The selection of a warehouse's pages in words (see `selection_text`)."""
    return selection_text(
        filters,
        first_day=warehouse.first_day,
        as_of=warehouse.as_of,
        region_names=warehouse.region_names,
        municipality_names=warehouse.municipality_names,
        whole_area=warehouse.whole_area,
    )


def directory_text(warehouse, filters: Filters) -> str:
    """What a list of initiatives follows of a selection, e.g. 'geregistreerd t/m 26-11-2026
    · U16 · thema Wonen · startende initiatieven': registered by the end of the period, the
    place, themes and phase; the period's start, category and level do not apply."""
    parts = [strings.REGISTERED_BY.format(end=format.day(filters.end or warehouse.as_of))]
    if filters.municipality:
        parts.append(warehouse.municipality_names.get(filters.municipality, filters.municipality))
    elif filters.region:
        parts.append(warehouse.region_names.get(filters.region, filters.region))
    else:
        parts.append(warehouse.whole_area)
    if filters.themes:
        parts.append(strings.THEMES_PREFIX + ", ".join(THEMES.label(t) for t in filters.themes))
    if filters.phase:
        parts.append(strings.PHASE_TEXT.format(phase=PHASES.label(filters.phase).lower()))
    return " · ".join(parts)
