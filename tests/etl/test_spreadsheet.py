"""Tables for Excel: formula-safe cells in CSV and xlsx, Dutch-Excel CSV, a 'Bron' sheet."""

from __future__ import annotations

import csv
import io
from datetime import date

import openpyxl
import pandas as pd

from etl.spreadsheet import PROVENANCE_SHEET, SYNTHETIC_NOTE, excel_csv_bytes, write_xlsx

PLANTED = pd.DataFrame(
    {
        "omschrijving": ["=cmd|' /C calc'!A0", "+31 6 ...", "-1", "@SUM(A1)", "gewoon", None],
        "getal": [-5, 1, 2, 3, 4, 5],
        "datum": pd.to_datetime(["2024-03-10", None, None, None, None, "2026-11-26"]),
    }
)


def test_csv_is_utf8_with_bom_semicolons_and_formula_safe() -> None:
    data = excel_csv_bytes(PLANTED)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["omschrijving", "getal", "datum"]
    assert [row[0] for row in rows[1:]] == [
        "'=cmd|' /C calc'!A0",
        "'+31 6 ...",
        "'-1",
        "'@SUM(A1)",
        "gewoon",
        "",
    ]
    # Numbers stay numbers: only text is neutralised.
    assert rows[1][1] == "-5"
    assert rows[1][2] == "2024-03-10"


def test_xlsx_holds_no_formula_and_a_provenance_sheet() -> None:
    data = write_xlsx(
        PLANTED,
        sheet="Knelpunten",
        provenance={"Peildatum": "26-11-2026", "Load": 3, "Selectie": "=evil()"},
        synthetic=True,
    )
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Knelpunten", PROVENANCE_SHEET]
    table = book["Knelpunten"]
    cells = [table.cell(row=r, column=1) for r in range(2, 6)]
    assert all(cell.data_type == "s" for cell in cells)
    assert cells[0].value == "'=cmd|' /C calc'!A0"
    assert table.cell(row=2, column=2).value == -5
    assert table.cell(row=2, column=3).value.date() == date(2024, 3, 10)
    source = [[cell.value for cell in row] for row in book[PROVENANCE_SHEET].iter_rows()]
    assert source == [
        ["Gegeven", "Waarde"],
        ["Let op", SYNTHETIC_NOTE],
        ["Peildatum", "26-11-2026"],
        ["Load", "3"],
        ["Selectie", "'=evil()"],
    ]


def test_xlsx_of_real_data_is_not_marked_synthetic_and_drops_control_characters() -> None:
    frame = pd.DataFrame({"tekst": ["regel\x07een", "twee"]})
    book = openpyxl.load_workbook(io.BytesIO(write_xlsx(frame, provenance={"Load": 1})))
    assert book["Gegevens"]["A2"].value == "regeleen"
    assert [c.value for c in book[PROVENANCE_SHEET]["A"]] == ["Gegeven", "Load"]
