"""Files that used to stop, hang or blow up the build: each is rejected whole, in Dutch, and
the rest still loads, in bounded memory (the CLI runs in a subprocess under RLIMIT_AS)."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import zipfile
from pathlib import Path

import duckdb
import openpyxl
import pytest

from tests.support.exports import AS_OF, write_fixture_exports

OMZIEN = Path(sys.executable).parent / "omzien"
# Address space the whole ETL run may use: far below what the hostile files used to ask for.
MEMORY_LIMIT = 4 * 1024**3
AS_OF_ARGS = ("--as-of", AS_OF.isoformat())


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_etl(raw: Path, warehouse: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(OMZIEN), "etl", "run", "--raw", str(raw), "--warehouse", str(warehouse), *AS_OF_ARGS],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **env},
        preexec_fn=_limit_memory,
    )


def far_cell_xlsx(path: Path) -> Path:
    """A small valid initiatives export with one stray cell at the last cell of a sheet."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["initiatief_id", "naam", "gemeente", "geregistreerd_op"])
    sheet.append(["FAR-1", "Buurtkamer", "Utrecht", "2024-03-05"])
    sheet["XFD1048576"] = "x"
    workbook.save(path)
    return path


def bomb_xlsx(path: Path, megabytes: int) -> Path:
    """A valid xlsx whose shared strings part unpacks to `megabytes` of blanks."""
    far_cell_free = path.with_suffix(".tmp.xlsx")
    workbook = openpyxl.Workbook()
    workbook.active.append(["initiatief_id", "naam", "gemeente", "geregistreerd_op"])
    workbook.save(far_cell_free)
    with (
        zipfile.ZipFile(far_cell_free) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            if info.filename != "xl/sharedStrings.xml":
                target.writestr(info, source.read(info))
        with target.open("xl/sharedStrings.xml", "w") as part:
            block = b" " * (1 << 20)
            for _ in range(megabytes):
                part.write(block)
    far_cell_free.unlink()
    return path


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    root = tmp_path_factory.mktemp("hostile")
    raw = write_fixture_exports(root / "raw")
    os.mkfifo(raw / "knelpunten_fifo.csv")
    (raw / "reacties_nul.csv").symlink_to("/dev/zero")
    (raw / "knelpunten_weg.csv").symlink_to(raw / "bestaat_niet.csv")
    (raw / "knelpunten_kring.csv").symlink_to(raw / "knelpunten_kring.csv")
    (raw / "reacties_intern.csv").symlink_to(raw / "reacties_2026.csv")  # inside: fine
    with open(raw / "knelpunten_groot.csv", "wb") as sparse:  # 3 MB of nothing, on no disk
        sparse.truncate(3_000_000)
    bad_name = os.fsencode(raw) + b"/knelpunten_\xff\xfe.csv"
    with open(bad_name, "wb") as handle:
        handle.write(b"knelpunt_id;gemeente;gemeld_op;thema;categorie\n")
    far_cell_xlsx(raw / "initiatieven_ver.xlsx")
    bomb_xlsx(raw / "initiatieven_bom.xlsx", 40)
    (raw / "initiatieven_x.csv").write_text(
        "I9;Buurtkamer;Utrecht;;zorg;;;;;;Klaas Klaassen;klaas@privé.nl;0687654321;Klaas belt;"
        "2024-01-01\n",
        encoding="utf-8",
    )
    warehouse = root / "warehouse" / "omzien.duckdb"
    result = run_etl(raw, warehouse, OMZIEN_MAX_FILE_MB="2", OMZIEN_MAX_XLSX_MB="20")
    return warehouse, result


REJECTED = [
    ("knelpunten_fifo.csv", "geen gewoon bestand"),
    ("reacties_nul.csv", "buiten de map met exports"),
    ("knelpunten_weg.csv", "nergens"),
    ("knelpunten_kring.csv", "nergens"),
    ("knelpunten_groot.csv", "te groot"),
    ("knelpunten_\ufffd\ufffd.csv", "geen geldige UTF-8"),
    ("initiatieven_ver.xlsx", "XFD1048576"),
    ("initiatieven_bom.xlsx", "pakt uit tot meer dan 20 MB"),
    ("initiatieven_x.csv", "geen kopregel"),
]


def test_the_build_survives_every_hostile_file(hostile) -> None:
    warehouse, result = hostile
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM core.obstacles").fetchone()[0] == 7
        # the link inside data/raw/ is read like any file: its responses are superseded
        row = con.execute(
            "SELECT rows_read, error FROM etl.files WHERE path = 'reacties_intern.csv'"
        ).fetchone()
        assert row == (9, None)


@pytest.mark.parametrize(("path", "words"), REJECTED, ids=[p for p, _ in REJECTED])
def test_each_hostile_file_is_rejected_whole_in_dutch(hostile, path: str, words: str) -> None:
    warehouse, result = hostile
    with duckdb.connect(str(warehouse), read_only=True) as con:
        error = con.execute("SELECT error FROM etl.files WHERE path = ?", [path]).fetchone()
        reject = con.execute(
            "SELECT reason FROM etl.rejects WHERE path = ? AND rule = 'file_rejected'", [path]
        ).fetchone()
    assert error is not None, f"{path} not in etl.files"
    assert words in error[0]
    assert reject == error
    assert f"Bestand afgekeurd: Bestand {path}" in result.stdout


def test_a_headerless_file_quotes_none_of_its_cells(hostile) -> None:
    warehouse, result = hostile
    with duckdb.connect(str(warehouse), read_only=True) as con:
        (error,) = con.execute(
            "SELECT error FROM etl.files WHERE path = 'initiatieven_x.csv'"
        ).fetchone()
    for personal in ("Klaas", "klaas@", "0687654321", "Buurtkamer"):
        assert personal not in error
        assert personal not in result.stdout


def test_an_unreadable_file_and_folder_are_reported(tmp_path: Path, monkeypatch) -> None:
    """Root reads every file, so the failures are simulated where the OS would raise them."""
    from etl.warehouse import build

    raw = write_fixture_exports(tmp_path / "raw")
    (raw / "dicht").mkdir()
    (raw / "dicht" / "knelpunten_dicht.csv").write_text("x", encoding="utf-8")
    (raw / "reacties_dicht.csv").write_text("x", encoding="utf-8")
    real_scandir, real_read_bytes = os.scandir, Path.read_bytes

    def scandir(path="."):
        if Path(path).name == "dicht":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    def read_bytes(self):
        if self.name == "reacties_dicht.csv":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = build(raw, tmp_path / "w.duckdb", as_of=AS_OF, province="Utrecht")
    files = result.files.set_index("path")
    assert "kan niet geopend worden" in files.loc["reacties_dicht.csv", "error"]
    assert ("dicht", "skipped_folder") in [(p, k) for p, k, _ in result.warnings]
    assert int(files["rows_loaded"].sum()) > 0


def test_real_exports_beside_the_demo_leave_the_demo_out(tmp_path: Path) -> None:
    from etl.demo import write_demo_exports
    from etl.warehouse import build

    raw = write_fixture_exports(tmp_path / "raw")
    write_demo_exports(raw / "demo", seed=1, as_of=AS_OF, scale=0.05)
    result = build(raw, tmp_path / "w.duckdb", as_of=AS_OF, province="Utrecht")
    assert not result.synthetic
    assert not any(path.startswith("demo/") for path in result.files["path"])
    assert [(p, k) for p, k, _ in result.warnings if k == "demo_left_out"] == [
        ("demo", "demo_left_out")
    ]
    only_demo = tmp_path / "only"
    write_demo_exports(only_demo / "demo", seed=1, as_of=AS_OF, scale=0.05)
    assert build(only_demo, tmp_path / "d.duckdb", as_of=AS_OF, province="Utrecht").synthetic
