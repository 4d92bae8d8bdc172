"""Validation rules as data: each names its field and gives a Dutch reason per rejected row.

A rule is a SQL condition over a staging table (`stg_<source>`) that is true when a row
breaks it. `reject_query` turns a list of rules into one set-based query, with the reason
templates bound as parameters, so a million rows are judged in one scan.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from datetime import date

from etl.duck import literal as sql_literal
from etl.messages import EXTRA_CELL_MANY, EXTRA_CELL_ONE, REJECT_REASONS
from etl.vocabularies import (
    CATEGORIES,
    LEGAL_FORMS,
    LEVELS,
    OUTCOMES,
    PHASES,
    SEVERITIES,
    THEMES,
)


@dataclass(frozen=True)
class Rule:
    """One way a row can be wrong.

    `when` and the values in `dynamic` are SQL over the staging table; `static` values are
    filled into the message in Python (they come from the contract, not from the data).
    """

    name: str
    field: str
    when: str
    message: str
    value: str  # SQL: the offending value as written
    static: dict[str, str] = field(default_factory=dict)
    dynamic: dict[str, str] = field(default_factory=dict)
    field_sql: str | None = None  # SQL naming the field, when it depends on the row
    # A cheaper condition (no subquery over a large table) that is true on every row the
    # rule rejects and may be true on more: the one scan over the staging table tests it,
    # and `when` decides on the few rows it picks.
    candidate: str | None = None


def sql_template(rule: Rule) -> tuple[str, list[str]]:
    """The rule's message as a DuckDB `format` template plus the SQL arguments it needs."""
    template: list[str] = []
    args: list[str] = []
    for literal, name, _spec, _conv in string.Formatter().parse(REJECT_REASONS[rule.message]):
        template.append(literal.replace("{", "{{").replace("}", "}}"))
        if name is None:
            continue
        if name in rule.static:
            template.append(rule.static[name].replace("{", "{{").replace("}", "}}"))
        elif name == "field":
            template.append(rule.field)
        else:
            template.append("{}")
            expression = rule.dynamic.get(name, rule.value if name == "value" else None)
            args.append(f"coalesce(CAST({expression} AS VARCHAR), '')")
    return "".join(template), args


# The id of a rejected row's record and of the record it hangs from (an obstacle's
# initiative, a response's obstacle), so that an erasure can find its rejects in later loads.
RECORD_IDS: dict[str, tuple[str, str]] = {
    "initiatives": ("initiatief_id", "NULL"),
    "obstacles": ("knelpunt_id", "initiatief_id"),
    "responses": ("reactie_id", "knelpunt_id"),
    "checks": ("controle_id", "knelpunt_id"),
}


def reject_query(source: str, table: str, rules: list[Rule]) -> tuple[str, list[object]]:
    """One query returning every (row, rule) that fails, with the parameters to bind."""
    parts: list[str] = []
    params: list[object] = []
    record_id, parent_id = RECORD_IDS.get(source, ("NULL", "NULL"))
    for rule in rules:
        template, args = sql_template(rule)
        format_args = "".join(f", {a}" for a in args)
        field_sql = rule.field_sql or "?"
        parts.append(
            f"SELECT ? AS source, ? AS rule, file_seq, path, row_number, {field_sql} AS field, "
            f"CAST({rule.value} AS VARCHAR) AS value, format(?{format_args}) AS reason, "
            f"CAST({record_id} AS VARCHAR) AS record_id, CAST({parent_id} AS VARCHAR) AS parent_id "
            f"FROM {table} WHERE {rule.when}"
        )
        params += [source, rule.name, *([] if rule.field_sql else [rule.field]), template]
    return "\nUNION ALL\n".join(parts), params


def dutch_date(day: date) -> str:
    return day.strftime("%d-%m-%Y")


def _allowed(vocabulary) -> str:
    """The codes an analyst may write; numeric codes (severity) with their label."""
    return ", ".join(
        f"{t.code} ({t.label.lower()})" if t.code.isdigit() else t.code for t in vocabulary.terms
    )


def required(column: str, value_sql: str | None = None) -> Rule:
    return Rule(
        name="required",
        field=column,
        when=f"{value_sql or column} IS NULL",
        message="required",
        value="NULL",
    )


def extra_fields() -> Rule:
    """A row wider than its header. The surplus cells are quoted nowhere (what they hold is
    unknown: a shifted address or name): the reason says how many and from which column."""
    return Rule(
        name="extra_fields",
        field="(rij)",
        when="extra_cells IS NOT NULL",
        message="extra_fields",
        value="NULL",
        dynamic={
            "cells": f"CASE WHEN extra_cells = 1 THEN {sql_literal(EXTRA_CELL_ONE)} "
            f"ELSE format({sql_literal(EXTRA_CELL_MANY)}, extra_cells) END",
            "column": "spreadsheet_column(extra_from)",
        },
    )


