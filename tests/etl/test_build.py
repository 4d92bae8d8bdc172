"""The warehouse build as a whole: counts, determinism, history, atomic swap, killed runs."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from etl.warehouse import NothingToBuild, build
from tests.support.exports import AS_OF, write_fixture_exports

CORE_TABLES = (
    "core.municipalities",
    "core.regions",
    "core.region_members",
    "core.initiatives",
    "core.initiative_themes",
    "core.obstacles",
    "core.responses",
)


def table_contents(path: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(path), read_only=True) as con:
        return {t: con.execute(f"SELECT * FROM {t}").fetchall() for t in CORE_TABLES}


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_fixture_loads_every_valid_row(fixture_warehouse: Path) -> None:
    with duckdb.connect(str(fixture_warehouse), read_only=True) as con:
        files = con.execute(
            "SELECT source, rows_read, rows_loaded, rows_rejected, rows_superseded, rows_erased "
            "FROM etl.files ORDER BY source"
        ).fetchall()
        ids = {
            t: [r[0] for r in con.execute(f"SELECT * FROM core.{t} ORDER BY 1").fetchall()]
            for t in ("initiatives", "obstacles", "responses")
        }
    assert files == [
        ("initiatives", 6, 5, 1, 0, 0),
        ("obstacles", 9, 7, 2, 0, 0),
        ("responses", 9, 7, 2, 0, 0),
    ]
    assert ids["initiatives"] == ["INI-01", "INI-02", "INI-03", "INI-04", "INI-05"]
    assert ids["obstacles"] == [f"K-0{i}" for i in range(1, 8)]
    assert ids["responses"] == ["R-01", "R-02", "R-03", "R-04", "R-05", "R-06", "R-07"]


def test_every_row_read_is_accounted_for(fixture_warehouse: Path) -> None:
    with duckdb.connect(str(fixture_warehouse), read_only=True) as con:
        unbalanced = con.execute(
            "SELECT path FROM etl.files WHERE rows_read <> rows_loaded + rows_rejected "
            "+ rows_superseded + rows_erased + rows_out_of_scope"
        ).fetchall()
        rejected = con.execute(
            "SELECT f.path, f.rows_rejected, count(DISTINCT r.row_number) FROM etl.files f "
            "LEFT JOIN etl.rejects r USING (load_id, path) GROUP BY ALL"
        ).fetchall()
    assert unbalanced == []
    assert all(listed == counted for _, counted, listed in rejected)


def test_same_inputs_and_as_of_give_the_same_tables(tmp_path: Path) -> None:
    raw = write_fixture_exports(tmp_path / "raw")
    first, second = tmp_path / "a" / "omzien.duckdb", tmp_path / "b" / "omzien.duckdb"
    build(raw, first, as_of=AS_OF, province="Utrecht")
    build(raw, second, as_of=AS_OF, province="Utrecht")
    assert table_contents(first) == table_contents(second)


def test_rebuilding_is_idempotent_and_keeps_load_history(tmp_path: Path) -> None:
    raw = write_fixture_exports(tmp_path / "raw")
    target = tmp_path / "wh" / "omzien.duckdb"
    build(raw, target, as_of=AS_OF, province="Utrecht")
    before = table_contents(target)
    result = build(raw, target, as_of=AS_OF, province="Utrecht")
    assert table_contents(target) == before
    assert result.load_id == 2
    with duckdb.connect(str(target), read_only=True) as con:
        assert con.execute("SELECT list(load_id ORDER BY load_id) FROM etl.loads").fetchone()[
            0
        ] == [1, 2]
        per_load = con.execute(
            "SELECT load_id, count(*) FROM etl.rejects GROUP BY 1 ORDER BY 1"
        ).fetchall()
    assert per_load[0][1] == per_load[1][1] > 0


def test_a_reader_keeps_its_snapshot_while_a_new_warehouse_is_swapped_in(tmp_path: Path) -> None:
    raw = write_fixture_exports(tmp_path / "raw")
    target = tmp_path / "wh" / "omzien.duckdb"
    build(raw, target, as_of=AS_OF, province="Utrecht")
    reader = duckdb.connect(str(target), read_only=True)
    inode = target.stat().st_ino
    (raw / "reacties_2026.csv").unlink()
    build(raw, target, as_of=AS_OF, province="Utrecht")
    assert reader.execute("SELECT count(*) FROM core.responses").fetchone()[0] == 7
    reader.close()
    assert target.stat().st_ino != inode
    with duckdb.connect(str(target), read_only=True) as fresh:
        assert fresh.execute("SELECT count(*) FROM core.responses").fetchone()[0] == 0
    assert not list(target.parent.glob(".omzien.duckdb.building-*"))


def test_nothing_to_build_leaves_the_old_warehouse(tmp_path: Path) -> None:
    raw = write_fixture_exports(tmp_path / "raw")
    target = tmp_path / "wh" / "omzien.duckdb"
    build(raw, target, as_of=AS_OF, province="Utrecht")
    digest = file_digest(target)
    shutil.rmtree(raw)
    raw.mkdir()
    (raw / "knelpunten_leeg.csv").write_text("knelpunt_id;gemeente\nK-1;Utrecht\n")
    with pytest.raises(NothingToBuild):
        build(raw, target, as_of=AS_OF, province="Utrecht")
    assert file_digest(target) == digest


@pytest.mark.slow
def test_a_killed_run_leaves_the_old_warehouse_readable_and_unchanged(tmp_path: Path) -> None:
    from etl.demo import write_demo_exports

    raw = tmp_path / "raw"
    write_demo_exports(raw / "demo", seed=7, as_of=AS_OF)
    target = tmp_path / "wh" / "omzien.duckdb"
    build(write_fixture_exports(tmp_path / "small"), target, as_of=AS_OF, province="Utrecht")
    digest = file_digest(target)

    run = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "etl",
            "etl",
            "run",
            "--raw",
            str(raw),
            "--warehouse",
            str(target),
            "--as-of",
            AS_OF.isoformat(),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not list(target.parent.glob(".omzien.duckdb.building-*")):
        assert run.poll() is None, "the run ended before it started building"
        assert time.monotonic() < deadline
        time.sleep(0.005)
    os.kill(run.pid, signal.SIGKILL)
    run.wait()

    assert file_digest(target) == digest
    with duckdb.connect(str(target), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM core.obstacles").fetchone()[0] == 7
    # The next run clears the leftover of the killed one and builds normally.
    result = build(raw, target, as_of=AS_OF, province="Utrecht")
    assert result.load_id == 2
    assert not list(target.parent.glob(".omzien.duckdb.building-*"))
