"""Every table download (CSV and XLSX) is formula-safe and holds no personal data."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import duckdb
import openpyxl
import pytest

from dashboard import exports
from etl.warehouse import build
from readmodel.selection import Filters
from tests.support.exports import AS_OF, OBSTACLES_HEADER, write_fixture_exports

PLANTED = [
    (
        "K-90",
        "INI-01",
        "Utrecht",
        "2025-03-01",
        "zorg",
        "subsidie",
        "",
        "",
        '=HYPERLINK("http://evil.example","klik")',
    ),
    (
        "K-91",
        "INI-01",
        "Utrecht",
        "2025-03-02",
        "zorg",
        "subsidie",
        "",
        "",
        "+31 6 12345678 is het nummer van Piet",
    ),
    (
        "K-92",
        "INI-01",
        "Utrecht",
        "2025-03-03",
        "zorg",
        "subsidie",
        "",
        "",
        "@gemeente: mail jan.jansen@example.org",
    ),
    ("K-93", "INI-01", "Utrecht", "2025-03-04", "zorg", "subsidie", "", "", "-korting weg"),
    ("K-94", "INI-01", "Utrecht", "=1+1", "zorg", "subsidie", "", "", "datum is een formule"),
]
RISKY = ("=", "+", "-", "@")
PERSONAL = (
    "anna@example.org",
    "jan.jansen@example.org",
    "12345678",
    "06-11111111",
    "Anna de Vries",
)


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    raw = write_fixture_exports(tmp_path_factory.mktemp("planted") / "raw")
    lines = [";".join(OBSTACLES_HEADER)] + [";".join(row) for row in PLANTED]
    (raw / "knelpunten_extra.csv").write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    target = raw.parent / "omzien.duckdb"
    build(raw, target, as_of=AS_OF, province="Utrecht")
    return target


def _csv_cells(data: bytes) -> list[str]:
    rows = csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";")
    return [cell for row in rows for cell in row]


def _xlsx_cells(data: bytes) -> list[object]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return [c.value for sheet in book for row in sheet.iter_rows() for c in row]


def test_obstacle_downloads(planted: Path) -> None:
    with duckdb.connect(str(planted), read_only=True) as con:
        csv_data = exports.obstacles_csv(con, Filters(), None)
        xlsx_data = exports.obstacles_xlsx(
            con, Filters(), None, as_of=AS_OF, load_id=1, selection="=selectie", synthetic=False
        )
    cells = _csv_cells(csv_data)
    assert '\'=HYPERLINK("http://evil.example","klik")' in cells
    assert not [c for c in cells if c.startswith(RISKY)]
    values = [v for v in _xlsx_cells(xlsx_data) if isinstance(v, str)]
    assert not [v for v in values if v.startswith(RISKY)]
    book = openpyxl.load_workbook(io.BytesIO(xlsx_data))
    assert not [c for s in book for row in s.iter_rows() for c in row if c.data_type == "f"]
    for text in (csv_data.decode("utf-8-sig"), " ".join(values)):
        for personal in PERSONAL:
            assert personal not in text


def test_rejects_download(planted: Path) -> None:
    with duckdb.connect(str(planted), read_only=True) as con:
        cells = _csv_cells(exports.rejects_csv(con, 1))
    assert "'=1+1" in cells
    assert not [c for c in cells if c.startswith(RISKY)]
    for personal in PERSONAL:
        assert personal not in " ".join(cells)