def date_rules(column: str, parsed: str, as_of: date, *, year_allowed: bool = False) -> list[Rule]:
    """A date that does not parse, lies after the as-of day, or before 1900."""
    shown = f"strftime({parsed}, '%d-%m-%Y')"
    return [
        Rule(
            name="date_invalid",
            field=column,
            when=f"{column} IS NOT NULL AND {parsed} IS NULL",
            message="year_invalid" if year_allowed else "date_invalid",
            value=column,
        ),
        Rule(
            name="date_after_as_of",
            field=column,
            when=f"{parsed} > as_of()",
            message="date_after_as_of",
            value=column,
            static={"as_of": dutch_date(as_of)},
            dynamic={"value": shown},
        ),
        Rule(
            name="date_before_1900",
            field=column,
            when=f"{parsed} < DATE '1900-01-01'",
            message="date_before_1900",
            value=column,
        ),
    ]


def vocabulary_rule(column: str, parsed: str, vocabulary) -> Rule:
    return Rule(
        name=f"unknown_{vocabulary.name}",
        field=column,
        when=f"{column} IS NOT NULL AND {parsed} IS NULL",
        message="vocabulary_unknown",
        value=column,
        static={"allowed": _allowed(vocabulary)},
    )


def municipality_rules(province: str) -> list[Rule]:
    """Municipality values that resolve to nothing, to two places, or out of the province."""
    return [
        Rule(
            name="municipality_unknown",
            field="gemeente",
            field_sql="municipality_field",
            when="municipality_problem = 'unknown' AND municipality_hint <> ''",
            message="municipality_unknown",
            value="municipality_value",
            dynamic={"hint": "municipality_hint"},
        ),
        Rule(
            name="municipality_unknown",
            field="gemeente",
            field_sql="municipality_field",
            when="municipality_problem = 'unknown' AND municipality_hint = ''",
            message="municipality_unknown_no_hint",
            value="municipality_value",
        ),
        Rule(
            name="municipality_ambiguous",
            field="gemeente",
            field_sql="municipality_field",
            when="municipality_problem = 'ambiguous'",
            message="municipality_ambiguous",
            value="municipality_value",
            dynamic={"hint": "municipality_hint"},
        ),
        Rule(
            name="municipality_out_of_scope",
            field="gemeente",
            field_sql="municipality_field",
            when="municipality_problem = 'out_of_scope'",
            message="municipality_out_of_scope",
            value="municipality_value",
            static={"province": province},
            dynamic={"hint": "municipality_hint"},
        ),
    ]


def initiative_rules(as_of: date, province: str) -> list[Rule]:
    return [
        extra_fields(),
        required("initiatief_id"),
        required("naam"),
        required("gemeente", "municipality_value"),
        required("geregistreerd_op"),
        *municipality_rules(province),
        Rule(
            name="unknown_theme",
            field="themas",
            when="unknown_themes IS NOT NULL",
            message="themes_unknown",
            value="themas",
            static={"allowed": _allowed(THEMES)},
            dynamic={"unknown": "unknown_themes"},
        ),
        vocabulary_rule("rechtsvorm", "legal_form", LEGAL_FORMS),
        *date_rules("opgericht", "founded_on", as_of, year_allowed=True),
        vocabulary_rule("fase", "phase_given", PHASES),
        Rule(
            name="count_invalid",
            field="vrijwilligers",
            when="vrijwilligers IS NOT NULL AND volunteers IS NULL",
            message="count_invalid",
            value="vrijwilligers",
        ),
        Rule(
            name="consent_invalid",
            field="zichtbaar",
            when="zichtbaar IS NOT NULL AND consent IS NULL",
            message="consent_invalid",
            value="zichtbaar",
        ),
        *date_rules("geregistreerd_op", "registered_at", as_of),
    ]


