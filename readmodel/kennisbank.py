"""The knowledge base: the directory of initiatives, one initiative's card, and for each of
its unresolved obstacles the same kind of obstacle resolved in other municipalities.

Lists by nature, so these read rows of core.initiatives, core.obstacles and core.responses
(through readmodel.database, every value bound). The directory follows the shared
selection as the initiative counts do (readmodel.rollups.initiative_conditions): place,
phase, any of the themes, registered by the end of the period; category and level describe
obstacles and do not narrow it. A card and its "elders opgelost" look at the whole
warehouse: an initiative is one, whatever the selection.

A public snapshot (omzien publish) holds only the initiatives that consented, in
public.initiatives, and no obstacles: with `public=True` the directory, a card and the
similarity index read that table, and the obstacles' categories count as unknown.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from etl.vocabularies import RESOLVED_OUTCOMES
from readmodel.database import has_table, query, row, text_search
from readmodel.rollups import initiative_conditions
from readmodel.selection import Filters
from readmodel.solutions import CASE_COLUMNS, CASE_JOINS, RESOLVING

# Each initiative with its themes as a sorted list (the column the selection filters on) and
# the key its name sorts by: the mart of the load, or computed for a warehouse without it.
DIRECTORY = "marts.initiative_directory"
INITIATIVES = (
    "(SELECT i.*, coalesce(t.themes, []::VARCHAR[]) AS themes, "
    "lower(strip_accents(i.name)) AS name_key FROM core.initiatives AS i "
    "LEFT JOIN (SELECT initiative_id, list(theme ORDER BY theme) AS themes "
    "FROM core.initiative_themes GROUP BY initiative_id) AS t USING (initiative_id))"
)
# The same columns from a public snapshot, where every initiative consented.
PUBLIC_INITIATIVES = (
    "(SELECT *, TRUE AS visible_to_public, lower(strip_accents(name)) AS name_key "
    "FROM public.initiatives)"
)


def _initiatives(con: duckdb.DuckDBPyConnection, public: bool) -> str:
    if public:
        return PUBLIC_INITIATIVES
    return DIRECTORY if has_table(con, "marts", "initiative_directory") else INITIATIVES


COLUMNS = (
    "i.initiative_id, i.name, i.cbs_code, m.name AS municipality, i.place, i.themes, "
    "i.legal_form, i.phase, i.founded_year, i.volunteers, i.website, i.description, "
    "i.registered_at, i.visible_to_public"
)
# Text the search box looks in (case-insensitive, anywhere in the text, no wildcards).
SEARCHED = ("i.name", "i.description", "i.place", "m.name")
# The orders a user can choose; the name (as a dictionary sorts it: case and accents
# ignored) and then the id break every tie.
BY_NAME = "i.name_key, i.initiative_id"
SORTS = {
    "naam": BY_NAME,
    "gemeente": f"m.name, {BY_NAME}",
    "opgericht": f"i.founded_year NULLS LAST, {BY_NAME}",
    "vrijwilligers": f"i.volunteers DESC NULLS LAST, {BY_NAME}",
    "geregistreerd": f"i.registered_at DESC, {BY_NAME}",
}
CASES_PER_OBSTACLE = 5


def _matching(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    search: str | None,
    legal_form: str | None,
    public_only: bool,
    public: bool = False,
) -> tuple[str, list[object]]:
    """FROM/WHERE of the directory: the selection, then the page's own narrowing."""
    where, params = initiative_conditions(filters)
    sql = (
        f"FROM (SELECT * FROM {_initiatives(con, public)} WHERE {where}) AS i "
        "LEFT JOIN core.municipalities AS m ON m.cbs_code = i.cbs_code WHERE TRUE"
    )
    if legal_form:
        sql += " AND i.legal_form = ?"
        params = [*params, legal_form]
    if public_only:
        sql += " AND i.visible_to_public"
    matches, needles = text_search(SEARCHED, search)
    return sql + matches, [*params, *needles]


def directory(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    *,
    search: str | None = None,
    legal_form: str | None = None,
    public_only: bool = False,
    public: bool = False,
    sort: str = "naam",
    limit: int | None = None,
) -> pd.DataFrame:
    """One row per initiative of the selection that matches, in the chosen order.

    Columns: initiative_id, name, cbs_code, municipality, place, themes (list of codes),
    legal_form, phase, founded_year, volunteers, website, description, registered_at,
    visible_to_public. `public_only` keeps the initiatives that consented to be shown.
    """
    sql, params = _matching(con, filters, search, legal_form, public_only, public)
    order = SORTS.get(sort, SORTS["naam"])
    return query(
        con,
        f"SELECT {COLUMNS} {sql} ORDER BY {order} LIMIT ?",
        [*params, limit],
        name="directory",
    )


def count_directory(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    *,
    search: str | None = None,
    legal_form: str | None = None,
    public_only: bool = False,
    public: bool = False,
) -> int:
    """How many initiatives `directory` gives without a limit."""
    sql, params = _matching(con, filters, search, legal_form, public_only, public)
    return int(row(con, f"SELECT count(*) {sql}", params, name="count_directory")[0])


