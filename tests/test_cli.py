"""The `omzien` command end to end, through its installed entry point."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.support.exports import AS_OF, write_fixture_exports

OMZIEN = Path(sys.executable).parent / "omzien"


def omzien(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(OMZIEN), *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    return write_fixture_exports(tmp_path / "raw")


def run_etl(raw: Path, warehouse: Path, *extra: str) -> subprocess.CompletedProcess:
    return omzien(
        "etl",
        "run",
        "--raw",
        str(raw),
        "--warehouse",
        str(warehouse),
        "--as-of",
        AS_OF.isoformat(),
        *extra,
    )


def test_run_builds_and_summarises_in_dutch(raw: Path, tmp_path: Path) -> None:
    warehouse = tmp_path / "wh" / "omzien.duckdb"
    result = run_etl(raw, warehouse)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for expected in (
        "Lezen: initiatieven_2026.xlsx",
        "Lezen: knelpunten_2026.csv",
        "gelezen",
        "geladen",
        "afgekeurd",
        "vervangen",
        "verwijderd",
        "5 afgekeurde rij(en)",
        "omzien etl rejects",
    ):
        assert expected in out
    assert "Traceback" not in out + result.stderr
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM core.obstacles").fetchone()[0] == 7


def test_environment_variables_set_the_folders(raw: Path, tmp_path: Path) -> None:
    warehouse = tmp_path / "env" / "omzien.duckdb"
    result = omzien(
        "etl",
        "run",
        "--as-of",
        AS_OF.isoformat(),
        env={"OMZIEN_RAW": str(raw), "OMZIEN_WAREHOUSE": str(warehouse)},
    )
    assert result.returncode == 0, result.stderr
    assert warehouse.exists()
    status = omzien("etl", "status", env={"OMZIEN_WAREHOUSE": str(warehouse)})
    assert status.returncode == 0
    assert "knelpunten_2026.csv" in status.stdout
    assert "2026-11-26" in status.stdout


def test_rejects_as_table_and_as_csv_for_excel(raw: Path, tmp_path: Path) -> None:
    warehouse = tmp_path / "wh" / "omzien.duckdb"
    run_etl(raw, warehouse)
    shown = omzien("etl", "rejects", "--warehouse", str(warehouse))
    assert shown.returncode == 0
    assert "Utrect" in shown.stdout
    assert "bedoelde u Utrecht?" in shown.stdout

    target = tmp_path / "afgekeurd.csv"
    written = omzien(
        "etl", "rejects", "--warehouse", str(warehouse), "--load", "1", "--csv", str(target)
    )
    assert written.returncode == 0
    raw_bytes = target.read_bytes()
    assert raw_bytes.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw_bytes.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert list(rows[0]) == ["bestand", "rij", "veld", "waarde", "reden"]
    assert len(rows) == 5
    assert {"initiatieven_2026.xlsx", "knelpunten_2026.csv", "reacties_2026.csv"} == {
        r["bestand"] for r in rows
    }


def test_unknown_load_is_wrong_usage(raw: Path, tmp_path: Path) -> None:
    warehouse = tmp_path / "wh" / "omzien.duckdb"
    run_etl(raw, warehouse)
    result = omzien("etl", "rejects", "--warehouse", str(warehouse), "--load", "99")
    assert result.returncode == 2
    assert "Load 99 bestaat niet" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--as-of", "26-11-2026"), "is geen datum"),
        (("--as-of", "2026-02-30"), "is geen datum"),
        (("--raw", "/does/not/exist"), "bestaat niet"),
        (("--no-such-flag",), "No such option"),
    ],
)
def test_wrong_usage_exits_2(args: tuple[str, ...], message: str, tmp_path: Path) -> None:
    result = omzien("etl", "run", "--warehouse", str(tmp_path / "w.duckdb"), *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_nothing_to_build_exits_1_and_keeps_the_old_warehouse(raw: Path, tmp_path: Path) -> None:
    warehouse = tmp_path / "wh" / "omzien.duckdb"
    run_etl(raw, warehouse)
    before = warehouse.read_bytes()
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run_etl(empty, warehouse)
    assert result.returncode == 1
    assert "Geen exports gevonden" in result.stderr
    assert warehouse.read_bytes() == before


def test_garbage_files_get_a_dutch_message_not_a_traceback(raw: Path, tmp_path: Path) -> None:
    (raw / "initiatieven_kapot.xlsx").write_bytes(os.urandom(4096))
    (raw / "knelpunten_kapot.csv").write_bytes(b"\x00\x81\xff" * 500)
    warehouse = tmp_path / "wh" / "omzien.duckdb"
    result = run_etl(raw, warehouse)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "Bestand afgekeurd" in result.stdout
    with duckdb.connect(str(warehouse), read_only=True) as con:
        errors = con.execute(
            "SELECT path, error FROM etl.files WHERE error IS NOT NULL ORDER BY path"
        ).fetchall()
        assert con.execute("SELECT count(*) FROM core.obstacles").fetchone()[0] == 7
    assert [path for path, _ in errors] == ["initiatieven_kapot.xlsx", "knelpunten_kapot.csv"]


def test_python_dash_m_runs_the_same_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "etl", "--help"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    assert "etl" in result.stdout
    assert "demo" in result.stdout


# --- hardening: foreign warehouses, markup, dates, output paths ---------------------------


@pytest.fixture
def bad_warehouses(tmp_path: Path) -> dict[str, Path]:
    corrupt = tmp_path / "corrupt.duckdb"
    corrupt.write_bytes(os.urandom(5000))
    empty = tmp_path / "empty.duckdb"
    empty.write_bytes(b"")
    foreign = tmp_path / "foreign.duckdb"
    with duckdb.connect(str(foreign)) as con:
        con.execute("CREATE TABLE t (x INTEGER)")
    return {"corrupt": corrupt, "empty": empty, "foreign": foreign}


COMMANDS = [
    ("etl", "status"),
    ("etl", "rejects"),
    ("etl", "rejects", "--csv", "uit.csv"),
    ("export", "agenda", "--format", "md"),
    ("export", "gemeente", "GM0312"),
    ("export", "vergelijking"),
]


@pytest.mark.parametrize("kind", ["corrupt", "empty", "foreign"])
@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_file_that_is_no_warehouse_gets_a_dutch_message(bad_warehouses, kind, command, tmp_path):
    before = bad_warehouses[kind].read_bytes()
    result = subprocess.run(
        [str(OMZIEN), *command, "--warehouse", str(bad_warehouses[kind])],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert result.returncode == 1
    assert "is geen omzien-warehouse" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert bad_warehouses[kind].read_bytes() == before


def test_etl_run_never_replaces_a_foreign_file_or_an_export(raw: Path, tmp_path: Path) -> None:
    foreign = tmp_path / "foreign.duckdb"
    foreign.write_bytes(b"mijn eigen bestand")
    result = run_etl(raw, foreign)
    assert result.returncode == 2
    assert "is geen omzien-warehouse" in result.stderr
    assert foreign.read_bytes() == b"mijn eigen bestand"
    export = raw / "knelpunten_2026.csv"
    before = export.read_bytes()
    result = run_etl(raw, export)
    assert result.returncode == 2
    assert "mag niet in de map met exports" in result.stderr
    assert export.read_bytes() == before


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1899-12-31"])
def test_extreme_as_of_dates_are_wrong_usage(raw: Path, tmp_path: Path, day: str) -> None:
    result = run_etl(raw, tmp_path / "w.duckdb", "--as-of", day)
    assert result.returncode == 2
    assert "ligt buiten het bereik" in result.stderr
    assert "Traceback" not in result.stderr


def test_markup_in_data_prints_as_written(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "initiatieven.csv").write_text(
        "initiatief_id,naam,gemeente,geregistreerd_op,omschrijving\n"
        "M1,Buurtkamer,[/],2024-01-01,x\n"
        "M2,Tuin,bel 0612345678 [bold],2024-01-01,y\n",
        encoding="utf-8",
    )
    warehouse = tmp_path / "w.duckdb"
    assert run_etl(raw, warehouse).returncode == 0
    shown = omzien("etl", "rejects", "--warehouse", str(warehouse))
    assert shown.returncode == 0, shown.stderr
    assert "'[/]'" in shown.stdout
    assert "bel [telefoon] [bold]" in shown.stdout


def test_outputs_never_overwrite_the_warehouse_or_an_export(raw: Path, tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    run_etl(raw, warehouse)
    before = warehouse.read_bytes()
    env = {"OMZIEN_RAW": str(raw)}
    for args in (
        ("etl", "rejects", "--warehouse", str(warehouse), "--csv", str(warehouse)),
        ("export", "agenda", "--format", "md", "--warehouse", str(warehouse), "--out",
         str(warehouse)),
    ):  # fmt: skip
        result = omzien(*args, env=env)
        assert result.returncode == 2, result.stderr
        assert "is het warehouse zelf" in result.stderr
    assert warehouse.read_bytes() == before
    result = omzien(
        "etl", "rejects", "--warehouse", str(warehouse), "--csv", str(raw / "x.csv"), env=env
    )
    assert result.returncode == 2
    assert "ligt in de map met exports" in result.stderr
    result = omzien("etl", "rejects", "--warehouse", str(warehouse), "--csv", str(tmp_path))
    assert result.returncode == 2
    assert "is een map" in result.stderr

    existing = tmp_path / "afgekeurd.csv"
    existing.write_text("van mij", encoding="utf-8")
    result = omzien("etl", "rejects", "--warehouse", str(warehouse), "--csv", str(existing))
    assert result.returncode == 0
    assert existing.read_text(encoding="utf-8") == "van mij"
    assert (tmp_path / "afgekeurd-2.csv").exists()
    assert str(tmp_path / "afgekeurd-2.csv") in result.stdout
    result = omzien(
        "etl", "rejects", "--warehouse", str(warehouse), "--csv", str(existing), "--overwrite"
    )
    assert result.returncode == 0
    assert existing.read_text(encoding="utf-8-sig").startswith("bestand;rij")


@pytest.mark.parametrize(
    ("args", "env"),
    [(("--province", "Holland"), {}), ((), {"OMZIEN_PROVINCE": "Nederlnd"})],
)
def test_an_unknown_province_is_wrong_usage(raw: Path, tmp_path: Path, args, env) -> None:
    warehouse = tmp_path / "wh" / "omzien.duckdb"
    result = omzien("etl", "run", "--raw", str(raw), "--warehouse", str(warehouse), *args, env=env)
    assert result.returncode == 2
    assert "is geen provincie" in result.stderr
    assert "Fryslân" in result.stderr
    assert "Nederland" in result.stderr
    assert "Traceback" not in result.stderr
    assert not warehouse.exists()


def test_nederland_covers_every_municipality(raw: Path, tmp_path: Path) -> None:
    warehouse = tmp_path / "wh" / "omzien.duckdb"
    result = run_etl(raw, warehouse, "--province", "nederland")
    assert result.returncode == 0, result.stderr
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("SELECT province FROM etl.loads").fetchone() == ("Nederland",)
        assert con.execute("SELECT count(*) FROM core.municipalities").fetchone() == (342,)
