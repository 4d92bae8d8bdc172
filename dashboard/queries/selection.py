"""The shared selection as SQL: WHERE clauses with bound parameters, never pasted values.

Every page counts the same obstacles for the same filters because they all start from
`selected_obstacles`.
"""

from __future__ import annotations

from datetime import date

from dashboard.filters import Filters


def obstacle_conditions(filters: Filters, *, alias: str = "o") -> tuple[str, list[object]]:
    """Conditions on core.obstacles (joined to its initiative as `i`) for the selection."""
    clauses: list[str] = []
    params: list[object] = []
    if filters.start:
        clauses.append(f"{alias}.reported_at >= ?")
        params.append(filters.start)
    if filters.end:
        clauses.append(f"{alias}.reported_at <= ?")
        params.append(filters.end)
    clauses_params = _place_conditions(filters, f"{alias}.cbs_code")
    clauses += clauses_params[0]
    params += clauses_params[1]
    if filters.themes:
        clauses.append(f"list_contains(?, {alias}.theme)")
        params.append(list(filters.themes))
    if filters.categories:
        clauses.append(f"list_contains(?, {alias}.category)")
        params.append(list(filters.categories))
    if filters.phase:
        clauses.append("i.phase = ?")
        params.append(filters.phase)
    if filters.level:
        clauses.append(f"{alias}.level = ?")
        params.append(filters.level)
    return " AND ".join(clauses) or "TRUE", params


def _place_conditions(filters: Filters, column: str) -> tuple[list[str], list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if filters.region:
        clauses.append(
            f"{column} IN (SELECT cbs_code FROM core.region_members WHERE region_code = ?)"
        )
        params.append(filters.region)
    if filters.municipality:
        clauses.append(f"{column} = ?")
        params.append(filters.municipality)
    return clauses, params


def selected_obstacles(filters: Filters) -> tuple[str, list[object]]:
    """SQL for the selected obstacles with their initiative's phase, and its parameters."""
    where, params = obstacle_conditions(filters)
    sql = (
        "SELECT o.*, i.phase FROM core.obstacles AS o "
        "LEFT JOIN core.initiatives AS i USING (initiative_id) "
        f"WHERE {where}"
    )
    return sql, params


def initiative_conditions(filters: Filters, *, alias: str = "i") -> tuple[str, list[object]]:
    """Conditions on core.initiatives: place, phase, themes, registered by the period's end.

    Category and level describe obstacles, not initiatives, so they do not narrow this.
    """
    clauses, params = _place_conditions(filters, f"{alias}.cbs_code")
    if filters.end:
        clauses.append(f"{alias}.registered_at <= ?")
        params.append(filters.end)
    if filters.phase:
        clauses.append(f"{alias}.phase = ?")
        params.append(filters.phase)
    if filters.themes:
        clauses.append(
            f"{alias}.initiative_id IN (SELECT initiative_id FROM core.initiative_themes "
            "WHERE list_contains(?, theme))"
        )
        params.append(list(filters.themes))
    return " AND ".join(clauses) or "TRUE", params


def previous_period(filters: Filters, first_day: date, as_of: date) -> Filters:
    """The period of equal length just before the selected one (for "what changed")."""
    start = filters.start or first_day
    end = filters.end or as_of
    length = end - start
    new_end = start.fromordinal(start.toordinal() - 1)
    return filters.with_(start=new_end - length, end=new_end)
