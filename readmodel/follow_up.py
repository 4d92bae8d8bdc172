"""Obstacles due for a follow-up ("Is dit al opgelost?"): unsettled, and nothing heard for
longer than OMZIEN_FOLLOW_UP_DAYS. Without this an obstacle nobody updates stays open for
ever and the figures go stale; /melden asks the initiative, the digest and
`omzien etl status` count them.

The last word on an obstacle is the latest of its report, its responses and the checks
that it was still open (core.obstacle_checks). Only obstacles of an initiative can be asked
about. Needs the full warehouse (the public snapshot holds no obstacle rows).
"""

from __future__ import annotations

import duckdb
import pandas as pd

from etl.vocabularies import RESOLVED_OUTCOMES
from readmodel.database import has_table, query, row

# An obstacle whose latest outcome is one of these is settled: no more follow-up.
SETTLED = (*RESOLVED_OUTCOMES, "afgewezen", "doorverwezen")

COLUMNS = [
    "obstacle_id",
    "initiative_id",
    "initiative",
    "cbs_code",
    "municipality",
    "reported_at",
    "theme",
    "category",
    "status",
    "description",
    "last_word",
    "days_silent",
]
_OVERDUE = """
WITH last_response AS (
    SELECT obstacle_id, max(responded_at) AS responded_at FROM core.responses GROUP BY ALL
), words AS (
    SELECT o.*, greatest(o.reported_at, coalesce(r.responded_at, o.reported_at),
        coalesce(o.last_checked_at, o.reported_at)) AS last_word
    FROM core.obstacles AS o LEFT JOIN last_response AS r USING (obstacle_id)
    WHERE o.initiative_id IS NOT NULL
      AND o.status NOT IN (SELECT unnest(?::VARCHAR[]))
)
SELECT w.obstacle_id, w.initiative_id, i.name AS initiative, w.cbs_code,
    m.name AS municipality, w.reported_at, w.theme, w.category, w.status, w.description,
    w.last_word, date_diff('day', w.last_word, (SELECT max(as_of) FROM etl.loads)) AS days_silent
FROM words AS w
JOIN core.initiatives AS i USING (initiative_id)
LEFT JOIN core.municipalities AS m ON m.cbs_code = w.cbs_code
WHERE date_diff('day', w.last_word, (SELECT max(as_of) FROM etl.loads)) > ?
"""


def can_follow_up(con: duckdb.DuckDBPyConnection) -> bool:
    """The warehouse holds obstacle rows and their checks (not the public snapshot, nor a
    warehouse built before checks were recorded)."""
    if not has_table(con, "core", "obstacle_checks"):
        return False
    found = row(
        con,
        "SELECT count(*) FROM duckdb_columns() WHERE database_name = current_database() "
        "AND schema_name = 'core' AND table_name = 'obstacles' "
        "AND column_name = 'last_checked_at'",
        name="has_last_checked_at",
    )
    return bool(found[0])


def overdue(
    con: duckdb.DuckDBPyConnection, days: int, initiative_ids: list[str] | None = None
) -> pd.DataFrame:
    """The obstacles due for a follow-up, longest silent first (of `initiative_ids` only,
    when given): obstacle_id, initiative_id, initiative, cbs_code, municipality,
    reported_at, theme, category, status, description, last_word, days_silent."""
    if not can_follow_up(con):
        return pd.DataFrame(columns=COLUMNS)
    only = "" if initiative_ids is None else "AND w.initiative_id IN (SELECT unnest(?::VARCHAR[]))"
    params: list[object] = [list(SETTLED), days]
    if initiative_ids is not None:
        params.append(initiative_ids)
    return query(
        con,
        f"{_OVERDUE} {only} ORDER BY w.last_word, w.obstacle_id",
        params,
        name="follow_up_overdue",
    )


def overdue_count(con: duckdb.DuckDBPyConnection, days: int) -> int | None:
    """How many obstacles are due for a follow-up; None for a public snapshot."""
    if not can_follow_up(con):
        return None
    return int(
        row(con, f"SELECT count(*) FROM ({_OVERDUE})", [list(SETTLED), days], name="overdue")[0]
    )