def obstacle_rules(as_of: date, province: str) -> list[Rule]:
    # stg_obstacles knows from its join whether the initiative loaded.
    not_loaded = "initiatief_id IS NOT NULL AND NOT initiative_loaded"
    return [
        extra_fields(),
        required("knelpunt_id"),
        required("gemeente", "municipality_value"),
        required("gemeld_op"),
        required("thema"),
        required("categorie"),
        *municipality_rules(province),
        *date_rules("gemeld_op", "reported_at", as_of),
        vocabulary_rule("thema", "theme", THEMES),
        vocabulary_rule("categorie", "category", CATEGORIES),
        vocabulary_rule("ernst", "severity", SEVERITIES),
        vocabulary_rule("niveau", "level", LEVELS),
        Rule(
            name="initiative_rejected",
            field="initiatief_id",
            when="initiatief_id IS NOT NULL "
            "AND initiatief_id NOT IN (SELECT initiative_id FROM core.initiatives) "
            "AND initiatief_id IN (SELECT initiatief_id FROM stg_initiatives "
            "WHERE initiatief_id IS NOT NULL)",
            message="initiative_rejected",
            value="initiatief_id",
            candidate=not_loaded,
        ),
        Rule(
            name="initiative_unknown",
            field="initiatief_id",
            when="initiatief_id IS NOT NULL "
            "AND initiatief_id NOT IN (SELECT initiative_id FROM core.initiatives) "
            "AND initiatief_id NOT IN (SELECT initiatief_id FROM stg_initiatives "
            "WHERE initiatief_id IS NOT NULL)",
            message="initiative_unknown",
            value="initiatief_id",
            candidate=not_loaded,
        ),
    ]


def _of_an_obstacle(as_of: date, parsed: str, before_report: str) -> list[Rule]:
    """The rules of a row about an obstacle (a response, a check): the obstacle loaded,
    the date valid and not before the obstacle was reported. The staging table knows from
    its join whether the obstacle loaded."""
    loaded = "(SELECT knelpunt_id FROM accepted_obstacles WHERE is_latest)"
    staged = "(SELECT knelpunt_id FROM stg_obstacles WHERE knelpunt_id IS NOT NULL)"
    not_loaded = "knelpunt_id IS NOT NULL AND NOT obstacle_loaded"
    return [
        Rule(
            name="obstacle_rejected",
            field="knelpunt_id",
            when=f"knelpunt_id IS NOT NULL AND knelpunt_id NOT IN {loaded} "
            f"AND knelpunt_id IN {staged}",
            message="obstacle_rejected",
            value="knelpunt_id",
            candidate=not_loaded,
        ),
        Rule(
            name="obstacle_unknown",
            field="knelpunt_id",
            when=f"knelpunt_id IS NOT NULL AND knelpunt_id NOT IN {loaded} "
            f"AND knelpunt_id NOT IN {staged}",
            message="obstacle_unknown",
            value="knelpunt_id",
            candidate=not_loaded,
        ),
        *date_rules("datum", parsed, as_of),
        Rule(
            name=before_report,
            field="datum",
            when=f"{parsed} < obstacle_reported_at",
            message=before_report,
            value="datum",
            dynamic={
                "value": f"strftime({parsed}, '%d-%m-%Y')",
                "reported": "strftime(obstacle_reported_at, '%d-%m-%Y')",
            },
        ),
    ]


def response_rules(as_of: date) -> list[Rule]:
    return [
        extra_fields(),
        required("reactie_id"),
        required("knelpunt_id"),
        required("datum"),
        required("uitkomst"),
        *_of_an_obstacle(as_of, "responded_at", "response_before_report"),
        vocabulary_rule("uitkomst", "outcome", OUTCOMES),
    ]


def check_rules(as_of: date) -> list[Rule]:
    """A check that an obstacle is still open: of a loaded obstacle, dated, not before it."""
    return [
        extra_fields(),
        required("controle_id"),
        required("knelpunt_id"),
        required("datum"),
        *_of_an_obstacle(as_of, "checked_at", "check_before_report"),
    ]


def region_rules(province: str, kinds: tuple[str, ...]) -> list[Rule]:
    """Rows of an analyst's region file: a usable code, one name per region, a known kind,
    and a municipality the warehouse covers."""
    return [
        extra_fields(),
        required("regio_code"),
        required("regio_naam"),
        required("gemeente", "municipality_value"),
        Rule(
            name="region_code_invalid",
            field="regio_code",
            when="regio_code IS NOT NULL AND NOT regexp_full_match(region_code, '[a-z0-9_-]+')",
            message="region_code_invalid",
            value="regio_code",
        ),
        Rule(
            name="region_name_conflict",
            field="regio_naam",
            when="regio_naam IS NOT NULL AND regio_naam <> first_name",
            message="region_name_conflict",
            value="regio_naam",
            dynamic={"code": "regio_code", "name": "first_name"},
        ),
        Rule(
            name="region_kind_unknown",
            field="soort",
            when="soort IS NOT NULL AND kind IS NULL",
            message="region_kind_unknown",
            value="soort",
            static={"allowed": ", ".join(kinds)},
        ),
        *municipality_rules(province),
    ]


def alias_rules() -> list[Rule]:
    return [
        extra_fields(),
        required("alias"),
        required("cbs_code"),
        Rule(
            name="alias_code_unknown",
            field="cbs_code",
            when="cbs_code IS NOT NULL AND resolved_code IS NULL",
            message="alias_code_unknown",
            value="cbs_code",
            dynamic={"alias": "alias"},
        ),
    ]
