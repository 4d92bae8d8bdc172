"""What the forms offer and what became of an account's submissions, from the warehouse.

Reads the full warehouse only (the page is for members and the analyst); every value is a
bound parameter.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from etl.contract import INITIATIVES, OBSTACLES
from etl.extract.discover import INBOX_FOLDER
from intake.check import Context
from intake.ledger import Entry
from readmodel.database import query
from readmodel.follow_up import SETTLED

WAITING, LOADED, REJECTED = "waiting", "loaded", "rejected"


def initiatives(con: duckdb.DuckDBPyConnection, speaks_for: tuple[str, ...]) -> pd.DataFrame:
    """The initiatives an account may report for (all for network staff), by name:
    initiative_id, name, cbs_code, municipality."""
    only = "WHERE i.initiative_id IN (SELECT unnest(?::VARCHAR[]))" if speaks_for else ""
    return query(
        con,
        "SELECT i.initiative_id, i.name, i.cbs_code, m.name AS municipality "
        "FROM core.initiatives AS i LEFT JOIN core.municipalities AS m USING (cbs_code) "
        f"{only} ORDER BY i.name, i.initiative_id",
        [list(speaks_for)] if speaks_for else [],
        name="intake_initiatives",
    )


def open_obstacles(con: duckdb.DuckDBPyConnection, initiative_ids: list[str]) -> pd.DataFrame:
    """The unsettled obstacles of these initiatives, oldest first: obstacle_id,
    initiative_id, initiative, cbs_code, municipality, reported_at, theme, category,
    status, description, days_open (to the warehouse's as-of day)."""
    return query(
        con,
        "SELECT o.obstacle_id, o.initiative_id, i.name AS initiative, o.cbs_code, "
        "m.name AS municipality, o.reported_at, o.theme, o.category, o.status, "
        "o.description, date_diff('day', o.reported_at, (SELECT max(as_of) FROM etl.loads)) "
        "AS days_open FROM core.obstacles AS o "
        "JOIN core.initiatives AS i USING (initiative_id) "
        "LEFT JOIN core.municipalities AS m ON m.cbs_code = o.cbs_code "
        "WHERE o.initiative_id IN (SELECT unnest(?::VARCHAR[])) "
        "AND o.status NOT IN (SELECT unnest(?::VARCHAR[])) "
        "ORDER BY o.reported_at, o.obstacle_id",
        [initiative_ids, list(SETTLED)],
        name="intake_open_obstacles",
    )


def obstacle_initiative(con: duckdb.DuckDBPyConnection, obstacle_id: str) -> str | None:
    """The initiative an obstacle belongs to (None: unknown obstacle or none given)."""
    found = query(
        con,
        "SELECT initiative_id FROM core.obstacles WHERE obstacle_id = ?",
        [obstacle_id],
        name="intake_obstacle_initiative",
    )
    return None if found.empty else found["initiative_id"].iloc[0]


def initiative_entry(con: duckdb.DuckDBPyConnection, initiative_id: str) -> dict[str, object]:
    """The initiative as a row of its export (contract columns), to start an update
    from; {} when unknown. Descriptions are the redacted ones the warehouse holds."""
    found = query(
        con,
        "SELECT i.name AS naam, i.cbs_code AS gemeente, i.place AS kern, "
        "(SELECT list(theme ORDER BY theme) FROM core.initiative_themes AS t "
        " WHERE t.initiative_id = i.initiative_id) AS themas, i.legal_form AS rechtsvorm, "
        "i.founded_year AS opgericht, CASE WHEN i.phase_derived THEN NULL ELSE i.phase END "
        "AS fase, i.volunteers AS vrijwilligers, i.website, i.description AS omschrijving, "
        "CASE WHEN i.visible_to_public THEN 'ja' ELSE 'nee' END AS zichtbaar, "
        "i.registered_at AS geregistreerd_op FROM core.initiatives AS i "
        "WHERE i.initiative_id = ?",
        [initiative_id],
        name="intake_initiative",
    )
    if found.empty:
        return {}
    entry = found.iloc[0].to_dict()
    return {k: _value(v) for k, v in entry.items()}


def _value(value: object) -> object:
    """A cell as plain Python: lists as lists, missing values as None."""
    if pd.api.types.is_list_like(value):
        return list(value)
    return None if pd.isna(value) else value


def _context(con: duckdb.DuckDBPyConnection, source, sql: str, record_id: str) -> Context:
    found = query(con, sql, [record_id], name=f"intake_context_{source.name}")
    return Context(
        source,
        tuple(
            {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in row.items()}
            for row in found.to_dict("records")
        ),
    )


def initiative_context(con: duckdb.DuckDBPyConnection, initiative_id: str) -> Context:
    """The initiative an obstacle names, as the check needs it."""
    return _context(
        con,
        INITIATIVES,
        "SELECT initiative_id AS initiatief_id, name AS naam, cbs_code AS gemeente, "
        "registered_at AS geregistreerd_op FROM core.initiatives WHERE initiative_id = ?",
        initiative_id,
    )


def obstacle_context(con: duckdb.DuckDBPyConnection, obstacle_id: str) -> Context:
    """The obstacle a response is to, as the check needs it."""
    return _context(
        con,
        OBSTACLES,
        "SELECT obstacle_id AS knelpunt_id, cbs_code AS gemeente, reported_at AS gemeld_op, "
        "theme AS thema, category AS categorie FROM core.obstacles WHERE obstacle_id = ?",
        obstacle_id,
    )


def states(con: duckdb.DuckDBPyConnection, entries: list[Entry]) -> pd.DataFrame:
    """What the warehouse's load made of each submission, newest first: file, source,
    record_id, submitted (time), state (waiting: not in that load yet; loaded;
    rejected), reason (Dutch, for a rejected one)."""
    columns = ["file", "source", "record_id", "submitted", "state", "reason"]
    if not entries:
        return pd.DataFrame(columns=columns)
    paths = [f"{INBOX_FOLDER}/{e.file}" for e in entries]
    seen = (
        query(
            con,
            "WITH latest AS (SELECT max(load_id) AS load_id FROM etl.loads) "
            "SELECT f.path, f.error, "
            "(SELECT string_agg(r.reason, ' · ' ORDER BY r.row_number, r.field) FROM etl.rejects r "
            " WHERE r.load_id = f.load_id AND r.path = f.path) AS reasons, f.rows_rejected "
            "FROM etl.files AS f JOIN latest USING (load_id) "
            "WHERE f.path IN (SELECT unnest(?::VARCHAR[]))",
            [paths],
            name="intake_states",
        )
        .drop_duplicates("path")
        .set_index("path")
    )
    rows = []
    for entry, path in zip(entries, paths, strict=True):
        if path not in seen.index:
            state, reason = WAITING, None
        else:
            found = seen.loc[path]
            rejected = bool(found["rows_rejected"]) or isinstance(found["error"], str)
            state = REJECTED if rejected else LOADED
            error = found["error"] if isinstance(found["error"], str) else None
            reason = error or found["reasons"] or None
        rows.append((entry.file, entry.source, entry.record_id, entry.time, state, reason))
    return pd.DataFrame(rows[::-1], columns=columns)
