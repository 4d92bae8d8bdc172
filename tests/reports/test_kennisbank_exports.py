"""Who solved it (omzien export oplossingen) and the directory (omzien export kennisbank) on
the knowledge base fixture: public by default, notes and non-consenting initiatives only
intern, the page's figures, xlsx with a 'Bron' sheet and an A4 PDF."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import duckdb
import openpyxl
import pytest
from pypdf import PdfReader

from readmodel.kennisbank_tables import solutions_table
from readmodel.selection import Filters
from readmodel.solutions import solutions
from readmodel.warehouse import Warehouse, read_warehouse
from reports import model
from reports.directory import directory_report
from reports.output import render
from reports.render_xlsx import sheet_name
from reports.solutions import solutions_report

MADE_ON = date(2026, 11, 27)
NOTES = (
    "Structurele bijdrage in de begroting.",
    "Eenmalige startsubsidie toegekend.",
    "Subsidie toegekend uit het Wmo-budget; bel [telefoon]",
    "Opgelost in Bunnik zelf.",
)


@pytest.fixture(scope="module")
def wh(kennisbank_warehouse: Path) -> Warehouse:
    with duckdb.connect(str(kennisbank_warehouse), read_only=True) as con:
        yield read_warehouse(con)


def workbook(report: model.Report) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(render(report, "xlsx")))


def cells(book: openpyxl.Workbook) -> list[str]:
    return [str(v) for sheet in book for row in sheet.iter_rows(values_only=True) for v in row]


def pdf_text(report: model.Report) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(render(report, "pdf"))).pages)


def test_public_solutions_have_the_pages_figures_and_no_free_text(wh) -> None:
    report = solutions_report(wh, "zorg_welzijn", "financiering", made_on=MADE_ON)
    assert report.kind == "oplossingen"
    assert report.subtitle.startswith("Financiering en subsidie · Zorg en welzijn")
    (table, *_) = report.blocks(model.Table)
    page = solutions_table(solutions(wh, Filters(), "zorg_welzijn", "financiering").table)
    assert table.frame.equals(page)
    assert "4 van de 6 knelpunten" in report.sections[0].text
    book = workbook(report)
    assert book.sheetnames == ["Per gemeente", "Definities", "Bron"]
    assert [c.value for c in book["Per gemeente"]["A"]][1:] == [
        "Amersfoort",
        "Bunnik",
        "Houten",
        "Zeist",
    ]
    text = "\n".join(cells(book)) + pdf_text(report)
    for note in NOTES:
        assert note not in text
    assert "Buurthulp Zeist" not in text  # no initiative names either
    assert "omzien export oplossingen --intern" in text
    source = dict(book["Bron"].iter_rows(min_row=2, values_only=True))
    assert source["Selectie"].endswith("thema Zorg en welzijn · soort Financiering en subsidie")
    assert "INTERN" not in "\n".join(str(v) for v in source.values())


def test_intern_solutions_list_the_notes_newest_first(wh) -> None:
    report = solutions_report(wh, "zorg_welzijn", "financiering", intern=True, made_on=MADE_ON)
    book = workbook(report)
    assert book.sheetnames == [
        "Per gemeente",
        "Hoe het werd opgelost (intern)",
        "Definities",
        "Bron",
    ]
    sheet = book["Hoe het werd opgelost (intern)"]
    header = [c.value for c in sheet[1]]
    notes = [
        row[header.index("Toelichting")] for row in sheet.iter_rows(min_row=2, values_only=True)
    ]
    assert tuple(notes) == NOTES
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == [
        "01-07-2026",
        "04-02-2026",
        "01-03-2025",
        "01-06-2024",
    ]
    assert any("INTERN" in str(v) for v in dict(book["Bron"].iter_rows(values_only=True)).values())
    text = pdf_text(report)
    assert "INTERN" in text
    assert "Eenmalige startsubsidie toegekend." in text


def test_solutions_of_a_region_and_of_nothing(wh) -> None:
    report = solutions_report(wh, "zorg_welzijn", "financiering", Filters(region="u10"))
    (table, *_) = report.blocks(model.Table)
    assert list(table.frame["Gemeente"]) == ["Bunnik", "Houten", "Zeist"]
    with pytest.raises(model.NothingToReport, match="Geen knelpunten van deze soort"):
        solutions_report(wh, "cultuur_sport", "beleid")


def test_the_public_directory_holds_only_consenting_initiatives(wh, monkeypatch) -> None:
    monkeypatch.setenv("OMZIEN_CONTACT", "kennisbank@omzien.example")
    report = directory_report(wh, made_on=MADE_ON)
    book = workbook(report)
    assert book.sheetnames == ["Kennisbank", "Bron"]
    sheet = book["Kennisbank"]
    header = [c.value for c in sheet[1]]
    assert "Publiek zichtbaar" not in header
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    # By municipality, then name: Bunnik, Bunnik, Houten, Zeist.
    assert [r[0] for r in rows] == ["KB-NEIGHBOUR", "KB-START", "KB-TWIN", "KB-HALF"]
    assert "KB-PRIVATE" not in cells(book)
    assert "KB-ENERGY" not in cells(book)
    start = dict(zip(header, rows[1], strict=True))
    assert start["Omschrijving"].endswith("Mail [naam] via [e-mail].")
    assert start["Geregistreerd op"] == "01-03-2025"
    assert "kennisbank@omzien.example" in report.sections[0].text
    source = dict(book["Bron"].iter_rows(min_row=2, values_only=True))
    assert source["Selectie"] == "geregistreerd t/m 26-11-2026 · Hele provincie"


def test_the_intern_directory_holds_everyone_with_the_consent_column(wh) -> None:
    book = workbook(directory_report(wh, intern=True, made_on=MADE_ON))
    sheet = book["Kennisbank"]
    header = [c.value for c in sheet[1]]
    consent = {
        r[0]: r[header.index("Publiek zichtbaar")]
        for r in sheet.iter_rows(min_row=2, values_only=True)
    }
    assert consent == {
        "KB-PRIVATE": "nee",
        "KB-NEIGHBOUR": "ja",
        "KB-START": "ja",
        "KB-TWIN": "ja",
        "KB-ENERGY": "nee",
        "KB-HALF": "ja",
    }
    with pytest.raises(model.NothingToReport):
        directory_report(wh, Filters(region="regio_foodvalley"))


def test_sheet_names_are_valid_and_unique() -> None:
    taken: set[str] = set()
    assert sheet_name("Per gemeente", taken) == "Per gemeente"
    assert sheet_name("per gemeente", taken) == "per gemeente 2"
    long = sheet_name("Hoe het werd opgelost: [alle] gevallen / intern?", taken)
    assert long == "Hoe het werd opgelost alle geva"  # 31 characters
    again = sheet_name("Hoe het werd opgelost: [alle] gevallen / intern?", taken)
    assert again == "Hoe het werd opgelost alle ge 2"
    assert sheet_name("[]", taken) == "Blad"