def initiative(
    con: duckdb.DuckDBPyConnection, initiative_id: str, *, public: bool = False
) -> dict | None:
    """One initiative with the directory's columns, or None when the id is unknown."""
    found = query(
        con,
        f"SELECT {COLUMNS} FROM {_initiatives(con, public)} AS i "
        "LEFT JOIN core.municipalities AS m ON m.cbs_code = i.cbs_code "
        "WHERE i.initiative_id = ?",
        [initiative_id],
        name="initiative",
    )
    return None if found.empty else found.iloc[0].to_dict()


def obstacles_of(con: duckdb.DuckDBPyConnection, initiative_id: str) -> pd.DataFrame:
    """The obstacles an initiative reported, newest first, with where each stands.

    Columns: obstacle_id, cbs_code, municipality, reported_at, theme, category, severity,
    level, status, first_response_at, resolved_at, responses, description.
    """
    return query(
        con,
        "SELECT o.obstacle_id, o.cbs_code, m.name AS municipality, o.reported_at, o.theme, "
        "o.category, o.severity, o.level, o.status, o.first_response_at, o.resolved_at, "
        "o.responses, o.description FROM core.obstacles AS o "
        "LEFT JOIN core.municipalities AS m USING (cbs_code) "
        "WHERE o.initiative_id = ? ORDER BY o.reported_at DESC, o.obstacle_id",
        [initiative_id],
        name="obstacles_of",
    )


def peer_frame(con: duckdb.DuckDBPyConnection, *, public: bool = False) -> pd.DataFrame:
    """Every initiative with what readmodel.similarity compares: themes, legal form, phase,
    volunteers, description and the categories of the obstacles it reported (none known in
    a public snapshot)."""
    categories = (
        "(SELECT NULL::VARCHAR AS initiative_id, []::VARCHAR[] AS categories LIMIT 0)"
        if public
        else "(SELECT initiative_id, list(DISTINCT category ORDER BY category) AS categories "
        "FROM core.obstacles WHERE initiative_id IS NOT NULL GROUP BY initiative_id)"
    )
    return query(
        con,
        f"SELECT i.initiative_id, i.name, i.cbs_code, m.name AS municipality, i.place, "
        "i.themes, i.legal_form, i.phase, i.volunteers, i.description, i.visible_to_public, "
        "coalesce(k.categories, []::VARCHAR[]) AS obstacle_categories "
        f"FROM {_initiatives(con, public)} AS i "
        "LEFT JOIN core.municipalities AS m ON m.cbs_code = i.cbs_code "
        f"LEFT JOIN {categories} AS k ON k.initiative_id = i.initiative_id "
        "ORDER BY i.initiative_id",
        name="peer_frame",
    )


def solved_elsewhere(
    con: duckdb.DuckDBPyConnection, initiative_id: str, per_obstacle: int = CASES_PER_OBSTACLE
) -> pd.DataFrame:
    """For each unresolved obstacle of an initiative: obstacles of the same theme and the same
    category that another municipality (partly) resolved, most useful first.

    Most useful: a municipality that shares a region with the one the obstacle is with
    first, then the most recent resolution, then the lower obstacle id; at most
    `per_obstacle` per obstacle. Columns: for_obstacle_id, then readmodel.solutions'
    case columns (obstacle_id, cbs_code, municipality, initiative_id, initiative, theme,
    category, reported_at, resolved_at, days_to_resolution, outcome, note), same_region
    and cases (how many such resolved obstacles there are in all).
    """
    order = "(g.one IS NOT NULL) DESC, o.resolved_at DESC, o.obstacle_id"
    return query(
        con,
        f"WITH resolving AS ({RESOLVING}), "
        "unresolved AS (SELECT obstacle_id AS for_obstacle_id, cbs_code AS own_cbs_code, "
        "theme AS own_theme, category AS own_category, reported_at AS own_reported_at "
        "FROM core.obstacles WHERE initiative_id = ? AND resolved_at IS NULL), "
        "neighbours AS (SELECT DISTINCT a.cbs_code AS one, b.cbs_code AS other "
        "FROM core.region_members AS a JOIN core.region_members AS b USING (region_code)) "
        f"SELECT u.for_obstacle_id, {CASE_COLUMNS}, g.one IS NOT NULL AS same_region, "
        "count(*) OVER (PARTITION BY u.for_obstacle_id) AS cases "
        "FROM unresolved AS u JOIN core.obstacles AS o ON o.theme = u.own_theme "
        "AND o.category = u.own_category AND o.cbs_code <> u.own_cbs_code "
        "AND o.resolved_at IS NOT NULL "
        f"{CASE_JOINS}"
        "LEFT JOIN neighbours AS g ON g.one = u.own_cbs_code AND g.other = o.cbs_code "
        f"QUALIFY row_number() OVER (PARTITION BY u.for_obstacle_id ORDER BY {order}) <= ? "
        f"ORDER BY u.own_reported_at DESC, u.for_obstacle_id, {order}",
        [list(RESOLVED_OUTCOMES), initiative_id, per_obstacle],
        name="solved_elsewhere",
    )
