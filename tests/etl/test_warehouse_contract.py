"""The built warehouse against ../shared/spec/warehouse-contract.md, and its data dictionary."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from etl.dictionary import describe, generate
from etl.settings import PROJECT_ROOT

# Promised columns and their types, as the warehouse contract states them
# (dates DATE, counts INTEGER, codes text, severity 1..3).
PROMISED: dict[str, dict[str, str]] = {
    "core.municipalities": {
        "cbs_code": "VARCHAR",
        "name": "VARCHAR",
        "province": "VARCHAR",
        "population": "INTEGER",
        "population_year": "INTEGER",
    },
    "core.regions": {"region_code": "VARCHAR", "name": "VARCHAR"},
    "core.region_members": {"region_code": "VARCHAR", "cbs_code": "VARCHAR"},
    "core.initiatives": {
        "initiative_id": "VARCHAR",
        "name": "VARCHAR",
        "cbs_code": "VARCHAR",
        "place": "VARCHAR",
        "legal_form": "VARCHAR",
        "founded_year": "INTEGER",
        "phase": "VARCHAR",
        "volunteers": "INTEGER",
        "registered_at": "DATE",
        "visible_to_public": "BOOLEAN",
    },
    "core.initiative_themes": {"initiative_id": "VARCHAR", "theme": "VARCHAR"},
    "core.obstacles": {
        "obstacle_id": "VARCHAR",
        "initiative_id": "VARCHAR",
        "cbs_code": "VARCHAR",
        "reported_at": "DATE",
        "theme": "VARCHAR",
        "category": "VARCHAR",
        "severity": "INTEGER",
        "level": "VARCHAR",
        "description": "VARCHAR",
        "status": "VARCHAR",
        "first_response_at": "DATE",
        "resolved_at": "DATE",
    },
    "core.responses": {
        "response_id": "VARCHAR",
        "obstacle_id": "VARCHAR",
        "responded_at": "DATE",
        "outcome": "VARCHAR",
        "note": "VARCHAR",
    },
    "etl.loads": {
        "load_id": "INTEGER",
        "started_at": "TIMESTAMP",
        "finished_at": "TIMESTAMP",
        "status": "VARCHAR",
        "as_of": "DATE",
    },
    "etl.files": {
        "load_id": "INTEGER",
        "path": "VARCHAR",
        "sha256": "VARCHAR",
        "source": "VARCHAR",
        "rows_read": "INTEGER",
        "rows_loaded": "INTEGER",
        "rows_rejected": "INTEGER",
        "rows_superseded": "INTEGER",
        "rows_erased": "INTEGER",
        "error": "VARCHAR",
    },
    "etl.rejects": {
        "load_id": "INTEGER",
        "path": "VARCHAR",
        "source": "VARCHAR",
        "row_number": "INTEGER",
        "field": "VARCHAR",
        "value": "VARCHAR",
        "reason": "VARCHAR",
    },
}
KEYS = {
    "core.municipalities": ["cbs_code"],
    "core.regions": ["region_code"],
    "core.region_members": ["region_code", "cbs_code"],
    "core.initiatives": ["initiative_id"],
    "core.initiative_themes": ["initiative_id", "theme"],
    "core.obstacles": ["obstacle_id"],
    "core.responses": ["response_id"],
}


@pytest.fixture(scope="module")
def con(fixture_warehouse: Path):
    with duckdb.connect(str(fixture_warehouse), read_only=True) as connection:
        yield connection


@pytest.mark.parametrize("table", sorted(PROMISED))
def test_promised_columns_with_their_types(con, table: str) -> None:
    schema, name = table.split(".")
    actual = dict(
        con.execute(
            "SELECT column_name, data_type FROM duckdb_columns() "
            "WHERE schema_name = ? AND table_name = ?",
            [schema, name],
        ).fetchall()
    )
    assert {c: actual.get(c) for c in PROMISED[table]} == PROMISED[table]


@pytest.mark.parametrize("table", sorted(KEYS))
def test_keys_are_unique_and_not_null(con, table: str) -> None:
    key = ", ".join(KEYS[table])
    nulls = " OR ".join(f"{k} IS NULL" for k in KEYS[table])
    duplicates = con.execute(
        f"SELECT count(*) FROM (SELECT {key} FROM {table} GROUP BY ALL HAVING count(*) > 1)"
    ).fetchone()[0]
    assert duplicates == 0
    assert con.execute(f"SELECT count(*) FROM {table} WHERE {nulls}").fetchone()[0] == 0


def test_consent_is_a_boolean_that_is_never_null(con) -> None:
    nullable = con.execute(
        "SELECT is_nullable FROM duckdb_columns() WHERE schema_name = 'core' "
        "AND table_name = 'initiatives' AND column_name = 'visible_to_public'"
    ).fetchone()
    assert nullable == (False,)
    # The fixture registrations have no zichtbaar column: nobody consented.
    assert con.execute(
        "SELECT count(*), count(*) FILTER (WHERE visible_to_public) FROM core.initiatives"
    ).fetchone() == (5, 0)


def test_references_hold(con) -> None:
    orphans = con.execute("""
        SELECT
          (SELECT count(*) FROM core.obstacles o WHERE o.initiative_id IS NOT NULL
             AND o.initiative_id NOT IN (SELECT initiative_id FROM core.initiatives)),
          (SELECT count(*) FROM core.responses r
             WHERE r.obstacle_id NOT IN (SELECT obstacle_id FROM core.obstacles)),
          (SELECT count(*) FROM core.obstacles
             WHERE cbs_code NOT IN (SELECT cbs_code FROM core.municipalities)),
          (SELECT count(*) FROM core.region_members
             WHERE region_code NOT IN (SELECT region_code FROM core.regions))
    """).fetchone()
    assert orphans == (0, 0, 0, 0)


def test_codes_follow_the_vocabularies(con) -> None:
    from etl.vocabularies import CATEGORIES, LEVELS, OUTCOMES, STATUSES, THEMES

    checks = [
        ("core.obstacles", "theme", THEMES.codes()),
        ("core.obstacles", "category", CATEGORIES.codes()),
        ("core.obstacles", "level", LEVELS.codes()),
        ("core.obstacles", "status", STATUSES.codes()),
        ("core.responses", "outcome", OUTCOMES.codes()),
        ("core.initiative_themes", "theme", THEMES.codes()),
    ]
    for table, column, codes in checks:
        found = {r[0] for r in con.execute(f"SELECT DISTINCT {column} FROM {table}").fetchall()}
        assert found <= set(codes), (table, column, found - set(codes))
    assert (
        con.execute(
            "SELECT count(*) FROM core.obstacles WHERE severity NOT BETWEEN 1 AND 3"
        ).fetchone()[0]
        == 0
    )


def test_reference_data_26_municipalities_and_regions(con) -> None:
    assert con.execute("SELECT count(*), sum(population) FROM core.municipalities").fetchone() == (
        26,
        1_400_057,
    )
    sizes = dict(
        con.execute("SELECT region_code, count(*) FROM core.region_members GROUP BY 1").fetchall()
    )
    assert sizes == {
        "u10": 12,
        "u16": 16,
        "regio_amersfoort": 7,
        "regio_foodvalley": 3,
        "stad_utrecht": 1,
    }


def test_every_table_and_column_is_described(con) -> None:
    undocumented = con.execute(
        "SELECT schema_name || '.' || table_name || '.' || column_name FROM duckdb_columns() "
        "WHERE database_name = current_database() AND schema_name IN ('core', 'marts', 'etl') "
        "AND (comment IS NULL OR comment = '')"
    ).fetchall()
    tables = con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() "
        "AND schema_name IN ('core', 'marts', 'etl') AND (comment IS NULL OR comment = '')"
    ).fetchall()
    assert undocumented == []
    assert tables == []


def test_data_dictionary_is_in_step_with_the_sql() -> None:
    committed = (PROJECT_ROOT / "docs" / "warehouse.md").read_text(encoding="utf-8")
    assert committed == generate(), "run `omzien etl dictionary` and commit docs/warehouse.md"


def test_data_dictionary_describes_a_built_warehouse(con) -> None:
    assert describe(con) == generate()
