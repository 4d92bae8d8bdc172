"""The public snapshot holds what public pages need and nothing private (omzien publish).

Markers are planted in every private place of the fixture exports (descriptions, notes,
ids, the names of initiatives that did not consent, file paths, rejected values) and looked
for in every text column of every table of the snapshot.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest

from etl.publish import MARTS, PublishError, is_snapshot, publish
from etl.warehouse import build
from tests.support.exports import AS_OF, write_fixture_exports

# Private in the fixture: descriptions and notes, obstacle and response ids, the names of
# initiatives (none consented), the files and a rejected value ('Utrect').
MARKERS = (
    "Subsidie gestopt",
    "Nieuwe subsidie",
    "K-01",
    "R-02",
    "Buurtkamer Oost",
    "knelpunten_2026.csv",
    "initiatieven_2026.xlsx",
    "Utrect",
    "INI-01",
)


@pytest.fixture(scope="module")
def snapshot(fixture_warehouse: Path, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("publish") / "omzien-publiek.duckdb"
    publish(fixture_warehouse, target, network="Omzien")
    return target


def cells(path: Path) -> list[tuple[str, str, str]]:
    """(table, column, text) of every non-empty text cell, lists included."""
    found = []
    with duckdb.connect(str(path), read_only=True) as con:
        columns = con.execute(
            "SELECT schema_name || '.' || table_name, column_name FROM duckdb_columns() "
            "WHERE database_name = current_database() "
            "AND (data_type = 'VARCHAR' OR data_type LIKE 'VARCHAR[]%')"
        ).fetchall()
        for table, column in columns:
            for (value,) in con.execute(
                f'SELECT DISTINCT CAST("{column}" AS VARCHAR) FROM {table} '
                f'WHERE "{column}" IS NOT NULL'
            ).fetchall():
                found.append((table, column, value))
    return found


def test_the_markers_are_in_the_warehouse(fixture_warehouse: Path) -> None:
    """The check below can fail: the full warehouse does hold every marker."""
    text = " ".join(value for _, _, value in cells(fixture_warehouse))
    assert all(marker in text for marker in MARKERS)


def test_no_private_marker_in_any_column_of_any_table(snapshot: Path) -> None:
    leaks = [
        (table, column, value)
        for table, column, value in cells(snapshot)
        for marker in MARKERS
        if marker in value
    ]
    assert leaks == []


def test_only_aggregates_reference_provenance_and_consent(snapshot: Path) -> None:
    with duckdb.connect(str(snapshot), read_only=True) as con:
        tables = {
            f"{s}.{t}"
            for s, t in con.execute(
                "SELECT schema_name, table_name FROM duckdb_tables()"
            ).fetchall()
        }
        columns = {
            name
            for (name,) in con.execute(
                "SELECT column_name FROM duckdb_columns() "
                "WHERE database_name = current_database() AND NOT internal"
            ).fetchall()
        }
        snapshot_row = con.execute(
            "SELECT network, province, load_id FROM public.snapshot"
        ).fetchone()
        coverage = con.execute("SELECT count(*) FROM public.coverage").fetchone()[0]
        initiatives = con.execute("SELECT count(*) FROM public.initiatives").fetchone()[0]
    assert not {t for t in tables if t.startswith(("etl.files", "etl.rejects", "etl.warnings"))}
    assert "core.obstacles" not in tables
    assert "core.responses" not in tables
    assert "core.initiatives" not in tables
    assert "marts.initiative_reach" not in tables
    assert {f"marts.{m}" for m in MARTS} <= tables
    assert {"source_path", "source_row", "obstacle_id", "response_id", "path"}.isdisjoint(columns)
    assert snapshot_row == ("Omzien", "Utrecht", 1)
    assert coverage == 26
    assert initiatives == 0  # nobody in the fixture gave consent


def test_the_snapshot_answers_the_read_layer(snapshot: Path, fixture_warehouse: Path) -> None:
    from readmodel.overview import headline
    from readmodel.selection import Filters
    from readmodel.warehouse import read_warehouse

    with (
        duckdb.connect(str(snapshot), read_only=True) as public,
        duckdb.connect(str(fixture_warehouse), read_only=True) as full,
    ):
        seen = read_warehouse(public)
        assert (seen.public, seen.rows, seen.network) == (True, False, "Omzien")
        assert headline(public, Filters()) == headline(full, Filters())
        assert seen.as_of == AS_OF


def test_written_atomically_and_only_from_a_warehouse(tmp_path: Path, fixture_warehouse) -> None:
    target = tmp_path / "publiek.duckdb"
    with pytest.raises(PublishError, match="nog geen warehouse"):
        publish(tmp_path / "missing.duckdb", target)
    foreign = tmp_path / "foreign.duckdb"
    with duckdb.connect(str(foreign)) as con:
        con.execute("CREATE TABLE t (x INTEGER)")
    with pytest.raises(PublishError, match="geen volledig Omzien-warehouse"):
        publish(foreign, target)
    assert not target.exists()
    assert not list(tmp_path.glob(".publiek.duckdb.building-*"))
    publish(fixture_warehouse, target)
    assert is_snapshot(target)
    assert not is_snapshot(fixture_warehouse)


def test_etl_run_refreshes_an_existing_snapshot(tmp_path: Path) -> None:
    import subprocess
    import sys

    raw = write_fixture_exports(tmp_path / "raw")
    warehouse = tmp_path / "wh" / "omzien.duckdb"
    public = tmp_path / "wh" / "publiek.duckdb"
    build(raw, warehouse, as_of=AS_OF, province="Utrecht")
    env = {**os.environ, "OMZIEN_PUBLIC_WAREHOUSE": str(public), "OMZIEN_RAW": str(raw)}
    omzien = str(Path(sys.executable).parent / "omzien")
    args = [omzien, "etl", "run", "--raw", str(raw), "--warehouse", str(warehouse)]
    run = subprocess.run(
        [*args, "--as-of", AS_OF.isoformat()], env=env, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    assert not public.exists()  # no snapshot yet: nothing is published unasked
    made = subprocess.run(
        [omzien, "publish", "--warehouse", str(warehouse), "--out", str(public)],
        env=env,
        capture_output=True,
        text=True,
    )
    assert made.returncode == 0, made.stderr
    assert "Publieke momentopname geschreven" in made.stdout
    run = subprocess.run(
        [*args, "--as-of", AS_OF.isoformat()], env=env, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    assert "Publieke momentopname bijgewerkt" in run.stdout
    with duckdb.connect(str(public), read_only=True) as con:
        assert con.execute("SELECT load_id FROM public.snapshot").fetchone()[0] == 3
